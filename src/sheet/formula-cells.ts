/**
 * Makes every `=WA_CONTACTS(…)` (or `=WA_GROUP_MEMBERS(…)`) cell recalculate after a refresh. Sheets re-runs a custom function only when its
 * arguments or its formula text change (https://developers.google.com/apps-script/guides/sheets/functions,
 * "Recalculation"), so each formula cell is cleared, the change flushed, and the same formula written back:
 * to Sheets that is an edit of the formula. The user's formula text is kept exactly. The cells are found with
 * one TextFinder search over formula text, so the cost grows with the number of formula cells, not of contacts.
 */

/** The contacts custom function's name, as users type it. */
export const FORMULA_NAME = 'WA_CONTACTS';

/** Re-enters every formula calling the custom function `name` in the spreadsheet; returns how many cells. */
export function recalculateFormulas(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  flush: () => void,
  name = FORMULA_NAME,
): number {
  const call = new RegExp(`\\b${name}\\s*\\(`, 'i');
  const found = spreadsheet.createTextFinder(name).matchFormulaText(true).findAll();
  const cells: Array<{ range: GoogleAppsScript.Spreadsheet.Range; formula: string }> = [];
  for (const range of found) {
    const formula = range.getFormula();
    if (formula && call.test(formula)) cells.push({ range, formula });
  }
  if (cells.length === 0) return 0;
  const cleared: typeof cells = [];
  let failure: unknown = null;
  try {
    for (const cell of cells) {
      cell.range.clearContent();
      cleared.push(cell);
    }
    flush();
  } catch (error) {
    failure = error;
  }
  // Whatever failed above, every formula that was cleared is written back: a user's formula is never lost.
  for (const cell of cleared) {
    try {
      cell.range.setFormula(cell.formula);
    } catch (error) {
      failure = failure ?? error;
    }
  }
  if (failure) throw failure;
  return cells.length;
}
