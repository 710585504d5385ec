/**
 * The cost model of writing to a sheet, in one place: what a refresh's writes cost on the real platform, used by
 * the block planner (table/write-blocks.ts) to choose its blocks and by the benchmark to model seconds.
 *
 * Sources (public measurements; the figures are orders of magnitude, not promises):
 * - Google's best practices (https://developers.google.com/apps-script/guides/support/best-practices): a script
 *   that sets 10,000 cells one call at a time takes about 70 s, the same work batched into one call about 1 s —
 *   about 7 ms a spreadsheet call, and at most 100 µs a cell.
 * - A public measurement of setValues ("What is faster: ScriptDb or SpreadsheetApp?", Stack Overflow, mirrored at
 *   https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp): one
 *   4,000-cell setValues under 50 ms (about 10 µs a cell), 610 ms with SpreadsheetApp.flush() — the round trip
 *   that commits writes, about 0.6 s; 400 one-row writes 164 ms without flushes, 12 s with one each.
 * - Kanshi Tanaike's benchmark of reading and writing with Apps Script
 *   (https://gist.github.com/tanaikech/d102c9600ba12a162c667287d2f20fe4): the cost of setValues grows with the
 *   cells written.
 *
 * The model counts more than time: a rewritten cell that did not change still recalculates whatever depends on
 * it and can overwrite a collaborator's edit made since the read. That price is a choice, not a measurement: an
 * unchanged cell costs so much that bridging 20 unchanged one-cell rows costs as much as another block, and a
 * block never bridges more than MAX_BRIDGE_ROWS unchanged rows at all.
 */

/** Seconds of one spreadsheet call (Google's 10,000 calls in about 70 s). */
export const CALL_SECONDS = 0.007;
/** Seconds of the round trip that commits an execution's writes (a flush; 610 ms − 50 ms measured). */
export const FLUSH_SECONDS = 0.6;
/** Seconds per cell written (4,000 cells in under 50 ms). */
export const CELL_SECONDS = 10e-6;
/** A block of values is one setValues (the ranges of all blocks come from one getRangeList and getRanges). */
export const CALLS_PER_BLOCK = 1;
/** The calls every plan with two or more blocks adds once: getRangeList, getRanges. */
export const CALLS_FOR_RANGES = 2;
/** The rows marked removed share one text: getRangeList and one setValue for all of them. */
export const CALLS_FOR_MARKS = 2;
/** A block never writes more unchanged rows than this between two changed ones. */
export const MAX_BRIDGE_ROWS = 20;
/** The price of rewriting an unchanged cell (recalculation, a collaborator's edit overwritten), in seconds. */
export const UNCHANGED_CELL_SECONDS = (CALLS_PER_BLOCK * CALL_SECONDS) / MAX_BRIDGE_ROWS;

/** The modelled price of a plan: its calls, the cells it writes, and how many of those did not change. */
export function writeCost(calls: number, cells: number, unchangedCells: number): number {
  return calls * CALL_SECONDS + cells * CELL_SECONDS + unchangedCells * UNCHANGED_CELL_SECONDS;
}

/** Modelled seconds of an execution: its spreadsheet calls, its flushes and the cells it wrote. */
export function modelledSeconds(calls: number, flushes: number, cellsWritten: number): number {
  return calls * CALL_SECONDS + flushes * FLUSH_SECONDS + cellsWritten * CELL_SECONDS;
}
