/**
 * The block planner over random tables and random changes: every differing own cell is written, no person's cell
 * or row is, no block bridges more than 20 unchanged rows, and the plan never costs more than rewriting
 * everything or writing each changed row on its own.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  blockPerRow,
  type ChangedRow,
  planBlocks,
  planCost,
  rewriteAll,
  type WriteArea,
} from '../../src/table/write-blocks';
import { MAX_BRIDGE_ROWS } from '../../src/table/write-cost';

/** A random table: its own columns among 1..10, which rows are its own, which of its cells differ. */
const areas = fc
  .record({
    height: fc.integer({ min: 1, max: 120 }),
    own: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 7 }),
    foreign: fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }),
    change: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 120, maxLength: 120 }),
    density: fc.constantFrom(0.01, 0.05, 0.2, 0.6, 1),
    picks: fc.array(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), {
      minLength: 120,
      maxLength: 120,
    }),
    markOnly: fc.array(fc.boolean(), { minLength: 120, maxLength: 120 }),
  })
  .map(({ height, own, foreign, change, density, picks, markOnly }): WriteArea => {
    const columns = [...own].sort((a, b) => a - b);
    const markColumn = columns[columns.length - 1];
    const tableRow = (r: number) => r === 0 || !foreign[r];
    const changed: ChangedRow[] = [];
    const markRows = new Set<number>();
    for (let r = 0; r < height; r++) {
      if (!tableRow(r) || change[r] >= density) continue;
      if (r > 0 && markOnly[r]) {
        changed.push({ row: r, columns: [markColumn] });
        markRows.add(r);
        continue;
      }
      const cols = columns.filter((_, i) => picks[r][i]);
      changed.push({ row: r, columns: cols.length ? cols : [columns[0]] });
    }
    return { height, columns, tableRow, changed, markColumn, markRows };
  });

describe('the block planner', () => {
  it('writes every differing cell and nothing of a person’s, bridges at most 20 unchanged rows, and costs no more than either naive plan', () => {
    fc.assert(
      fc.property(areas, (area) => {
        const plan = planBlocks(area);
        const own = new Set(area.columns);
        const inBlock = (r: number, c: number) =>
          plan.blocks.some(
            (b) => r >= b.row && r < b.row + b.rows && c >= b.column && c < b.column + b.columns,
          );
        const marked = new Set(plan.marks);
        for (const change of area.changed)
          for (const c of change.columns)
            expect(inBlock(change.row, c) || (marked.has(change.row) && c === area.markColumn)).toBe(true);
        for (const r of plan.marks) expect(area.markRows?.has(r)).toBe(true);
        const changedRows = new Set(area.changed.map((c) => c.row));
        for (const b of plan.blocks) {
          for (let c = b.column; c < b.column + b.columns; c++) expect(own.has(c)).toBe(true);
          let unchangedRun = 0;
          for (let r = b.row; r < b.row + b.rows; r++) {
            expect(area.tableRow(r)).toBe(true);
            unchangedRun = changedRows.has(r) ? 0 : unchangedRun + 1;
            expect(unchangedRun).toBeLessThanOrEqual(MAX_BRIDGE_ROWS);
          }
        }
        const cost = planCost(area, plan);
        expect(cost).toBeLessThanOrEqual(planCost(area, rewriteAll(area)) + 1e-12);
        expect(cost).toBeLessThanOrEqual(planCost(area, blockPerRow(area)) + 1e-12);
      }),
      { numRuns: 400 },
    );
  });

  it('plans nothing when nothing differs', () => {
    const area: WriteArea = { height: 50, columns: [1, 2, 3], tableRow: () => true, changed: [] };
    expect(planBlocks(area)).toEqual({ blocks: [], marks: [] });
  });

  it('joins changed rows a few rows apart, splits them far apart, and writes only the columns that differ', () => {
    const area: WriteArea = {
      height: 200,
      columns: [1, 2, 3, 4, 5, 6],
      tableRow: () => true,
      changed: [
        { row: 10, columns: [3] },
        { row: 12, columns: [3] },
        { row: 150, columns: [3, 4] },
      ],
    };
    expect(planBlocks(area).blocks).toEqual([
      { row: 10, rows: 3, column: 3, columns: 1 },
      { row: 150, rows: 1, column: 3, columns: 2 },
    ]);
  });

  it('writes the removed marks of scattered rows in one call, and never across a person’s row', () => {
    const area: WriteArea = {
      height: 100,
      columns: [1, 2, 3, 4, 5, 6],
      tableRow: (r) => r !== 41,
      changed: [
        { row: 5, columns: [6] },
        { row: 40, columns: [3] },
        { row: 42, columns: [3] },
        { row: 90, columns: [6] },
      ],
      markColumn: 6,
      markRows: new Set([5, 90]),
    };
    expect(planBlocks(area)).toEqual({
      blocks: [
        { row: 40, rows: 1, column: 3, columns: 1 },
        { row: 42, rows: 1, column: 3, columns: 1 },
      ],
      marks: [5, 90],
    });
  });
});
