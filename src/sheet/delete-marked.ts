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
 * documented (docs/LIVE-CHECK.md has the step).
 */
import { findHeader, type TableSchema } from '../table/keyed-table';

/** Marked rows in more runs than this are deleted by the sort (constant calls) rather than run by run. */
export const RUN_LIMIT = 10;

/** What is marked in a table now. */
export interface Marked {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Sheet rows (1-based) of the marked rows, ascending. */
  rows: number[];
  usedRows: number;
  usedColumns: number;
}

/** Finds the marked rows of the table's sheet `name` (its own rows only); null without a sheet. */
export function findMarked(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  schema: TableSchema,
  isMark: (text: string) => boolean,
): Marked | null {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const header = values[0] ?? [];
  const keys = schema.columns.flatMap((c) => (c.key ? [findHeader(header, c.headers)] : []));
  const status = findHeader(header, schema.status.headers);
  const rows: number[] = [];
  if (status >= 0 && keys.every((c) => c >= 0)) {
    for (let r = 1; r < values.length; r++) {
      const parts = keys.map((c) => String(values[r][c] ?? '').trim());
      if (parts.every(Boolean) && schema.validKey(parts) && isMark(String(values[r][status] ?? '')))
        rows.push(r + 1);
    }
  }
  return { sheet, rows, usedRows: values.length, usedColumns: header.length };
}

/** Deletes the marked rows found by `findMarked`; returns how many were deleted. */
export function deleteMarked(marked: Marked): number {
  const { sheet, rows, usedRows } = marked;
  if (rows.length === 0) return 0;
  // Sheets will not delete every row below a frozen header: keep one empty row when all of them go.
  if (rows.length === usedRows - 1) sheet.insertRowsAfter(usedRows, 1);
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

function deleteBySort({ sheet, rows, usedRows, usedColumns }: Marked): number {
  const body = usedRows - 1;
  const keyColumn = usedColumns + 1;
  const max = sheet.getMaxColumns();
  if (max < keyColumn) sheet.insertColumnsAfter(max, keyColumn - max);
  const isMarked = new Set(rows);
  const keys: number[][] = [];
  for (let r = 2; r <= usedRows; r++) keys.push([(isMarked.has(r) ? usedRows : 0) + r]);
  sheet.getRange(2, keyColumn, body, 1).setValues(keys);
  let deleted = false;
  try {
    sheet.getRange(2, 1, body, keyColumn).sort({ column: keyColumn, ascending: true });
    sheet.deleteRows(usedRows - rows.length + 1, rows.length);
    deleted = true;
  } finally {
    // The key column is the add-on's scaffolding: never left behind, whatever failed above.
    const left = deleted ? body - rows.length : body;
    if (left > 0) sheet.getRange(2, keyColumn, left, 1).clearContent();
  }
  return rows.length;
}
