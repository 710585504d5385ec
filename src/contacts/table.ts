/**
 * The contacts table as a keyed table: the columns ID, Phone, Name, Contact name, Type and Status, keyed by ID.
 * A row is the table's when its ID looks like a WhatsApp id (`…@c.us`, `…@g.us`, `…@lid`); the log shows a
 * contact by the name a person sees (contact name, else name, else phone), so a change of that name is a rename.
 */
import type { TableSchema } from '../table/keyed-table';
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
      { headers: headers.id, key: true },
      { headers: headers.phone },
      { headers: headers.name },
      { headers: headers.contactName },
      { headers: headers.type },
    ],
    status: { headers: headers.status },
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
