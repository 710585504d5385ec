/**
 * Step 2 of the merge: the table's rows matched with the new list by key, never by position. Below the header
 * row, a row whose key cells make a valid key is the table's (the first row of a key, then a person's copies of
 * it); every other row is the person's. Each matched row gets the new row's index as its fate, a gone key is
 * marked removed, new keys are appended in the table's order, and the changes are counted and listed for the
 * log — a group's first import (no rows of that group before; for a table without groups, the whole table's)
 * as one summary line per merge, never one line per row. Pure; knows nothing of Apps Script.
 */
import type { ChangeEntry, MergeInput, MergePlan, TableSchema } from './keyed-table';
import type { OwnColumns } from './own-columns';
import { cellText, keyAt, SEP, type SheetContent } from './sheet-content';

/** Fates of a sheet row: written back as it is, marked removed, or (from LIVE_BASE) a new row's index. */
export const KEEP = -2;
export const REMOVED = -1;
export const LIVE_BASE = 0;

/** The rows matched: what step 3 (plan-blocks.ts) writes, and what the plan reports. */
export interface MatchedRows {
  /** Per sheet row (0-based, below usedRows): KEEP, REMOVED or LIVE_BASE + index into `input.rows`. */
  fate: Int32Array;
  /** Sheet rows (0-based) that are the table's own (a valid key), copies included. */
  owned: Uint8Array;
  /** The new rows appended below the used rows, in the table's order. */
  appendRows: string[][];
  changes: ChangeEntry[];
  counts: MergePlan['counts'];
}

export function matchRows(
  schema: TableSchema,
  sheet: SheetContent,
  own: OwnColumns,
  usedRows: number,
  input: MergeInput,
): MatchedRows {
  const { columns } = own;
  const statusIndex = schema.columns.length;
  const keyIndexes = schema.columns.flatMap((c, i) => (c.key ? [i] : []));
  const width = schema.columns.length;
  const keyColumns = keyIndexes.map((i) => columns[i] - 1);
  const firstRow = new Map<string, number>();
  const copies = new Map<string, number[]>();
  const owned = new Uint8Array(usedRows);
  for (let r = own.headerRow + 1; r < usedRows; r++) {
    const key = keyAt(sheet, r, keyColumns);
    if (key === null || !schema.validKey(key.split(SEP))) continue;
    owned[r] = 1;
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
  const keyOf = (row: readonly string[]): string[] => keyIndexes.map((i) => row[i]);

  const fate = new Int32Array(usedRows).fill(KEEP);
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
  // A group seen for the first time (no row of it before) is one summary line, not a line per row.
  const groupOf = (key: readonly string[]): string => schema.group?.(key) ?? '';
  const groupsBefore = new Set<string>();
  for (const key of firstRow.keys()) groupsBefore.add(groupOf(key.split(SEP)));
  let firstImport = 0;
  const added: ChangeEntry[] = [];
  for (const row of appendRows) {
    if (groupsBefore.has(groupOf(keyOf(row))))
      added.push(entry('added', keyOf(row), '', schema.label(row), schema.context(row)));
    else firstImport++;
  }
  if (firstImport > 0) changes.push({ ...entry('imported', [], '', '', ''), count: firstImport });
  changes.push(...added);
  return { fate, owned, appendRows, changes, counts };
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
