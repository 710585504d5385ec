/**
 * Reading a getGroupData answer: the documented example, the roles from the admin flags, and the undocumented
 * answers for a group the account is not in, which must never crash.
 */
import { describe, expect, it } from '@jest/globals';
import { parseGroupData } from '../../src/members/parse';

/** GREEN-API's documented example answer (GetGroupData page). */
const EXAMPLE = {
  groupId: '11001234567-1587570015@g.us',
  owner: '11001234567@c.us',
  subject: 'Green API Group',
  creation: 1587570015,
  participants: [
    { id: '11001234567@c.us', isAdmin: true, isSuperAdmin: true },
    { id: '79001234568@c.us', isAdmin: true, isSuperAdmin: false },
    { id: '79001234569@c.us', isAdmin: false, isSuperAdmin: false },
  ],
  subjectTime: 1587737715,
  subjectOwner: '11001234567@c.us',
  groupInviteLink: 'https://chat.whatsapp.com/xxxxxxxxxxxxxxxxxxxxxx',
};

describe('parseGroupData', () => {
  it('reads the documented example: subject, and roles from isSuperAdmin / isAdmin', () => {
    expect(parseGroupData(EXAMPLE, EXAMPLE.groupId)).toEqual({
      id: EXAMPLE.groupId,
      subject: 'Green API Group',
      members: [
        { id: '11001234567@c.us', role: 'superadmin' },
        { id: '79001234568@c.us', role: 'admin' },
        { id: '79001234569@c.us', role: 'member' },
      ],
    });
  });

  it('takes an answer without the group, without participants or with none as "not in this group"', () => {
    expect(parseGroupData({ groupId: '', participants: [] }, 'g@g.us')).toBe('notInGroup');
    expect(parseGroupData({ groupId: 'g@g.us' }, 'g@g.us')).toBe('notInGroup');
    expect(parseGroupData({ groupId: 'g@g.us', participants: [] }, 'g@g.us')).toBe('notInGroup');
    expect(parseGroupData({}, 'g@g.us')).toBe('notInGroup');
  });

  it('skips participants without a usable id, keeps the first of duplicates, ignores extra fields like lid', () => {
    const group = parseGroupData(
      {
        groupId: 'g@g.us',
        participants: [
          { id: '', isAdmin: true },
          null,
          { id: 'null@c.us' },
          { id: ' 1@c.us ', lid: '55@lid', isAdmin: true },
          { id: '1@c.us', isSuperAdmin: true },
          { id: '2@lid', isAdmin: 'yes' },
        ],
      },
      'g@g.us',
    );
    expect(group).toEqual({
      id: 'g@g.us',
      subject: '',
      members: [
        { id: '1@c.us', role: 'admin' },
        { id: '2@lid', role: 'member' },
      ],
    });
  });

  it('refuses an answer that is not a JSON object as unexpected', () => {
    for (const json of [null, [], 'text', 5])
      expect(() => parseGroupData(json, 'g@g.us')).toThrow(/unexpected/);
  });
});
