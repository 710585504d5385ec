/**
 * The contacts table in the sheet "WhatsApp Contacts" (a keyed table: sheet/sheet-table.ts): rows matched by
 * ID, newcomers appended in the usual order (users then groups, by name), contacts that left marked removed, and
 * in the log "added", "removed", "returned", "renamed".
 */
import { sortRows } from '../contacts/rows';
import { contactsSchema } from '../contacts/table';
import { wordsOf } from '../i18n/i18n';
import type { SheetTable } from './sheet-table';

/** The sheet the import writes. The same name in every language, so all users and triggers find it. */
export const CONTACTS_SHEET = 'WhatsApp Contacts';

/** The contacts table. */
export const CONTACTS_TABLE: SheetTable = {
  sheet: CONTACTS_SHEET,
  tag: 'whatsapp-contacts.contacts',
  idProperty: 'wa.table.contacts.sheetId',
  schema: (locale) =>
    contactsSchema({
      id: wordsOf(locale, 'header.id'),
      phone: wordsOf(locale, 'header.phone'),
      name: wordsOf(locale, 'header.name'),
      contactName: wordsOf(locale, 'header.contactName'),
      type: wordsOf(locale, 'header.type'),
      status: wordsOf(locale, 'header.status'),
    }),
  order: sortRows,
  words: (t) => ({
    added: t('log.added'),
    removed: t('log.removed'),
    returned: t('log.returned'),
    changed: t('log.renamed'),
    column: t('log.column'),
    imported: (count) => t('log.firstImport', { count }),
  }),
  logId: (key) => key[0],
};
