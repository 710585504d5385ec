/**
 * Contacts to table rows: the columns ID, Phone, Name, Contact name, Type, users before groups, each sorted by
 * display name (contactName, else name, else phone) and then by id, so the same list always gives the same table.
 * Rows hold the exact text; escaping for setValues is the sheet writer's job.
 */
import type { Contact, ContactType } from './contact';

/** Number of columns of the contacts table (A–E). */
export const COLUMN_COUNT = 5;

/** Which contacts a table shows. */
export type ContactFilter = 'all' | ContactType;

/** `+` and the digits of a `…@c.us` id; '' for groups (`@g.us`) and linked ids (`@lid`), which are not phones. */
export function phoneOf(id: string): string {
  const match = /^(\d{5,20})@c\.us$/.exec(id);
  return match ? `+${match[1]}` : '';
}

/** The name a person would look for: contactName, else name, else the phone. */
export function displayName(contact: Contact): string {
  return contact.contactName.trim() || contact.name.trim() || phoneOf(contact.id);
}

/** Sorted rows (without header) for the contacts that pass `filter`. */
export function contactRows(contacts: readonly Contact[], filter: ContactFilter = 'all'): string[][] {
  // One sort key per contact — type, has-a-name, lower-cased name, id, position — compared by the engine's own
  // string order (no comparator callback): the same order as comparing those fields one by one, since NUL sorts
  // first, and several times faster for 100,000 contacts.
  const keys: string[] = [];
  const picked: Contact[] = [];
  for (const contact of contacts) {
    if (filter !== 'all' && contact.type !== filter) continue;
    const name = displayName(contact);
    const prefix = contact.type === 'group' ? (name ? '2' : '3') : name ? '0' : '1';
    keys.push(`${prefix}${name.toLowerCase()}\u0000${contact.id}\u0000${picked.length}`);
    picked.push(contact);
  }
  keys.sort();
  const rows: string[][] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const contact = picked[Number(key.slice(key.lastIndexOf('\u0000') + 1))];
    rows[i] = [contact.id, phoneOf(contact.id), contact.name, contact.contactName, contact.type];
  }
  return rows;
}
