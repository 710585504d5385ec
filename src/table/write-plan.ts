/**
 * What a merge writes: each row's own cells compared with what the merge would put there, as exact text after
 * the same escaping (what setValues stores for the input: the text without its apostrophe, cut to the cell
 * limit), and only the cells that differ handed to the block planner (table/write-blocks.ts). A cell a person
 * overtyped differs from the new text and is written again; a formula in an own cell differs from any text; a
 * number differs from the same digits as text. Rows the merge keeps as they are never differ. The blocks it
 * returns hold setValues inputs (a kept cell is written back exactly: table/keyed-table.ts keepInput), and the
 * rows marked removed share one text, written in one call for all of them.
 */
import { asTypedText, fitCell } from './cell-text';
import type { SheetContent } from './keyed-table';
import { type ChangedRow, columnRuns, planBlocks } from './write-blocks';

/** The merge's view of the rows it writes (row index r is sheet row r + 1). */
export interface TableRows {
  sheet: SheetContent;
  /** Sheet column (1-based) of each data column, then of the Status column. */
  columns: readonly number[];
  /** Rows the sheet used before (0 for an empty sheet), and the 0-based header row (rows above it are the person's). */
  usedRows: number;
  headerRow: number;
  /** False when the row above the table's rows is not its header (own-columns.ts headerLost): never written. */
  headerIsTable?: boolean;
  /** Rows that end up in the table: the used rows plus the appended ones. */
  height: number;
  /** The first appended row, and the appended rows in order. */
  firstAppended: number;
  appended: readonly (readonly string[])[];
  /** True for a used row that is the table's own (its key is valid). */
  owned(r: number): boolean;
  /** The new data of a used row (null: the row stays as it is). */
  liveRow(r: number): readonly string[] | null;
  /** True for a used row this merge marks removed. */
  removed(r: number): boolean;
  /** Header text of the own columns whose header cell is empty: the columns the merge adds (sheet column → header). */
  headers: ReadonlyMap<number, string>;
  /** The removed mark's text. */
  mark: string;
  /** setValues input writing back exactly what a used cell holds. */
  keep(r: number, column: number): unknown;
}

/** A rectangle written with one setValues. */
export interface ValuesBlock {
  row: number;
  column: number;
  values: unknown[][];
}

/** The rows marked removed: one column, one input for all of them. */
export interface MarkCells {
  column: number;
  rows: number[];
  value: string;
}

/** Compares and plans: the blocks of values and the marks to write (nothing when nothing differs). */
export function planTableWrites(t: TableRows): { blocks: ValuesBlock[]; marks: MarkCells | null } {
  const width = t.columns.length - 1;
  const statusColumn = t.columns[width];
  const { usedRows, headerRow } = t;
  const newRow = (r: number): readonly string[] | null =>
    r >= t.firstAppended ? t.appended[r - t.firstAppended] : r < usedRows ? t.liveRow(r) : null;
  if (usedRows === 0) return { blocks: freshBlocks(t), marks: null };
  const changed: ChangedRow[] = [];
  const markRows = new Set<number>();
  const headerIsTable = t.headerIsTable !== false;
  for (let r = Math.max(0, headerRow); r < t.height; r++) {
    const row = r === headerRow ? null : newRow(r);
    const columns: number[] = [];
    if (row) {
      for (let i = 0; i <= width; i++) {
        if (!same(t.sheet, r, t.columns[i] - 1, i < width ? row[i] : '')) columns.push(t.columns[i]);
      }
    } else if (r === headerRow && t.headers.size > 0) {
      for (const [column, header] of t.headers)
        if (!same(t.sheet, r, column - 1, header)) columns.push(column);
    } else if (r < usedRows && t.removed(r) && !same(t.sheet, r, statusColumn - 1, t.mark)) {
      columns.push(statusColumn);
      markRows.add(r);
    }
    if (columns.length > 0) changed.push({ row: r, columns });
  }
  if (changed.length === 0) return { blocks: [], marks: null };

  const plan = planBlocks({
    height: t.height,
    columns: t.columns,
    tableRow: (r) => (r === headerRow && headerIsTable) || (r > headerRow && (r >= usedRows || t.owned(r))),
    changed,
    markColumn: statusColumn,
    markRows,
  });
  const indexOf = new Map(t.columns.map((c, i) => [c, i]));
  const mark = asTypedText(t.mark);
  const input = (r: number, column: number): unknown => {
    const i = indexOf.get(column) ?? -1;
    const row = newRow(r);
    if (row) return i < width ? asTypedText(row[i]) : '';
    if (r === headerRow && t.headers.has(column)) return asTypedText(t.headers.get(column) ?? '');
    if (r < usedRows && i === width && t.removed(r)) return mark;
    return r < usedRows ? t.keep(r, column) : '';
  };
  const blocks = plan.blocks.map((b) => {
    const values: unknown[][] = new Array(b.rows);
    for (let k = 0; k < b.rows; k++) {
      const line: unknown[] = new Array(b.columns);
      for (let j = 0; j < b.columns; j++) line[j] = input(b.row + k, b.column + j);
      values[k] = line;
    }
    return { row: b.row + 1, column: b.column, values };
  });
  const marks =
    plan.marks.length > 0 ? { column: statusColumn, rows: plan.marks.map((r) => r + 1), value: mark } : null;
  return { blocks, marks };
}

/**
 * A new table on an empty sheet: every cell differs, so each run of its columns is one block, no comparing. The
 * blocks start at the header row: on a sheet a person emptied, the header tag may sit below rows that were a
 * title (the person's rows), and those are never written.
 */
function freshBlocks(t: TableRows): ValuesBlock[] {
  const width = t.columns.length - 1;
  const top = t.headerRow;
  return columnRuns(t.columns).map(([c1, c2]) => {
    const at: number[] = [];
    for (let c = c1; c <= c2; c++) at.push(t.columns.indexOf(c));
    const values: unknown[][] = new Array(t.height - top);
    for (let r = top; r < t.height; r++) {
      const row = r >= t.firstAppended ? t.appended[r - t.firstAppended] : null;
      const line: unknown[] = new Array(at.length);
      for (let j = 0; j < at.length; j++) {
        const i = at[j];
        line[j] = row ? (i < width ? asTypedText(row[i]) : '') : asTypedText(t.headers.get(c1 + j) ?? '');
      }
      values[r - top] = line;
    }
    return { row: top + 1, column: c1, values };
  });
}

/** True when the cell already holds exactly what writing `text` (as typed text) would store. */
export function same(sheet: SheetContent, r: number, c: number, text: string): boolean {
  if (sheet.formulas[r]?.[c]) return false;
  const value = sheet.values[r]?.[c];
  if (text === '') return value === '' || value == null;
  return typeof value === 'string' && value === fitCell(text);
}
