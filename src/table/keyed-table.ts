/**
 * The keyed-table merge: a pure function from what a sheet holds now (its values and formulas, row 1 the
 * header) and a new list of rows to the plan that updates it without moving anything a person put there. Rows
 * are matched by key (one or more columns, found by their header words in any language), never by position: a
 * matched row is updated in place, a new key is appended below the last row, and a key that is gone keeps its
 * row, marked in the Status column. Only the table's own columns are written; every other cell of a row that
 * is not the table's (no valid key) is written back exactly as it was, formulas included. Missing columns are
 * added at the right edge of the used area, never over a person's column. The plan also counts what would
 * change (for the short-answer guard) and lists the changes for the log. Knows nothing of Apps Script: the sheet
 * adapter (sheet/keyed-sheet.ts) reads the sheet and applies the plan.
 */
import { asTypedText } from './cell-text';

/** One column of a table: the header words that name it in every language (the first is written). */
export interface TableColumn {
  headers: readonly string[];
  /** Part of the row key. */
  key?: boolean;
}

/** The shape of a keyed table: its data columns in fresh-table order, then its Status column. */
export interface TableSchema {
  columns: readonly TableColumn[];
  status: TableColumn;
  /** True when the key cells of a row make a key of this table (other rows belong to the person). */
  validKey(parts: readonly string[]): boolean;
  /** The words of a row for the log: a change is logged when they differ (e.g. the display name, the role). */
  label(row: readonly string[]): string;
  /** Where a row belongs, for the log (e.g. its group); '' when the table has no such notion. */
  context(row: readonly string[]): string;
}

/** What the sheet holds now, as `getDataRange()` reads it: values and formulas, the same rectangle. */
export interface SheetContent {
  values: readonly (readonly unknown[])[];
  formulas: readonly (readonly string[])[];
}

/** The new list and how to mark what left it. */
export interface MergeInput {
  /** Exact text per data column. Later duplicates of a key are ignored. */
  rows: readonly (readonly string[])[];
  /** The order of the appended rows (default: as in `rows`). */
  orderAppended?: (rows: string[][]) => string[][];
  /** Existing keys the new list speaks for (default: all); rows of other keys are left exactly as they are. */
  inScope?: (key: readonly string[]) => boolean;
  /** Status text of a row marked removed by this merge, e.g. "removed 2026-11-29". */
  removedMark: string;
  /** True for a Status text that marks a removed row, in any language. */
  isRemovedMark(text: string): boolean;
}

/** A change for the log. `imported` is the one summary line of a first import (`count` rows). */
export interface ChangeEntry {
  change: 'added' | 'removed' | 'returned' | 'changed' | 'imported';
  key: readonly string[];
  before: string;
  after: string;
  context: string;
  count?: number;
}

/** A rectangle of the table's cells, written with one setValues (after its number format is set). */
export interface Block {
  /** First sheet row and column (1-based). */
  row: number;
  column: number;
  /** setValues inputs, one line per row. */
  values: unknown[][];
}

/** What the merge would do. */
export interface MergePlan {
  /** Sheet column (1-based) of each data column, then of the Status column. */
  columns: number[];
  /** Sheet columns (1-based) the table did not have and the plan adds, with the header written there. */
  addedColumns: Array<{ column: number; header: string }>;
  blocks: Block[];
  /** Rows the blocks write: the sheet's used rows plus the appended ones. */
  height: number;
  /** Rows the sheet used before (0 for an empty sheet). */
  usedRows: number;
  /** Columns the sheet used before (0 for an empty sheet). */
  usedColumns: number;
  /** Rows appended below the used rows. */
  appended: number;
  /** The sheet held nothing: the plan writes a whole new table. */
  fresh: boolean;
  changes: ChangeEntry[];
  counts: {
    /** Distinct in-scope keys that were live (not marked removed) before. */
    liveBefore: number;
    /** Distinct keys live after. */
    live: number;
    added: number;
    returned: number;
    changed: number;
    /** Distinct keys newly marked removed. */
    removed: number;
  };
}

/** The merge cannot run: the sheet has data but not the table's key columns (so rows cannot be matched). */
export interface MergeRefusal {
  error: 'noKeyColumn';
  /** Header words of the missing key columns (first language). */
  missing: string[];
}

const SEP = '\u0000';
/** Fates of a sheet row in a plan: written back as it is, marked removed, or (from LIVE_BASE) a new row's index. */
const KEEP = -2;
const REMOVED = -1;
const LIVE_BASE = 0;

/** Header text as compared: trimmed, spaces folded, lower-case. */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The index of the first header cell that is one of `words` (compared as headerKey does), or -1. */
export function findHeader(header: readonly unknown[], words: readonly string[]): number {
  const names = new Set(words.map(headerKey));
  return header.findIndex((h) => names.has(headerKey(h)));
}

/** The setValues input that writes back exactly what a cell holds: its formula, else its value. */
export function keepInput(value: unknown, formula: string): unknown {
  if (formula) return formula;
  if (typeof value === 'string') return asTypedText(value);
  return value ?? '';
}

/**
 * Where each of the table's columns is in `sheet` (1-based; 0 where a column is missing): found by header in any
 * language, the key columns first (the leftmost match), then each other column at the match nearest the column
 * before it, so a person's own column that happens to share a header word, further away, stays the person's.
 * A sheet with content but no key column is refused. The merge (planMerge) and the readers (ownRows) use it.
 */
export function findColumns(schema: TableSchema, sheet: SheetContent): number[] | MergeRefusal {
  const all = [...schema.columns, schema.status];
  const keyIndexes = schema.columns.flatMap((c, i) => (c.key ? [i] : []));
  const columns: number[] = new Array(all.length).fill(0);
  if (!hasContent(sheet)) return columns;
  const header = sheet.values[0];
  const claimed = new Set<number>();
  const matches = (i: number): number[] => {
    const names = new Set(all[i].headers.map(headerKey));
    const found: number[] = [];
    for (let c = 0; c < header.length; c++)
      if (!claimed.has(c) && !sheet.formulas[0]?.[c] && names.has(headerKey(header[c]))) found.push(c);
    return found;
  };
  for (const i of keyIndexes) {
    const [c] = matches(i);
    if (c === undefined) continue;
    claimed.add(c);
    columns[i] = c + 1;
  }
  const missing = keyIndexes.filter((i) => columns[i] === 0);
  if (missing.length) return { error: 'noKeyColumn', missing: missing.map((i) => all[i].headers[0]) };
  all.forEach((_, i) => {
    if (columns[i] !== 0) return;
    // Nearest to the column placed before it in the schema (the table's columns sit together), ties rightward.
    let before = i - 1;
    while (before > 0 && columns[before] === 0) before--;
    const anchor = (columns[Math.max(0, before)] || columns[keyIndexes[0]]) - 1;
    const found = matches(i).sort((a, b) => Math.abs(a - anchor) - Math.abs(b - anchor) || b - a);
    if (found.length === 0) return;
    claimed.add(found[0]);
    columns[i] = found[0] + 1;
  });
  return columns;
}

/**
 * The table's live rows as they stand in `sheet`: per key its first row (a valid key, not marked removed), each
 * as the exact text of the table's data columns (a missing column reads ''), in the sheet's order. Null when the
 * sheet holds no table (empty, or without its key columns). What a formula reads instead of asking GREEN-API.
 */
export function ownRows(
  schema: TableSchema,
  sheet: SheetContent,
  isRemovedMark: (text: string) => boolean,
): string[][] | null {
  const columns = findColumns(schema, sheet);
  if ('error' in columns || !hasContent(sheet)) return null;
  const keyColumns = schema.columns.flatMap((c, i) => (c.key ? [columns[i] - 1] : []));
  const statusColumn = columns[schema.columns.length] - 1;
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (let r = 1; r < sheet.values.length; r++) {
    const key = keyAt(sheet, r, keyColumns);
    if (key === null || seen.has(key) || !schema.validKey(key.split(SEP))) continue;
    seen.add(key);
    if (statusColumn >= 0 && isRemovedMark(cellText(sheet, r, statusColumn).trim())) continue;
    rows.push(schema.columns.map((_, i) => (columns[i] > 0 ? cellText(sheet, r, columns[i] - 1) : '')));
  }
  return rows;
}

/** Plans the merge of `input.rows` into `sheet`. */
export function planMerge(
  schema: TableSchema,
  sheet: SheetContent,
  input: MergeInput,
): MergePlan | MergeRefusal {
  const all = [...schema.columns, schema.status];
  const statusIndex = schema.columns.length;
  const keyIndexes = schema.columns.flatMap((c, i) => (c.key ? [i] : []));
  const usedRows = hasContent(sheet) ? sheet.values.length : 0;
  let usedColumns = 0;
  for (let r = 0; r < usedRows; r++) usedColumns = Math.max(usedColumns, sheet.values[r].length);
  const fresh = usedRows === 0;

  // Where each of the table's columns is: found by header, else added at the right edge.
  const found = findColumns(schema, sheet);
  if ('error' in found) return found;
  const columns = found;
  const addedColumns: MergePlan['addedColumns'] = [];
  let next = usedColumns;
  all.forEach((column, i) => {
    if (columns[i] !== 0) return;
    columns[i] = ++next;
    addedColumns.push({ column: columns[i], header: column.headers[0] });
  });

  // The existing rows: the table's own (a valid key) by key; every other row is the person's. A key's first
  // row is in `firstRow`; a person's copies of a row (the same key again) in `copies`.
  const width = schema.columns.length;
  const keyColumns = keyIndexes.map((i) => columns[i] - 1);
  const firstRow = new Map<string, number>();
  const copies = new Map<string, number[]>();
  for (let r = 1; r < usedRows; r++) {
    const key = keyAt(sheet, r, keyColumns);
    if (key === null || !schema.validKey(key.split(SEP))) continue;
    const first = firstRow.get(key);
    if (first === undefined) firstRow.set(key, r);
    else {
      const list = copies.get(key);
      if (list) list.push(r);
      else copies.set(key, [r]);
    }
  }
  const text = (r: number, i: number): string => cellText(sheet, r, columns[i] - 1);
  const existingRow = (r: number): string[] => {
    const row: string[] = new Array(width);
    for (let i = 0; i < width; i++) row[i] = text(r, i);
    return row;
  };
  const removedBefore = (r: number): boolean => input.isRemovedMark(text(r, statusIndex).trim());
  const sameAsSheet = (r: number, row: readonly string[]): boolean => {
    for (let i = 0; i < width; i++) if (text(r, i) !== row[i]) return false;
    return true;
  };

  // What each sheet row becomes: LIVE_BASE + index of its new row, REMOVED, or KEEP (written back as it is).
  const fate = new Int32Array(usedRows).fill(KEEP);
  // Changes of existing rows, logged in the sheet's row order; then the appended rows in their order.
  const atRow: Array<[number, ChangeEntry]> = [];
  const counts = { liveBefore: 0, live: 0, added: 0, returned: 0, changed: 0, removed: 0 };
  const scope = input.inScope;
  const inScope = scope ? (key: string) => scope(key.split(SEP)) : () => true;
  for (const [key, r] of firstRow) {
    if (inScope(key) && !removedBefore(r)) counts.liveBefore++;
  }
  const appendKeys = new Set<string>();
  let appendRows: string[][] = [];
  for (let n = 0; n < input.rows.length; n++) {
    const row = input.rows[n];
    const parts = keyOf(row);
    // A row the table would not recognise as its own next time is not written at all (it would come back).
    if (!schema.validKey(parts)) continue;
    const key = parts.join(SEP);
    const r = firstRow.get(key);
    if (r === undefined) {
      if (appendKeys.has(key)) continue;
      appendKeys.add(key);
      counts.live++;
      appendRows.push(row as string[]);
      continue;
    }
    if (fate[r] !== KEEP) continue; // a later duplicate of a key already placed
    counts.live++;
    if (removedBefore(r)) {
      counts.returned++;
      atRow.push([r, entry('returned', parts, '', schema.label(row), schema.context(row))]);
    } else if (!sameAsSheet(r, row)) {
      const before = schema.label(existingRow(r));
      const after = schema.label(row);
      if (before !== after) {
        counts.changed++;
        atRow.push([r, entry('changed', parts, before, after, schema.context(row))]);
      }
    }
    fate[r] = LIVE_BASE + n;
    for (const copy of copies.get(key) ?? []) fate[copy] = LIVE_BASE + n;
  }
  for (const [key, r] of firstRow) {
    if (fate[r] !== KEEP || removedBefore(r) || !inScope(key)) continue;
    counts.removed++;
    const old = existingRow(r);
    atRow.push([r, entry('removed', key.split(SEP), schema.label(old), '', schema.context(old))]);
    fate[r] = REMOVED;
    for (const copy of copies.get(key) ?? []) fate[copy] = REMOVED;
  }
  if (input.orderAppended && appendRows.length > 1) appendRows = input.orderAppended(appendRows);
  counts.added = appendRows.length;
  const changes = atRow.sort((a, b) => a[0] - b[0]).map(([, change]) => change);
  if (firstRow.size === 0 && appendRows.length > 0) {
    changes.push({ ...entry('imported', [], '', '', ''), count: appendRows.length });
  } else {
    for (const row of appendRows)
      changes.push(entry('added', keyOf(row), '', schema.label(row), schema.context(row)));
  }

  // The blocks: each run of the table's columns × each run of rows it may write. A row that is not the
  // table's but holds something in its columns is the person's: it is never written, so it splits the runs.
  const headerRows = fresh ? 1 : 0;
  const firstAppended = Math.max(usedRows, headerRows);
  const height = firstAppended + appendRows.length;
  const ours = columns.filter((c) => c <= usedColumns).map((c) => c - 1);
  const owned = new Uint8Array(usedRows);
  for (const r of firstRow.values()) owned[r] = 1;
  for (const list of copies.values()) for (const r of list) owned[r] = 1;
  // The table's own rows are always written (kept ones written back exactly), so only the person's rows split
  // the blocks — not rows marked removed long ago, nor (in a members slice) other groups' rows.
  const writable = (r: number): boolean =>
    r === 0 || r >= usedRows || owned[r] === 1 || ours.every((c) => isEmptyAt(sheet, r, c));
  const rowRuns: Array<[number, number]> = [];
  for (let r = 0; r < height; r++) {
    if (!writable(r)) continue;
    const last = rowRuns[rowRuns.length - 1];
    if (last && last[1] === r) last[1] = r + 1;
    else rowRuns.push([r, r + 1]);
  }
  const mark = asTypedText(input.removedMark);
  const headerOf = new Map(addedColumns.map((a) => [a.column, asTypedText(a.header)]));
  const blocks: Block[] = [];
  for (const run of runs(columns)) {
    const at = run.map((column) => columns.indexOf(column));
    for (const [from, to] of rowRuns) {
      const values: unknown[][] = new Array(to - from);
      for (let r = from; r < to; r++) {
        const line: unknown[] = new Array(run.length);
        const f = r < usedRows ? fate[r] : KEEP;
        const newRow =
          r >= firstAppended
            ? appendRows[r - firstAppended]
            : f >= LIVE_BASE
              ? input.rows[f - LIVE_BASE]
              : null;
        for (let j = 0; j < run.length; j++) {
          const i = at[j];
          if (newRow) line[j] = i < width ? asTypedText(newRow[i]) : '';
          else if (r === 0) line[j] = headerOf.get(run[j]) ?? keepAt(sheet, 0, run[j] - 1);
          else if (f === REMOVED && i === statusIndex) line[j] = mark;
          else line[j] = r < usedRows ? keepAt(sheet, r, run[j] - 1) : '';
        }
        values[r - from] = line;
      }
      blocks.push({ row: from + 1, column: run[0], values });
    }
  }
  return {
    columns,
    addedColumns,
    blocks,
    height,
    usedRows,
    usedColumns,
    appended: appendRows.length,
    fresh,
    changes,
    counts,
  };

  function keyOf(row: readonly string[]): string[] {
    return keyIndexes.map((i) => row[i]);
  }
}

function entry(
  change: ChangeEntry['change'],
  key: readonly string[],
  before: string,
  after: string,
  context: string,
): ChangeEntry {
  return { change, key, before, after, context };
}

function hasContent(sheet: SheetContent): boolean {
  for (let r = 0; r < sheet.values.length; r++) {
    const values = sheet.values[r];
    const formulas = sheet.formulas[r] ?? [];
    for (let c = 0; c < values.length; c++) {
      if (formulas[c] || (values[c] !== '' && values[c] != null)) return true;
    }
  }
  return false;
}

/** A cell's value as text ('' outside the read area). */
function cellText(sheet: SheetContent, r: number, c: number): string {
  const value = sheet.values[r]?.[c];
  if (typeof value === 'string') return value;
  if (value == null) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return String(value);
}

/** The key of a sheet row (its key cells, trimmed, joined), or null when a key cell is empty or a formula. */
function keyAt(sheet: SheetContent, r: number, keyColumns: readonly number[]): string | null {
  let key = '';
  for (let k = 0; k < keyColumns.length; k++) {
    const c = keyColumns[k];
    if (sheet.formulas[r]?.[c]) return null;
    const part = cellText(sheet, r, c).trim();
    if (!part) return null;
    key = k === 0 ? part : `${key}${SEP}${part}`;
  }
  return key;
}

function isEmptyAt(sheet: SheetContent, r: number, c: number): boolean {
  const value = sheet.values[r]?.[c];
  return !sheet.formulas[r]?.[c] && (value === '' || value == null);
}

function keepAt(sheet: SheetContent, r: number, c: number): unknown {
  return keepInput(sheet.values[r]?.[c] ?? '', sheet.formulas[r]?.[c] ?? '');
}

/** Sorted columns split into runs of consecutive numbers. */
function runs(columns: readonly number[]): number[][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else out.push([c]);
  }
  return out;
}
