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
  const keyed = [];
  for (const contact of contacts) {
    if (filter !== 'all' && contact.type !== filter) continue;
    const name = displayName(contact);
    keyed.push({
      contact,
      group: contact.type === 'group' ? 1 : 0,
      empty: name ? 0 : 1,
      key: name.toLowerCase(),
    });
  }
  keyed.sort(
    (a, b) =>
      a.group - b.group || a.empty - b.empty || compare(a.key, b.key) || compare(a.contact.id, b.contact.id),
  );
  return keyed.map(({ contact }) => [
    contact.id,
    phoneOf(contact.id),
    contact.name,
    contact.contactName,
    contact.type,
  ]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
