/**
 * The merge on tagged tables, with fast-check: a person adds columns whose headers are the add-on's own words
 * ("ID", "Status", "Name", …) holding anything, moves columns and deletes the add-on's columns between
 * refreshes; the tags move as developer metadata does (with their column; gone with it). Whatever they do, no
 * cell of a person's column ever changes, and the table's live rows are the new list exactly. The second
 * property moves rows instead: title rows, sorts (the header row included), a deleted header row.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { contactsSchema } from '../../src/contacts/table';
import { type MergePlan, planMerge } from '../../src/table/keyed-table';

const schema = contactsSchema({
  id: ['ID'],
  phone: ['Phone'],
  name: ['Name'],
  contactName: ['Contact name'],
  type: ['Type'],
  status: ['Status'],
});
const IDS = ['id', 'phone', 'name', 'contactName', 'type', 'status'];
const isRemovedMark = (text: string) => /^removed /.test(text);

type Sheet = { values: string[][]; tags: Map<string, number> };

const contactRow = (c: { id: string; name: string }) => [c.id, `+${c.id.split('@')[0]}`, c.name, '', 'user'];

/** Applies a plan as setValues would (text only: `'x` is x). */
function apply(sheet: Sheet, plan: MergePlan): void {
  for (const block of plan.blocks)
    block.values.forEach((line, i) => {
      line.forEach((input, j) => {
        const r = block.row - 1 + i;
        const c = block.column - 1 + j;
        while (sheet.values.length <= r) sheet.values.push([]);
        const text = String(input);
        sheet.values[r][c] = text.startsWith("'") ? text.slice(1) : text;
      });
    });
  // The rows marked removed, all at once (one RangeList.setValue of the mark's typed text).
  for (const row of plan.marks?.rows ?? []) {
    const text = String(plan.marks?.value);
    sheet.values[row - 1][(plan.marks?.column ?? 0) - 1] = text.startsWith("'") ? text.slice(1) : text;
  }
  const width = Math.max(...sheet.values.map((r) => r.length), ...plan.columns);
  for (const row of sheet.values) for (let c = 0; c < width; c++) row[c] ??= '';
  for (const { id, column } of plan.tagColumns) sheet.tags.set(id, column - 1);
}

type Action =
  | { kind: 'insert'; at: number; header: string; cells: string[] }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'delete'; which: number };

function act(sheet: Sheet, a: Action): void {
  const width = sheet.values[0]?.length ?? 0;
  if (a.kind === 'insert') {
    const at = a.at % (width + 1);
    sheet.values.forEach((row, r) => {
      row.splice(at, 0, r === 0 ? a.header : (a.cells[r % a.cells.length] ?? ''));
    });
    for (const [id, c] of sheet.tags) if (c >= at) sheet.tags.set(id, c + 1);
  } else if (a.kind === 'move' && width > 1) {
    const from = a.from % width;
    const to = a.to % width;
    const order = [...Array(width).keys()];
    order.splice(to, 0, ...order.splice(from, 1));
    sheet.values = sheet.values.map((row) => order.map((c) => row[c]));
    for (const [id, c] of sheet.tags) sheet.tags.set(id, order.indexOf(c));
  } else if (a.kind === 'delete' && sheet.tags.size > 0) {
    const own = [...sheet.tags.entries()];
    const [id, c] = own[a.which % own.length];
    for (const row of sheet.values) row.splice(c, 1);
    sheet.tags.delete(id);
    for (const [other, d] of sheet.tags) if (d > c) sheet.tags.set(other, d - 1);
  }
}

const contact = fc.record({
  id: fc.integer({ min: 10_000, max: 10_060 }).map((n) => `${n}@c.us`),
  name: fc.constantFrom('Ann', 'Bob', 'Cid', '00123', '=1+1', 'lead'),
});
const list = fc.uniqueArray(contact, { selector: (c) => c.id, maxLength: 15 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(20),
    header: fc.constantFrom('ID', 'Status', 'Name', 'Phone', 'Type', 'Contact name', 'Notes'),
    cells: fc.array(fc.constantFrom('', 'lead', 'VIP', '1', '2', '10001@c.us', '+123', 'user', 'removed x'), {
      minLength: 1,
      maxLength: 5,
    }),
  }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(20), to: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete' as const), which: fc.nat(10) }),
);

describe('the merge on tagged tables, on random person actions', () => {
  it('never changes a person’s cell, whatever their columns are called, moved or deleted between refreshes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(list, fc.array(action, { maxLength: 4 })), { minLength: 1, maxLength: 3 }),
        (rounds) => {
          const sheet: Sheet = { values: [], tags: new Map() };
          for (const [contacts, actions] of rounds) {
            for (const a of actions) act(sheet, a);
            const before = sheet.values.map((r) => [...r]);
            const ownBefore = new Set(sheet.tags.values());
            const plan = planMerge(
              schema,
              {
                values: before,
                formulas: before.map((r) => r.map(() => '')),
                tags: { headerRow: before.length ? 0 : null, columns: sheet.tags },
              },
              { rows: contacts.map(contactRow), removedMark: 'removed 2026-01-01', isRemovedMark },
            );
            if ('error' in plan) throw new Error('a tagged table is never refused');
            apply(sheet, plan);
            // No person's cell changed: every column that was not the add-on's keeps every cell.
            const width = before[0]?.length ?? 0;
            for (let c = 0; c < width; c++) {
              if (ownBefore.has(c)) continue;
              for (let r = 0; r < before.length; r++) expect(sheet.values[r][c]).toBe(before[r][c]);
              for (let r = before.length; r < sheet.values.length; r++) expect(sheet.values[r][c]).toBe('');
            }
            // The live rows (own ID a WhatsApp id, own Status empty) are the new list exactly.
            const col = (id: string) => (sheet.tags.get(id) ?? -1) as number;
            const live = sheet.values
              .slice(1)
              .filter((r) => /@/.test(r[col('id')] ?? '') && (r[col('status')] ?? '') === '')
              .map((r) => IDS.slice(0, 5).map((id) => r[col(id)]));
            expect(live.sort()).toEqual(contacts.map(contactRow).sort());
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * Rows a person moves: title rows inserted above the table, sorts of any rows (the header row included), a
 * deleted row (the header included). The header tag moves with its row (the emulator's reading) or, in a sort,
 * keeps its index (the other reading the docs allow). Whatever they do, no row that holds no contact is written
 * (but for header words in the empty cells of the table's own header row), no contact is appended twice, the
 * person's Notes column never changes, and the live rows are the new list.
 */
type RowAction =
  | { kind: 'title' }
  | { kind: 'sort'; r1: number; r2: number; column: number; tagFollows: boolean }
  | { kind: 'deleteRow'; at: number };

const rowAction: fc.Arbitrary<RowAction> = fc.oneof(
  fc.constant({ kind: 'title' as const }),
  fc.record({
    kind: fc.constant('sort' as const),
    r1: fc.nat(20),
    r2: fc.nat(20),
    column: fc.nat(6),
    tagFollows: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('deleteRow' as const), at: fc.nat(20) }),
);

describe('the merge on tagged tables, on rows a person moves', () => {
  it('never writes a row without a contact, never appends a contact twice, keeps the notes', () => {
    fc.assert(
      fc.property(
        list,
        fc.array(fc.tuple(fc.array(rowAction, { maxLength: 3 }), list), { minLength: 1, maxLength: 3 }),
        (first, rounds) => {
          const sheet: Sheet = { values: [], tags: new Map() };
          let header: number | null = null;
          const merge = (contacts: typeof first) => {
            const before = sheet.values.map((r) => [...r]);
            const plan = planMerge(
              schema,
              {
                values: before,
                formulas: before.map((r) => r.map(() => '')),
                tags: { headerRow: header, columns: sheet.tags },
              },
              { rows: contacts.map(contactRow), removedMark: 'removed 2026-01-01', isRemovedMark },
            );
            if ('error' in plan) throw new Error('a tagged table is never refused');
            apply(sheet, plan);
            if (plan.tagHeader) header = plan.headerRow - 1;
            return { before, plan };
          };
          merge(first);
          sheet.values.forEach((row, r) => {
            row[6] = r === 0 ? 'Notes' : `note ${r}`;
          });
          for (const [actions, contacts] of rounds) {
            for (const a of actions) {
              const n = sheet.values.length;
              if (a.kind === 'title') {
                sheet.values.unshift(['Title', '', '', '', '', '', '']);
                if (header !== null) header++;
              } else if (a.kind === 'deleteRow' && n > 0) {
                const at = a.at % n;
                sheet.values.splice(at, 1);
                if (header === at) header = null;
                else if (header !== null && header > at) header--;
              } else if (a.kind === 'sort' && n > 1) {
                const lo = Math.min(a.r1 % n, a.r2 % n);
                const hi = Math.max(a.r1 % n, a.r2 % n);
                const order = [...Array(hi - lo + 1).keys()].map((k) => lo + k);
                order.sort(
                  (x, y) =>
                    String(sheet.values[x][a.column]).localeCompare(String(sheet.values[y][a.column])) ||
                    x - y,
                );
                const moved = order.map((r) => sheet.values[r]);
                sheet.values.splice(lo, moved.length, ...moved);
                if (a.tagFollows && header !== null && header >= lo && header <= hi)
                  header = lo + order.indexOf(header);
              }
            }
            const { before, plan } = merge(contacts);
            const idColumn = sheet.tags.get('id') ?? 0;
            const isKey = (text: unknown) => /^\d+@c\.us$/.test(String(text ?? ''));
            before.forEach((row, r) => {
              expect(sheet.values[r][6] ?? '').toBe(row[6] ?? ''); // the person's Notes column
              if (isKey(row[idColumn])) return;
              row.forEach((cell, c) => {
                const headerWords = r === plan.headerRow - 1 && !plan.headerLost && cell === '';
                if (!headerWords) expect(sheet.values[r][c] ?? '').toBe(cell ?? '');
              });
            });
            const keys = sheet.values.map((r) => r[idColumn]).filter(isKey);
            expect(new Set(keys).size).toBe(keys.length);
            const live = sheet.values
              .filter((r) => isKey(r[idColumn]) && (r[sheet.tags.get('status') ?? 5] ?? '') === '')
              .map((r) => r.slice(0, 5));
            expect(live.sort()).toEqual(contacts.map(contactRow).sort());
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
