/**
 * Writes the contacts table into the sheet "WhatsApp Contacts" with a constant number of spreadsheet calls,
 * whatever the number of contacts: one setValues for header and rows, one clearContent for stale rows below,
 * bold header, frozen first row. Only columns A–E are touched, so a user's notes to the right stay. Called
 * only once the new list is in hand, so a failed fetch never reaches this code.
 */
import { asTypedText } from '../contacts/cell-text';
import { COLUMN_COUNT } from '../contacts/rows';

/** The sheet the import writes. The same name in every language, so all users and triggers find it. */
export const CONTACTS_SHEET = 'WhatsApp Contacts';

/** Writes `header` and `rows` (exact text) to the contacts sheet, creating it if missing; returns the sheet. */
export function writeContactsTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  header: readonly string[],
  rows: readonly string[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const values: string[][] = new Array(rows.length + 1);
  values[0] = header.map(asTypedText);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    values[i + 1] = [
      asTypedText(row[0]),
      asTypedText(row[1]),
      asTypedText(row[2]),
      asTypedText(row[3]),
      asTypedText(row[4]),
    ];
  }
  const sheet = spreadsheet.getSheetByName(CONTACTS_SHEET) ?? spreadsheet.insertSheet(CONTACTS_SHEET);
  const total = values.length;
  const lastRow = sheet.getLastRow();
  const maxRows = sheet.getMaxRows();
  if (maxRows < total) sheet.insertRowsAfter(maxRows, total - maxRows);
  sheet.getRange(1, 1, total, COLUMN_COUNT).setValues(values);
  if (lastRow > total) sheet.getRange(total + 1, 1, lastRow - total, COLUMN_COUNT).clearContent();
  sheet.getRange(1, 1, 1, COLUMN_COUNT).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}
