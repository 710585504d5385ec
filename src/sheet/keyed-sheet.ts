/**
 * Reads a keyed table from its sheet and applies a merge plan (table/keyed-table.ts) to it, with a number of
 * spreadsheet calls that does not grow with the rows: one read of the used area (values and formulas), then one
 * setValues per block of cells that differ and one call for all the rows newly marked removed; growing the sheet
 * and formatting a new header are the only other calls, and only when needed. A plan with nothing to write
 * writes nothing. Every cell the table writes gets the automatic number format first where it has another, so
 * the leading apostrophe that keeps text as text works even where a person formatted the column as Plain text
 * (there Sheets would keep the apostrophe as part of the text). "General" is the automatic format's name in
 * Apps Script code; Google's reference defers to the Sheets API patterns, which do not name it (checked live:
 * docs/LIVE-CHECK.md). The table's sheet is found, and its tags read and written, by sheet/table-tags.ts.
 */
import type { MergePlan, SheetContent } from '../table/keyed-table';
import { findTableSheet, readTags, type TableContext, type TableIdentity, writeTags } from './table-tags';

/** The automatic number format, under which typed input (and its apostrophe rule) applies. */
export const AUTOMATIC_FORMAT = 'General';

/** A table as read: its sheet (null when there is none yet), what the sheet holds and how it was found. */
export interface TableRead {
  sheet: GoogleAppsScript.Spreadsheet.Sheet | null;
  content: SheetContent;
  /** Found by its stored sheet id (else by its tag or name: the id is stored once written). */
  byId: boolean;
  sheetTagged: boolean;
}

const EMPTY: SheetContent = { values: [], formulas: [] };

/** Reads the table's sheet: the used area, its values and formulas, and its tags (a constant number of calls). */
export function readTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: TableIdentity,
  context: TableContext | null = null,
): TableRead {
  const { sheet, byId } = findTableSheet(spreadsheet, table, context);
  if (!sheet) return { sheet: null, content: EMPTY, byId: false, sheetTagged: false };
  const range = sheet.getDataRange();
  const { sheetTagged, ...tags } = context?.enums
    ? readTags(sheet, table.tag)
    : { sheetTagged: false, headerRow: null, columns: new Map<string, number>() };
  return {
    sheet,
    content: { values: range.getValues(), formulas: range.getFormulas(), tags },
    byId,
    sheetTagged,
  };
}

/** Applies `plan` to the table read as `read`, creating its sheet if it had none; tags it; returns the sheet. */
export function applyPlan(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: TableIdentity,
  read: TableRead,
  plan: MergePlan,
  context: TableContext | null = null,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = read.sheet ?? spreadsheet.insertSheet(table.sheet);
  const need = Math.max(...plan.columns);
  if (need > plan.usedColumns) {
    const max = sheet.getMaxColumns();
    if (max < need) sheet.insertColumnsAfter(max, need - max);
  }
  if (plan.usedRows > 0 && plan.appended > 0 && plan.headerRow <= plan.usedRows) {
    // Room for the appended rows right below the used ones, in one call (no need to ask the sheet's size). Not
    // when the header row is below the used ones (its cells emptied under a title): rows inserted above it
    // would carry its tag down into the appended rows.
    sheet.insertRowsAfter(plan.usedRows, plan.appended);
  } else if (plan.height > plan.usedRows) {
    const max = sheet.getMaxRows();
    if (max < plan.height) sheet.insertRowsAfter(max, plan.height - max);
  }
  if (read.sheet) ensureAutomatic(sheet, plan);
  if (plan.blocks.length === 1) {
    const [block] = plan.blocks;
    sheet
      .getRange(block.row, block.column, block.values.length, block.values[0].length)
      .setValues(block.values);
  } else if (plan.blocks.length > 1) {
    // One call for all the ranges, then one setValues each.
    const ranges = sheet.getRangeList(plan.blocks.map(blockA1)).getRanges();
    plan.blocks.forEach((block, i) => {
      ranges[i].setValues(block.values);
    });
  }
  if (plan.marks) {
    const { column, rows, value } = plan.marks;
    sheet.getRangeList(rows.map((row) => a1(row, column, 1, 1))).setValue(value);
  }
  if (plan.fresh) {
    sheet.getRange(1, 1, 1, plan.columns.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
  } else if (!plan.headerLost) {
    for (const added of plan.addedColumns) sheet.getRange(plan.headerRow, added.column).setFontWeight('bold');
  }
  writeTags(sheet, table, context, plan, read);
  return sheet;
}

/**
 * Makes the cells about to be written automatic where they are not, in constant calls: one read of the number
 * formats over the rows and columns the writes span (only when something is written), and at most one
 * setNumberFormat (a RangeList) for the blocks and marks that hold another format. A new sheet is automatic.
 */
function ensureAutomatic(sheet: GoogleAppsScript.Spreadsheet.Sheet, plan: MergePlan): void {
  const rects = plan.blocks.map((b) => ({
    row: b.row,
    column: b.column,
    rows: b.values.length,
    columns: b.values[0].length,
  }));
  if (plan.marks) {
    const column = plan.marks.column;
    for (const row of plan.marks.rows) rects.push({ row, column, rows: 1, columns: 1 });
  }
  if (rects.length === 0) return;
  let top = Number.POSITIVE_INFINITY;
  let left = Number.POSITIVE_INFINITY;
  let bottom = 0;
  let right = 0;
  for (const r of rects) {
    top = Math.min(top, r.row);
    left = Math.min(left, r.column);
    bottom = Math.max(bottom, r.row + r.rows - 1);
    right = Math.max(right, r.column + r.columns - 1);
  }
  const formats = sheet.getRange(top, left, bottom - top + 1, right - left + 1).getNumberFormats();
  const other = rects.filter((r) => {
    for (let i = r.row - top; i < r.row - top + r.rows; i++)
      for (let j = r.column - left; j < r.column - left + r.columns; j++)
        if (formats[i][j] !== AUTOMATIC_FORMAT) return true;
    return false;
  });
  if (other.length > 0)
    sheet
      .getRangeList(other.map((r) => a1(r.row, r.column, r.rows, r.columns)))
      .setNumberFormat(AUTOMATIC_FORMAT);
}

function blockA1(block: MergePlan['blocks'][number]): string {
  return a1(block.row, block.column, block.values.length, block.values[0].length);
}

/** A1 notation of a rectangle (1-based row and column). */
export function a1(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnLetters(column)}${row}`;
  if (rows === 1 && columns === 1) return first;
  return `${first}:${columnLetters(column + columns - 1)}${row + rows - 1}`;
}

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
