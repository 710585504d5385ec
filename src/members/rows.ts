/**
 * Group members to table rows. The members sheet's rows are Group ID, Group name, Member ID, Phone, Name, Role;
 * the formula's are Member ID, Phone, Name, Role. Phone follows the contacts sheet's rule (only a `…@c.us` id
 * is a phone); Name comes from the contact list (contact name, else name) and is empty for a member who is not
 * a contact. Order: by group name and id, then superadmin, admins, members, each by name and id.
 */
import type { Contact } from '../contacts/contact';
import { phoneOf } from '../contacts/rows';
import { type Group, ROLES } from './group';

/** Member names from the contact list: contact name, else name (exact text), for contacts that have one. */
export function namesOf(contacts: readonly Contact[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of contacts) {
    const name = c.contactName.trim() ? c.contactName : c.name.trim() ? c.name : '';
    if (name) names.set(c.id, name);
  }
  return names;
}

/** A group's name: its subject, else the contact list's name for it. */
export function groupName(group: Group, names: ReadonlyMap<string, string>): string {
  return group.subject || names.get(group.id) || '';
}

/** The members sheet's rows of one group (unsorted). */
export function memberRows(group: Group, names: ReadonlyMap<string, string>): string[][] {
  const name = groupName(group, names);
  return group.members.map((m) => [group.id, name, m.id, phoneOf(m.id), names.get(m.id) ?? '', m.role]);
}

/** Members sheet rows in the table's order. */
export function sortMemberRows(rows: readonly string[][]): string[][] {
  return sortBy(
    rows,
    (row) => `${row[1].toLowerCase()}\u0000${row[0]}\u0000${roleKey(row[5], row[4], row[2])}`,
  );
}

/** The formula's rows of one group: Member ID, Phone, Name, Role, in the table's order. */
export function formulaRows(group: Group, names: ReadonlyMap<string, string>): string[][] {
  const rows = group.members.map((m) => [m.id, phoneOf(m.id), names.get(m.id) ?? '', m.role]);
  return sortBy(rows, (row) => roleKey(row[3], row[2], row[0]));
}

function roleKey(role: string, name: string, id: string): string {
  const rank = ROLES.indexOf(role as (typeof ROLES)[number]);
  return `${rank < 0 ? 3 : rank}${name ? '0' : '1'}${name.toLowerCase()}\u0000${id}`;
}

/** Sorts by one string key per row (the engine's own string order, no comparator callback). */
function sortBy(rows: readonly string[][], key: (row: string[]) => string): string[][] {
  const keys = rows.map((row, i) => `${key(row)}\u0000${i}`);
  keys.sort();
  return keys.map((k) => rows[Number(k.slice(k.lastIndexOf('\u0000') + 1))]);
}
