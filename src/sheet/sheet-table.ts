/**
 * A keyed table in its sheet, end to end: read the sheet, plan the merge of a new list (rows matched by key, new
 * ones appended in the table's order, gone ones marked removed in the language of whoever runs it), then write
 * the plan and append its changes to the changes log. The contacts and the group members are two such tables,
 * each described once (sheet/contacts-sheet.ts, sheet/members-sheet.ts).
 */
import type { Translate } from '../i18n/i18n';
import {
  type MergePlan,
  type MergeRefusal,
  ownRows,
  planMerge,
  type TableSchema,
} from '../table/keyed-table';
import { isRemovedMark, removedMark } from '../table/removed-mark';
import { appendChanges, type ChangeWords, changeLines, logHeader } from './changes-log';
import { applyPlan, readTable, type TableRead } from './keyed-sheet';

/** What makes a table: its sheet, its schema, its order and the words of its changes. */
export interface SheetTable {
  /** The sheet's name: the same in every language, so every user and trigger finds it. */
  sheet: string;
  /** The schema with the header words of every language, `locale`'s first. */
  schema(locale: string): TableSchema;
  /** The order of appended rows. */
  order(rows: string[][]): string[][];
  /** The log's words for this table's changes. */
  words(t: Translate): ChangeWords;
  /** The log's ID of a row's key. */
  logId(key: readonly string[]): string;
}

/** A planned update of a table. */
export interface TableMerge {
  read: TableRead;
  plan: MergePlan;
}

/** Reads the sheet and plans the merge of `rows` (only keys `inScope` may be marked removed); writes nothing. */
export function planTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: SheetTable,
  rows: readonly string[][],
  locale: string,
  t: Translate,
  day: string,
  inScope?: (key: readonly string[]) => boolean,
): TableMerge | MergeRefusal {
  const read = readTable(spreadsheet, table.sheet);
  const plan = planMerge(table.schema(locale), read.content, {
    rows,
    orderAppended: table.order,
    inScope,
    removedMark: removedMark(t, day),
    isRemovedMark,
  });
  return 'error' in plan ? plan : { read, plan };
}

/** Writes a planned merge; returns the sheet. */
export function applyTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: SheetTable,
  merge: TableMerge,
): GoogleAppsScript.Spreadsheet.Sheet {
  return applyPlan(spreadsheet, table.sheet, merge.read, merge.plan);
}

/** Appends a written merge's changes (stamped `time`) to the changes log. */
export function logTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: SheetTable,
  merge: TableMerge,
  t: Translate,
  time: string,
): void {
  appendChanges(
    spreadsheet,
    logHeader(t),
    changeLines(merge.plan.changes, table.words(t), time, table.logId),
  );
}

/**
 * The table's live rows as the sheet holds them (exact text of its data columns, the sheet's order), found the
 * way the writer finds them; null when there is no table. Reads only: custom functions may call it.
 */
export function readTableRows(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: SheetTable,
  locale: string,
): string[][] | null {
  const read = readTable(spreadsheet, table.sheet);
  if (!read.sheet) return null;
  return ownRows(table.schema(locale), read.content, isRemovedMark);
}
