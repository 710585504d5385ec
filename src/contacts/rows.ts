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

/** A contact's row: ID, Phone, Name, Contact name, Type (exact text). */
export function contactRow(contact: Contact): string[] {
  return [contact.id, phoneOf(contact.id), contact.name, contact.contactName, contact.type];
}

/** Unsorted rows (without header) for the contacts that pass `filter`. */
export function unsortedRows(contacts: readonly Contact[], filter: ContactFilter = 'all'): string[][] {
  const rows: string[][] = [];
  for (const contact of contacts)
    if (filter === 'all' || contact.type === filter) rows.push(contactRow(contact));
  return rows;
}

/**
 * Rows in the table's order: users before groups, each by display name (contact name, else name, else phone;
 * nameless last), then by id. One sort key per row — type, has-a-name, lower-cased name, id, position —
 * compared by the engine's own string order (no comparator callback): the same order as comparing those fields
 * one by one, since NUL sorts first, and several times faster for 100,000 rows.
 */
export function sortRows(rows: readonly string[][]): string[][] {
  const keys: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const name = row[3].trim() || row[2].trim() || row[1];
    const prefix = row[4] === 'group' ? (name ? '2' : '3') : name ? '0' : '1';
    keys[i] = `${prefix}${name.toLowerCase()}\u0000${row[0]}\u0000${i}`;
  }
  keys.sort();
  const sorted: string[][] = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    sorted[i] = rows[Number(key.slice(key.lastIndexOf('\u0000') + 1))];
  }
  return sorted;
}

/** Sorted rows (without header) for the contacts that pass `filter`. */
export function contactRows(contacts: readonly Contact[], filter: ContactFilter = 'all'): string[][] {
  return sortRows(unsortedRows(contacts, filter));
}
