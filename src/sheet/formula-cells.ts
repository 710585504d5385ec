/**
 * Makes every `=WA_CONTACTS(…)` (or `=WA_GROUP_MEMBERS(…)`) cell recalculate after a refresh. Sheets re-runs a custom function only when its
 * arguments or its formula text change (https://developers.google.com/apps-script/guides/sheets/functions,
 * "Recalculation"), so each formula cell is cleared, the change flushed, and the same formula written back:
 * to Sheets that is an edit of the formula. The user's formula text is kept exactly. The cells are found with
 * one TextFinder search over formula text, so the cost grows with the number of formula cells, not of contacts.
 */

/** The contacts custom function's name, as users type it. */
export const FORMULA_NAME = 'WA_CONTACTS';
/**
 * The most formula cells one refresh re-enters. Sheets runs custom functions in parallel and Apps Script allows
 * 30 simultaneous executions per user (https://developers.google.com/apps-script/guides/services/quotas), shared
 * with the refresh itself and anything else the person runs: 20 leaves room. With more cells than that, the
 * refreshes take turns (`turns`, document properties): each starts where the last one stopped, so every cell is
 * re-entered within a few refreshes and none is left stale for good; docs/USAGE.md asks for at most this many WA_
 * formulas.
 */
export const MAX_FORMULA_CELLS = 20;

/**
 * Cells re-entered so far in this execution (a scheduled run re-enters WA_CONTACTS, then WA_GROUP_MEMBERS):
 * the bound is for the whole execution. Apps Script loads the script afresh for every execution.
 */
let reentered = 0;

const TURN = 'wa.formulaTurn.';
const WAITING = 'wa.formulaWaiting.';
const NAMES = ['WA_CONTACTS', 'WA_GROUP_MEMBERS'];

/** True while some of `name`'s formula cells still wait for their turn (a refresh found more than it had room for). */
export function formulasWaiting(turns: GoogleAppsScript.Properties.Properties, name = FORMULA_NAME): boolean {
  return turns.getProperty(WAITING + name) !== null;
}

/**
 * Re-enters the formulas calling the custom function `name` (at most `limit` in this execution); returns how many
 * cells. With `turns` (document properties) a search that finds more than there is room for starts where the
 * last one stopped, and a function whose cells found no room in an execution (WA_GROUP_MEMBERS after 20
 * WA_CONTACTS cells) is owed a turn: the other function then takes only half the room.
 */
export function recalculateFormulas(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  flush: () => void,
  name = FORMULA_NAME,
  limit = MAX_FORMULA_CELLS,
  turns?: GoogleAppsScript.Properties.Properties,
): number {
  const call = new RegExp(`\\b${name}\\s*\\(`, 'i');
  const found = spreadsheet.createTextFinder(name).matchFormulaText(true).findAll();
  const cells: Array<{ range: GoogleAppsScript.Spreadsheet.Range; formula: string }> = [];
  let room = Math.max(0, limit - reentered);
  const owed = turns ? NAMES.some((other) => other !== name && turns.getProperty(WAITING + other)) : false;
  if (owed) room = Math.floor(room / 2);
  const start = turns && found.length > room ? Number(turns.getProperty(TURN + name)) % found.length || 0 : 0;
  let seen = 0;
  for (; seen < found.length && cells.length < room; seen++) {
    const range = found[(start + seen) % found.length];
    const formula = range.getFormula();
    if (formula && call.test(formula)) cells.push({ range, formula });
  }
  if (turns) {
    // Where the next refresh starts, and whether this function's cells still wait for a turn.
    if (seen < found.length) {
      turns.setProperty(TURN + name, String((start + seen) % found.length));
      turns.setProperty(WAITING + name, '1');
    } else {
      turns.deleteProperty(TURN + name);
      turns.deleteProperty(WAITING + name);
    }
  }
  if (cells.length === 0) return 0;
  reentered += cells.length;
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
