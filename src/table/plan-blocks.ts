/**
 * Step 3 of the merge: the blocks that write the matched rows (match-rows.ts) into the table's own columns
 * (own-columns.ts). Each block is a run of consecutive own columns × a run of rows the table may write; one
 * setValues per block. Rows above the header row (a title) are the person's and never written; a row below it
 * that is not the table's but holds something in the table's columns is the person's too and splits the runs.
 * The header row is written back as it is, except the header words of a column the plan adds (or an own column
 * whose header cell is empty). This step is where a planner that writes only the cells that differ plugs in:
 * it receives everything it needs (the sheet, the own columns, the matched rows) and returns the blocks.
 * Pure; knows nothing of Apps Script.
 */
import { asTypedText } from './cell-text';
import type { Block, MergeInput, TableSchema } from './keyed-table';
import { KEEP, LIVE_BASE, type MatchedRows, REMOVED } from './match-rows';
import type { OwnColumns } from './own-columns';
import { isEmptyAt, keepAt, type SheetContent } from './sheet-content';

/** The blocks and how many rows they reach (the used rows plus the appended ones). */
export interface PlannedBlocks {
  blocks: Block[];
  /** Rows the blocks write up to: the sheet's used rows (at least the header) plus the appended ones. */
  height: number;
}

export function planBlocks(
  schema: TableSchema,
  sheet: SheetContent,
  own: OwnColumns,
  matched: MatchedRows,
  usedRows: number,
  usedColumns: number,
  input: MergeInput,
): PlannedBlocks {
  const { columns, headerRow } = own;
  const { fate, owned, appendRows } = matched;
  const width = schema.columns.length;
  const statusIndex = width;
  const firstAppended = Math.max(usedRows, headerRow + 1);
  const height = firstAppended + appendRows.length;
  const ours = columns.filter((c) => c <= usedColumns).map((c) => c - 1);
  // The table's own rows are always written (kept ones written back exactly), so only the person's rows split
  // the blocks — not rows marked removed long ago, nor (in a members slice) other groups' rows.
  const writable = (r: number): boolean =>
    r === headerRow ||
    (r > headerRow && (r >= usedRows || owned[r] === 1 || ours.every((c) => isEmptyAt(sheet, r, c))));
  const rowRuns: Array<[number, number]> = [];
  for (let r = headerRow; r < height; r++) {
    if (!writable(r)) continue;
    const last = rowRuns[rowRuns.length - 1];
    if (last && last[1] === r) last[1] = r + 1;
    else rowRuns.push([r, r + 1]);
  }
  const mark = asTypedText(input.removedMark);
  const headerOf = new Map<number, unknown>();
  columns.forEach((c, i) => {
    if (isEmptyAt(sheet, headerRow, c - 1)) {
      const words = i < width ? schema.columns[i].headers : schema.status.headers;
      headerOf.set(c, asTypedText(words[0]));
    }
  });
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
          else if (r === headerRow) line[j] = headerOf.get(run[j]) ?? keepAt(sheet, r, run[j] - 1);
          else if (f === REMOVED && i === statusIndex) line[j] = mark;
          else line[j] = r < usedRows ? keepAt(sheet, r, run[j] - 1) : '';
        }
        values[r - from] = line;
      }
      blocks.push({ row: from + 1, column: run[0], values });
    }
  }
  return { blocks, height };
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
