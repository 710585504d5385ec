/**
 * Deletes the rows of a keyed table that are marked removed, whole rows (the person's cells in them too, which is
 * why a person confirms first), with a number of spreadsheet calls that does not grow with the rows: deleting
 * scattered rows one by one would cost a call each. Instead a sort key is written into the first empty column
 * (each row's position, marked rows offset to the end), the rows below the header are sorted by it — which keeps
 * the order of the rest exactly and moves every marked row, whole, to the bottom — the bottom block is deleted
 * in one call and the key column cleared. A sort moves each row as a unit, formats with it; what it does with
 * rows hidden by a filter is not documented (docs/LIVE-CHECK.md has the step).
 */
import { headerKey } from '../table/keyed-table';

/** What is marked in a table now. */
export interface Marked {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** Sheet rows (1-based) of the marked rows. */
  rows: number[];
  usedRows: number;
  usedColumns: number;
}

/** Finds the marked rows of the sheet `name` (status column found by `statusHeaders`); null without a sheet. */
export function findMarked(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  name: string,
  statusHeaders: readonly string[],
  isMark: (text: string) => boolean,
): Marked | null {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  const names = new Set(statusHeaders.map(headerKey));
  const column = (values[0] ?? []).findIndex((header) => names.has(headerKey(header)));
  const rows: number[] = [];
  if (column >= 0) {
    for (let r = 1; r < values.length; r++) if (isMark(String(values[r][column] ?? ''))) rows.push(r + 1);
  }
  return { sheet, rows, usedRows: values.length, usedColumns: values[0]?.length ?? 0 };
}

/** Deletes the marked rows found by `findMarked`; returns how many were deleted. */
export function deleteMarked(marked: Marked): number {
  const { sheet, rows, usedRows, usedColumns } = marked;
  if (rows.length === 0) return 0;
  const body = usedRows - 1;
  const keyColumn = usedColumns + 1;
  const max = sheet.getMaxColumns();
  if (max < keyColumn) sheet.insertColumnsAfter(max, keyColumn - max);
  const isMarked = new Set(rows);
  const keys: number[][] = [];
  for (let r = 2; r <= usedRows; r++) keys.push([(isMarked.has(r) ? usedRows : 0) + r]);
  const keyRange = sheet.getRange(2, keyColumn, body, 1);
  keyRange.setValues(keys);
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
