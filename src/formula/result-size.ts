/**
 * How large a custom function's result may be. Google documents no limit, but Sheets answers `#ERROR!` "Result
 * too large" for about 61,744 rows × 8 columns (≈ 494,000 cells), reproduced by the maintainer of another
 * add-on with static data (https://github.com/Blacksmoke16/GESI/issues/102). The formulas stop well short of
 * that, at 200,000 cells, and say so instead: how many, why, and what to use instead.
 */

/** The most cells a formula of this add-on returns. */
export const RESULT_CELL_LIMIT = 200_000;
