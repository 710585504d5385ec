/**
 * The members table in the sheet "WhatsApp Group Members": the members schema with its header words in every
 * language, merged into the sheet by the keyed-table writer for the groups one slice of the members import has
 * read (rows of other groups are left as they are), and the changes appended to the changes log.
 */
import { type Translate, wordsOf } from '../i18n/i18n';
import { sortMemberRows } from '../members/rows';
import { membersSchema } from '../members/table';
import { headerKey, type MergePlan, type MergeRefusal, planMerge } from '../table/keyed-table';
import { isRemovedMark, removedMark } from '../table/removed-mark';
import { appendChanges, changeLines, logHeader } from './changes-log';
import { applyPlan, readTable, type TableRead } from './keyed-sheet';

/** The sheet the members import writes; the same name in every language. */
export const MEMBERS_SHEET = 'WhatsApp Group Members';

/** A planned update of the members sheet. */
export interface MembersMerge {
  read: TableRead;
  plan: MergePlan;
}

/** The members schema with the header words of every language, `locale`'s first. */
export function membersTable(locale: string) {
  return membersSchema({
    groupId: wordsOf(locale, 'header.groupId'),
    groupName: wordsOf(locale, 'header.groupName'),
    memberId: wordsOf(locale, 'header.memberId'),
    phone: wordsOf(locale, 'header.phone'),
    name: wordsOf(locale, 'header.name'),
    role: wordsOf(locale, 'header.role'),
    status: wordsOf(locale, 'header.status'),
  });
}

/** The group ids with live (not removed) rows in the members sheet, in one read. */
export function groupsInSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  locale: string,
): string[] {
  const read = readTable(spreadsheet, MEMBERS_SHEET);
  const header = read.content.values[0] ?? [];
  const table = membersTable(locale);
  const find = (words: readonly string[]) => {
    const names = new Set(words.map(headerKey));
    return header.findIndex((h) => names.has(headerKey(h)));
  };
  const group = find(table.columns[0].headers);
  const status = find(table.status.headers);
  if (group < 0) return [];
  const ids = new Set<string>();
  for (const row of read.content.values.slice(1)) {
    const id = String(row[group] ?? '').trim();
    if (/@g\.us$/.test(id) && !(status >= 0 && isRemovedMark(String(row[status] ?? '')))) ids.add(id);
  }
  return [...ids];
}

/** Reads the sheet and plans the merge of `rows` for the groups in `groups` (nothing is written). */
export function planMembers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: readonly string[][],
  groups: ReadonlySet<string>,
  locale: string,
  t: Translate,
  day: string,
): MembersMerge | MergeRefusal {
  const read = readTable(spreadsheet, MEMBERS_SHEET);
  const plan = planMerge(membersTable(locale), read.content, {
    rows,
    orderAppended: sortMemberRows,
    inScope: (key) => groups.has(key[0]),
    removedMark: removedMark(t, day),
    isRemovedMark,
  });
  return 'error' in plan ? plan : { read, plan };
}

/** Writes a planned merge and logs its changes (stamped `time`); returns the members sheet. */
export function applyMembers(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  merge: MembersMerge,
  t: Translate,
  time: string,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = applyPlan(spreadsheet, MEMBERS_SHEET, merge.read, merge.plan);
  const words = {
    added: t('log.joined'),
    removed: t('log.left'),
    returned: t('log.joined'),
    changed: t('log.roleChanged'),
    imported: (count: number) => t('log.firstMembers', { count }),
  };
  appendChanges(
    spreadsheet,
    logHeader(t),
    changeLines(merge.plan.changes, words, time, (key) => key[1]),
  );
  return sheet;
}
