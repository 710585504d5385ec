/**
 * The keyed-table merge: a pure function from what a sheet holds now (its values and formulas, and where the
 * table's tags are) and a new list of rows to the plan that updates it without moving anything a person put
 * there. Three steps, one file each: find the table's own columns and header row (own-columns.ts: by tag, or
 * for an untagged table by header words and contents), match rows by key, never by position (match-rows.ts: a
 * matched row is updated in place, a new key appended below the last row, a gone key keeps its row, marked in
 * the Status column), and plan the blocks that write only the own cells that differ (plan-blocks.ts, write-plan.ts). Only the table's own columns are
 * written; every other cell of a row that is not the table's (no valid key) is written back exactly as it was,
 * formulas included. Missing columns are added at the right edge of the used area, never over a person's
 * column. The plan also counts what would change (for the guards) and lists the changes for the log. Knows
 * nothing of Apps Script: the sheet adapter (sheet/keyed-sheet.ts) reads the sheet and applies the plan.
 */
import { matchRows } from './match-rows';
import { findOwnColumns, type OwnColumns } from './own-columns';
import { planBlocks } from './plan-blocks';
import { cellText, hasContent, headerKey, keyAt, SEP, type SheetContent, usedWidth } from './sheet-content';
import type { MarkCells } from './write-plan';

export { headerKey, keepInput, type SheetContent, type TableTags } from './sheet-content';

/** One column of a table: its identity and the header words that name it in every language (the first is written). */
export interface TableColumn {
  /** What the column is, stable across versions and languages: the value of its tag. */
  id: string;
  headers: readonly string[];
  /** Part of the row key. */
  key?: boolean;
  /**
   * True for a (trimmed, non-empty) cell text this column may hold, for adopting an untagged table; without it
   * the column is free text, judged against the new list.
   */
  fits?(text: string): boolean;
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
  /** The group of a key: a group's first import is one summary line in the log (default: one group). */
  group?(key: readonly string[]): string;
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

/**
 * A change for the log. `imported` is the one summary line of a first import (`count` rows); `column` an own
 * column added at the right edge (`after` its column, `before` the person's column of that name it did not take).
 */
export interface ChangeEntry {
  change: 'added' | 'removed' | 'returned' | 'changed' | 'imported' | 'column';
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
  /** 1-based sheet row of the header (rows above it are the person's). */
  headerRow: number;
  /** The person's columns carrying a header word of the table that the plan did not take. */
  declined: OwnColumns['declined'];
  /** Own columns and the header row to tag once written (1-based). */
  tagColumns: OwnColumns['tagColumns'];
  tagHeader: boolean;
  /** The header row is gone or sorted in among the rows (own-columns.ts): `headerRow` is not the table's. */
  headerLost: boolean;
  /** Only the rectangles that hold a cell that differs (none when nothing changed): table/write-plan.ts. */
  blocks: Block[];
  /** The Status cells newly marked removed that no block covers, written in one call (null: none). */
  marks: MarkCells | null;
  /** Rows the blocks write: the sheet's used rows plus the appended ones. */
  height: number;
  /** Rows the sheet used before (0 for an empty sheet). */
  usedRows: number;
  /** Columns the sheet used before (0 for an empty sheet). */
  usedColumns: number;
  /** Rows appended below the used rows. */
  appended: number;
  /** The sheet held nothing and had no tags: the plan writes a whole new table. */
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

/** Plans the merge of `input.rows` into `sheet`: own columns, matched rows, blocks. */
export function planMerge(
  schema: TableSchema,
  sheet: SheetContent,
  input: MergeInput,
): MergePlan | MergeRefusal {
  const usedRows = hasContent(sheet) ? sheet.values.length : 0;
  const usedColumns = usedWidth(sheet, usedRows);
  const tags = sheet.tags;
  const fresh = usedRows === 0 && !(tags && (tags.headerRow !== null || tags.columns.size > 0));
  const own = findOwnColumns(schema, sheet, { usedRows, usedColumns, rows: input.rows });
  if ('error' in own) return own;
  const matched = matchRows(schema, sheet, own, usedRows, input);
  const { blocks, marks, height } = planBlocks(schema, sheet, own, matched, usedRows, usedColumns, input);
  const changes = [...matched.changes];
  if (!fresh) {
    // An own column added beside a person's column of its name, or again after a person deleted it: the log
    // says where, and which column of the person's it left.
    const tagged = !!tags && tags.columns.size > 0;
    for (const added of own.addedColumns) {
      const theirs = own.declined.find((d) => headerKey(d.header) === headerKey(added.header));
      if (!theirs && !tagged) continue;
      changes.push({
        change: 'column',
        key: [],
        before: theirs ? `${theirs.header} (${columnLetter(theirs.column)})` : '',
        after: `${added.header} (${columnLetter(added.column)})`,
        context: '',
      });
    }
  }
  return {
    columns: own.columns,
    addedColumns: own.addedColumns,
    headerRow: own.headerRow + 1,
    declined: own.declined,
    tagColumns: own.tagColumns,
    tagHeader: own.tagHeader,
    headerLost: own.headerLost,
    blocks,
    marks,
    height,
    usedRows,
    usedColumns,
    appended: matched.appendRows.length,
    fresh,
    changes,
    counts: matched.counts,
  };
}

/**
 * The table's live rows as they stand in `sheet`, its own columns already found (own-columns.ts, as the merge
 * finds them): below the header row, per key its first row (a valid key, not marked removed), each as the exact
 * text of the table's data columns, in the sheet's order. What a cold formula reads instead of asking GREEN-API.
 */
export function ownRows(
  schema: TableSchema,
  sheet: SheetContent,
  own: Pick<OwnColumns, 'columns' | 'headerRow'>,
  isRemovedMark: (text: string) => boolean,
): string[][] {
  const usedRows = hasContent(sheet) ? sheet.values.length : 0;
  const columns = own.columns;
  const keyColumns = schema.columns.flatMap((c, i) => (c.key ? [columns[i] - 1] : []));
  const statusColumn = columns[schema.columns.length] - 1;
  const seen = new Set<string>();
  const rows: string[][] = [];
  for (let r = own.headerRow + 1; r < usedRows; r++) {
    const key = keyAt(sheet, r, keyColumns);
    if (key === null || seen.has(key) || !schema.validKey(key.split(SEP))) continue;
    seen.add(key);
    if (isRemovedMark(cellText(sheet, r, statusColumn).trim())) continue;
    rows.push(schema.columns.map((_, i) => cellText(sheet, r, columns[i] - 1)));
  }
  return rows;
}

/** Column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
