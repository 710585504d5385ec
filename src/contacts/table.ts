/**
 * The contacts table as a keyed table: the columns ID, Phone, Name, Contact name, Type and Status, keyed by ID.
 * A row is the table's when its ID looks like a WhatsApp id (`…@c.us`, `…@g.us`, `…@lid`). Each column has an
 * identity (its tag) and, where it has one, the pattern of what it holds (for adopting an untagged table: ID a
 * WhatsApp id, Phone `+digits`, Type `user`/`group`, Status only removed marks). The log shows a
 * contact by the name a person sees (contact name, else name, else phone), so a change of that name is a rename.
 */
import type { TableSchema } from '../table/keyed-table';
import { isRemovedMark } from '../table/removed-mark';
import type { Contact } from './contact';
import { WHATSAPP_ID } from './parse';
import { displayName } from './rows';

/** Header words of each column, the current language's first (see i18n `wordsOf`). */
export interface ContactHeaders {
  id: readonly string[];
  phone: readonly string[];
  name: readonly string[];
  contactName: readonly string[];
  type: readonly string[];
  status: readonly string[];
}

/** The contacts table's schema. */
export function contactsSchema(headers: ContactHeaders): TableSchema {
  return {
    columns: [
      { id: 'id', headers: headers.id, key: true, fits: (text) => WHATSAPP_ID.test(text) },
      { id: 'phone', headers: headers.phone, fits: (text) => /^\+\d{1,20}$/.test(text) },
      { id: 'name', headers: headers.name },
      { id: 'contactName', headers: headers.contactName },
      { id: 'type', headers: headers.type, fits: (text) => text === 'user' || text === 'group' },
    ],
    status: { id: 'status', headers: headers.status, fits: isRemovedMark },
    validKey: (parts) => WHATSAPP_ID.test(parts[0]),
    label: (row) => displayName(rowContact(row)),
    context: () => '',
  };
}

function rowContact(row: readonly string[]): Contact {
  return {
    id: row[0] ?? '',
    name: row[2] ?? '',
    contactName: row[3] ?? '',
    type: row[4] === 'group' ? 'group' : 'user',
  };
}
