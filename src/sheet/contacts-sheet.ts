/**
 * The contacts table in the sheet "WhatsApp Contacts": the contacts schema with its header words in every
 * language, merged into the sheet by the keyed-table writer — rows matched by ID, newcomers appended in the
 * usual order (users then groups, by name), contacts that left marked removed — and the changes it made,
 * appended to the changes log. Called only with a non-empty list in hand, so a failed fetch never gets here.
 */
import type { Contact } from '../contacts/contact';
import { sortRows, unsortedRows } from '../contacts/rows';
import { contactsSchema } from '../contacts/table';
import type { Translate } from '../i18n/i18n';
import { wordsOf } from '../i18n/i18n';
import { type MergePlan, type MergeRefusal, planMerge } from '../table/keyed-table';
import { isRemovedMark, removedMark } from '../table/removed-mark';
import { appendChanges, changeLines, logHeader } from './changes-log';
import { applyPlan, readTable, type TableRead } from './keyed-sheet';

/** The sheet the import writes. The same name in every language, so all users and triggers find it. */
export const CONTACTS_SHEET = 'WhatsApp Contacts';

/** A planned update of the contacts sheet. */
export interface ContactsMerge {
  read: TableRead;
  plan: MergePlan;
}

/** The contacts schema with the header words of every language, `locale`'s first. */
export function contactsTable(locale: string) {
  return contactsSchema({
    id: wordsOf(locale, 'header.id'),
    phone: wordsOf(locale, 'header.phone'),
    name: wordsOf(locale, 'header.name'),
    contactName: wordsOf(locale, 'header.contactName'),
    type: wordsOf(locale, 'header.type'),
    status: wordsOf(locale, 'header.status'),
  });
}

/** Reads the sheet and plans the merge of `contacts` (nothing is written). */
export function planContacts(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  contacts: readonly Contact[],
  locale: string,
  t: Translate,
  day: string,
): ContactsMerge | MergeRefusal {
  const read = readTable(spreadsheet, CONTACTS_SHEET);
  const plan = planMerge(contactsTable(locale), read.content, {
    // Matched rows keep their place, so only the appended ones need the table's order.
    rows: unsortedRows(contacts),
    orderAppended: sortRows,
    removedMark: removedMark(t, day),
    isRemovedMark,
  });
  return 'error' in plan ? plan : { read, plan };
}

/** Writes a planned merge and logs its changes (stamped `time`); returns the contacts sheet. */
export function applyContacts(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  merge: ContactsMerge,
  t: Translate,
  time: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = applyPlan(spreadsheet, CONTACTS_SHEET, merge.read, merge.plan);
  const words = {
    added: t('log.added'),
    removed: t('log.removed'),
    returned: t('log.returned'),
    changed: t('log.renamed'),
    imported: (count: number) => t('log.firstImport', { count }),
  };
  appendChanges(
    spreadsheet,
    logHeader(t),
    changeLines(merge.plan.changes, words, time, (key) => key[0]),
  );
  return sheet;
}
