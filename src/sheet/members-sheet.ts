/**
 * The members table in the sheet "WhatsApp Group Members" (a keyed table: sheet/sheet-table.ts), keyed by
 * (Group ID, Member ID): each slice of the members import merges the groups it read (rows of other groups are
 * left as they are), and the log says "joined", "left", "role changed".
 */
import { wordsOf } from '../i18n/i18n';
import { GROUP_ID } from '../members/group';
import { sortMemberRows } from '../members/rows';
import { membersSchema } from '../members/table';
import { findHeader } from '../table/keyed-table';
import { isRemovedMark } from '../table/removed-mark';
import { readTable } from './keyed-sheet';
import type { SheetTable } from './sheet-table';

/** The sheet the members import writes; the same name in every language. */
export const MEMBERS_SHEET = 'WhatsApp Group Members';

/** The members table. */
export const MEMBERS_TABLE: SheetTable = {
  sheet: MEMBERS_SHEET,
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
    imported: (count) => t('log.firstMembers', { count }),
  }),
  logId: (key) => key[1],
};

/** The group ids with live (not removed) rows in the members sheet, in one read. */
export function groupsInSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: string,
): string[] {
  const read = readTable(spreadsheet, MEMBERS_SHEET);
  const header = read.content.values[0] ?? [];
  const schema = MEMBERS_TABLE.schema(locale);
  const group = findHeader(header, schema.columns[0].headers);
  const status = findHeader(header, schema.status.headers);
  if (group < 0) return [];
  const ids = new Set<string>();
  for (const row of read.content.values.slice(1)) {
    const id = String(row[group] ?? '').trim();
    if (GROUP_ID.test(id) && !(status >= 0 && isRemovedMark(String(row[status] ?? '')))) ids.add(id);
  }
  return [...ids];
}
