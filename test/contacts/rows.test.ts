import { describe, expect, it } from '@jest/globals';
import type { Contact } from '../../src/contacts/contact';
import { contactRows, displayName, phoneOf } from '../../src/contacts/rows';

const c = (id: string, name = '', contactName = '', type: 'user' | 'group' = 'user'): Contact => ({
  id,
  name,
  contactName,
  type,
});

describe('phoneOf', () => {
  it('turns a @c.us id into + and digits', () => {
    expect(phoneOf('79001234567@c.us')).toBe('+79001234567');
  });

  it('gives no phone for groups and linked ids, which are not phone numbers', () => {
    expect(phoneOf('79001234569-1479621234@g.us')).toBe('');
    expect(phoneOf('123456789012345@lid')).toBe('');
    expect(phoneOf('abc@c.us')).toBe('');
  });
});

describe('displayName', () => {
  it('prefers contactName, then name, then the phone', () => {
    expect(displayName(c('1234567@c.us', 'Profile', 'Book'))).toBe('Book');
    expect(displayName(c('1234567@c.us', 'Profile', ''))).toBe('Profile');
    expect(displayName(c('1234567@c.us'))).toBe('+1234567');
  });
});

describe('contactRows', () => {
  const contacts = [
    c('2@g.us', 'Beta group', '', 'group'),
    c('79000000002@c.us', 'zed'),
    c('79000000001@c.us', '', 'Anna'),
    c('1@g.us', 'alpha group', '', 'group'),
    c('79000000003@c.us', 'anna'),
    c('5@lid', ''),
  ];

  it('lists users then groups, each by display name, ties by id, nameless last', () => {
    expect(contactRows(contacts).map((r) => r[0])).toEqual([
      '79000000001@c.us',
      '79000000003@c.us',
      '79000000002@c.us',
      '5@lid',
      '1@g.us',
      '2@g.us',
    ]);
  });

  it('gives the columns ID, Phone, Name, Contact name, Type', () => {
    expect(contactRows([c('79000000001@c.us', 'Profile', 'Book')])).toEqual([
      ['79000000001@c.us', '+79000000001', 'Profile', 'Book', 'user'],
    ]);
  });

  it('gives the same table for the same contacts in any order', () => {
    const reversed = [...contacts].reverse();
    expect(contactRows(reversed)).toEqual(contactRows(contacts));
  });

  it('filters by type', () => {
    expect(contactRows(contacts, 'group').map((r) => r[4])).toEqual(['group', 'group']);
    expect(contactRows(contacts, 'user')).toHaveLength(4);
  });
});
