/**
 * Writes a number check's results beside the person's selection: two columns, "WhatsApp" and "Checked", chosen
 * when the check starts as the first two columns right of the selection whose cells in those rows are empty. A
 * person's cell is never written over: on every write a cell is written only when it is empty or holds what the
 * check itself wrote (its words in any language, a date); anything else — a value or a formula typed meanwhile —
 * is written back exactly as it was. The person's numbers are never written. Constant calls per write: the two
 * columns read (values and formulas) and at most one setValues each, over the rows that change.
 */
import { wordsOf } from '../i18n/i18n';
import { keepInput } from '../table/keyed-table';

/** What a row's two cells say: the answer words and the date ('' for none). */
export type ResultCells = [string, string];

/**
 * Where a check of `range` writes: the columns the last check of the same range wrote (`previous`) while their
 * cells in those rows still hold only what a check writes; else the first two columns right of `range` (1-based)
 * whose cells in its rows are all empty, in one read.
 */
export function resultColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  range: GoogleAppsScript.Spreadsheet.Range,
  previous: [number, number] | null = null,
): [number, number] {
  if (previous && Math.max(...previous) <= sheet.getMaxColumns()) {
    const rows = range.getNumRows();
    const own = previous.every((column) => {
      const cells = sheet.getRange(range.getRow(), column, rows, 1);
      const formulas = cells.getFormulas();
      return cells.getValues().every((row, i) => !formulas[i][0] && isOwnResult(row[0]));
    });
    if (own) return previous;
  }
  const top = range.getRow();
  const rows = range.getNumRows();
  const from = range.getLastColumn() + 1;
  const max = sheet.getMaxColumns();
  const found: number[] = [];
  if (from <= max) {
    const width = max - from + 1;
    const area = sheet.getRange(top, from, rows, width);
    const values = area.getValues();
    const formulas = area.getFormulas();
    for (let j = 0; j < width && found.length < 2; j++) {
      let empty = true;
      for (let i = 0; i < rows && empty; i++) empty = values[i][j] === '' && !formulas[i][j];
      if (empty) found.push(from + j);
    }
  }
  let next = Math.max(max, from - 1) + 1;
  while (found.length < 2) found.push(next++);
  return [found[0], found[1]];
}

/** True for a cell the check wrote: its words (any language), a day, a date. */
export function isOwnResult(value: unknown): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]') return true;
  const text = String(value).trim();
  if (/^\d{4}-\d\d-\d\d$/.test(text)) return true;
  const exact = [
    'check.yes',
    'check.no',
    'check.notPhone',
    'check.pending',
    'header.whatsapp',
    'header.checked',
  ] as const;
  for (const key of exact) if (wordsOf('en', key).includes(text)) return true;
  return wordsOf('en', 'check.notChecked').some((w) => text.startsWith(w.replace('{reason}', '')));
}

/**
 * Writes `cells` (one pair per row of the selection, the header's included) into the two result columns of
 * `top`..`top + cells.length - 1`, keeping every cell that is a person's. Only what differs is written: per
 * column, one setValues over the rows from the first to the last cell that changes (none when nothing does — a
 * check answered from the table that finds the same answers writes nothing). `dayOf` gives a date cell's day as
 * the check writes it, to compare.
 */
export function writeResults(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  top: number,
  columns: [number, number],
  cells: readonly ResultCells[],
  dayOf: (date: Date) => string,
): number {
  if (cells.length === 0) return 0;
  const need = Math.max(...columns);
  const max = sheet.getMaxColumns();
  if (max < need) sheet.insertColumnsAfter(max, need - max);
  let written = 0;
  columns.forEach((column, k) => {
    const range = sheet.getRange(top, column, cells.length, 1);
    const values = range.getValues();
    const formulas = range.getFormulas();
    const next = cells.map((pair, i) =>
      !formulas[i][0] && isOwnResult(values[i][0]) ? pair[k] : keepInput(values[i][0], formulas[i][0]),
    );
    const changed = next.map((value, i) => !formulas[i][0] && !sameText(values[i][0], value, dayOf));
    const first = changed.indexOf(true);
    if (first < 0) return;
    const last = changed.lastIndexOf(true);
    sheet
      .getRange(top + first, column, last - first + 1, 1)
      .setValues(next.slice(first, last + 1).map((v) => [v]));
    written += last - first + 1;
  });
  return written;
}

/** True when a cell holding `value` already shows what `next` would write. */
function sameText(value: unknown, next: unknown, dayOf: (date: Date) => string): boolean {
  if (next === value) return true;
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    return typeof next === 'string' && dayOf(value as Date) === next;
  return typeof next === 'string' && String(value ?? '') === next;
}
