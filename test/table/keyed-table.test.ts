/**
 * The keyed-table merge, as a pure function: rows matched by key whatever their order, new keys appended,
 * gone keys marked, the person's columns and rows never written — checked on examples and, with fast-check, on
 * random old tables (random order, inserted columns, notes, rows of the person's own), random new lists.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { contactsSchema } from '../../src/contacts/table';
import {
  type MergePlan,
  ownRows,
  planMerge,
  type SheetContent,
  type TableSchema,
} from '../../src/table/keyed-table';
import { findOwnColumns } from '../../src/table/own-columns';

const HEADERS = {
  id: ['ID'],
  phone: ['Phone', 'Телефон'],
  name: ['Name', 'Имя'],
  contactName: ['Contact name', 'Имя в контактах'],
  type: ['Type', 'Тип'],
  status: ['Status', 'Статус'],
};
const schema = contactsSchema(HEADERS);
const MARK = 'removed 2026-11-29';
const isRemovedMark = (text: string) => /^(removed|удалён) /.test(text);
const options = { removedMark: MARK, isRemovedMark };

type Grid = { values: unknown[][]; formulas: string[][] };

function grid(values: unknown[][]): Grid {
  const width = Math.max(...values.map((r) => r.length));
  const full = values.map((r) => [...r, ...new Array(width - r.length).fill('')]);
  return { values: full, formulas: full.map((r) => r.map(() => '')) };
}

/** Applies a plan the way setValues would: `'x` is the text x, `=…` a formula, anything else as it is. */
function apply(sheet: Grid, plan: MergePlan): Grid {
  const values = sheet.values.map((r) => [...r]);
  const formulas = sheet.formulas.map((r) => [...r]);
  const height = Math.max(values.length, plan.height, ...plan.blocks.map((b) => b.row - 1 + b.values.length));
  const width = Math.max(values[0]?.length ?? 0, ...plan.columns);
  for (let r = 0; r < height; r++) {
    values[r] ??= [];
    formulas[r] ??= [];
    for (let c = 0; c < width; c++) {
      values[r][c] ??= '';
      formulas[r][c] ??= '';
    }
  }
  for (const block of plan.blocks) {
    block.values.forEach((line, i) => {
      line.forEach((input, j) => {
        const r = block.row - 1 + i;
        const c = block.column - 1 + j;
        if (typeof input === 'string' && input.startsWith("'")) {
          values[r][c] = input.slice(1);
          formulas[r][c] = '';
        } else if (typeof input === 'string' && input.startsWith('=')) {
          values[r][c] = '(computed)';
          formulas[r][c] = input;
        } else {
          values[r][c] = input;
          formulas[r][c] = '';
        }
      });
    });
  }
  // The rows marked removed, all at once (one RangeList.setValue of the mark's typed text).
  for (const row of plan.marks?.rows ?? []) {
    const c = (plan.marks?.column ?? 0) - 1;
    values[row - 1][c] = String(plan.marks?.value).slice(1);
    formulas[row - 1][c] = '';
  }
  return { values, formulas };
}

function merge(sheet: SheetContent, rows: string[][], extra: Partial<Parameters<typeof planMerge>[2]> = {}) {
  const plan = planMerge(schema, sheet, { rows, ...options, ...extra });
  if ('error' in plan) throw new Error(`refused: ${plan.missing}`);
  return plan;
}

const row = (id: string, name: string, contactName = '', type = 'user') => [
  id,
  id.endsWith('@c.us') ? `+${id.split('@')[0]}` : '',
  name,
  contactName,
  type,
];

describe('the keyed-table merge', () => {
  it('writes a whole new table into an empty sheet, with one summary line for the log', () => {
    const plan = merge(grid([['']]), [row('111@c.us', 'Ann'), row('222@c.us', 'Bob')]);
    const after = apply(grid([['']]), plan);
    expect(after.values).toEqual([
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status'],
      ['111@c.us', '+111', 'Ann', '', 'user', ''],
      ['222@c.us', '+222', 'Bob', '', 'user', ''],
    ]);
    expect(plan.fresh).toBe(true);
    expect(plan.changes).toEqual([expect.objectContaining({ change: 'imported', count: 2 })]);
  });

  it('a sort that left the header tag on a row now holding a contact: that row is matched, nothing appended twice, no header words written into it', () => {
    // Whether a sort carries row metadata with its cells is not documented: here the tag stayed at row 1 while
    // the header words went to the bottom (the emulator models the other reading, test/refresh/identity.test.ts).
    const before = grid([
      ['222@c.us', '+222', 'Bob', '', 'user', '', 'note B'],
      ['111@c.us', '+111', 'Ann', '', 'user', '', 'note A'],
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status', 'Notes'],
    ]);
    const ids = ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status'];
    const tags = {
      headerRow: 0,
      columns: new Map(ids.map((_, i) => [['id', 'phone', 'name', 'contactName', 'type', 'status'][i], i])),
    };
    const plan = merge({ ...before, tags }, [row('111@c.us', 'Ann'), row('222@c.us', 'Robert')]);
    const after = apply(before, plan);
    expect(after.values).toEqual([
      ['222@c.us', '+222', 'Robert', '', 'user', '', 'note B'],
      ['111@c.us', '+111', 'Ann', '', 'user', '', 'note A'],
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status', 'Notes'],
    ]);
    expect(plan.appended).toBe(0);
    expect(plan.tagHeader).toBe(false);
  });

  it('a person’s copy of a contact’s row above the header stays theirs: the header stays where its tag is', () => {
    const before = grid([
      ['111@c.us', '+111', 'Ann', '', 'user', '', 'pinned'],
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status', 'Notes'],
      ['111@c.us', '+111', 'Ann', '', 'user', '', 'note A'],
    ]);
    const ids = ['id', 'phone', 'name', 'contactName', 'type', 'status'];
    const tags = { headerRow: 1, columns: new Map(ids.map((id, i) => [id, i])) };
    const plan = merge({ ...before, tags }, [row('111@c.us', 'Anna')]);
    const after = apply(before, plan);
    expect(after.values[0]).toEqual(before.values[0]);
    expect(after.values[2]).toEqual(['111@c.us', '+111', 'Anna', '', 'user', '', 'note A']);
    expect(plan.headerRow).toBe(2);
    expect(plan.headerLost).toBe(false);
  });

  it('updates rows in place after a sort, appends newcomers, marks the gone, and keeps the notes beside them', () => {
    const before = grid([
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status', 'Notes'],
      ['333@c.us', '+333', 'Cid', '', 'user', '', 'note C'],
      ['111@c.us', '+111', 'Ann', '', 'user', '', 'note A'],
      ['222@c.us', '+222', 'Bob', '', 'user', '', 'note B'],
    ]);
    const plan = merge(before, [row('111@c.us', 'Ann'), row('222@c.us', 'Robert'), row('444@c.us', 'Dan')]);
    const after = apply(before, plan);
    expect(after.values).toEqual([
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status', 'Notes'],
      ['333@c.us', '+333', 'Cid', '', 'user', MARK, 'note C'],
      ['111@c.us', '+111', 'Ann', '', 'user', '', 'note A'],
      ['222@c.us', '+222', 'Robert', '', 'user', '', 'note B'],
      ['444@c.us', '+444', 'Dan', '', 'user', '', ''],
    ]);
    expect(plan.changes.map((c) => [c.change, c.key[0], c.before, c.after])).toEqual([
      ['removed', '333@c.us', 'Cid', ''],
      ['changed', '222@c.us', 'Bob', 'Robert'],
      ['added', '444@c.us', '', 'Dan'],
    ]);
    expect(plan.counts).toEqual({
      liveBefore: 3,
      live: 3,
      added: 1,
      returned: 1 - 1,
      changed: 1,
      removed: 1,
    });
  });

  it('clears the mark of a contact that comes back and keeps the first removal date of one still gone', () => {
    const before = grid([
      ['ID', 'Name', 'Status'],
      ['111@c.us', 'Ann', 'removed 2026-01-05'],
      ['222@c.us', 'Bob', 'удалён 2026-02-01'],
    ]);
    const plan = merge(before, [row('111@c.us', 'Ann')]);
    const after = apply(before, plan);
    expect(after.values.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['111@c.us', 'Ann', ''],
      ['222@c.us', 'Bob', 'удалён 2026-02-01'],
    ]);
    expect(plan.changes.map((c) => c.change)).toEqual(['returned']);
    expect(plan.counts.liveBefore).toBe(0);
  });

  it('finds its columns by header in either language, wherever a person moved them', () => {
    const before = grid([
      ['Имя', 'Notes', 'id', 'Тип', 'Статус'],
      ['Анна', 'mine', '111@c.us', 'user', ''],
    ]);
    const plan = merge(before, [row('111@c.us', 'Анна П.')]);
    const after = apply(before, plan);
    expect(after.values[0]).toEqual(['Имя', 'Notes', 'id', 'Тип', 'Статус', 'Phone', 'Contact name']);
    expect(after.values[1]).toEqual(['Анна П.', 'mine', '111@c.us', 'user', '', '+111', '']);
    expect(
      plan.blocks.every((b) => b.column !== 2 && !(b.column < 2 && b.column + b.values[0].length > 2)),
    ).toBe(true);
  });

  it('adopts a table of the previous version without writing over the notes in column F', () => {
    const before = grid([
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', ''],
      ['111@c.us', '+111', 'Ann', '', 'user', 'call back'],
      ['222@c.us', '+222', 'Bob', '', 'user', ''],
    ]);
    const plan = merge(before, [row('111@c.us', 'Ann')]);
    const after = apply(before, plan);
    expect(plan.addedColumns).toEqual([{ column: 7, header: 'Status' }]);
    expect(after.values.map((r) => r[5])).toEqual(['', 'call back', '']);
    expect(after.values.map((r) => r[6])).toEqual(['Status', '', MARK]);
  });

  it('never writes a row of the person’s own (no ID) that holds something in the table’s columns', () => {
    const before: Grid = grid([
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status'],
      ['111@c.us', '+111', 'Ann', '', 'user', ''],
      ['Total', '', '', '', '', ''],
      ['', '', '', '', '', ''],
      ['222@c.us', '+222', 'Bob', '', 'user', ''],
    ]);
    before.formulas[3][2] = '=COUNTA(A:A)';
    before.values[3][2] = 4;
    const plan = merge(before, [row('111@c.us', 'Ann'), row('222@c.us', 'Bo')]);
    const written = new Set(plan.blocks.flatMap((b) => b.values.map((_, i) => b.row + i)));
    expect(written.has(3)).toBe(false);
    expect(written.has(4)).toBe(false);
    const after = apply(before, plan);
    expect(after.values[2][0]).toBe('Total');
    expect(after.formulas[3][2]).toBe('=COUNTA(A:A)');
    expect(after.values[4][2]).toBe('Bo');
  });

  it('refuses a sheet that has data but no ID column, naming the column', () => {
    const plan = planMerge(
      schema,
      grid([
        ['Name', 'Notes'],
        ['Ann', 'x'],
      ]),
      { rows: [row('1@c.us', 'A')], ...options },
    );
    expect(plan).toEqual({ error: 'noKeyColumn', missing: ['ID'] });
  });

  it('leaves rows out of scope exactly as they are', () => {
    const before = grid([
      ['ID', 'Name', 'Status'],
      ['111@c.us', 'Ann', ''],
      ['222@c.us', 'Bob', ''],
    ]);
    const plan = merge(before, [], { inScope: (key) => key[0] === '111@c.us' });
    const after = apply(before, plan);
    expect(after.values.map((r) => r[2])).toEqual(['Status', MARK, '']);
    expect(plan.counts).toMatchObject({ liveBefore: 1, removed: 1 });
  });

  it('updates every row of a key the person duplicated, and appends nothing for it', () => {
    const before = grid([
      ['ID', 'Name', 'Status', 'Notes'],
      ['111@c.us', 'Ann', '', 'first'],
      ['111@c.us', 'Ann', '', 'copy'],
    ]);
    const after = apply(before, merge(before, [row('111@c.us', 'Anna')]));
    expect(after.values.slice(1)).toEqual([
      ['111@c.us', 'Anna', '', 'first', '+111', '', 'user'],
      ['111@c.us', 'Anna', '', 'copy', '+111', '', 'user'],
    ]);
  });
});

// ---------------------------------------------------------------- property

const idArb = fc.integer({ min: 10_000, max: 10_200 }).map((n) => `${n}@c.us`);
const nameArb = fc.oneof(
  fc.constantFrom('', 'Ann', '=1+1', "'x", '00123', 'Bob'),
  fc.string({ maxLength: 6 }),
);
const contactArb = fc.record({ id: idArb, name: nameArb, contactName: nameArb });
const listArb = fc.uniqueArray(contactArb, { selector: (c) => c.id, maxLength: 25 });

const scenario = fc.record({
  old: listArb,
  fresh: listArb,
  order: fc.array(fc.nat(), { maxLength: 40 }),
  userColumns: fc.integer({ min: 0, max: 3 }),
  columnOrder: fc.array(fc.nat(), { minLength: 9, maxLength: 9 }),
  removedBefore: fc.array(fc.boolean(), { maxLength: 25 }),
  personRows: fc.array(fc.tuple(fc.nat(30), fc.constantFrom('Total', '', 'x')), { maxLength: 4 }),
  keep: fc.array(fc.boolean(), { maxLength: 25 }),
});

/** What a cold formula reads back: the own columns found as the merge finds them, then the live rows; null: no table. */
function readBack(
  schema: TableSchema,
  sheet: SheetContent,
  isRemoved: (text: string) => boolean,
): string[][] | null {
  const usedRows = sheet.values.length;
  if (usedRows === 0) return null;
  const usedColumns = Math.max(...sheet.values.map((r) => r.length));
  const own = findOwnColumns(schema, sheet, { usedRows, usedColumns, rows: [] });
  return 'error' in own ? null : ownRows(schema, sheet, own, isRemoved);
}

describe('reading a table back', () => {
  it('gives the live rows in sheet order, first of a duplicated key only, and null without a table', () => {
    const sheet = grid([
      ['Note', 'Type', 'ID', 'Name', 'Status'],
      ['a', 'user', '1@c.us', 'Ann'],
      ['b', 'group', '2@g.us', '=x', 'removed 2026-01-01'],
      ['c', '', 'Total'],
      ['d', 'user', '1@c.us', 'Ann copy'],
      ['e', 'group', '3@g.us', '00123'],
    ]);
    expect(readBack(schema, sheet, isRemovedMark)).toEqual([
      ['1@c.us', '', 'Ann', '', 'user'],
      ['3@g.us', '', '00123', '', 'group'],
    ]);
    expect(readBack(schema, grid([['Name'], ['Ann']]), isRemovedMark)).toBeNull();
    expect(readBack(schema, { values: [], formulas: [] }, isRemovedMark)).toBeNull();
  });
});

describe('the keyed-table merge, on random tables', () => {
  it('keeps every person’s cell beside its ID, makes live rows equal the new list, marks the rest, writes only its columns', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        // The new list: some old contacts kept (maybe renamed), plus fresh ones.
        const keptOld = s.old.filter((_, i) => s.keep[i] ?? true);
        const ids = new Set(keptOld.map((c) => c.id));
        const next = [
          ...keptOld.map((c, i) => (i % 3 === 0 ? { ...c, name: `${c.name}!` } : c)),
          ...s.fresh.filter((c) => !ids.has(c.id)),
        ];
        // The old sheet: the table's columns and the person's, in a random order; rows in a random order.
        const names = ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status'];
        const userNames = Array.from({ length: s.userColumns }, (_, i) => `Note ${i}`);
        const header = [...names, ...userNames];
        const perm = header
          .map((_, i) => i)
          .sort((a, b) => (s.columnOrder[a] ?? 0) - (s.columnOrder[b] ?? 0) || a - b);
        const oldRows = [...s.old]
          .map((c, i) => ({ c, w: s.order[i] ?? i, removed: s.removedBefore[i] ?? false }))
          .sort((a, b) => a.w - b.w);
        const lines: unknown[][] = oldRows.map(({ c, removed }) => {
          const cells = [...row(c.id, c.name, c.contactName), removed ? 'removed 2026-01-01' : ''];
          return [...cells, ...userNames.map((n) => `${n} of ${c.id}`)];
        });
        for (const [at, text] of s.personRows) {
          const person = header.map((h) => (h === 'ID' ? text : h.startsWith('Note') ? 'mine' : ''));
          lines.splice(Math.min(at, lines.length), 0, person);
        }
        const table = [header, ...lines].map((line) => perm.map((i) => line[i]));
        const before = grid(table);
        const col = (name: string) => perm.indexOf(header.indexOf(name));

        const plan = merge(
          before,
          next.map((c) => row(c.id, c.name, c.contactName)),
        );
        const after = apply(before, plan);

        // Nothing written outside the table's columns.
        const ours = new Set(plan.columns);
        for (const block of plan.blocks)
          for (let j = 0; j < block.values[0].length; j++) expect(ours.has(block.column + j)).toBe(true);
        // The table's columns as the plan found them (an "ID" holding no ids is the person's: one is added).
        const names6 = ['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status'];
        const own = (name: string) => plan.columns[names6.indexOf(name)] - 1;
        // Every cell of every other column stays where it was; the key cells of old rows too.
        const width = before.values[0].length;
        for (let r = 0; r < before.values.length; r++) {
          for (let c = 0; c < width; c++)
            if (!ours.has(c + 1)) expect(after.values[r][c]).toBe(before.values[r][c]);
          if (own('ID') < width) expect(after.values[r][own('ID')]).toBe(before.values[r][own('ID')]);
        }
        // Live rows are the new list exactly; old keys not in it are marked removed.
        const body = after.values.slice(1).filter((r) => /@/.test(String(r[own('ID')])));
        const live = body.filter((r) => r[own('Status')] === '');
        const key = (r: unknown[]) => ['ID', 'Phone', 'Name', 'Contact name', 'Type'].map((n) => r[own(n)]);
        expect(live.map(key).sort()).toEqual(next.map((c) => row(c.id, c.name, c.contactName)).sort());
        // What a formula reads back from the table (ownRows) is the new list exactly, whatever the layout.
        expect(readBack(schema, after, isRemovedMark)?.sort()).toEqual(
          next.map((c) => row(c.id, c.name, c.contactName)).sort(),
        );
        const nextIds = new Set(next.map((c) => c.id));
        for (const r of body)
          if (!nextIds.has(String(r[own('ID')]))) expect(isRemovedMark(String(r[own('Status')]))).toBe(true);
        // The person's rows are untouched.
        if (own('ID') < width)
          for (let r = 1; r < before.values.length; r++)
            if (!/@/.test(String(before.values[r][own('ID')])))
              expect(after.values[r].slice(0, width)).toEqual(before.values[r]);
        void col;
        // Only rows that differ are written: every written row had a cell that differed, and the same list again
        // writes nothing.
        const differs = (r: number) =>
          r >= before.values.length ||
          plan.columns.some((c) => after.values[r][c - 1] !== before.values[r][c - 1]);
        for (const block of plan.blocks) {
          const rows = Array.from({ length: block.values.length }, (_, i) => block.row - 1 + i);
          expect(rows.some(differs)).toBe(true);
        }
        for (const r of plan.marks?.rows ?? []) expect(differs(r - 1)).toBe(true);
        const again = merge(
          after,
          next.map((c) => row(c.id, c.name, c.contactName)),
        );
        expect(again.blocks).toEqual([]);
        expect(again.marks).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
