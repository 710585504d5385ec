/**
 * Members to rows: names from the contact list (contact name, else name; empty for a stranger), a phone only
 * for `@c.us`, the group's subject else its contact-list name, and the table's order.
 */
import { describe, expect, it } from '@jest/globals';
import type { Contact } from '../../src/contacts/contact';
import type { Group } from '../../src/members/group';
import { formulaRows, memberRows, namesOf, sortMemberRows } from '../../src/members/rows';

const contacts: Contact[] = [
  { id: '79000000001@c.us', name: 'Profile', contactName: 'Book name', type: 'user' },
  { id: '79000000002@c.us', name: 'Only profile', contactName: '  ', type: 'user' },
  { id: '79000000003@c.us', name: '', contactName: '', type: 'user' },
  { id: 'g@g.us', name: 'Group from contacts', contactName: '', type: 'group' },
];

const group: Group = {
  id: 'g@g.us',
  subject: '',
  members: [
    { id: '9@lid', role: 'member' },
    { id: '79000000003@c.us', role: 'member' },
    { id: '79000000002@c.us', role: 'admin' },
    { id: '79000000001@c.us', role: 'superadmin' },
  ],
};

describe('member rows', () => {
  it('names members from the contact list, phones only @c.us ids, and names the group from the list', () => {
    const names = namesOf(contacts);
    expect(memberRows(group, names)).toEqual([
      ['g@g.us', 'Group from contacts', '9@lid', '', '', 'member'],
      ['g@g.us', 'Group from contacts', '79000000003@c.us', '+79000000003', '', 'member'],
      ['g@g.us', 'Group from contacts', '79000000002@c.us', '+79000000002', 'Only profile', 'admin'],
      ['g@g.us', 'Group from contacts', '79000000001@c.us', '+79000000001', 'Book name', 'superadmin'],
    ]);
    expect(memberRows({ ...group, subject: 'Subject' }, names)[0][1]).toBe('Subject');
  });

  it('orders the formula rows superadmin, admins, members, the named before the nameless', () => {
    expect(formulaRows(group, namesOf(contacts)).map((r) => r[0])).toEqual([
      '79000000001@c.us',
      '79000000002@c.us',
      '79000000003@c.us',
      '9@lid',
    ]);
  });

  it('orders sheet rows by group name, then role', () => {
    const rows = [
      ['b@g.us', 'beta', '79000000001@c.us', '', '', 'member'],
      ['a@g.us', 'Alpha', '79000000002@c.us', '', '', 'member'],
      ['a@g.us', 'Alpha', '79000000003@c.us', '', '', 'superadmin'],
    ];
    expect(sortMemberRows(rows).map((r) => r[2])).toEqual([
      '79000000003@c.us',
      '79000000002@c.us',
      '79000000001@c.us',
    ]);
  });
});
