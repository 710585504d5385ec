/**
 * The number checks table in the sheet "WhatsApp Number Checks" (a keyed table: sheet/sheet-table.ts), keyed by
 * the number in E.164: each slice of a check merges the numbers it asked (rows of other numbers are left as they
 * are, none is ever marked removed); the log says "checked" for a new or changed answer. Found, like the other two
 * tables, by its stored sheet id and its tags (`whatsapp-contacts.checks`).
 */
import { wordsOf } from '../i18n/i18n';
import { type CheckedNumber, checksOf, checksSchema } from '../numbers/table';
import { readTableRows, type SheetTable } from './sheet-table';
import type { TableContext } from './table-tags';

/** The sheet the number check writes; the same name in every language. */
export const CHECKS_SHEET = 'WhatsApp Number Checks';

/** The checks table. */
export const CHECKS_TABLE: SheetTable = {
  sheet: CHECKS_SHEET,
  tag: 'whatsapp-contacts.checks',
  idProperty: 'wa.table.checks.sheetId',
  schema: (locale) =>
    checksSchema({
      number: wordsOf(locale, 'header.number'),
      whatsapp: wordsOf(locale, 'header.whatsapp'),
      chatId: wordsOf(locale, 'header.chatId'),
      checkedAt: wordsOf(locale, 'header.checkedAt'),
      status: wordsOf(locale, 'header.status'),
    }),
  order: (rows) => rows,
  words: (t) => ({
    added: t('log.checked'),
    removed: t('log.checked'),
    returned: t('log.checked'),
    changed: t('log.checked'),
    column: t('log.column'),
    imported: (count) => t('log.firstChecks', { count }),
  }),
  logId: (key) => key[0],
};

/** Every answer the table holds, by E.164 (none without a table). Reads only: custom functions may call it. */
export function knownChecks(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: string,
  context: TableContext | null,
): Map<string, CheckedNumber> {
  return checksOf(readTableRows(spreadsheet, CHECKS_TABLE, locale, context) ?? []);
}
