/**
 * A keyed table in its sheet, end to end: read the sheet, plan the merge of a new list (rows matched by key, new
 * ones appended in the table's order, gone ones marked removed in the language of whoever runs it), then write
 * the plan and append its changes to the changes log. The contacts and the group members are two such tables,
 * each described once (sheet/contacts-sheet.ts, sheet/members-sheet.ts).
 */
import type { Translate } from '../i18n/i18n';
import type { Services } from '../platform/services';
import {
  type MergePlan,
  type MergeRefusal,
  ownRows,
  planMerge,
  type TableSchema,
} from '../table/keyed-table';
import { findOwnColumns, type OwnColumns } from '../table/own-columns';
import { isRemovedMark, removedMark } from '../table/removed-mark';
import { appendChanges, type ChangeWords, changeLines, logHeader } from './changes-log';
import { applyPlan, readTable, type TableRead } from './keyed-sheet';
import type { TableContext, TableIdentity } from './table-tags';

/** What makes a table: its sheet and identity, its schema, its order and the words of its changes. */
export interface SheetTable extends TableIdentity {
  /** The sheet's default name: the same in every language. The table is found by its stored id first. */
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
  context: TableContext | null = null,
): TableMerge | MergeRefusal {
  const read = readTable(spreadsheet, table, context);
  return planRead(table, read, rows, locale, t, day, inScope);
}

/** Plans the merge of `rows` into a table already read (a second plan costs no spreadsheet call). */
export function planRead(
  table: SheetTable,
  read: TableRead,
  rows: readonly string[][],
  locale: string,
  t: Translate,
  day: string,
  inScope?: (key: readonly string[]) => boolean,
): TableMerge | MergeRefusal {
  const plan = planMerge(table.schema(locale), read.content, {
    rows,
    orderAppended: table.order,
    inScope,
    removedMark: removedMark(t, day),
    isRemovedMark,
  });
  return 'error' in plan ? plan : { read, plan };
}

/** A table located as a merge would locate it (by its tags, else by header words and contents). */
export interface LocatedTable {
  read: TableRead & { sheet: GoogleAppsScript.Spreadsheet.Sheet };
  own: OwnColumns;
  /** Rows the sheet uses (the read area's height). */
  usedRows: number;
  usedColumns: number;
}

/** Finds the table and its own columns without a new list (delete, members' groups); null without one. */
export function locateTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: SheetTable,
  locale: string,
  context: TableContext | null,
): LocatedTable | null {
  const read = readTable(spreadsheet, table, context);
  const { sheet } = read;
  if (!sheet) return null;
  const values = read.content.values;
  const usedRows = values.length;
  const usedColumns = values.reduce((n, row) => Math.max(n, row.length), 0);
  const own = findOwnColumns(table.schema(locale), read.content, { usedRows, usedColumns, rows: [] });
  if ('error' in own) return null;
  return { read: { ...read, sheet }, own, usedRows, usedColumns };
}

/** Where a run keeps and finds the tables' identity (stored sheet ids, metadata enums, protection words). */
export function tableContext(services: Services, t: Translate): TableContext {
  return {
    properties: services.hasDocumentStore() ? services.properties() : null,
    enums: services.sheetEnums(),
    protection: t('table.protection'),
  };
}

/** Writes a planned merge; returns the sheet. */
export function applyTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: SheetTable,
  merge: TableMerge,
  context: TableContext | null = null,
): GoogleAppsScript.Spreadsheet.Sheet {
  return applyPlan(spreadsheet, table, merge.read, merge.plan, context);
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
 * way the writer finds them (its stored sheet id and tags, else header words and contents); null when there is
 * no table. Reads only: custom functions may call it (its own columns beyond the used area read as empty).
 */
export function readTableRows(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: SheetTable,
  locale: string,
  context: TableContext | null,
): string[][] | null {
  const located = locateTable(spreadsheet, table, locale, context);
  if (!located) return null;
  return ownRows(table.schema(locale), located.read.content, located.own, isRemovedMark);
}
