/**
 * Formulas under load: Apps Script allows 30 simultaneous executions per user and Sheets runs custom functions
 * in parallel, so a refresh re-enters a bounded number of formula cells; a formula that meets Google's refusal
 * says what happened; and a cold formula's deadline covers its snapshot write, which may be slow.
 */
import { describe, expect, it } from '@jest/globals';
import { type Emulator, instance, withAddon } from '../support/addon';

const addon = withAddon();
const CELLS = 'Sheet1';
const TOO_MANY = 'There are too many scripts running simultaneously for this Google user account.';

/** `count` WA_CONTACTS("group") cells in column A, 20 rows apart (their spills never meet). */
function formulas(emu: Emulator, count: number): string[] {
  const cells = Array.from({ length: count }, (_, i) => `A${i * 20 + 1}`);
  for (const a1 of cells) emu.setFormula(CELLS, a1, '=WA_CONTACTS("group",FALSE)');
  return cells;
}

/** The list GREEN-API answers: 60 generated contacts, groups among them; `churn` changes a share of them. */
const LIST = (churn = 0) => instance({ contacts: { generate: 60, seed: 7, churn } });

/** A refresh re-enters formula cells only when the list changed: change it, then refresh. */
function refreshChanged(emu: Emulator): unknown {
  addon.api.configureSync(LIST(0.2));
  return emu.run('refreshNow');
}

function evaluationsSince(emu: Emulator, from: number) {
  return emu.executions.slice(from).filter((e) => e.authMode === 'CUSTOM_FUNCTION');
}

describe('a refresh with many formula cells', () => {
  it('re-enters at most 20 of them, so none meets the limit of 30 simultaneous executions', () => {
    const emu = addon.fresh({}, LIST());
    emu.run('importContacts');
    const cells = formulas(emu, 40);
    const before = emu.executions.length;
    const report = refreshChanged(emu) as { message: string };
    expect(report.message).toMatch(/20 WA_CONTACTS formula cells were refreshed/);
    expect(evaluationsSince(emu, before)).toHaveLength(20);
    for (const a1 of cells) {
      expect(emu.cell(CELLS, a1).note).not.toMatch(/too many/i);
      expect(emu.cell(CELLS, a1).formula).toBe('=WA_CONTACTS("group",FALSE)');
    }
  });

  it('a formula Google refuses for too many executions at once says so and what to do', () => {
    const emu = addon.fresh({ simultaneousExecutions: { limit: 5 } }, LIST());
    emu.run('importContacts');
    const cells = formulas(emu, 10);
    refreshChanged(emu);
    const refused = cells.filter((a1) => emu.cell(CELLS, a1).value === '#ERROR!');
    expect(refused).toHaveLength(5);
    for (const a1 of refused) {
      expect(emu.cell(CELLS, a1).note).toMatch(
        /^Google is running too many scripts for your account at once \(at most 30\).*keep at most 20 WA_ formulas/,
      );
    }
  });

  it("where Google refuses before the formula starts, the cell has Google's own words (README explains them)", () => {
    const emu = addon.fresh({ simultaneousExecutions: { limit: 5, refusedAt: 'start' } }, LIST());
    emu.run('importContacts');
    const cells = formulas(emu, 10);
    refreshChanged(emu);
    const refused = cells.filter((a1) => emu.cell(CELLS, a1).note === TOO_MANY);
    expect(refused).toHaveLength(5);
  });
});

describe('a cold formula over a large list', () => {
  it('ends within 30 seconds with the data even when writing the snapshot alone would take longer', () => {
    // 20,000 contacts pack to 4 chunks of up to 100,000 characters; at 120 ms per 1,000 characters writing
    // them all takes about 40 seconds on the emulator's clock.
    const emu = addon.fresh(
      { cacheWriteMsPerKChar: 120 },
      instance({ contacts: { generate: 20_000, seed: 9 } }),
    );
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS("group",FALSE)');
    const cell = emu.cell(CELLS, 'A1');
    expect(cell.value).not.toBe('#ERROR!');
    expect(cell.value).toMatch(/@g\.us$/);
    expect(emu.lastExecution.authMode).toBe('CUSTOM_FUNCTION');
    expect(emu.lastExecution.wallMs).toBeLessThan(30_000);
    // The write that could not end in time was not left half done: no snapshot, no stray chunks.
    expect([...emu.cache.document.keys()].filter((k) => k.startsWith('wa.snapshot'))).toEqual([]);
  });

  it('keeps the snapshot for the next formulas when the write fits', () => {
    const emu = addon.fresh(
      { cacheWriteMsPerKChar: 5 },
      instance({ contacts: { generate: 20_000, seed: 9 } }),
    );
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS("group",FALSE)');
    expect(emu.lastExecution.wallMs).toBeLessThan(30_000);
    expect(emu.cache.document.has('wa.snapshot')).toBe(true);
  });
});

describe('more formula cells than one refresh re-enters', () => {
  const users = Array.from({ length: 10 }, (_, i) => ({
    id: `7900000000${i}@c.us`,
    name: `U${i}`,
    type: 'user',
  }));
  const before = [...users, { id: '100-1@g.us', name: 'Old group', type: 'group' }];
  const after = [...before, { id: '200-2@g.us', name: 'New group', type: 'group' }];

  it('leaves none stale for good: successive refreshes take turns, so every cell shows the new data', () => {
    const emu = addon.fresh({}, instance({ contacts: before }));
    emu.run('importContacts');
    const cells = formulas(emu, 25);
    addon.api.configureSync(instance({ contacts: after }));
    emu.run('refreshNow');
    emu.run('refreshNow');
    const shows = (a1: string) => {
      const row = Number(a1.slice(1));
      return [emu.cell(CELLS, `A${row}`).value, emu.cell(CELLS, `A${row + 1}`).value];
    };
    const stale = cells.filter((a1) => !shows(a1).includes('200-2@g.us'));
    expect(stale).toEqual([]);
  });
});
