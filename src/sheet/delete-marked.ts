/**
 * Deletes the rows of a keyed table that are marked removed, whole (the person's cells in them too, which is why
 * a person confirms first), with a bounded number of spreadsheet calls. Only the table's own rows count: a row
 * whose ID is not the table's is the person's, whatever its Status cell says. When the marked rows make at most
 * RUN_LIMIT contiguous runs, each run is deleted with one deleteRows, bottom up, so Sheets adjusts references
 * into the table as it does for any deleted row. Otherwise a sort key is written into the first empty column
 * (each row's position, marked rows offset to the end), the rows below the header are sorted by it — which keeps
 * the order of the rest exactly and moves every marked row, whole, to the bottom — the bottom block is deleted
 * in one call and the key column cleared; formulas elsewhere that point into the table by position then point
 * at the same positions, as after a person's own sort. What a sort does with rows hidden by a filter is not
 * documented (docs/LIVE-CHECK.md has the step). The table is located as a merge locates it (its tags, else header
 * words and contents), so a title row above the header or moved columns change nothing; rows above the header
 * are never counted, sorted or deleted. Each marked row comes with its key, so the command deletes exactly the
 * rows a person was shown.
 */
import type { Translate } from '../i18n/i18n';
import { locateTable, type SheetTable } from './sheet-table';
import type { TableContext } from './table-tags';

/** Marked rows in more runs than this are deleted by the sort (constant calls) rather than run by run. */
export const RUN_LIMIT = 10;

/** What is marked in a table now. */
export interface Marked {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Sheet rows (1-based) of the marked rows, ascending. */
  rows: number[];
  /** The key of each marked row (its key cells joined by a tab), in the order of `rows`. */
  keys: string[];
  /** The words a person knows each marked row by (the name), in the order of `rows`. */
  labels: string[];
  /** 1-based sheet row of the table's header; rows above it are the person's. */
  headerRow: number;
  usedRows: number;
  usedColumns: number;
}

/** Finds the marked rows of the table (its own rows only); null without a table. */
export function findMarked(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: SheetTable,
  locale: string,
  context: TableContext | null,
  isMark: (text: string) => boolean,
): Marked | null {
  const located = locateTable(spreadsheet, table, locale, context);
  if (!located) return null;
  const { read, own, usedRows, usedColumns } = located;
  const schema = table.schema(locale);
  const values = read.content.values;
  const at = (r: number, column: number): string => String(values[r]?.[column - 1] ?? '').trim();
  const keyColumns = schema.columns.flatMap((c, i) => (c.key ? [own.columns[i]] : []));
  const status = own.columns[own.columns.length - 1];
  const rows: number[] = [];
  const keys: string[] = [];
  const labels: string[] = [];
  for (let r = own.headerRow + 1; r < usedRows; r++) {
    const parts = keyColumns.map((c) => at(r, c));
    if (!parts.every(Boolean) || !schema.validKey(parts) || !isMark(at(r, status))) continue;
    rows.push(r + 1);
    keys.push(parts.join('\t'));
    labels.push(schema.label(schema.columns.map((_, i) => at(r, own.columns[i]))) || parts.join(' '));
  }
  return { sheet: read.sheet, rows, keys, labels, headerRow: own.headerRow + 1, usedRows, usedColumns };
}

/** The marked rows whose keys are among `shown` (what a person confirmed). */
export function onlyShown(marked: Marked, shown: ReadonlySet<string>): Marked {
  const keep = marked.rows.map((_, i) => shown.has(marked.keys[i]));
  const pick = <T>(list: T[]) => list.filter((_, i) => keep[i]);
  return { ...marked, rows: pick(marked.rows), keys: pick(marked.keys), labels: pick(marked.labels) };
}

/** The first few names of the marked rows, for the question ("Ann, Bob, Cid and 4 more"). */
export function firstNames(marked: Marked, t: Translate, few = 3): string {
  const names = marked.labels.slice(0, few).join(', ');
  const more = marked.labels.length - few;
  return more > 0 ? `${names} ${t('deleteRemoved.more', { count: more })}` : names;
}

/** Deletes the marked rows found by `findMarked`; returns how many were deleted. */
export function deleteMarked(marked: Marked): number {
  const { sheet, rows, usedRows, headerRow } = marked;
  if (rows.length === 0) return 0;
  // Sheets will not delete every row below a frozen header: keep one empty row when all of them go.
  if (rows.length === usedRows - headerRow) sheet.insertRowsAfter(usedRows, 1);
  const runs: Array<[number, number]> = [];
  for (const r of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === r) last[1]++;
    else runs.push([r, 1]);
  }
  if (runs.length <= RUN_LIMIT) {
    for (const [start, count] of runs.reverse()) sheet.deleteRows(start, count);
    return rows.length;
  }
  return deleteBySort(marked);
}

function deleteBySort({ sheet, rows, usedRows, usedColumns, headerRow }: Marked): number {
  const body = usedRows - headerRow;
  const top = headerRow + 1;
  const keyColumn = usedColumns + 1;
  const max = sheet.getMaxColumns();
  if (max < keyColumn) sheet.insertColumnsAfter(max, keyColumn - max);
  const isMarked = new Set(rows);
  const keys: number[][] = [];
  for (let r = top; r <= usedRows; r++) keys.push([(isMarked.has(r) ? usedRows : 0) + r]);
  sheet.getRange(top, keyColumn, body, 1).setValues(keys);
  let deleted = false;
  try {
    sheet.getRange(top, 1, body, keyColumn).sort({ column: keyColumn, ascending: true });
    sheet.deleteRows(usedRows - rows.length + 1, rows.length);
    deleted = true;
  } finally {
    // The key column is the add-on's scaffolding: never left behind, whatever failed above.
    const left = deleted ? body - rows.length : body;
    if (left > 0) sheet.getRange(top, keyColumn, left, 1).clearContent();
  }
  return rows.length;
}
