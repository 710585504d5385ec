/**
 * Writes the contacts table into the sheet "WhatsApp Contacts" with a constant number of spreadsheet calls,
 * whatever the number of contacts: one setValues for header, rows and the blanking of stale rows below, bold
 * header, frozen first row; only growing the sheet (insertRowsAfter) is conditional. Only columns A–E are touched, so a user's notes to the right stay. Called
 * only once the new list is in hand, so a failed fetch never reaches this code.
 */

import { COLUMN_COUNT } from '../contacts/rows';
import { asTypedText } from '../table/cell-text';

/** The sheet the import writes. The same name in every language, so all users and triggers find it. */
export const CONTACTS_SHEET = 'WhatsApp Contacts';

/** Writes `header` and `rows` (exact text) to the contacts sheet, creating it if missing; returns the sheet. */
export function writeContactsTable(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  header: readonly string[],
  rows: readonly string[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const existing = spreadsheet.getSheetByName(CONTACTS_SHEET);
  const sheet = existing ?? spreadsheet.insertSheet(CONTACTS_SHEET);
  const total = rows.length + 1;
  // Rows of an older, longer table are blanked in the same setValues (A–E only): no extra call.
  const lastRow = existing ? sheet.getLastRow() : 0;
  const height = Math.max(total, lastRow);
  const values: string[][] = new Array(height);
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
  for (let i = total; i < height; i++) values[i] = ['', '', '', '', ''];
  const maxRows = sheet.getMaxRows();
  // The one call that is not always made: growing the sheet when the table outgrows it.
  if (maxRows < height) sheet.insertRowsAfter(maxRows, height - maxRows);
  sheet.getRange(1, 1, height, COLUMN_COUNT).setValues(values);
  sheet.getRange(1, 1, 1, COLUMN_COUNT).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return sheet;
}
