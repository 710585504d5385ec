/**
 * A refresh costs what changed, end to end through the entry points Sheets calls: an unchanged list writes no
 * cell, sets no format, re-enters no formula and logs nothing; one rename writes one row; a person's overtyped
 * Name is put right; a changed list re-enters the formulas once; a typical hour writes under 1% of the table;
 * a members slice with nothing new writes nothing. Counted by the emulator per execution (calls, cells).
 */
import { describe, expect, it } from '@jest/globals';
import { type Emulator, instance, SHEET, withAddon } from '../support/addon';

const addon = withAddon();
const LOG = 'WhatsApp Contacts changes';

type Person = { id: string; name: string; contactName?: string; type: 'user' | 'group' };

/** n people with ids 7900000NNNN@c.us and names Person NNNN. */
function people(n: number): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `7900000${String(i + 1).padStart(4, '0')}@c.us`,
    name: `Person ${String(i + 1).padStart(4, '0')}`,
    type: 'user',
  }));
}

function serve(list: Person[]): void {
  addon.api.configureSync(instance({ contacts: list }));
}

/** How many times the last execution called `name`. */
function calls(emu: Emulator, name: string): number {
  return emu.lastExecution.spreadsheetCallNames.filter((n) => n === name).length;
}

/** An imported list of `n` people with a WA_CONTACTS formula on another sheet. */
function imported(n: number): { emu: Emulator; list: Person[] } {
  const emu = addon.fresh();
  const list = people(n);
  serve(list);
  emu.run('importContacts');
  emu.spreadsheet.insertSheet('Formulas');
  emu.setFormula('Formulas', 'A1', '=WA_CONTACTS()');
  return { emu, list };
}

describe('a refresh writes only what changed', () => {
  it('writes no cell, sets no format, re-enters no formula and logs nothing when nothing changed', () => {
    const { emu } = imported(50);
    const log = emu.sheetValues(LOG);
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.outcome).toBe('ok');
    expect(report.message).toBe('No changes: the sheet already holds the 50 contacts.');
    expect(emu.lastExecution.cellsWritten).toBe(0);
    for (const name of ['setValues', 'setValue', 'setNumberFormat', 'setFormula', 'clearContent'])
      expect(calls(emu, name)).toBe(0);
    // 10, besides the 32 calls reading the table's tags (a finder search, then four getters per tag).
    expect(emu.lastExecution.spreadsheetCalls).toBeLessThanOrEqual(10 + 32);
    expect(emu.sheetValues(LOG)).toEqual(log);
  });

  it('writes one row for one rename, and re-enters the formula once', () => {
    const { emu, list } = imported(50);
    list[30] = { ...list[30], name: 'Renamed' };
    serve(list);
    emu.run('importContacts');
    expect(calls(emu, 'setValues')).toBe(2); // the row, and the log's line
    expect(calls(emu, 'setNumberFormat')).toBe(1); // the log's line only: the Name cell is automatic already
    expect(calls(emu, 'setFormula')).toBe(1);
    const rows = emu.sheetValues(SHEET);
    expect(rows[31][2]).toBe('Renamed');
    // The Name cell, and the log's one line (its values and number format).
    expect(emu.lastExecution.cellsWritten).toBe(1 + 6 + 6 + 2); // + the formula cell cleared and written back
    expect(emu.sheetValues(LOG).at(-1)?.[1]).toBe('renamed');
    // The formula shows the new name.
    expect(emu.sheetValues('Formulas').some((r) => r.includes('Renamed'))).toBe(true);
  });

  it('re-enters the formulas when the snapshot they showed is gone from the cache, even with no change', () => {
    const { emu } = imported(20);
    emu.cache.document.clear(); // six hours later: the snapshot expired
    emu.run('importContacts');
    expect(emu.lastExecution.cellsWritten).toBe(2); // the formula cell cleared and written back, nothing else
    expect(calls(emu, 'setFormula')).toBe(1);
    emu.run('importContacts');
    expect(calls(emu, 'setFormula')).toBe(0);
  });

  it('puts right a Name a person overtyped, writing that cell only', () => {
    const { emu } = imported(50);
    emu.setCellValue(SHEET, 'C10', 'my own words');
    emu.run('importContacts');
    expect(emu.sheetValues(SHEET)[9][2]).toBe('Person 0009');
    expect(emu.lastExecution.cellsWritten).toBe(1 + 6 + 6); // the cell, and the log's line ("renamed")
    expect(calls(emu, 'setFormula')).toBe(0); // the list did not change: the formulas show it already
  });

  it('sets the automatic format only on the written cells that had another', () => {
    const { emu, list } = imported(50);
    emu.spreadsheet.getSheetByName(SHEET)?.getRange('C20:C30').setNumberFormat('@');
    list[24] = { ...list[24], name: '=2+2' };
    serve(list);
    emu.run('importContacts');
    expect(calls(emu, 'setNumberFormat')).toBe(2); // the written cell (a RangeList), the log's line
    expect(emu.sheetValues(SHEET)[25][2]).toBe('=2+2');
    expect(emu.cell(SHEET, 'C26').numberFormat).toBe('General');
    expect(emu.cell(SHEET, 'C27').numberFormat).toBe('@'); // not written: left as the person set it
  });

  it('writes under 1% of the table for a typical hour (5 renamed, 3 new, 2 gone, scattered) at 2,000 contacts', () => {
    const { emu, list } = imported(2_000);
    const next = list.filter((_, i) => i !== 700 && i !== 1500);
    for (const i of [100, 450, 900, 1300, 1800]) next[i] = { ...next[i], name: `${next[i].name} (new name)` };
    next.push(
      ...people(2_003)
        .slice(2_000)
        .map((p) => ({ ...p, name: `${p.name} (joined)` })),
    );
    serve(next);
    emu.run('importContacts');
    const table = 2_001 * 6;
    const logCells = 10 * 6 * 2;
    expect(emu.lastExecution.cellsWritten - logCells - 2).toBeLessThanOrEqual(0.01 * table); // 2: the formula
    const rows = emu.sheetValues(SHEET);
    expect(rows).toHaveLength(2_004);
    expect(rows.filter((r) => String(r[5]).startsWith('removed'))).toHaveLength(2);
    expect(rows.filter((r) => String(r[2]).endsWith('(new name)'))).toHaveLength(5);
  });

  it('trims the changes log to its own six columns', () => {
    const { emu } = imported(3);
    expect(emu.spreadsheet.getSheetByName(LOG)?.getMaxColumns()).toBe(6);
  });
});

describe('a members slice writes only what changed', () => {
  const GROUP = '120363043968066561@g.us';
  const contacts = [
    { id: '79001234568@c.us', name: 'Люся', type: 'user' },
    { id: GROUP, name: 'Семья', type: 'group' },
  ];
  const groups = {
    [GROUP]: {
      subject: 'Семья',
      participants: [{ id: '79001234568@c.us', isAdmin: true }, { id: '79990000001@c.us' }],
    },
  };

  it('writes nothing and re-enters no formula when the groups did not change, and one row when one did', () => {
    const emu = addon.fresh({}, instance({ contacts, groups }));
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('done');
    emu.setFormula('Sheet1', 'A1', `=WA_GROUP_MEMBERS("${GROUP}")`);
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('done');
    expect(emu.lastExecution.cellsWritten).toBe(0);
    expect(calls(emu, 'setFormula')).toBe(0);
    addon.api.configureSync(
      instance({
        contacts,
        groups: {
          [GROUP]: {
            ...groups[GROUP],
            participants: [...groups[GROUP].participants, { id: '79990000002@c.us' }],
          },
        },
      }),
    );
    emu.run('importGroupMembers');
    expect(calls(emu, 'setValues')).toBe(2); // the new member's row, and the log line
    expect(calls(emu, 'setFormula')).toBe(1);
  });
});
