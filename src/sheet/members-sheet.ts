/**
 * The members table in the sheet "WhatsApp Group Members" (a keyed table: sheet/sheet-table.ts), keyed by
 * (Group ID, Member ID): each slice of the members import merges the groups it read (rows of other groups are
 * left as they are), and the log says "joined", "left", "role changed".
 */
import { wordsOf } from '../i18n/i18n';
import { GROUP_ID } from '../members/group';
import { sortMemberRows } from '../members/rows';
import { membersSchema } from '../members/table';
import { isRemovedMark } from '../table/removed-mark';
import { locateTable, type SheetTable } from './sheet-table';
import type { TableContext } from './table-tags';

/** The sheet the members import writes; the same name in every language. */
export const MEMBERS_SHEET = 'WhatsApp Group Members';

/** The members table. */
export const MEMBERS_TABLE: SheetTable = {
  sheet: MEMBERS_SHEET,
  tag: 'whatsapp-contacts.members',
  idProperty: 'wa.table.members.sheetId',
  schema: (locale) =>
    membersSchema({
      groupId: wordsOf(locale, 'header.groupId'),
      groupName: wordsOf(locale, 'header.groupName'),
      memberId: wordsOf(locale, 'header.memberId'),
      phone: wordsOf(locale, 'header.phone'),
      name: wordsOf(locale, 'header.name'),
      role: wordsOf(locale, 'header.role'),
      status: wordsOf(locale, 'header.status'),
    }),
  order: sortMemberRows,
  words: (t) => ({
    added: t('log.joined'),
    removed: t('log.left'),
    returned: t('log.joined'),
    changed: t('log.roleChanged'),
    column: t('log.column'),
    imported: (count) => t('log.firstMembers', { count }),
  }),
  logId: (key) => key[1],
};

/** The group ids with live (not removed) rows in the members table, in one read. */
export function groupsInSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: string,
  context: TableContext | null = null,
): string[] {
  const table = locateTable(spreadsheet, MEMBERS_TABLE, locale, context);
  if (!table) return [];
  const { own, read } = table;
  const group = own.columns[0] - 1;
  const status = own.columns[own.columns.length - 1] - 1;
  const ids = new Set<string>();
  for (const row of read.content.values.slice(own.headerRow + 1)) {
    const id = String(row[group] ?? '').trim();
    if (GROUP_ID.test(id) && !isRemovedMark(String(row[status] ?? ''))) ids.add(id);
  }
  return [...ids];
}
