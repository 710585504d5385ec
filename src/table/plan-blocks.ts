/**
 * Step 3 of the merge: what to write for the matched rows (match-rows.ts) into the table's own columns
 * (own-columns.ts). Rows above the header row (a title) are the person's and never written; below it, a row
 * that is not the table's is the person's and is never written either. Of the table's own rows, only the own
 * cells that differ from what the merge would put there are written, in blocks chosen by a cost model
 * (write-plan.ts, write-blocks.ts, write-cost.ts); the rows newly marked removed share one call. The header
 * row gets words only where an own column's header cell is empty (a column the plan adds). Pure; knows
 * nothing of Apps Script.
 */
import type { Block, MergeInput, TableSchema } from './keyed-table';
import { LIVE_BASE, type MatchedRows, REMOVED } from './match-rows';
import type { OwnColumns } from './own-columns';
import { isEmptyAt, keepAt, type SheetContent } from './sheet-content';
import { type MarkCells, planTableWrites } from './write-plan';

/** The blocks, the marks, and how many rows they reach (the used rows plus the appended ones). */
export interface PlannedBlocks {
  blocks: Block[];
  marks: MarkCells | null;
  /** Rows the blocks write up to: the sheet's used rows (at least the header) plus the appended ones. */
  height: number;
}

export function planBlocks(
  schema: TableSchema,
  sheet: SheetContent,
  own: OwnColumns,
  matched: MatchedRows,
  usedRows: number,
  _usedColumns: number,
  input: MergeInput,
): PlannedBlocks {
  const { columns, headerRow } = own;
  const { fate, owned, appendRows } = matched;
  const width = schema.columns.length;
  const firstAppended = Math.max(usedRows, headerRow + 1);
  const height = firstAppended + appendRows.length;
  const headers = new Map<number, string>();
  columns.forEach((c, i) => {
    if (own.headerLost) return; // the row above the table is not its header: never written
    if (headerRow >= usedRows || isEmptyAt(sheet, headerRow, c - 1)) {
      const words = i < width ? schema.columns[i].headers : schema.status.headers;
      headers.set(c, words[0]);
    }
  });
  const { blocks, marks } = planTableWrites({
    sheet,
    columns,
    usedRows,
    headerRow,
    headerIsTable: !own.headerLost,
    height,
    firstAppended,
    appended: appendRows,
    owned: (r) => owned[r] === 1,
    liveRow: (r) => (fate[r] >= LIVE_BASE ? input.rows[fate[r] - LIVE_BASE] : null),
    removed: (r) => fate[r] === REMOVED,
    headers,
    mark: input.removedMark,
    keep: (r, column) => keepAt(sheet, r, column - 1),
  });
  return { blocks, marks, height };
}
