// Entry point of the in-memory Google Apps Script emulator: createEmulator() loads the BUILT dist/*.js into
// fresh node:vm contexts that hold only Apps Script globals and lets tests drive it the way Sheets would —
// user actions, onOpen in a given auth mode, typing values/formulas (custom functions evaluate, spill and
// recalculate), a virtual clock firing time-driven triggers — and inspect the resulting state and counters.

import { parseA1 } from './a1';
import {
  type CacheEntry,
  EmulatorCore,
  type EmulatorOptions,
  type MenuItemRecord,
  type MenuRecord,
  type TriggerError,
  type TriggerRecord,
  type UiRecords,
} from './core';
import {
  cellAt,
  contentExtent,
  ensureCell,
  moveColumns,
  readDisplay,
  readValue,
  type SheetModel,
  shiftColumns,
  shiftRows,
  sortRows,
  writeContent,
} from './grid';
import { type MetadataEntry, newMetadataId, type ProtectionEntry } from './metadata';
import { spreadsheetService } from './services/spreadsheet';
import { MAX_CELL_CHARS, parseTypedInput, TOO_LONG_MESSAGE } from './typed-input';
import { type AuthModeName, type CellValue, type Counters, type ExecutionRecord, isDateLike } from './types';

export type {
  AuthModeName,
  CacheEntry,
  CellValue,
  Counters,
  EmulatorOptions,
  ExecutionRecord,
  MenuItemRecord,
  MenuRecord,
  MetadataEntry,
  ProtectionEntry,
  TriggerError,
  TriggerRecord,
  UiRecords,
};

/** A dialog button. */
export type Button = 'YES' | 'NO' | 'OK' | 'CANCEL' | 'CLOSE';

/** What emu.cell() reports about one cell. */
export interface CellInfo {
  /** Stored value (spilled values included; '#ERROR!'/'#REF!' for error cells). */
  value: CellValue;
  /** Formula text ('' for values and spilled cells). */
  formula: string;
  /** What a person sees. */
  display: string;
  /** Error hover text for '#ERROR!'/'#REF!' cells, otherwise the cell's note. */
  note: string;
  bold: boolean;
  numberFormat: string;
}

/** The test harness around one emulated spreadsheet + script project. */
export interface Emulator {
  /** A user action (menu click / google.script.run): AuthMode.FULL with UI; returns the function's value, throws its error. */
  run(functionName: string, ...args: unknown[]): unknown;
  /** Opens the document: calls onOpen({authMode, source}) in that mode (default LIMITED); rethrows its error. */
  runOnOpen(mode?: Exclude<AuthModeName, 'CUSTOM_FUNCTION'>): void;
  /** The user types a formula (custom functions evaluate now; identical text = no recalc). */
  setFormula(sheetName: string, a1: string, formula: string): void;
  /** The user types a value (typed-input parsing; '' clears); dependent custom formulas recalc. */
  setCellValue(sheetName: string, a1: string, value: unknown): void;
  /** The person selects these ranges (A1) on `sheetName` (making it active) for the next menu runs; null clears. */
  select(sheetName: string | null, ...ranges: string[]): void;
  /** Moves the virtual clock, firing due time-driven triggers in time order. */
  advanceTime(ms: number): void;
  /** Virtual time (ms since epoch). */
  now(): number;
  /** Another person (with this language, e.g. 'ru') uses the document from now on: Session.getActiveUserLocale(). */
  setUserLocale(locale: string): void;
  /**
   * The buttons a person will click in the next alerts and prompts, in order (default: Yes, or OK); a function
   * runs while the dialog is open (the script suspended) and returns the button.
   */
  answerDialogs(...buttons: Array<Button | (() => Button)>): void;
  /** Simulates another execution holding (true) or releasing (false) the document lock. */
  holdDocumentLock(hold: boolean): void;
  /** The emulated Spreadsheet (test-side access: FULL mode, not counted, writes recalc immediately). */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Stored values of the sheet's used range (spills included). */
  sheetValues(sheetName: string): CellValue[][];
  /** Displayed text of the sheet's used range. */
  sheetDisplay(sheetName: string): string[][];
  /** Details of one cell. */
  cell(sheetName: string, a1: string): CellInfo;
  readonly ui: UiRecords;
  readonly logs: string[];
  /** Raw property stores (plain objects: key → string value). */
  readonly properties: {
    document: Record<string, string>;
    script: Record<string, string>;
    user: Record<string, string>;
  };
  readonly cache: {
    document: Map<string, CacheEntry>;
    script: Map<string, CacheEntry>;
    user: Map<string, CacheEntry>;
  };
  readonly triggers: TriggerRecord[];
  readonly triggerErrors: TriggerError[];
  readonly fetchLog: Array<{ url: string; method: string }>;
  /** Record of the last user action / onOpen / trigger / custom-function execution (a zero record before any). */
  readonly lastExecution: ExecutionRecord;
  readonly executions: ExecutionRecord[];
  readonly counters: Counters;
  resetCounters(): void;
  /**
   * Test-side: installs a clock trigger as if the user's own code (not the add-on) had created it: recurring
   * every `everyMs`, or one-shot at `at` (ms) when `everyMs` is omitted.
   */
  addForeignTrigger(handler: string, everyMs?: number, at?: number): TriggerRecord;
  /** Names of the top-level functions found in dist (what menus / custom formulas can call). */
  readonly functionNames: string[];
  /** A person's actions on the grid (as in the Sheets editor; formulas of the script recalculate). */
  readonly person: PersonActions;
  /** Developer metadata of a sheet (its own, its rows' and its columns'), as stored now. */
  metadataOf(sheetName: string): MetadataEntry[];
  /** Protected ranges of a sheet, as they are now. */
  protectionsOf(sheetName: string): ProtectionEntry[];
  /** The cells a person typed into a warning-only protected range (Sheets showed its warning first). */
  readonly protectionWarnings: string[];
}

/** What a person does to a sheet in the editor. Rows and columns are 1-based. */
export interface PersonActions {
  insertRowsBefore(sheetName: string, row: number, count?: number): void;
  deleteRows(sheetName: string, row: number, count?: number): void;
  insertColumnsBefore(sheetName: string, column: number, count?: number): void;
  deleteColumns(sheetName: string, column: number, count?: number): void;
  /** Drags column `from` so that it sits before column `before` (counted before the move). */
  moveColumn(sheetName: string, from: number, before: number): void;
  /** Data > Sort range: rows r1..r2 (all used columns) by column `column`. */
  sortRows(sheetName: string, r1: number, r2: number, column: number, ascending?: boolean): void;
  /** Duplicate: the copy ("Copy of …") with cells, formats, developer metadata (see metadata.ts) and protections. */
  duplicateSheet(sheetName: string): string;
  renameSheet(sheetName: string, newName: string): void;
}

/** Creates an emulator over the built files in `options.distDir`. */
export function createEmulator(options: EmulatorOptions): Emulator {
  const core = new EmulatorCore(options);
  let testSpreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;

  const sheetOf = (name: string): SheetModel => {
    const s = core.workbook.sheet(name);
    if (!s) throw new Error(`No sheet named "${name}"`);
    return s;
  };
  const cellPos = (a1: string): { row: number; col: number } => {
    const ref = parseA1(a1);
    if (!ref) throw new Error(`Bad cell reference "${a1}"`);
    return { row: ref.r1, col: ref.c1 };
  };
  const used = <T>(name: string, f: (sheet: SheetModel, r: number, c: number) => T): T[][] => {
    const sheet = sheetOf(name);
    const { lastRow, lastCol } = contentExtent(sheet);
    const out: T[][] = [];
    for (let r = 1; r <= lastRow; r++) {
      const row: T[] = [];
      for (let c = 1; c <= lastCol; c++) row.push(f(sheet, r, c));
      out.push(row);
    }
    return out;
  };
  /** A person edits one cell: written now, spills re-laid out, dependents recalculated. */
  const userWrite = (
    sheet: SheetModel,
    row: number,
    col: number,
    value: CellValue,
    formula: string,
    fmt?: string,
  ): void => {
    if (row > sheet.maxRows || col > sheet.maxCols) throw new Error('Cell is outside the sheet');
    const freed = writeContent(sheet, row, col, value, formula, fmt, core.makeFx(sheet.name));
    const rect = { r1: row, c1: col, r2: row, c2: col };
    core.afterWrite(core.testExec(), sheet, freed ? [rect, freed] : [rect]);
  };

  const protectionWarnings: string[] = [];
  const structural = (sheet: SheetModel): void => {
    core.afterWrite(core.testExec(), sheet, [{ r1: 1, c1: 1, r2: sheet.maxRows, c2: sheet.maxCols }]);
  };
  const person: PersonActions = {
    insertRowsBefore(name, row, count = 1) {
      const sheet = sheetOf(name);
      shiftRows(sheet, row - 1, count);
      structural(sheet);
    },
    deleteRows(name, row, count = 1) {
      const sheet = sheetOf(name);
      shiftRows(sheet, row - 1, -count);
      structural(sheet);
    },
    insertColumnsBefore(name, column, count = 1) {
      const sheet = sheetOf(name);
      shiftColumns(sheet, column - 1, count);
      structural(sheet);
    },
    deleteColumns(name, column, count = 1) {
      const sheet = sheetOf(name);
      shiftColumns(sheet, column - 1, -count);
      structural(sheet);
    },
    moveColumn(name, from, before) {
      const sheet = sheetOf(name);
      moveColumns(sheet, from, 1, before);
      structural(sheet);
    },
    sortRows(name, r1, r2, column, ascending = true) {
      const sheet = sheetOf(name);
      const { lastCol } = contentExtent(sheet);
      sortRows(sheet, { r1, c1: 1, r2, c2: Math.max(lastCol, column) }, [{ column, ascending }]);
      structural(sheet);
    },
    duplicateSheet(name) {
      const source = sheetOf(name);
      let copyName = `Copy of ${name}`;
      for (let n = 2; core.workbook.sheet(copyName); n++) copyName = `Copy ${n} of ${name}`;
      const copy = core.workbook.addSheet(copyName, core.workbook.sheets.indexOf(source) + 1);
      copy.maxRows = source.maxRows;
      copy.maxCols = source.maxCols;
      copy.frozenRows = source.frozenRows;
      const { lastRow, lastCol } = contentExtent(source);
      for (let r = 1; r <= lastRow; r++) {
        for (let c = 1; c <= lastCol; c++) {
          const cell = cellAt(source, r, c);
          if (!cell) continue;
          writeContent(copy, r, c, cell.value, cell.formula, cell.numberFormat, core.makeFx(copyName));
          const to = ensureCell(copy, r, c);
          to.bold = cell.bold;
          to.note = cell.note;
        }
      }
      copy.metadata = source.metadata.map((m) => ({ ...m, id: newMetadataId() }));
      copy.protections = source.protections.map((p) => ({ ...p, rect: { ...p.rect } }));
      structural(copy);
      return copyName;
    },
    renameSheet(name, newName) {
      const sheet = sheetOf(name);
      if (core.workbook.sheet(newName)) throw new Error(`A sheet named "${newName}" exists`);
      sheet.name = newName;
    },
  };
  const warnIfProtected = (sheet: SheetModel, row: number, col: number, a1: string): void => {
    const hit = sheet.protections.some(
      (p) => p.warningOnly && row >= p.rect.r1 && row <= p.rect.r2 && col >= p.rect.c1 && col <= p.rect.c2,
    );
    if (hit) protectionWarnings.push(`${sheet.name}!${a1}`);
  };

  return {
    person,
    metadataOf: (name) => sheetOf(name).metadata.map((m) => ({ ...m })),
    protectionsOf: (name) => sheetOf(name).protections.map((p) => ({ ...p, rect: { ...p.rect } })),
    protectionWarnings,
    run: (name, ...args) => core.run(name, args),
    runOnOpen: (mode = 'LIMITED') => core.runOnOpen(mode),
    setFormula(sheetName, a1, formula) {
      const sheet = sheetOf(sheetName);
      const { row, col } = cellPos(a1);
      if (!formula.startsWith('=')) throw new Error('A formula starts with "="');
      if (cellAt(sheet, row, col)?.formula === formula) return; // identical text: Sheets does not recalc
      userWrite(sheet, row, col, '', formula);
    },
    setCellValue(sheetName, a1, value) {
      const sheet = sheetOf(sheetName);
      const { row, col } = cellPos(a1);
      warnIfProtected(sheet, row, col, a1);
      const cell = cellAt(sheet, row, col);
      if (typeof value === 'string') {
        if (value.length > MAX_CELL_CHARS) throw new Error(TOO_LONG_MESSAGE);
        const year = new Date(core.clock).getUTCFullYear();
        const p = parseTypedInput(value, core.workbook.timeZone, year, cell?.numberFormat === '@');
        if (p.kind === 'formula') {
          if (cell?.formula === p.formula) return;
          userWrite(sheet, row, col, '', p.formula);
        } else {
          const fmt = (cell?.numberFormat ?? 'General') === 'General' ? p.numberFormat : undefined;
          if (cell && !cell.formula && sameValue(cell.value, p.value)) return;
          userWrite(sheet, row, col, p.value, '', fmt);
        }
        return;
      }
      const v: CellValue =
        value === null || value === undefined
          ? ''
          : isDateLike(value)
            ? new Date(value.getTime())
            : typeof value === 'number' || typeof value === 'boolean'
              ? value
              : String(value);
      if (cell && !cell.formula && sameValue(cell.value, v)) return;
      userWrite(sheet, row, col, v, '');
    },
    select: (sheetName, ...ranges) => {
      core.selection = sheetName ? { sheetName, ranges } : null;
    },
    advanceTime: (ms) => core.advanceTime(ms),
    now: () => core.clock,
    holdDocumentLock: (hold) => core.holdDocumentLock(hold),
    setUserLocale: (locale) => {
      core.options.locale = locale;
    },
    answerDialogs: (...buttons) => {
      core.dialogAnswers.push(...buttons);
    },
    get spreadsheet() {
      testSpreadsheet ??= spreadsheetService(
        core,
        core.testExec(),
      ).spreadsheet() as GoogleAppsScript.Spreadsheet.Spreadsheet;
      return testSpreadsheet;
    },
    sheetValues: (name) => used(name, (s, r, c) => readValue(cellAt(s, r, c))),
    sheetDisplay: (name) => used(name, (s, r, c) => readDisplay(cellAt(s, r, c), core.workbook.timeZone)),
    cell(sheetName, a1) {
      const { row, col } = cellPos(a1);
      const c = cellAt(sheetOf(sheetName), row, col);
      return {
        value: readValue(c),
        formula: c?.formula ?? '',
        display: readDisplay(c, core.workbook.timeZone),
        note: c?.errorNote || c?.note || '',
        bold: c?.bold ?? false,
        numberFormat: c?.numberFormat ?? 'General',
      };
    },
    ui: core.ui,
    logs: core.logs,
    properties: core.properties,
    cache: core.caches,
    triggers: core.triggers,
    triggerErrors: core.triggerErrors,
    fetchLog: core.fetchLog,
    get lastExecution() {
      return core.lastExecution;
    },
    executions: core.executions,
    get counters() {
      return core.counters;
    },
    resetCounters: () => core.resetCounters(),
    addForeignTrigger: (handler, everyMs, at) =>
      everyMs !== undefined
        ? core.addTrigger({
            handler,
            type: 'CLOCK',
            everyMs,
            oneShot: false,
            nextAt: core.clock + everyMs,
            documentId: null,
          })
        : core.addTrigger({
            handler,
            type: 'CLOCK',
            at: at ?? core.clock,
            oneShot: true,
            nextAt: at ?? core.clock,
            documentId: null,
          }),
    functionNames: [...core.functionNames.values()],
  };
}

function sameValue(a: CellValue, b: CellValue): boolean {
  return a === b || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());
}
