/**
 * Reads a keyed table from its sheet and applies a merge plan (table/keyed-table.ts) to it, with a number of
 * spreadsheet calls that does not grow with the rows: one read of the used area (values and formulas), then per
 * block one number format and one setValues; growing the sheet and formatting a new header are the only other
 * calls, and only when needed. The number format of every cell the table writes is set to automatic first, so
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
  if (plan.usedRows > 0 && plan.appended > 0) {
    // Room for the appended rows right below the used ones, in one call (no need to ask the sheet's size).
    sheet.insertRowsAfter(plan.usedRows, plan.appended);
  } else if (plan.height > plan.usedRows) {
    const max = sheet.getMaxRows();
    if (max < plan.height) sheet.insertRowsAfter(max, plan.height - max);
  }
  for (const block of plan.blocks) {
    const range = sheet.getRange(block.row, block.column, block.values.length, block.values[0].length);
    range.setNumberFormat(AUTOMATIC_FORMAT);
    range.setValues(block.values);
  }
  if (plan.fresh) {
    sheet.getRange(1, 1, 1, plan.columns.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
  } else {
    for (const added of plan.addedColumns) sheet.getRange(plan.headerRow, added.column).setFontWeight('bold');
  }
  writeTags(sheet, table, context, plan, read);
  return sheet;
}
