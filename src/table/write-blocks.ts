/**
 * The block planner: which rectangles of a table to write so that every cell that differs is written, nothing
 * of a person's is, and the modelled cost (table/write-cost.ts) is least. Pure: it sees only which rows are
 * the table's, which cells differ, and the table's own columns; the merge (table/write-plan.ts) says what to
 * write in them.
 *
 * Each run of consecutive own columns is planned apart (a person's column between two runs is never inside a
 * block). In a run, the changed rows are taken top to bottom; a row joins the block above when the rows between
 * are the table's, there are at most MAX_BRIDGE_ROWS of them, and one block costs less than two. A block spans
 * only the columns that differ in its rows. The rows whose only change is the removed mark (one text for all)
 * are left to one call for all of them unless a block covers them anyway. Of that plan and a rewrite of every
 * row of the table, the cheaper is taken, so a plan never costs more than rewriting everything or than writing
 * each changed row on its own.
 */
import { CALLS_FOR_MARKS, CALLS_FOR_RANGES, CALLS_PER_BLOCK, MAX_BRIDGE_ROWS, writeCost } from './write-cost';

/** A changed row: its index (sheet row − 1) and the sheet columns (1-based) whose cell differs. */
export interface ChangedRow {
  row: number;
  columns: readonly number[];
}

/** What the planner sees of a table. Row index r is sheet row r + 1. */
export interface WriteArea {
  height: number;
  /** Sheet columns (1-based) the table owns. */
  columns: readonly number[];
  /** True for the table's rows (header, its own rows, appended ones): the only rows a block may cover. */
  tableRow(r: number): boolean;
  /** The rows that differ, ascending. */
  changed: readonly ChangedRow[];
  /** The column of the removed mark and the changed rows whose only change is that mark. */
  markColumn?: number;
  markRows?: ReadonlySet<number>;
}

/** A rectangle to write: first row index (sheet row − 1), its rows, first sheet column, its columns. */
export interface WriteRect {
  row: number;
  rows: number;
  column: number;
  columns: number;
}

/** A plan: blocks of values, and the rows that get the shared mark in one call. */
export interface BlockPlan {
  blocks: WriteRect[];
  marks: number[];
}

/** Plans the writes of `area` (see the file's opening). */
export function planBlocks(area: WriteArea): BlockPlan {
  // Few marks may be cheaper inside blocks than with a call of their own: both ways are planned.
  const candidates = [greedy(area), greedy({ ...area, markRows: undefined }), rewriteAll(area)];
  let best = candidates[0];
  let least = planCost(area, best);
  for (const plan of candidates.slice(1)) {
    const cost = planCost(area, plan);
    if (cost < least) {
      best = plan;
      least = cost;
    }
  }
  return best;
}

/** The modelled price of `plan` over `area` (calls, cells written, unchanged cells rewritten). */
export function planCost(area: WriteArea, plan: BlockPlan): number {
  const dirty = dirtyCells(area);
  let cells = plan.marks.length;
  let unchanged = 0;
  for (const b of plan.blocks) {
    cells += b.rows * b.columns;
    let inside = 0;
    for (let r = b.row; r < b.row + b.rows; r++) {
      const set = dirty.get(r);
      if (!set) continue;
      for (const c of set) if (c >= b.column && c < b.column + b.columns) inside++;
    }
    unchanged += b.rows * b.columns - inside;
  }
  const calls =
    plan.blocks.length * CALLS_PER_BLOCK +
    (plan.blocks.length > 1 ? CALLS_FOR_RANGES : plan.blocks.length) +
    (plan.marks.length > 0 ? CALLS_FOR_MARKS : 0);
  return writeCost(calls, cells, unchanged);
}

/** Today's way, for comparison: every run of the table's rows × every run of its columns, whole. */
export function rewriteAll(area: WriteArea): BlockPlan {
  const blocks: WriteRect[] = [];
  for (const [c1, c2] of columnRuns(area.columns)) {
    let start = -1;
    for (let r = 0; r <= area.height; r++) {
      const ours = r < area.height && area.tableRow(r);
      if (ours && start < 0) start = r;
      if (!ours && start >= 0) {
        blocks.push({ row: start, rows: r - start, column: c1, columns: c2 - c1 + 1 });
        start = -1;
      }
    }
  }
  return { blocks, marks: [] };
}

/** The other way to compare with: one block per changed row (and run of columns), spanning what differs. */
export function blockPerRow(area: WriteArea): BlockPlan {
  const blocks: WriteRect[] = [];
  for (const [c1, c2] of columnRuns(area.columns)) {
    for (const change of area.changed) {
      const span = spanIn(change.columns, c1, c2);
      if (span) blocks.push({ row: change.row, rows: 1, column: span[0], columns: span[1] - span[0] + 1 });
    }
  }
  return { blocks, marks: [] };
}

/** Changed rows grouped top to bottom while a block is cheaper than two and bridges few of the table's rows. */
function greedy(area: WriteArea): BlockPlan {
  const blocks: WriteRect[] = [];
  const marks = area.markRows ?? new Set<number>();
  const markColumn = area.markColumn ?? 0;
  const covered = new Set<number>();
  // Rows that are not the table's, counted up to each row, so "no such row between a and b" is one subtraction.
  const foreign = new Int32Array(area.height + 1);
  for (let r = 0; r < area.height; r++) foreign[r + 1] = foreign[r] + (area.tableRow(r) ? 0 : 1);
  const price = (rows: number, c1: number, c2: number, dirty: number) => {
    const cells = rows * (c2 - c1 + 1);
    return writeCost(CALLS_PER_BLOCK, cells, cells - dirty);
  };
  for (const [c1, c2] of columnRuns(area.columns)) {
    let open: { from: number; to: number; c1: number; c2: number; dirty: number } | null = null;
    const inside: number[] = []; // mark rows within the open block
    const after: number[] = []; // mark rows below it, not yet bridged
    const close = () => {
      if (!open) return;
      blocks.push({
        row: open.from,
        rows: open.to - open.from,
        column: open.c1,
        columns: open.c2 - open.c1 + 1,
      });
      if (markColumn >= open.c1 && markColumn <= open.c2) for (const r of inside) covered.add(r);
      open = null;
      inside.length = 0;
      after.length = 0;
    };
    for (const change of area.changed) {
      if (marks.has(change.row)) {
        // Written by the one call for all marks, unless a block reaches over it (then it costs one cell more).
        if (open) after.push(change.row);
        continue;
      }
      const span = spanIn(change.columns, c1, c2);
      if (!span) continue;
      const dirty = change.columns.filter((c) => c >= c1 && c <= c2).length;
      if (open) {
        const gap = change.row - open.to;
        if (gap <= MAX_BRIDGE_ROWS && foreign[change.row] - foreign[open.to] === 0) {
          const m1 = Math.min(open.c1, span[0]);
          const m2 = Math.max(open.c2, span[1]);
          const bridged = markColumn >= m1 && markColumn <= m2 ? after.length : 0;
          const joined = price(change.row + 1 - open.from, m1, m2, open.dirty + dirty + bridged);
          const apart =
            price(open.to - open.from, open.c1, open.c2, open.dirty) + price(1, span[0], span[1], dirty);
          if (joined <= apart) {
            open = {
              from: open.from,
              to: change.row + 1,
              c1: m1,
              c2: m2,
              dirty: open.dirty + dirty + bridged,
            };
            inside.push(...after);
            after.length = 0;
            continue;
          }
        }
        close();
      }
      open = { from: change.row, to: change.row + 1, c1: span[0], c2: span[1], dirty };
    }
    close();
  }
  const left = [...marks].filter((r) => !covered.has(r)).sort((a, b) => a - b);
  return { blocks, marks: left };
}

/** The smallest and largest of `columns` within [c1, c2], or null when none is. */
function spanIn(columns: readonly number[], c1: number, c2: number): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const c of columns) {
    if (c < c1 || c > c2) continue;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** Sorted columns as runs of consecutive numbers [first, last]. */
export function columnRuns(columns: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === c - 1) last[1] = c;
    else runs.push([c, c]);
  }
  return runs;
}

function dirtyCells(area: WriteArea): Map<number, readonly number[]> {
  return new Map(area.changed.map((c) => [c.row, c.columns]));
}
