// The emulated spreadsheet data model: workbook → sheets → sparse rows of cells, plus custom-function formula
// cells whose array results "spill" into empty neighbours (stored on those cells as a spill layer owned by the
// anchor). Holds the layout rules (blocked spill → #REF!), structural edits (insert/delete rows/columns) and
// dependency lookup; evaluation itself (a fresh Apps Script execution) is done by the emulator core.

import { cellA1, intersects, type Rect } from './a1';
import { displayValue } from './format';
import type { FormulaCall } from './formula';
import {
  type MetadataEntry,
  type ProtectionEntry,
  permuteMetadata,
  shiftMetadata,
  shiftProtections,
} from './metadata';
import type { CellValue } from './types';

/** Outcome of evaluating a custom function: a rectangular grid of values or an error shown in the anchor. */
export type EvalResult =
  | { kind: 'values'; rows: CellValue[][] }
  | { kind: 'error'; code: string; note: string };

/** A reference from a formula argument, resolved to a sheet name (whole columns/rows use open bounds). */
export interface FormulaRef {
  sheetName: string;
  rect: Rect;
}

/** Extra state of a formula cell. */
export interface FormulaInfo {
  row: number;
  col: number;
  /** The parsed call when the formula calls a top-level function of the script; null = not evaluated. */
  call: FormulaCall | null;
  functionName: string | null;
  refs: FormulaRef[];
  result: EvalResult | null;
  /** Extent currently materialized (1×1 = no spill). */
  spillRows: number;
  spillCols: number;
  /** Set by a script write; evaluated when that execution ends. */
  pending: boolean;
}

/** One cell: own content (value/formula) or, when empty, possibly a value spilled from an anchor. */
export interface Cell {
  value: CellValue;
  formula: string;
  note: string;
  bold: boolean;
  numberFormat: string;
  /** Hover text of an error value ('#ERROR!' / '#REF!'). */
  errorNote: string;
  spillOf?: Cell;
  spillValue?: CellValue;
  fx?: FormulaInfo;
}

/** Sheets limit: 10 million cells per spreadsheet (reference §4.3). */
export const MAX_WORKBOOK_CELLS = 10_000_000;
export const DEFAULT_NUMBER_FORMAT = 'General';

/** A sheet (tab). */
export class SheetModel {
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  rows: (Cell | undefined)[][] = [];
  formulas = new Set<Cell>();
  /** Developer metadata of the sheet, its rows and its columns (emulator/metadata.ts). */
  metadata: MetadataEntry[] = [];
  protections: ProtectionEntry[] = [];
  /** The workbook holding this sheet (for the 10M-cell limit). */
  owner?: WorkbookModel;
  constructor(
    public id: number,
    public name: string,
  ) {}
}

/** The spreadsheet file. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeIndex = 0;
  /** Developer metadata of the spreadsheet itself. */
  metadata: MetadataEntry[] = [];
  private nextSheetId = 0;
  constructor(
    public id: string,
    public name: string,
    public locale: string,
    public timeZone: string,
  ) {}

  /** Adds a sheet (default size 1000×26) at `index` (end by default). */
  addSheet(name: string, index?: number): SheetModel {
    const sheet = new SheetModel(this.nextSheetId++, name);
    sheet.owner = this;
    if (index === undefined) this.sheets.push(sheet);
    else this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  /** Exact-name lookup. */
  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Cells in all sheets (maxRows × maxCols), the quantity the 10M limit applies to. */
  totalCells(): number {
    return this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }
}

/** The cell at (row, col), if one was ever created. */
export function cellAt(sheet: SheetModel, row: number, col: number): Cell | undefined {
  return sheet.rows[row - 1]?.[col - 1];
}

/** The cell at (row, col), created when missing. */
export function ensureCell(sheet: SheetModel, row: number, col: number): Cell {
  let r = sheet.rows[row - 1];
  if (!r) {
    r = [];
    sheet.rows[row - 1] = r;
  }
  let c = r[col - 1];
  if (!c) {
    c = { value: '', formula: '', note: '', bold: false, numberFormat: DEFAULT_NUMBER_FORMAT, errorNote: '' };
    r[col - 1] = c;
  }
  return c;
}

/** True when the cell has its own value or formula (spilled values do not count as own content). */
export function hasContent(cell: Cell | undefined): boolean {
  return !!cell && (cell.formula !== '' || cell.value !== '');
}

/** Value as Range.getValue() returns it (spilled values included). */
export function readValue(cell: Cell | undefined): CellValue {
  if (!cell) return '';
  if (hasContent(cell)) return cell.value;
  return cell.spillOf ? (cell.spillValue ?? '') : '';
}

/** What a person sees in the cell. */
export function readDisplay(cell: Cell | undefined, tz: string): string {
  if (!cell) return '';
  if (hasContent(cell)) {
    if (cell.errorNote) return String(cell.value);
    if (cell.fx?.pending) return 'Loading...';
    return displayValue(cell.value, cell.numberFormat, tz);
  }
  if (cell.spillOf) return displayValue(cell.spillValue ?? '', cell.numberFormat, tz);
  return '';
}

/** Intended rectangle of an anchor's current result (its own cell when scalar/error). */
export function resultRect(fx: FormulaInfo): Rect {
  const res = fx.result;
  if (res?.kind === 'values') {
    return { r1: fx.row, c1: fx.col, r2: fx.row + res.rows.length - 1, c2: fx.col + res.rows[0].length - 1 };
  }
  return { r1: fx.row, c1: fx.col, r2: fx.row, c2: fx.col };
}

function spillRect(fx: FormulaInfo): Rect {
  return { r1: fx.row, c1: fx.col, r2: fx.row + fx.spillRows - 1, c2: fx.col + fx.spillCols - 1 };
}

/** Removes an anchor's materialized spill; returns the rectangle it occupied. */
export function clearSpill(sheet: SheetModel, anchor: Cell): Rect | null {
  const fx = anchor.fx;
  if (!fx || (fx.spillRows <= 1 && fx.spillCols <= 1)) return null;
  const rect = spillRect(fx);
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row = sheet.rows[r - 1];
    if (!row) continue;
    for (let c = rect.c1; c <= rect.c2; c++) {
      const cell = row[c - 1];
      if (cell && cell.spillOf === anchor) {
        cell.spillOf = undefined;
        cell.spillValue = undefined;
      }
    }
  }
  fx.spillRows = 1;
  fx.spillCols = 1;
  return rect;
}

/** Applies an anchor's result to the grid: value/error in the anchor, spill into empty cells or #REF!. */
export function layoutAnchor(sheet: SheetModel, anchor: Cell): Rect[] {
  const fx = anchor.fx;
  if (!fx) return [];
  const changed: Rect[] = [];
  const prev = clearSpill(sheet, anchor);
  if (prev) changed.push(prev);
  changed.push({ r1: fx.row, c1: fx.col, r2: fx.row, c2: fx.col });
  const res = fx.result;
  anchor.errorNote = '';
  if (!res) {
    anchor.value = '';
    return changed;
  }
  if (res.kind === 'error') {
    anchor.value = res.code;
    anchor.errorNote = res.note;
    return changed;
  }
  const rows = res.rows;
  const nr = rows.length;
  const nc = rows[0].length;
  if (nr === 1 && nc === 1) {
    anchor.value = rows[0][0];
    return changed;
  }
  // An array result larger than the grid grows the sheet (chosen: Sheets adds rows/columns for array results;
  // UNVERIFIED for custom functions) unless that would pass the 10M-cell limit, then #REF! with Sheets' text.
  const needRows = Math.max(0, fx.row + nr - 1 - sheet.maxRows);
  const needCols = Math.max(0, fx.col + nc - 1 - sheet.maxCols);
  if (needRows > 0 || needCols > 0) {
    const grown = (sheet.maxRows + needRows) * (sheet.maxCols + needCols) - sheet.maxRows * sheet.maxCols;
    if ((sheet.owner?.totalCells() ?? 0) + grown > MAX_WORKBOOK_CELLS) {
      anchor.value = '#REF!';
      anchor.errorNote =
        needRows > 0
          ? `Result was not automatically expanded, please insert more rows (${needRows}).`
          : `Result was not automatically expanded, please insert more columns (${needCols}).`;
      return changed;
    }
  }
  for (let r = fx.row; r < fx.row + nr; r++) {
    const row = sheet.rows[r - 1];
    if (!row) continue;
    for (let c = fx.col; c < fx.col + nc; c++) {
      if (r === fx.row && c === fx.col) continue;
      const cell = row[c - 1];
      if (cell && (hasContent(cell) || (cell.spillOf && cell.spillOf !== anchor))) {
        // https://support.google.com/docs/answer/9366922 — blocked array results show #REF!.
        anchor.value = '#REF!';
        anchor.errorNote = `Array result was not expanded because it would overwrite data in ${cellA1(r, c)}.`;
        return changed;
      }
    }
  }
  sheet.maxRows += needRows;
  sheet.maxCols += needCols;
  anchor.value = rows[0][0];
  for (let i = 0; i < nr; i++) {
    const src = rows[i];
    for (let j = 0; j < nc; j++) {
      if (i === 0 && j === 0) continue;
      const cell = ensureCell(sheet, fx.row + i, fx.col + j);
      cell.spillOf = anchor;
      cell.spillValue = src[j];
    }
  }
  fx.spillRows = nr;
  fx.spillCols = nc;
  changed.push(spillRect(fx));
  return changed;
}

/** Re-lays out every anchor whose intended result area touches `rects` (e.g. a cell in the way was cleared). */
export function relayoutAround(sheet: SheetModel, rects: Rect[]): Rect[] {
  const changed: Rect[] = [];
  let frontier = rects;
  for (let pass = 0; pass < 10 && frontier.length > 0; pass++) {
    const next: Rect[] = [];
    const anchors = [...sheet.formulas]
      .filter((f) => f.fx?.result?.kind === 'values')
      .sort((a, b) => (a.fx?.row ?? 0) - (b.fx?.row ?? 0) || (a.fx?.col ?? 0) - (b.fx?.col ?? 0));
    for (const anchor of anchors) {
      const fx = anchor.fx;
      if (!fx) continue;
      const area = resultRect(fx);
      if (area.r1 === area.r2 && area.c1 === area.c2) continue;
      if (!frontier.some((r) => intersects(r, area))) continue;
      const before = `${fx.spillRows}x${fx.spillCols}|${String(anchor.value)}`;
      const rectsChanged = layoutAnchor(sheet, anchor);
      if (`${fx.spillRows}x${fx.spillCols}|${String(anchor.value)}` !== before) {
        next.push(...rectsChanged);
        changed.push(...rectsChanged);
      }
    }
    frontier = next;
  }
  return changed;
}

/** Writes own content into a cell (replacing any formula and its spill); returns rectangles whose layout changed. */
export function writeContent(
  sheet: SheetModel,
  row: number,
  col: number,
  value: CellValue,
  formula: string,
  numberFormat: string | undefined,
  makeFx: (formula: string, row: number, col: number) => FormulaInfo,
): Rect | null {
  const cell = ensureCell(sheet, row, col);
  let freed: Rect | null = null;
  if (cell.fx) {
    freed = clearSpill(sheet, cell);
    sheet.formulas.delete(cell);
    cell.fx = undefined;
  }
  cell.value = value;
  cell.formula = formula;
  cell.errorNote = '';
  if (numberFormat !== undefined) cell.numberFormat = numberFormat;
  if (formula !== '') {
    cell.fx = makeFx(formula, row, col);
    sheet.formulas.add(cell);
  }
  return freed;
}

/** Shifts rows: inserts `count` empty rows after row `after` (negative count deletes rows after `after`). */
export function shiftRows(sheet: SheetModel, after: number, count: number): void {
  for (const f of sheet.formulas) clearSpill(sheet, f);
  if (count > 0) {
    if (sheet.rows.length > after) {
      sheet.rows = sheet.rows.slice(0, after).concat(new Array(count), sheet.rows.slice(after));
    }
    sheet.maxRows += count;
  } else {
    const n = -count;
    for (const f of [...sheet.formulas]) {
      const fx = f.fx;
      if (fx && fx.row > after && fx.row <= after + n) sheet.formulas.delete(f);
    }
    sheet.rows.splice(after, n);
    sheet.maxRows -= n;
  }
  for (const f of sheet.formulas) if (f.fx && f.fx.row > after) f.fx.row += count;
  sheet.metadata = shiftMetadata(sheet.metadata, 'ROW', after, count);
  sheet.protections = shiftProtections(sheet.protections, 'r', after, count);
  relayoutAll(sheet);
}

/** Shifts columns like shiftRows. */
export function shiftColumns(sheet: SheetModel, after: number, count: number): void {
  for (const f of sheet.formulas) clearSpill(sheet, f);
  if (count < 0) {
    for (const f of [...sheet.formulas]) {
      const fx = f.fx;
      if (fx && fx.col > after && fx.col <= after - count) sheet.formulas.delete(f);
    }
  }
  sheet.rows = sheet.rows.map((row) => {
    if (!row || row.length <= after) return row;
    if (count > 0) return row.slice(0, after).concat(new Array(count), row.slice(after));
    row.splice(after, -count);
    return row;
  });
  sheet.maxCols += count;
  for (const f of sheet.formulas) if (f.fx && f.fx.col > after) f.fx.col += count;
  sheet.metadata = shiftMetadata(sheet.metadata, 'COLUMN', after, count);
  sheet.protections = shiftProtections(sheet.protections, 'c', after, count);
  relayoutAll(sheet);
}

/** Lays out every anchor of the sheet again (after structural edits). */
export function relayoutAll(sheet: SheetModel): void {
  const anchors = [...sheet.formulas].sort(
    (a, b) => (a.fx?.row ?? 0) - (b.fx?.row ?? 0) || (a.fx?.col ?? 0) - (b.fx?.col ?? 0),
  );
  for (const a of anchors) layoutAnchor(sheet, a);
}

/** Last row/column holding content (own values, formulas or spilled values — spills count, as chosen). */
/** The last row holding content (or a spilled value); scans from the bottom, so appendRow stays cheap. */
export function lastContentRow(sheet: SheetModel): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell && (hasContent(cell) || cell.spillOf)) return r + 1;
    }
  }
  return 0;
}

export function contentExtent(sheet: SheetModel): { lastRow: number; lastCol: number } {
  let lastRow = 0;
  let lastCol = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (cell && (hasContent(cell) || cell.spillOf)) {
        lastRow = r + 1;
        if (c + 1 > lastCol) lastCol = c + 1;
      }
    }
  }
  return { lastRow, lastCol };
}

/** One sort key of Range.sort: an absolute sheet column and a direction. */
export interface SortSpec {
  column: number;
  ascending: boolean;
}

/** Sheets' order for sorting: numbers and dates, then text (case-insensitive), then booleans; blanks always last. */
function sortRank(cell: Cell | undefined): [number, number | string | boolean] {
  const value = readValue(cell);
  if (value === '') return [3, ''];
  if (typeof value === 'number') return [0, value];
  if (value instanceof Date || Object.prototype.toString.call(value) === '[object Date]')
    return [0, (value as Date).getTime() / 86_400_000 + 25_569];
  if (typeof value === 'boolean') return [2, value ? 1 : 0];
  return [1, String(value).toLowerCase()];
}

/**
 * Sorts the rows of a rectangle by `specs` (stable): each row's cells in the rectangle move together, with
 * their values, formulas, notes and formats, as a sort in Sheets moves them. Custom-function anchors move with
 * their row and are laid out again.
 */
export function sortRows(sheet: SheetModel, rect: Rect, specs: readonly SortSpec[]): void {
  for (const f of sheet.formulas) clearSpill(sheet, f);
  const lines: Array<(Cell | undefined)[]> = [];
  for (let r = rect.r1; r <= rect.r2; r++) {
    const row = sheet.rows[r - 1] ?? [];
    lines.push(Array.from({ length: rect.c2 - rect.c1 + 1 }, (_, j) => row[rect.c1 - 1 + j]));
  }
  const order = lines.map((_, i) => i);
  order.sort((a, b) => {
    for (const spec of specs) {
      const [ra, va] = sortRank(lines[a][spec.column - rect.c1]);
      const [rb, vb] = sortRank(lines[b][spec.column - rect.c1]);
      if (ra !== rb) return ra === 3 || rb === 3 ? ra - rb : (ra - rb) * (spec.ascending ? 1 : -1);
      if (va !== vb) return (va < vb ? -1 : 1) * (spec.ascending ? 1 : -1);
    }
    return a - b;
  });
  // Row metadata travels with its row (the rows of the sorted rectangle).
  const moved = new Map(order.map((from, i) => [rect.r1 + from, rect.r1 + i]));
  sheet.metadata = permuteMetadata(sheet.metadata, 'ROW', (r) => moved.get(r) ?? r);
  order.forEach((from, i) => {
    const r = rect.r1 + i;
    sheet.rows[r - 1] ??= [];
    const row = sheet.rows[r - 1];
    lines[from].forEach((cell, j) => {
      const c = rect.c1 + j;
      if (cell) row[c - 1] = cell;
      else delete row[c - 1];
      if (cell?.fx) {
        cell.fx.row = r;
        cell.fx.col = c;
      }
    });
  });
  relayoutAll(sheet);
}

/**
 * Moves the columns `first`..`first + count - 1` so that they sit before column `destination` (as counted
 * before the move), like Sheet.moveColumns: cells, formulas, column metadata and one-column protections go
 * with their column.
 */
export function moveColumns(sheet: SheetModel, first: number, count: number, destination: number): void {
  const last = first + count - 1;
  if (destination >= first && destination <= last + 1) return;
  for (const f of sheet.formulas) clearSpill(sheet, f);
  const max = Math.max(sheet.maxCols, destination);
  const order: number[] = [];
  for (let c = 1; c <= max; c++) {
    if (c === destination) for (let m = first; m <= last; m++) order.push(m);
    if (c < first || c > last) order.push(c);
  }
  if (destination > max) for (let m = first; m <= last; m++) order.push(m);
  const newIndex = new Map(order.map((old, i) => [old, i + 1]));
  const map = (c: number): number => newIndex.get(c) ?? c;
  sheet.rows = sheet.rows.map((row) => {
    if (!row) return row;
    const next: (Cell | undefined)[] = [];
    row.forEach((cell, j) => {
      if (cell) next[map(j + 1) - 1] = cell;
    });
    return next;
  });
  for (const f of sheet.formulas) if (f.fx) f.fx.col = map(f.fx.col);
  sheet.metadata = permuteMetadata(sheet.metadata, 'COLUMN', map);
  for (const p of sheet.protections) {
    if (p.rect.c1 === p.rect.c2) p.rect = { ...p.rect, c1: map(p.rect.c1), c2: map(p.rect.c1) };
  }
  relayoutAll(sheet);
}
