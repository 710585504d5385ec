/**
 * Formula cells are re-entered only when the data they show changed. A snapshot carries a content hash
 * (cache/chunked.ts); the hash the formulas were last re-entered with is kept in document properties. The cells
 * are re-entered when the snapshot just saved differs from the one before it (which is what a formula evaluated
 * since would have shown, even one that saved it itself), or from the one they were last re-entered with (the
 * snapshot changed in between, say by the members import), or when there is no hash to compare (no cache), or
 * while some cells still wait for their turn (sheet/formula-cells.ts: at most 20 a refresh, refreshes take turns
 * — a cell that has not had its turn still shows older data, whatever the hash says).
 */
import type { Services } from '../platform/services';
import { FORMULA_NAME, formulasWaiting, recalculateFormulas } from '../sheet/formula-cells';

/** Document property: the snapshot hash the WA_CONTACTS cells were last re-entered with. */
export const CONTACTS_SHOWN_KEY = 'wa.formulas.shown';
/** Document property: the members snapshot hash the WA_GROUP_MEMBERS cells were last re-entered with. */
export const MEMBERS_SHOWN_KEY = 'wa.members.formulas.shown';

/** Runs `recalculate` unless the formulas already show `after`; returns the cells re-entered (0 if skipped). */
export function recalculateIfChanged(
  services: Services,
  key: string,
  before: string | null,
  after: string | null,
  recalculate: () => number,
  waiting = false,
): number {
  const properties = services.properties();
  if (!waiting && after !== null && before === after && properties.getProperty(key) === after) return 0;
  const cells = recalculate();
  if (after !== null) properties.setProperty(key, after);
  else properties.deleteProperty(key);
  return cells;
}

/**
 * Re-enters the cells of the custom function `name` after a refresh or members import, unless they already show
 * the snapshot `after` and none waits for its turn; returns the cells re-entered.
 */
export function recalculateShown(
  services: Services,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: string,
  before: string | null,
  after: string | null,
  name = FORMULA_NAME,
): number {
  const properties = services.properties();
  return recalculateIfChanged(
    services,
    key,
    before,
    after,
    () => recalculateFormulas(spreadsheet, () => services.flush(), name, undefined, properties),
    formulasWaiting(properties, name),
  );
}
