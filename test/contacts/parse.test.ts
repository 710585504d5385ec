import { describe, expect, it } from '@jest/globals';
import { parseContacts } from '../../src/contacts/parse';

describe('parseContacts', () => {
  it('keeps the documented fields and fills missing names with empty text', () => {
    expect(
      parseContacts([
        { id: '11001234567@c.us', name: 'Иван Петров', contactName: 'Иван Работа', type: 'user' },
        { id: '79001234569-1479621234@g.us', name: 'Моя группа', type: 'group' },
      ]),
    ).toEqual([
      { id: '11001234567@c.us', name: 'Иван Петров', contactName: 'Иван Работа', type: 'user' },
      { id: '79001234569-1479621234@g.us', name: 'Моя группа', contactName: '', type: 'group' },
    ]);
  });

  it('infers a missing or unknown type from the id', () => {
    const [group, user] = parseContacts([{ id: '120363043968066561@g.us' }, { id: '1@lid', type: 'bot' }]);
    expect(group.type).toBe('group');
    expect(user.type).toBe('user');
  });

  it('skips entries without an id, ids that are not WhatsApp ids, the bogus null@c.us, and duplicates', () => {
    const contacts = parseContacts([
      null,
      5,
      {},
      { id: '' },
      { id: 'null@c.us' },
      { id: 'no-at-sign' },
      { id: 'two words@c.us' },
      { id: '1@c.us', name: 'a' },
      { id: '1@c.us', name: 'b' },
    ]);
    expect(contacts).toEqual([{ id: '1@c.us', name: 'a', contactName: '', type: 'user' }]);
  });

  it('rejects an answer that is not an array', () => {
    expect(() => parseContacts({ contacts: [] })).toThrow('unexpected');
    expect(() => parseContacts(null)).toThrow('unexpected');
  });
});
