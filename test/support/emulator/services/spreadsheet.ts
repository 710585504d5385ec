// SpreadsheetApp / Spreadsheet / Sheet / Range / TextFinder for one execution, over the grid model.
// Every method call counts as one spreadsheet call (a round trip on the real platform). Writes follow
// typed-input semantics and are refused in AuthMode.CUSTOM_FUNCTION and NONE; reads of the document are
// refused in NONE (stricter reading). Reference: https://developers.google.com/apps-script/reference/spreadsheet

import { cellA1, parseA1, type Rect, rectA1 } from '../a1';
import type { EmulatorCore } from '../core';
import {
  type Cell,
  cellAt,
  contentExtent,
  DEFAULT_NUMBER_FORMAT,
  ensureCell,
  hasContent,
  lastContentRow,
  MAX_WORKBOOK_CELLS,
  moveColumns,
  readDisplay,
  readValue,
  type SheetModel,
  type SortSpec,
  shiftColumns,
  shiftRows,
  sortRows,
  writeContent,
} from '../grid';
import { classFactory, type Exec, STATE, stateOf, type WithState } from '../runtime';
import { MAX_CELL_CHARS, parseTypedInput, TOO_LONG_MESSAGE } from '../typed-input';
import { AppsError, type CellValue, isDateLike, permissionError, SCOPES } from '../types';
import { metadataService } from './developer-metadata';
import { buildUi } from './html-ui';

interface RangeState {
  sheet: SheetModel;
  r: number;
  c: number;
  nr: number;
  nc: number;
}

interface FinderState {
  sheets: SheetModel[];
  rect: Rect | null;
  text: string;
  matchCase: boolean;
  entireCell: boolean;
  formulaText: boolean;
  regex: boolean;
  matches: RangeState[] | null;
  index: number;
}

type Content = { formula: string; value: CellValue; numberFormat?: string };

const SHEET_SCOPES = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];
const TOO_MANY_CELLS = `This action would increase the number of cells in the workbook above the limit of ${MAX_WORKBOOK_CELLS} cells.`;

/** Builds SpreadsheetApp for an execution; also returns a factory for Spreadsheet objects (test side). */
export function spreadsheetService(
  core: EmulatorCore,
  exec: Exec,
): {
  SpreadsheetApp: Record<string, unknown>;
  spreadsheet: () => unknown;
} {
  const wb = core.workbook;
  const R = exec.realm;

  const denyWrite = (what: string): void => {
    // Custom functions may not modify the spreadsheet; https://developers.google.com/apps-script/guides/sheets/functions
    if (exec.authMode === 'CUSTOM_FUNCTION' || exec.authMode === 'NONE') throw permissionError(what);
  };
  const denyActivate = (what: string): void => {
    // Custom functions get a read-only Spreadsheet: "most get*() methods work, but not set*()"
    // (https://developers.google.com/apps-script/guides/sheets/functions), so setActiveSheet is refused; that
    // activate() (a selection change, not a write) is refused too is UNVERIFIED — stricter reading.
    if (exec.authMode === 'CUSTOM_FUNCTION' || exec.authMode === 'NONE') throw permissionError(what);
  };
  const access = (method: string): void => {
    // AuthMode.NONE: no access to the document (stricter reading of the auth lifecycle table).
    if (exec.authMode === 'NONE') throw permissionError(`SpreadsheetApp.${method}`, SHEET_SCOPES);
    if (exec.authMode !== 'CUSTOM_FUNCTION') core.requireScope(`SpreadsheetApp.${method}`, SHEET_SCOPES);
  };
  const alive = (sheet: SheetModel): SheetModel => {
    if (!wb.sheets.includes(sheet)) throw new AppsError('Sheet not found');
    return sheet;
  };
  const out = (v: CellValue): unknown => (typeof v === 'object' ? new R.Date(v.getTime()) : v);
  const grid2 = <T>(st: RangeState, f: (cell: Cell | undefined) => T): T[][] => {
    const rows = new R.Array<T[]>();
    for (let i = 0; i < st.nr; i++) {
      const src = st.sheet.rows[st.r - 1 + i];
      const row = new R.Array<T>();
      for (let j = 0; j < st.nc; j++) row.push(f(src?.[st.c - 1 + j]));
      rows.push(row);
    }
    return rows;
  };
  let yearMemo = { clock: Number.NaN, year: 0 };
  const currentYear = (): number => {
    if (yearMemo.clock !== core.clock)
      yearMemo = { clock: core.clock, year: new Date(core.clock).getUTCFullYear() };
    return yearMemo.year;
  };

  /** Converts a script value to cell content (typed-input parsing for strings). */
  const toContent = (v: unknown, cell: Cell | undefined): Content => {
    if (v === null || v === undefined) return { formula: '', value: '' };
    if (typeof v === 'string') {
      const plain = cell?.numberFormat === '@';
      const p = parseTypedInput(v, wb.timeZone, currentYear(), plain);
      // The limit applies to what the cell holds (a leading apostrophe is a marker, not content) — chosen.
      const held = p.kind === 'formula' ? p.formula : p.value;
      if (typeof held === 'string' && held.length > MAX_CELL_CHARS) throw new AppsError(TOO_LONG_MESSAGE);
      if (p.kind === 'formula') return { formula: p.formula, value: '' };
      const auto =
        (cell?.numberFormat ?? DEFAULT_NUMBER_FORMAT) === DEFAULT_NUMBER_FORMAT ? p.numberFormat : undefined;
      return { formula: '', value: p.value, numberFormat: auto };
    }
    if (typeof v === 'number' || typeof v === 'boolean') return { formula: '', value: v };
    if (isDateLike(v)) return { formula: '', value: new Date(v.getTime()) };
    const s = String(v);
    if (s.length > MAX_CELL_CHARS) throw new AppsError(TOO_LONG_MESSAGE);
    return { formula: '', value: s };
  };

  const sameValue = (a: CellValue, b: CellValue): boolean =>
    a === b || (typeof a === 'object' && typeof b === 'object' && a.getTime() === b.getTime());

  /** Writes prepared contents into the range; identical formulas/values are left alone (no recalc). */
  const writeGrid = (st: RangeState, contents: Content[][]): void => {
    const rects: Rect[] = [];
    let changed = false;
    const makeFx = core.makeFx(st.sheet.name);
    for (let i = 0; i < contents.length; i++) {
      for (let j = 0; j < contents[i].length; j++) {
        const r = st.r + i;
        const c = st.c + j;
        const content = contents[i][j];
        const cell = cellAt(st.sheet, r, c);
        if (
          cell &&
          cell.formula === content.formula &&
          (content.formula !== '' || sameValue(cell.value, content.value))
        ) {
          if (content.numberFormat !== undefined) cell.numberFormat = content.numberFormat;
          continue;
        }
        if (!cell && content.formula === '' && content.value === '' && content.numberFormat === undefined)
          continue;
        const freed = writeContent(
          st.sheet,
          r,
          c,
          content.value,
          content.formula,
          content.numberFormat,
          makeFx,
        );
        if (freed) rects.push(freed);
        changed = true;
      }
    }
    if (changed) core.afterWrite(exec, st.sheet, [rectOf(st), ...rects]);
  };

  const rectOf = (st: RangeState): Rect => ({
    r1: st.r,
    c1: st.c,
    r2: st.r + st.nr - 1,
    c2: st.c + st.nc - 1,
  });

  /** Cells read or written per execution (a whole range counts, whatever it holds: the platform moves them all). */
  const readCells = (st: RangeState): void => {
    exec.rec.cellsRead += st.nr * st.nc;
  };
  const wroteCells = (st: RangeState): void => {
    exec.rec.cellsWritten += st.nr * st.nc;
  };
  /** One value into every cell of a range, parsed like typed input (Range.setValue, RangeList.setValue). */
  const fillValue = (st: RangeState, value: unknown): void => {
    wroteCells(st);
    const contents: Content[][] = [];
    for (let i = 0; i < st.nr; i++) {
      const row: Content[] = [];
      for (let j = 0; j < st.nc; j++) row.push(toContent(value, cellAt(st.sheet, st.r + i, st.c + j)));
      contents.push(row);
    }
    writeGrid(st, contents);
  };
  /** One number format on every cell of a range (Range.setNumberFormat, RangeList.setNumberFormat). */
  const fillNumberFormat = (st: RangeState, format: unknown): void => {
    wroteCells(st);
    for (let r = st.r; r < st.r + st.nr; r++)
      for (let c = st.c; c < st.c + st.nc; c++) ensureCell(st.sheet, r, c).numberFormat = String(format);
  };

  const forExisting = (st: RangeState, f: (cell: Cell, r: number, c: number) => void): void => {
    for (let r = st.r; r < st.r + st.nr; r++) {
      const row = st.sheet.rows[r - 1];
      if (!row) continue;
      for (let c = st.c; c < st.c + st.nc; c++) {
        const cell = row[c - 1];
        if (cell) f(cell, r, c);
      }
    }
  };

  const clearContents = (st: RangeState): void => {
    const rects: Rect[] = [];
    let changed = false;
    const makeFx = core.makeFx(st.sheet.name);
    forExisting(st, (cell, r, c) => {
      if (!hasContent(cell)) return;
      const freed = writeContent(st.sheet, r, c, '', '', undefined, makeFx);
      if (freed) rects.push(freed);
      changed = true;
    });
    if (changed) core.afterWrite(exec, st.sheet, [rectOf(st), ...rects]);
  };

  const clearFormats = (st: RangeState): void => {
    forExisting(st, (cell) => {
      cell.bold = false;
      cell.numberFormat = DEFAULT_NUMBER_FORMAT;
    });
  };

  const checkDims = (values: unknown, st: RangeState, method: string): unknown[][] => {
    if (!Array.isArray(values)) {
      throw new AppsError(
        `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
      );
    }
    if (values.length !== st.nr) {
      throw new AppsError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${st.nr}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row)) {
        throw new AppsError(
          `The parameters (${typeName(values)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
        );
      }
      if (row.length !== st.nc) {
        throw new AppsError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${st.nc}.`,
        );
      }
    }
    return values as unknown[][];
  };

  const makeRangeState = (sheet: SheetModel, r: number, c: number, nr: number, nc: number): RangeState => {
    if (!Number.isFinite(r) || r < 1) throw new AppsError('The starting row of the range is too small.');
    if (!Number.isFinite(c) || c < 1) throw new AppsError('The starting column of the range is too small.');
    if (!Number.isFinite(nr) || nr < 1)
      throw new AppsError('The number of rows in the range must be at least 1.');
    if (!Number.isFinite(nc) || nc < 1)
      throw new AppsError('The number of columns in the range must be at least 1.');
    if (r + nr - 1 > sheet.maxRows || c + nc - 1 > sheet.maxCols) {
      throw new AppsError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return { sheet, r: Math.floor(r), c: Math.floor(c), nr: Math.floor(nr), nc: Math.floor(nc) };
  };

  const rangeFromA1 = (sheet: SheetModel, a1: string): RangeState => {
    const ref = parseA1(String(a1));
    if (!ref) throw new AppsError('Range not found');
    let target = sheet;
    if (ref.sheetName !== undefined) {
      const s = wb.sheet(ref.sheetName);
      if (!s) throw new AppsError('Range not found');
      target = s;
    }
    const r2 = ref.wholeColumns ? target.maxRows : ref.r2;
    const c2 = ref.wholeRows ? target.maxCols : ref.c2;
    return makeRangeState(target, ref.r1, ref.c1, r2 - ref.r1 + 1, c2 - ref.c1 + 1);
  };

  type RS = WithState<RangeState>;
  type SS = WithState<SheetModel>;
  type FS = WithState<FinderState>;

  const noopWrite = (name: string) =>
    function (this: RS): RS {
      denyWrite(`Range.${name}`);
      return this;
    };

  const rangeMethods = {
    getRow(this: RS): number {
      return this[STATE].r;
    },
    getColumn(this: RS): number {
      return this[STATE].c;
    },
    getRowIndex(this: RS): number {
      return this[STATE].r;
    },
    getLastRow(this: RS): number {
      return this[STATE].r + this[STATE].nr - 1;
    },
    getLastColumn(this: RS): number {
      return this[STATE].c + this[STATE].nc - 1;
    },
    getNumRows(this: RS): number {
      return this[STATE].nr;
    },
    getNumColumns(this: RS): number {
      return this[STATE].nc;
    },
    getA1Notation(this: RS): string {
      return rectA1(rectOf(this[STATE]));
    },
    getSheet(this: RS): unknown {
      return makeSheet(alive(this[STATE].sheet));
    },
    getCell(this: RS, row: number, col: number): unknown {
      const st = this[STATE];
      if (row < 1 || col < 1 || row > st.nr || col > st.nc) {
        throw new AppsError('The coordinates of the range are outside the dimensions of the sheet.');
      }
      return makeRange(makeRangeState(st.sheet, st.r + row - 1, st.c + col - 1, 1, 1));
    },
    offset(this: RS, rowOffset: number, colOffset: number, numRows?: number, numCols?: number): unknown {
      const st = this[STATE];
      return makeRange(
        makeRangeState(st.sheet, st.r + rowOffset, st.c + colOffset, numRows ?? st.nr, numCols ?? st.nc),
      );
    },
    isBlank(this: RS): boolean {
      let blank = true;
      forExisting(this[STATE], (cell) => {
        if (hasContent(cell) || cell.spillOf) blank = false;
      });
      return blank;
    },
    getValue(this: RS): unknown {
      const st = this[STATE];
      exec.rec.cellsRead++;
      return out(readValue(cellAt(st.sheet, st.r, st.c)));
    },
    getValues(this: RS): unknown[][] {
      readCells(this[STATE]);
      return grid2(this[STATE], (cell) => out(readValue(cell)));
    },
    getDisplayValue(this: RS): string {
      const st = this[STATE];
      return readDisplay(cellAt(st.sheet, st.r, st.c), wb.timeZone);
    },
    getDisplayValues(this: RS): string[][] {
      readCells(this[STATE]);
      return grid2(this[STATE], (cell) => readDisplay(cell, wb.timeZone));
    },
    getFormula(this: RS): string {
      const st = this[STATE];
      return cellAt(st.sheet, st.r, st.c)?.formula ?? '';
    },
    getFormulas(this: RS): string[][] {
      readCells(this[STATE]);
      return grid2(this[STATE], (cell) => cell?.formula ?? '');
    },
    setValue(this: RS, value: unknown): RS {
      denyWrite('Range.setValue');
      fillValue(this[STATE], value);
      return this;
    },
    setValues(this: RS, values: unknown): RS {
      denyWrite('Range.setValues');
      const st = this[STATE];
      const rows = checkDims(values, st, 'setValues');
      wroteCells(st);
      const contents = rows.map((row, i) =>
        row.map((v, j) => toContent(v, cellAt(st.sheet, st.r + i, st.c + j))),
      );
      writeGrid(st, contents);
      return this;
    },
    setFormula(this: RS, formula: unknown): RS {
      denyWrite('Range.setFormula');
      const st = this[STATE];
      wroteCells(st);
      const f = String(formula);
      const content = (cell: Cell | undefined): Content =>
        f.startsWith('=') ? { formula: f, value: '' } : toContent(f, cell);
      const contents: Content[][] = [];
      for (let i = 0; i < st.nr; i++) {
        const row: Content[] = [];
        for (let j = 0; j < st.nc; j++) row.push(content(cellAt(st.sheet, st.r + i, st.c + j)));
        contents.push(row);
      }
      writeGrid(st, contents);
      return this;
    },
    setFormulas(this: RS, formulas: unknown): RS {
      denyWrite('Range.setFormulas');
      const st = this[STATE];
      const rows = checkDims(formulas, st, 'setFormulas');
      wroteCells(st);
      writeGrid(
        st,
        rows.map((row, i) =>
          row.map((f, j) => {
            const s = String(f ?? '');
            return s.startsWith('=')
              ? { formula: s, value: '' }
              : toContent(s, cellAt(st.sheet, st.r + i, st.c + j));
          }),
        ),
      );
      return this;
    },
    clearContent(this: RS): RS {
      denyWrite('Range.clearContent');
      wroteCells(this[STATE]);
      clearContents(this[STATE]);
      return this;
    },
    clear(this: RS, options?: { contentsOnly?: boolean; formatOnly?: boolean; commentsOnly?: boolean }): RS {
      denyWrite('Range.clear');
      const st = this[STATE];
      const o = options ?? {};
      const any = o.contentsOnly || o.formatOnly || o.commentsOnly;
      if (!any || o.contentsOnly) clearContents(st);
      if (!any || o.formatOnly) clearFormats(st);
      if (o.commentsOnly)
        forExisting(st, (cell) => {
          cell.note = '';
        });
      return this;
    },
    clearFormat(this: RS): RS {
      denyWrite('Range.clearFormat');
      clearFormats(this[STATE]);
      return this;
    },
    clearNote(this: RS): RS {
      denyWrite('Range.clearNote');
      forExisting(this[STATE], (cell) => {
        cell.note = '';
      });
      return this;
    },
    setFontWeight(this: RS, weight: unknown): RS {
      denyWrite('Range.setFontWeight');
      const st = this[STATE];
      for (let r = st.r; r < st.r + st.nr; r++)
        for (let c = st.c; c < st.c + st.nc; c++) ensureCell(st.sheet, r, c).bold = weight === 'bold';
      return this;
    },
    setFontWeights(this: RS, weights: unknown): RS {
      denyWrite('Range.setFontWeights');
      const st = this[STATE];
      const rows = checkDims(weights, st, 'setFontWeights');
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < rows[i].length; j++) {
          const w = rows[i][j];
          ensureCell(st.sheet, st.r + i, st.c + j).bold = w === 'bold';
        }
      }
      return this;
    },
    getFontWeight(this: RS): string {
      const st = this[STATE];
      return cellAt(st.sheet, st.r, st.c)?.bold ? 'bold' : 'normal';
    },
    getFontWeights(this: RS): string[][] {
      return grid2(this[STATE], (cell) => (cell?.bold ? 'bold' : 'normal'));
    },
    setNumberFormat(this: RS, format: unknown): RS {
      denyWrite('Range.setNumberFormat');
      fillNumberFormat(this[STATE], format);
      return this;
    },
    setNumberFormats(this: RS, formats: unknown): RS {
      denyWrite('Range.setNumberFormats');
      const st = this[STATE];
      const rows = checkDims(formats, st, 'setNumberFormats');
      wroteCells(st);
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < rows[i].length; j++) {
          const f = rows[i][j];
          ensureCell(st.sheet, st.r + i, st.c + j).numberFormat = String(f);
        }
      }
      return this;
    },
    getNumberFormat(this: RS): string {
      const st = this[STATE];
      return cellAt(st.sheet, st.r, st.c)?.numberFormat ?? DEFAULT_NUMBER_FORMAT;
    },
    getNumberFormats(this: RS): string[][] {
      readCells(this[STATE]);
      return grid2(this[STATE], (cell) => cell?.numberFormat ?? DEFAULT_NUMBER_FORMAT);
    },
    setNote(this: RS, note: unknown): RS {
      denyWrite('Range.setNote');
      const st = this[STATE];
      for (let r = st.r; r < st.r + st.nr; r++)
        for (let c = st.c; c < st.c + st.nc; c++)
          ensureCell(st.sheet, r, c).note = note == null ? '' : String(note);
      return this;
    },
    setNotes(this: RS, notes: unknown): RS {
      denyWrite('Range.setNotes');
      const st = this[STATE];
      const rows = checkDims(notes, st, 'setNotes');
      for (let i = 0; i < rows.length; i++) {
        for (let j = 0; j < rows[i].length; j++) {
          const n = rows[i][j];
          ensureCell(st.sheet, st.r + i, st.c + j).note = n == null ? '' : String(n);
        }
      }
      return this;
    },
    getNote(this: RS): string {
      const st = this[STATE];
      return cellAt(st.sheet, st.r, st.c)?.note ?? '';
    },
    getNotes(this: RS): string[][] {
      return grid2(this[STATE], (cell) => cell?.note ?? '');
    },
    activate(this: RS): RS {
      denyActivate('Range.activate');
      const idx = wb.sheets.indexOf(this[STATE].sheet);
      if (idx >= 0) wb.activeIndex = idx;
      return this;
    },
    createTextFinder(this: RS, text: unknown): unknown {
      const st = this[STATE];
      return makeFinder([st.sheet], rectOf(st), String(text));
    },
    addDeveloperMetadata(this: RS, ...args: unknown[]): RS {
      const st = this[STATE];
      metadata.addToRange(alive(st.sheet), st.r, st.c, st.nr, st.nc, args);
      return this;
    },
    createDeveloperMetadataFinder(this: RS): unknown {
      const st = this[STATE];
      return metadata.finder({
        sheets: [alive(st.sheet)],
        spreadsheet: false,
        rows: [st.r, st.r + st.nr - 1],
        cols: [st.c, st.c + st.nc - 1],
      });
    },
    protect(this: RS): unknown {
      const st = this[STATE];
      return metadata.protect(alive(st.sheet), st.r, st.c, st.r + st.nr - 1, st.c + st.nc - 1);
    },
    sort(this: RS, sortSpecObj: unknown): RS {
      // https://developers.google.com/apps-script/reference/spreadsheet/range#sort(Object): a column number, an
      // object {column, ascending}, or an array of them; columns are sheet columns inside the range. What a sort
      // does with formats and rows hidden by a filter is not documented: here each row moves whole (UNVERIFIED).
      denyWrite('Range.sort');
      const st = this[STATE];
      const items = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
      const specs: SortSpec[] = items.map((item) => {
        const o: Record<string, unknown> =
          typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : { column: item };
        const column = Number(o.column);
        if (!Number.isInteger(column) || column < st.c || column > st.c + st.nc - 1) {
          throw new AppsError('The sort column must be within the range.'); // chosen text
        }
        return { column, ascending: o.ascending !== false };
      });
      if (specs.length === 0) throw new AppsError('Invalid argument: sortSpecObj');
      sortRows(st.sheet, rectOf(st), specs);
      core.afterWrite(exec, st.sheet, [rectOf(st)]);
      return this;
    },
    setBackground: noopWrite('setBackground'),
    setFontColor: noopWrite('setFontColor'),
    setFontSize: noopWrite('setFontSize'),
    setFontFamily: noopWrite('setFontFamily'),
    setFontStyle: noopWrite('setFontStyle'),
    setHorizontalAlignment: noopWrite('setHorizontalAlignment'),
    setVerticalAlignment: noopWrite('setVerticalAlignment'),
    setWrap: noopWrite('setWrap'),
    setWrapStrategy: noopWrite('setWrapStrategy'),
    setBorder: noopWrite('setBorder'),
    toString(): string {
      return 'Range';
    },
  };

  const insertCheck = (extraCells: number): void => {
    if (wb.totalCells() + extraCells > MAX_WORKBOOK_CELLS) throw new AppsError(TOO_MANY_CELLS);
  };
  const positive = (n: unknown, what: string): number => {
    const v = Number(n);
    if (!Number.isInteger(v) || v < 1) throw new AppsError(`Those ${what} are out of bounds.`);
    return v;
  };

  const sheetMethods = {
    getName(this: SS): string {
      return this[STATE].name;
    },
    setName(this: SS, name: unknown): SS {
      denyWrite('Sheet.setName');
      const n = String(name);
      if (wb.sheets.some((s) => s !== this[STATE] && s.name.toLowerCase() === n.toLowerCase())) {
        throw new AppsError(`A sheet with the name "${n}" already exists. Please enter another name.`);
      }
      this[STATE].name = n;
      return this;
    },
    getSheetId(this: SS): number {
      return this[STATE].id;
    },
    getIndex(this: SS): number {
      return wb.sheets.indexOf(this[STATE]) + 1;
    },
    getParent(this: SS): unknown {
      return makeSpreadsheet();
    },
    getRange(this: SS, a: unknown, col?: number, numRows?: number, numCols?: number): unknown {
      const sheet = alive(this[STATE]);
      if (typeof a === 'string') return makeRange(rangeFromA1(sheet, a));
      return makeRange(makeRangeState(sheet, Number(a), Number(col), numRows ?? 1, numCols ?? 1));
    },
    getRangeList(this: SS, a1Notations: unknown): unknown {
      // https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String) — A1 ranges of
      // this sheet, one call for all of them.
      const sheet = alive(this[STATE]);
      if (!Array.isArray(a1Notations)) throw new AppsError('Invalid argument: a1Notations');
      return makeRangeList(a1Notations.map((a1) => rangeFromA1(sheet, String(a1))));
    },
    getDataRange(this: SS): unknown {
      const sheet = alive(this[STATE]);
      const { lastRow, lastCol } = contentExtent(sheet);
      return makeRange(makeRangeState(sheet, 1, 1, Math.max(1, lastRow), Math.max(1, lastCol)));
    },
    getSheetValues(this: SS, row: number, col: number, numRows: number, numCols: number): unknown[][] {
      const sheet = alive(this[STATE]);
      const { lastRow, lastCol } = contentExtent(sheet);
      const nr = numRows === -1 ? lastRow - row + 1 : numRows;
      const nc = numCols === -1 ? lastCol - col + 1 : numCols;
      const st = makeRangeState(sheet, row, col, nr, nc);
      readCells(st);
      return grid2(st, (cell) => out(readValue(cell)));
    },
    getLastRow(this: SS): number {
      return lastContentRow(alive(this[STATE]));
    },
    getLastColumn(this: SS): number {
      return contentExtent(alive(this[STATE])).lastCol;
    },
    getMaxRows(this: SS): number {
      return this[STATE].maxRows;
    },
    getMaxColumns(this: SS): number {
      return this[STATE].maxCols;
    },
    insertRowsAfter(this: SS, afterPosition: number, howMany: number): SS {
      denyWrite('Sheet.insertRowsAfter');
      const sheet = alive(this[STATE]);
      const n = positive(howMany, 'rows');
      insertCheck(n * sheet.maxCols);
      shiftRows(sheet, Number(afterPosition), n);
      return this;
    },
    insertRowAfter(this: SS, afterPosition: number): SS {
      denyWrite('Sheet.insertRowAfter');
      const sheet = alive(this[STATE]);
      insertCheck(sheet.maxCols);
      shiftRows(sheet, Number(afterPosition), 1);
      return this;
    },
    insertRowsBefore(this: SS, beforePosition: number, howMany: number): SS {
      denyWrite('Sheet.insertRowsBefore');
      const sheet = alive(this[STATE]);
      const n = positive(howMany, 'rows');
      insertCheck(n * sheet.maxCols);
      shiftRows(sheet, Number(beforePosition) - 1, n);
      return this;
    },
    insertRowBefore(this: SS, beforePosition: number): SS {
      denyWrite('Sheet.insertRowBefore');
      const sheet = alive(this[STATE]);
      insertCheck(sheet.maxCols);
      shiftRows(sheet, Number(beforePosition) - 1, 1);
      return this;
    },
    insertColumnsAfter(this: SS, afterPosition: number, howMany: number): SS {
      denyWrite('Sheet.insertColumnsAfter');
      const sheet = alive(this[STATE]);
      const n = positive(howMany, 'columns');
      insertCheck(n * sheet.maxRows);
      shiftColumns(sheet, Number(afterPosition), n);
      return this;
    },
    insertColumnsBefore(this: SS, beforePosition: number, howMany: number): SS {
      denyWrite('Sheet.insertColumnsBefore');
      const sheet = alive(this[STATE]);
      const n = positive(howMany, 'columns');
      insertCheck(n * sheet.maxRows);
      shiftColumns(sheet, Number(beforePosition) - 1, n);
      return this;
    },
    deleteRows(this: SS, rowPosition: number, howMany: number): void {
      denyWrite('Sheet.deleteRows');
      const sheet = alive(this[STATE]);
      const start = positive(rowPosition, 'rows');
      const n = positive(howMany, 'rows');
      if (start + n - 1 > sheet.maxRows) throw new AppsError('Those rows are out of bounds.');
      if (n >= sheet.maxRows) throw new AppsError("You can't delete all the rows on the sheet.");
      shiftRows(sheet, start - 1, -n);
    },
    deleteRow(this: SS, rowPosition: number): void {
      denyWrite('Sheet.deleteRow');
      const sheet = alive(this[STATE]);
      const start = positive(rowPosition, 'rows');
      if (start > sheet.maxRows) throw new AppsError('Those rows are out of bounds.');
      if (sheet.maxRows === 1) throw new AppsError("You can't delete all the rows on the sheet.");
      shiftRows(sheet, start - 1, -1);
    },
    deleteColumns(this: SS, columnPosition: number, howMany: number): void {
      denyWrite('Sheet.deleteColumns');
      const sheet = alive(this[STATE]);
      const start = positive(columnPosition, 'columns');
      const n = positive(howMany, 'columns');
      if (start + n - 1 > sheet.maxCols) throw new AppsError('Those columns are out of bounds.');
      if (n >= sheet.maxCols) throw new AppsError("You can't delete all the columns on the sheet.");
      shiftColumns(sheet, start - 1, -n);
    },
    appendRow(this: SS, rowContents: unknown): SS {
      denyWrite('Sheet.appendRow');
      const sheet = alive(this[STATE]);
      if (!Array.isArray(rowContents) || rowContents.length === 0) {
        throw new AppsError(
          `The parameters (${typeName(rowContents)}) don't match the method signature for SpreadsheetApp.Sheet.appendRow.`,
        );
      }
      const row = lastContentRow(sheet) + 1;
      if (row > sheet.maxRows) {
        insertCheck(sheet.maxCols);
        sheet.maxRows = row;
      }
      if (rowContents.length > sheet.maxCols) {
        insertCheck((rowContents.length - sheet.maxCols) * sheet.maxRows);
        sheet.maxCols = rowContents.length;
      }
      const st: RangeState = { sheet, r: row, c: 1, nr: 1, nc: rowContents.length };
      writeGrid(st, [rowContents.map((v, j) => toContent(v, cellAt(sheet, row, j + 1)))]);
      return this;
    },
    addDeveloperMetadata(this: SS, ...args: unknown[]): SS {
      metadata.addToSheet(alive(this[STATE]), args);
      return this;
    },
    createDeveloperMetadataFinder(this: SS): unknown {
      return metadata.finder({ sheets: [alive(this[STATE])], spreadsheet: false });
    },
    getProtections(this: SS, type: unknown): unknown[] {
      // Only range protections are modelled; a sheet protection list is empty.
      if (String(type) === 'SHEET') return new R.Array<unknown>();
      return metadata.protections(alive(this[STATE]));
    },
    moveColumns(this: SS, columnSpec: unknown, destinationIndex: unknown): void {
      // https://developers.google.com/apps-script/reference/spreadsheet/sheet#moveColumns(Range,Integer)
      denyWrite('Sheet.moveColumns');
      const sheet = alive(this[STATE]);
      const range = stateOf<RangeState>(columnSpec, 'columnSpec');
      moveColumns(sheet, range.c, range.nc, positive(destinationIndex, 'columns'));
      core.afterWrite(exec, sheet, [{ r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxCols }]);
    },
    setFrozenRows(this: SS, rows: number): void {
      denyWrite('Sheet.setFrozenRows');
      this[STATE].frozenRows = Number(rows);
    },
    getFrozenRows(this: SS): number {
      return this[STATE].frozenRows;
    },
    setFrozenColumns(this: SS, cols: number): void {
      denyWrite('Sheet.setFrozenColumns');
      this[STATE].frozenCols = Number(cols);
    },
    getFrozenColumns(this: SS): number {
      return this[STATE].frozenCols;
    },
    activate(this: SS): SS {
      denyActivate('Sheet.activate');
      const idx = wb.sheets.indexOf(alive(this[STATE]));
      wb.activeIndex = idx;
      return this;
    },
    clear(this: SS): SS {
      denyWrite('Sheet.clear');
      const sheet = alive(this[STATE]);
      const st = { sheet, r: 1, c: 1, nr: sheet.maxRows, nc: sheet.maxCols };
      clearContents(st);
      clearFormats(st);
      return this;
    },
    clearContents(this: SS): SS {
      denyWrite('Sheet.clearContents');
      const sheet = alive(this[STATE]);
      clearContents({ sheet, r: 1, c: 1, nr: sheet.maxRows, nc: sheet.maxCols });
      return this;
    },
    clearFormats(this: SS): SS {
      denyWrite('Sheet.clearFormats');
      const sheet = alive(this[STATE]);
      clearFormats({ sheet, r: 1, c: 1, nr: sheet.maxRows, nc: sheet.maxCols });
      return this;
    },
    createTextFinder(this: SS, text: unknown): unknown {
      return makeFinder([alive(this[STATE])], null, String(text));
    },
    autoResizeColumns(this: SS): SS {
      denyWrite('Sheet.autoResizeColumns');
      return this;
    },
    autoResizeColumn(this: SS): SS {
      denyWrite('Sheet.autoResizeColumn');
      return this;
    },
    setColumnWidth(this: SS): SS {
      denyWrite('Sheet.setColumnWidth');
      return this;
    },
    setColumnWidths(this: SS): SS {
      denyWrite('Sheet.setColumnWidths');
      return this;
    },
    toString(): string {
      return 'Sheet';
    },
  };

  type LS = WithState<RangeState[]>;
  const rangeListMethods = {
    getRanges(this: LS): unknown[] {
      const arr = new R.Array<unknown>();
      for (const st of this[STATE]) arr.push(makeRange(st));
      return arr;
    },
    setValue(this: LS, value: unknown): LS {
      denyWrite('RangeList.setValue');
      for (const st of this[STATE]) fillValue(st, value);
      return this;
    },
    setNumberFormat(this: LS, format: unknown): LS {
      denyWrite('RangeList.setNumberFormat');
      for (const st of this[STATE]) fillNumberFormat(st, format);
      return this;
    },
    toString(): string {
      return 'RangeList';
    },
  };

  const matchesOf = (st: FinderState): RangeState[] => {
    if (st.matches) return st.matches;
    const found: RangeState[] = [];
    const flags = st.matchCase ? '' : 'i';
    let re: RegExp;
    if (st.regex) re = new RegExp(st.entireCell ? `^(?:${st.text})$` : st.text, flags);
    else {
      const esc = st.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      re = new RegExp(st.entireCell ? `^${esc}$` : esc, flags);
    }
    for (const sheet of st.sheets) {
      const rect = st.rect ?? { r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxCols };
      for (let r = rect.r1; r <= Math.min(rect.r2, sheet.rows.length); r++) {
        const row = sheet.rows[r - 1];
        if (!row) continue;
        for (let c = rect.c1; c <= Math.min(rect.c2, row.length); c++) {
          const cell = row[c - 1];
          if (!cell) continue;
          const text = st.formulaText && cell.formula ? cell.formula : readDisplay(cell, wb.timeZone);
          if (text !== '' && re.test(text)) found.push({ sheet, r, c, nr: 1, nc: 1 });
        }
      }
    }
    st.matches = found;
    return found;
  };

  const finderMethods = {
    matchCase(this: FS, v: unknown): FS {
      this[STATE].matchCase = !!v;
      this[STATE].matches = null;
      return this;
    },
    matchEntireCell(this: FS, v: unknown): FS {
      this[STATE].entireCell = !!v;
      this[STATE].matches = null;
      return this;
    },
    matchFormulaText(this: FS, v: unknown): FS {
      this[STATE].formulaText = !!v;
      this[STATE].matches = null;
      return this;
    },
    useRegularExpression(this: FS, v: unknown): FS {
      this[STATE].regex = !!v;
      this[STATE].matches = null;
      return this;
    },
    ignoreDiacritics(this: FS): FS {
      return this;
    },
    findAll(this: FS): unknown[] {
      const arr = new R.Array<unknown>();
      for (const m of matchesOf(this[STATE])) arr.push(makeRange(m));
      return arr;
    },
    findNext(this: FS): unknown {
      const st = this[STATE];
      const all = matchesOf(st);
      if (st.index >= all.length) return null;
      return makeRange(all[st.index++]);
    },
    findPrevious(this: FS): unknown {
      const st = this[STATE];
      const all = matchesOf(st);
      if (st.index <= 1) return null;
      st.index--;
      return makeRange(all[st.index - 1]);
    },
    replaceAllWith(this: FS, replacement: unknown): number {
      denyWrite('TextFinder.replaceAllWith');
      const st = this[STATE];
      const all = matchesOf(st);
      for (const m of all) {
        const cell = cellAt(m.sheet, m.r, m.c);
        const text = st.formulaText && cell?.formula ? cell.formula : readDisplay(cell, wb.timeZone);
        const flags = st.matchCase ? 'g' : 'gi';
        const pattern = st.regex ? st.text : st.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const next = text.replace(new RegExp(pattern, flags), String(replacement));
        writeGrid(m, [[toContent(next, cell)]]);
      }
      st.matches = null;
      return all.length;
    },
  };

  const sheetByName = (name: string): SheetModel | undefined => wb.sheet(name);

  const spreadsheetMethods = {
    getId(): string {
      return wb.id;
    },
    getName(): string {
      return wb.name;
    },
    rename(name: unknown): void {
      denyWrite('Spreadsheet.rename');
      wb.name = String(name);
    },
    getUrl(): string {
      return `https://docs.google.com/spreadsheets/d/${wb.id}/edit`;
    },
    getSheetByName(name: unknown): unknown {
      const s = sheetByName(String(name));
      return s ? makeSheet(s) : null;
    },
    getSheetById(id: unknown): unknown {
      const s = wb.sheets.find((x) => x.id === Number(id));
      return s ? makeSheet(s) : null;
    },
    addDeveloperMetadata(...args: unknown[]): unknown {
      metadata.addToSpreadsheet(args);
      return makeSpreadsheet();
    },
    createDeveloperMetadataFinder(): unknown {
      return metadata.finder({ sheets: [...wb.sheets], spreadsheet: true });
    },
    getSheets(): unknown[] {
      const arr = new R.Array<unknown>();
      for (const s of wb.sheets) arr.push(makeSheet(s));
      return arr;
    },
    getNumSheets(): number {
      return wb.sheets.length;
    },
    insertSheet(a?: unknown, b?: unknown): unknown {
      denyWrite('Spreadsheet.insertSheet');
      let name: string | undefined;
      let index: number | undefined;
      if (typeof a === 'string') {
        name = a;
        if (typeof b === 'number') index = b;
      } else if (typeof a === 'number') index = a;
      if (name === undefined) {
        let n = wb.sheets.length + 1;
        while (wb.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
        name = `Sheet${n}`;
      }
      const lower = name.toLowerCase();
      if (wb.sheets.some((s) => s.name.toLowerCase() === lower)) {
        throw new AppsError(`A sheet with the name "${name}" already exists. Please enter another name.`);
      }
      insertCheck(1000 * 26);
      const sheet = wb.addSheet(name, index);
      wb.activeIndex = wb.sheets.indexOf(sheet);
      return makeSheet(sheet);
    },
    deleteSheet(sheet: unknown): void {
      denyWrite('Spreadsheet.deleteSheet');
      const s = stateOf<SheetModel>(sheet, 'sheet');
      if (wb.sheets.length === 1) throw new AppsError("You can't remove all the sheets in a document.");
      const idx = wb.sheets.indexOf(s);
      if (idx < 0) throw new AppsError('Sheet not found');
      wb.sheets.splice(idx, 1);
      wb.activeIndex = Math.min(wb.activeIndex, wb.sheets.length - 1);
    },
    getActiveSheet(): unknown {
      return makeSheet(activeSheet());
    },
    setActiveSheet(sheet: unknown): unknown {
      denyActivate('Spreadsheet.setActiveSheet');
      const s = stateOf<SheetModel>(sheet, 'sheet');
      const idx = wb.sheets.indexOf(s);
      if (idx >= 0) wb.activeIndex = idx;
      return makeSheet(s);
    },
    getActiveRange(): unknown {
      return activeRange();
    },
    getActiveRangeList(): unknown {
      const ranges = exec.activeRanges ?? [];
      if (ranges.length === 0) return makeRangeList([stateOf<RangeState>(activeRange(), 'range')]);
      return makeRangeList(ranges.map((a1) => rangeFromA1(activeSheet(), a1)));
    },
    getRange(a1: unknown): unknown {
      const text = String(a1);
      const ref = parseA1(text);
      if (!ref) throw new AppsError('Range not found');
      return makeRange(rangeFromA1(activeSheet(), text));
    },
    getRangeByName(): null {
      return null;
    },
    getLastRow(): number {
      return lastContentRow(activeSheet());
    },
    getLastColumn(): number {
      return contentExtent(activeSheet()).lastCol;
    },
    getDataRange(): unknown {
      const sheet = activeSheet();
      const { lastRow, lastCol } = contentExtent(sheet);
      return makeRange(makeRangeState(sheet, 1, 1, Math.max(1, lastRow), Math.max(1, lastCol)));
    },
    toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
      // Only visible to a person in the editor; from triggers/custom functions it is a silent no-op (chosen).
      if (!exec.uiAvailable) return;
      core.ui.toasts.push({
        message: String(msg),
        title: title == null ? '' : String(title),
        timeoutSeconds: timeoutSeconds == null ? null : Number(timeoutSeconds),
      });
    },
    createTextFinder(text: unknown): unknown {
      return makeFinder([...wb.sheets], null, String(text));
    },
    getSpreadsheetLocale(): string {
      return wb.locale;
    },
    getEditors(): unknown[] {
      // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getEditors() — it needs
      // authorization, so a custom function may not call it (stricter reading).
      if (exec.authMode === 'CUSTOM_FUNCTION') throw permissionError('Spreadsheet.getEditors');
      const users = new R.Array<unknown>();
      for (const email of core.options.editors) users.push(makeUser(email));
      return users;
    },
    getSpreadsheetTimeZone(): string {
      return wb.timeZone;
    },
    setSpreadsheetTimeZone(tz: unknown): void {
      denyWrite('Spreadsheet.setSpreadsheetTimeZone');
      wb.timeZone = String(tz);
    },
    toString(): string {
      return 'Spreadsheet';
    },
  };

  const activeSheet = (): SheetModel => {
    if (exec.activeSheetName) {
      const s = wb.sheet(exec.activeSheetName);
      if (s) return s;
    }
    return wb.sheets[Math.min(wb.activeIndex, wb.sheets.length - 1)];
  };
  // "If multiple ranges are selected this method returns only the last selected range."
  // (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getActiveRange())
  const activeRange = (): unknown => {
    const sheet = activeSheet();
    const ranges = exec.activeRanges ?? [];
    if (ranges.length > 0) return makeRange(rangeFromA1(sheet, ranges[ranges.length - 1]));
    const cell = exec.activeCell ?? { row: 1, col: 1 };
    return makeRange({ sheet, r: cell.row, c: cell.col, nr: 1, nc: 1 });
  };

  const userMethods = {
    getEmail(this: WithState<string>): string {
      return this[STATE];
    },
  };
  const makeUser = classFactory<string, typeof userMethods>(exec, userMethods, 'none');
  const makeRange = classFactory<RangeState, typeof rangeMethods>(exec, rangeMethods, 'spreadsheet');
  const makeSheet = classFactory<SheetModel, typeof sheetMethods>(exec, sheetMethods, 'spreadsheet');
  const makeRangeList = classFactory<RangeState[], typeof rangeListMethods>(
    exec,
    rangeListMethods,
    'spreadsheet',
  );
  const makeFinderObj = classFactory<FinderState, typeof finderMethods>(exec, finderMethods, 'spreadsheet');
  const spreadsheetObj = classFactory<null, typeof spreadsheetMethods>(
    exec,
    spreadsheetMethods,
    'spreadsheet',
  );
  const metadata = metadataService(core, exec, {
    makeWholeRow: (sheet, row) => makeRange({ sheet, r: row, c: 1, nr: 1, nc: sheet.maxCols }),
    makeWholeColumn: (sheet, column) => makeRange({ sheet, r: 1, c: column, nr: sheet.maxRows, nc: 1 }),
    makeRect: (sheet, r1, c1, r2, c2) => makeRange({ sheet, r: r1, c: c1, nr: r2 - r1 + 1, nc: c2 - c1 + 1 }),
    makeSheet: (sheet) => makeSheet(sheet),
    makeSpreadsheet: () => makeSpreadsheet(),
    denyWrite,
  });
  let cachedSpreadsheet: unknown = null;
  const makeSpreadsheet = (): unknown => {
    cachedSpreadsheet ??= spreadsheetObj(null);
    return cachedSpreadsheet;
  };
  const makeFinder = (sheets: SheetModel[], rect: Rect | null, text: string): unknown =>
    makeFinderObj({
      sheets,
      rect,
      text,
      matchCase: false,
      entireCell: false,
      formulaText: false,
      regex: false,
      matches: null,
      index: 0,
    });

  const appMethods = {
    getActiveSpreadsheet(): unknown {
      access('getActiveSpreadsheet');
      return exec.hasDocument ? makeSpreadsheet() : null;
    },
    getActive(): unknown {
      access('getActive');
      return exec.hasDocument ? makeSpreadsheet() : null;
    },
    getActiveSheet(): unknown {
      access('getActiveSheet');
      return exec.hasDocument ? makeSheet(activeSheet()) : null;
    },
    getActiveRange(): unknown {
      access('getActiveRange');
      return exec.hasDocument ? activeRange() : null;
    },
    openById(id: unknown): unknown {
      // Custom functions and simple triggers cannot open other files; openById needs the broad scope.
      if (exec.authMode !== 'FULL') throw permissionError('SpreadsheetApp.openById', [SCOPES.spreadsheets]);
      core.requireScope('SpreadsheetApp.openById', [SCOPES.spreadsheets]);
      if (String(id) !== wb.id) {
        throw new AppsError(
          'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
        );
      }
      return makeSpreadsheet();
    },
    openByUrl(url: unknown): unknown {
      if (exec.authMode !== 'FULL') throw permissionError('SpreadsheetApp.openByUrl', [SCOPES.spreadsheets]);
      core.requireScope('SpreadsheetApp.openByUrl', [SCOPES.spreadsheets]);
      if (!String(url).includes(`/d/${wb.id}`)) {
        throw new AppsError(
          'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
        );
      }
      return makeSpreadsheet();
    },
    getUi(): unknown {
      // Community-observed text (reference §6).
      if (!exec.uiAvailable) throw new AppsError('Cannot call SpreadsheetApp.getUi() from this context.');
      return buildUi(core, exec);
    },
    flush(): void {},
    WrapStrategy: { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' },
    DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
    DeveloperMetadataLocationType: {
      SPREADSHEET: 'SPREADSHEET',
      SHEET: 'SHEET',
      ROW: 'ROW',
      COLUMN: 'COLUMN',
    },
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    toString(): string {
      return 'SpreadsheetApp';
    },
  };

  return {
    SpreadsheetApp: classFactory<null, typeof appMethods>(
      exec,
      appMethods,
      'spreadsheet',
    )(null) as unknown as Record<string, unknown>,
    spreadsheet: makeSpreadsheet,
  };
}

function typeName(v: unknown): string {
  if (Array.isArray(v)) return Array.isArray(v[0]) ? 'Object[][]' : 'Object[]';
  if (v === null) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  return typeof v === 'object' ? 'Object' : typeof v;
}

/** Cell address helper re-exported for the harness. */
export { cellA1 };
