/**
 * The add-on knows its own columns and sheets by identity, not by their words (issue 15), end to end through
 * the entry points Sheets calls: each of the five ways the previous version lost a person's data (a person's
 * "Status" column beside an old table, the add-on's Status deleted beside a person's own, a numbering column
 * headed "ID", a person's "Name" column, Delete removed contacts while an auto-refresh changes the marks), and a
 * renamed sheet, a duplicated sheet, a moved column, a deleted own column, a title row above the header, the
 * warning-only protection, a list without groups, and the members log's first-import summary.
 */
import { describe, expect, it } from '@jest/globals';
import { answerAfter, defaultForm, type Emulator, instance, SHEET, withAddon } from '../support/addon';

const addon = withAddon();
const LOG = 'WhatsApp Contacts changes';
const MINUTE = 60_000;

type Person = { id: string; name: string; contactName?: string; type: 'user' | 'group' };

function people(n: number, from = 1): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return { id: `790000000${String(k).padStart(2, '0')}@c.us`, name: `Person ${k}`, type: 'user' };
  });
}
const id = (k: number) => `790000000${String(k).padStart(2, '0')}@c.us`;
const GROUPS: Person[] = [
  { id: '120363000000000001@g.us', name: 'Team', type: 'group' },
  { id: '120363000000000002@g.us', name: 'Family', type: 'group' },
];

function serve(list: Person[]): void {
  addon.api.configureSync(instance({ contacts: list }));
}
function rows(emu: Emulator, sheet = SHEET): unknown[][] {
  return emu.sheetValues(sheet);
}
function column(emu: Emulator, c: number, sheet = SHEET): unknown[] {
  return rows(emu, sheet).map((r) => r[c - 1]);
}
function rowOf(emu: Emulator, contact: string, sheet = SHEET): unknown[] {
  return rows(emu, sheet).find((r) => r.includes(contact)) ?? [];
}
function log(emu: Emulator): unknown[][] {
  return rows(emu, LOG).slice(1);
}
function lastToast(emu: Emulator): string {
  return emu.ui.toasts.at(-1)?.message ?? '';
}
/** A table typed by hand, or left by the previous version: no tags, no stored id. */
function untagged(emu: Emulator, table: unknown[][]): void {
  const sheet = emu.spreadsheet.insertSheet(SHEET);
  sheet.getRange(1, 1, table.length, table[0].length).setValues(table);
}
/** A row as the previous version wrote it (A–E). */
const oldRow = (p: Person) => [p.id, `'+${p.id.split('@')[0]}`, p.name, '', p.type];
const HEAD = ['ID', 'Phone', 'Name', 'Contact name', 'Type'];

describe('the five ways to lose data, each closed', () => {
  it('a person’s own "Status" column beside an old table stays theirs; the add-on adds its Status at the right edge and says so', () => {
    const emu = addon.fresh();
    const six = people(6);
    const marks = ['lead', 'customer', 'VIP', 'lead', 'customer', 'VIP'];
    untagged(emu, [[...HEAD, 'Status'], ...six.map((p, i) => [...oldRow(p), marks[i]])]);
    serve(people(5));
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.outcome).toBe('ok');
    expect(column(emu, 6)).toEqual(['Status', ...marks]);
    expect(column(emu, 7)[0]).toBe('Status');
    expect(rowOf(emu, id(6))[6]).toMatch(/^removed /);
    expect(report.message).toMatch(/Your column\(s\) "Status" \(F\) carry the add-on's header words/);
    expect(log(emu)).toContainEqual([expect.any(String), 'column added', '', 'Status (F)', 'Status (G)', '']);
  });

  it('the person deletes the add-on’s Status and keeps a "Status" of their own: theirs is never written', () => {
    const emu = addon.fresh();
    serve(people(6));
    emu.run('importContacts');
    emu.setCellValue(SHEET, 'G1', 'Status');
    for (let r = 2; r <= 7; r++) emu.setCellValue(SHEET, `G${r}`, r % 2 ? 'lead' : 'VIP');
    emu.person.deleteColumns(SHEET, 6); // the add-on's Status
    const theirs = column(emu, 6);
    serve(people(5));
    emu.run('importContacts');
    expect(column(emu, 6)).toEqual(theirs);
    expect(column(emu, 7)[0]).toBe('Status');
    expect(rowOf(emu, id(6))[6]).toMatch(/^removed /);
    expect(log(emu)).toContainEqual([expect.any(String), 'column added', '', '', 'Status (G)', '']);
  });

  it('a numbering column A headed "ID" is never the key: no second copy of anyone, the numbers stay', () => {
    const emu = addon.fresh();
    serve(people(6));
    emu.run('importContacts');
    emu.person.insertColumnsBefore(SHEET, 1);
    emu.setCellValue(SHEET, 'A1', 'ID');
    for (let r = 2; r <= 7; r++) emu.setCellValue(SHEET, `A${r}`, r - 1);
    serve([{ ...people(1)[0], name: 'Renamed' }, ...people(5, 2)]);
    emu.run('importContacts');
    expect(rows(emu)).toHaveLength(7);
    expect(column(emu, 1)).toEqual(['ID', 1, 2, 3, 4, 5, 6]);
    expect(rowOf(emu, id(1))[3]).toBe('Renamed');
  });

  it('a numbering column headed "ID" beside an old table: the column of WhatsApp ids is the key', () => {
    const emu = addon.fresh();
    untagged(emu, [['ID', ...HEAD], ...people(4).map((p, i) => [i + 1, ...oldRow(p)])]);
    serve(people(4));
    emu.run('importContacts');
    expect(rows(emu)).toHaveLength(5);
    expect(column(emu, 1)).toEqual(['ID', 1, 2, 3, 4]);
    expect(column(emu, 2)).toEqual(['ID', ...people(4).map((p) => p.id)]);
  });

  it('a person’s own "Name" column between Phone and the add-on’s Name is never written; the real Name is', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.person.insertColumnsBefore(SHEET, 3);
    emu.setCellValue(SHEET, 'C1', 'Name');
    emu.setCellValue(SHEET, 'C2', 'Boss');
    serve([{ ...people(1)[0], name: 'Renamed' }, ...people(2, 2)]);
    emu.run('importContacts');
    expect(column(emu, 3)).toEqual(['Name', 'Boss', '', '']);
    expect(rowOf(emu, id(1))[3]).toBe('Renamed');
  });

  it('of two "Name" columns beside an old table, the one that agrees with the list is the add-on’s', () => {
    const emu = addon.fresh();
    const three = people(3);
    untagged(emu, [
      ['ID', 'Phone', 'Name', 'Name', 'Contact name', 'Type'],
      ...three.map((p, i) => [p.id, `'+${p.id.split('@')[0]}`, ['Boss', 'Mom', ''][i], p.name, '', p.type]),
    ]);
    serve([{ ...three[0], name: 'Renamed' }, ...three.slice(1)]);
    emu.run('importContacts');
    expect(column(emu, 3)).toEqual(['Name', 'Boss', 'Mom', '']);
    expect(rowOf(emu, id(1))[3]).toBe('Renamed');
  });

  it('Delete removed contacts deletes exactly the rows the person was shown, while an auto-refresh changes the marks', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api, { plan: 'business', refreshEveryMinutes: 10 }));
    serve(people(6));
    emu.run('importContacts');
    for (let r = 2; r <= 7; r++) emu.setCellValue(SHEET, `G${r}`, `note ${r}`);
    serve(people(4)); // 5 and 6 leave: two rows marked
    emu.run('importContacts');
    // While the question is open, an auto-refresh runs: 5 comes back, 4 leaves.
    answerAfter(emu, () => {
      serve([...people(3), ...people(1, 5)]);
      emu.advanceTime(10 * MINUTE + 1000);
    });
    const report = emu.run('deleteRemovedContacts') as { outcome: string; deleted: number; skipped: number };
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/Delete the 2 rows .*\(Person 5, Person 6\)/);
    expect(report).toMatchObject({ outcome: 'changed', deleted: 1, skipped: 1 });
    const ids = column(emu, 1);
    expect(ids).not.toContain(id(6));
    expect(ids).toContain(id(5));
    expect(rowOf(emu, id(4))[6]).toBe('note 5'); // never shown marked: kept, note and all
    expect(lastToast(emu)).toMatch(/1 of the rows you were shown are no longer marked removed/);
    expect(lastToast(emu)).toMatch(/1 rows marked removed since you were asked were not deleted/);
  });
});

describe('the table is the table, wherever a person moved it', () => {
  it('a renamed sheet is still the table; no second "WhatsApp Contacts" appears', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.person.renameSheet(SHEET, 'Clients');
    serve(people(4));
    emu.run('importContacts');
    expect(emu.spreadsheet.getSheetByName(SHEET)).toBeNull();
    expect(rows(emu, 'Clients')).toHaveLength(5);
  });

  it('a duplicate of the sheet is left alone, whatever the two are called', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    const copy = emu.person.duplicateSheet(SHEET);
    const before = rows(emu, copy);
    emu.person.renameSheet(SHEET, 'Clients');
    emu.person.renameSheet(copy, SHEET);
    serve(people(4));
    emu.run('importContacts');
    expect(rows(emu, SHEET)).toEqual(before);
    expect(rows(emu, 'Clients')).toHaveLength(5);
  });

  it('a duplicate is left alone also after the table’s own sheet is deleted: a new table is made instead', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    const copy = emu.person.duplicateSheet(SHEET);
    emu.setCellValue(copy, 'G1', 'snapshot of today');
    const before = rows(emu, copy);
    const original = emu.spreadsheet.getSheetByName(SHEET);
    if (original) emu.spreadsheet.deleteSheet(original);
    serve(people(2));
    emu.run('importContacts');
    expect(rows(emu, copy)).toEqual(before);
    expect(rows(emu, SHEET)).toHaveLength(3);
    serve(people(1));
    emu.run('importContacts');
    expect(rows(emu, copy)).toEqual(before);
    expect(rowOf(emu, id(2))[5]).toMatch(/^removed /);
  });

  it('a moved Status column gets the marks where it went; header words a person changed stay', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.person.moveColumn(SHEET, 6, 1);
    emu.setCellValue(SHEET, 'A1', 'State');
    serve(people(2));
    emu.run('importContacts');
    expect(column(emu, 1)[0]).toBe('State');
    expect(rowOf(emu, id(3))[0]).toMatch(/^removed /);
    expect(rows(emu)[0]).toHaveLength(6);
  });

  it('a person’s "ID", "Status" and "Name" columns anywhere are never written', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    // Each right beside the add-on's column of its name: "Status" before Status, "Name" before Name, "ID" at the end.
    emu.person.insertColumnsBefore(SHEET, 6);
    emu.person.insertColumnsBefore(SHEET, 3);
    const mine: Array<[string, unknown[]]> = [
      ['C', ['Name', 'Boss', '', 'x']],
      ['G', ['Status', 'lead', 'VIP', '']],
      ['I', ['ID', 7, 8, 9]],
    ];
    for (const [c, values] of mine)
      values.forEach((v, i) => {
        emu.setCellValue(SHEET, `${c}${i + 1}`, v);
      });
    const before = rows(emu);
    serve([{ ...people(1)[0], name: 'Renamed' }, ...people(1, 4)]);
    emu.run('importContacts');
    const after = rows(emu);
    for (const c of [2, 6, 8]) expect(after.slice(0, 4).map((r) => r[c])).toEqual(before.map((r) => r[c]));
    expect(rowOf(emu, id(1))).toContain('Renamed');
    expect(after).toHaveLength(5);
  });

  it('a deleted own column comes back at the right edge, its header in the person’s language, and the log says so', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.setCellValue(SHEET, 'G1', 'Notes');
    emu.setCellValue(SHEET, 'G2', 'mine');
    emu.person.deleteColumns(SHEET, 3); // Name
    emu.setUserLocale('ru');
    emu.run('importContacts');
    expect(rows(emu)[0]).toEqual(['ID', 'Phone', 'Contact name', 'Type', 'Status', 'Notes', 'Имя']);
    expect(column(emu, 7).slice(1)).toEqual(['Person 1', 'Person 2', 'Person 3']);
    expect(column(emu, 6)).toEqual(['Notes', 'mine', '', '']);
    expect(log(emu).some((r) => r[1] === 'столбец добавлен' && r[4] === 'Имя (G)')).toBe(true);
  });

  it('protects its own columns with a warning only, once: a person is warned, the add-on still writes, a removed protection stays removed', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    expect(emu.protectionsOf(SHEET)).toHaveLength(6);
    expect(emu.protectionsOf(SHEET).every((p) => p.warningOnly)).toBe(true);
    emu.setCellValue(SHEET, 'C2', 'typed');
    emu.setCellValue(SHEET, 'H2', 'note');
    expect(emu.protectionWarnings).toEqual([`${SHEET}!C2`]);
    emu.run('importContacts');
    expect(rowOf(emu, id(1))[2]).toBe('Person 1');
    const sheet = emu.spreadsheet.getSheetByName(SHEET);
    for (const p of sheet?.getProtections(SpreadsheetProtection.RANGE) ?? []) p.remove();
    emu.person.deleteColumns(SHEET, 4);
    emu.run('importContacts');
    expect(emu.protectionsOf(SHEET)).toHaveLength(0);
  });
});

const SpreadsheetProtection = { RANGE: 'RANGE' } as unknown as {
  RANGE: GoogleAppsScript.Spreadsheet.ProtectionType;
};

describe('a title row above the header', () => {
  it('import, delete and the messages agree on where the table is', () => {
    const emu = addon.fresh();
    serve(people(4));
    emu.run('importContacts');
    emu.person.insertRowsBefore(SHEET, 1);
    emu.setCellValue(SHEET, 'A1', 'Our clients');
    serve([...people(3), ...people(1, 9)]);
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.outcome).toBe('ok');
    expect(report.message).toMatch(/header is row 2/);
    expect(rows(emu)[0][0]).toBe('Our clients');
    expect(rows(emu)[1][0]).toBe('ID');
    expect(rowOf(emu, id(4))[5]).toMatch(/^removed /);
    emu.answerDialogs('YES');
    const deleted = emu.run('deleteRemovedContacts') as { outcome: string; deleted: number };
    expect(deleted).toMatchObject({ outcome: 'deleted', deleted: 1 });
    expect(rows(emu)[0][0]).toBe('Our clients');
    expect(column(emu, 1)).not.toContain(id(4));
  });

  it('a sheet emptied under its title row gets the table back below the title, never header words in the title row', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.person.insertRowsBefore(SHEET, 1);
    emu.spreadsheet.getSheetByName(SHEET)?.clearContents(); // the tags stay on their rows and columns
    serve(people(2));
    emu.run('importContacts');
    const table = rows(emu);
    expect(table[0]).toEqual(['', '', '', '', '', '']);
    expect(table[1]).toEqual(['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status']);
    expect(column(emu, 1).slice(2)).toEqual([id(1), id(2)]);
  });

  it('a table emptied below two title rows is written back under them, its header tag staying on the header row', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.person.insertRowsBefore(SHEET, 1, 2);
    emu.setCellValue(SHEET, 'A1', 'Title');
    emu.spreadsheet.getSheetByName(SHEET)?.getRange('A3:F6').clearContent();
    emu.run('importContacts');
    expect(rows(emu)[2]).toEqual(['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status']);
    expect(column(emu, 1).slice(3)).toEqual([id(1), id(2), id(3)]);
    const header = emu.metadataOf(SHEET).filter((m) => m.value === 'header');
    expect(header).toEqual([expect.objectContaining({ type: 'ROW', index: 3 })]);
  });

  it('a deleted header row: no contact appended twice, no header words written into a contact’s row', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.person.deleteRows(SHEET, 1);
    const before = rows(emu);
    serve([{ ...people(1)[0], name: 'Renamed' }, ...people(2, 2)]);
    emu.run('importContacts');
    const after = rows(emu);
    expect(after).toHaveLength(3);
    expect(after[0]).toEqual([id(1), before[0][1], 'Renamed', '', 'user']);
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  it('a sort that took the header row in among the contacts: every contact matched where it went, none appended again', () => {
    const emu = addon.fresh();
    serve(people(4));
    emu.run('importContacts');
    emu.person.sortRows(SHEET, 1, 5, 3, false); // descending by Name: the header row ends up last
    const before = rows(emu);
    serve(people(3));
    emu.run('importContacts');
    const after = rows(emu);
    expect(after).toHaveLength(5);
    expect(after[4]).toEqual(before[4]); // the header row, now the person's, untouched
    expect(rowOf(emu, id(4))[5]).toMatch(/^removed /);
    expect(after.filter((r) => r[5] === '').map((r) => r[0])).toEqual([id(3), id(2), id(1)]);
  });

  it('an old table under a title row is adopted there', () => {
    const emu = addon.fresh();
    untagged(emu, [['Clients', '', '', '', ''], HEAD, ...people(2).map(oldRow)]);
    serve(people(3));
    emu.run('importContacts');
    expect(rows(emu)[0][0]).toBe('Clients');
    expect(column(emu, 1).slice(2)).toEqual([id(1), id(2), id(3)]);
    expect(rows(emu)[1][5]).toBe('Status');
  });
});

describe('a list without groups (GREEN-API issue 919)', () => {
  it('a trigger applies the users and leaves the group rows as they were; the status and Diagnostics say so', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api, { plan: 'business', refreshEveryMinutes: 10 }));
    serve([...people(3), ...GROUPS]);
    emu.run('importContacts');
    serve(people(2));
    emu.advanceTime(10 * MINUTE + 1000);
    expect(rowOf(emu, id(3))[5]).toMatch(/^removed /);
    for (const g of GROUPS) expect(rowOf(emu, g.id)[5]).toBe('');
    expect(JSON.parse(emu.properties.document['wa.status'])).toMatchObject({
      outcome: 'ok',
      groupsHeldBack: 2,
    });
    const diagnostics = JSON.stringify(emu.run('showDiagnostics'));
    expect(diagnostics).toMatch(/Groups held back/);
    expect(JSON.stringify(emu.run('getSettings'))).toMatch(/The list had no groups: 2 group rows were left/);
  });

  it('from the menu, the person is asked first; No changes nothing, Yes marks the groups', () => {
    const emu = addon.fresh();
    serve([...people(3), ...GROUPS]);
    emu.run('importContacts');
    serve(people(3));
    const before = rows(emu);
    emu.answerDialogs('NO');
    expect(emu.run('importContacts')).toMatchObject({ outcome: 'declined' });
    expect(emu.ui.alerts.at(-1)?.title).toBe('Mark all groups as removed?');
    expect(rows(emu)).toEqual(before);
    emu.answerDialogs('YES');
    expect(emu.run('importContacts')).toMatchObject({ outcome: 'ok' });
    for (const g of GROUPS) expect(rowOf(emu, g.id)[5]).toMatch(/^removed /);
  });
});

describe('group members', () => {
  const MEMBERS = 'WhatsApp Group Members';
  const TEAM = '120363000000000001@g.us';
  const group = (participants: string[]) =>
    instance({
      contacts: [...people(3), GROUPS[0]],
      groups: { [TEAM]: { subject: 'Team', participants: participants.map((p) => ({ id: p })) } },
      rateLimitPerSecond: 1,
    });

  it('a 400-group first import writes one summary line per slice, never one line per member', () => {
    const emu = addon.fresh(
      {},
      instance({
        contacts: Array.from({ length: 400 }, (_, i) => ({
          id: `1203630${String(i).padStart(11, '0')}@g.us`,
          name: `Group ${i}`,
          type: 'group',
        })),
        groups: { generate: 3, seed: 5 },
        rateLimitPerSecond: 1,
      }),
    );
    emu.run('importGroupMembers');
    emu.advanceTime(30 * MINUTE);
    expect(rows(emu, MEMBERS).filter((r) => String(r[0]).endsWith('@g.us'))).toHaveLength(1200);
    const lines = log(emu);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.every((r) => r[1] === 'joined' && /group members \(first import\)/.test(String(r[4])))).toBe(
      true,
    );
    const total = lines.reduce((n, r) => n + Number(String(r[4]).match(/^(\d+)/)?.[1] ?? 0), 0);
    expect(total).toBe(1200);
  });

  it('a title row above the members header: the import finds its table below it, and a real join is logged', () => {
    const emu = addon.fresh({}, group([id(1), id(2)]));
    emu.run('importGroupMembers');
    emu.person.insertRowsBefore(MEMBERS, 1);
    emu.setCellValue(MEMBERS, 'A1', 'Members of our groups');
    addon.api.configureSync(group([id(1), id(2), id(3)]));
    emu.advanceTime(2 * MINUTE);
    const report = emu.run('importGroupMembers') as { outcome: string; message: string };
    expect(report.outcome).toBe('done');
    expect(report.message).toMatch(/header is row 2/);
    const table = rows(emu, MEMBERS);
    expect(table[0][0]).toBe('Members of our groups');
    expect(table[1][0]).toBe('Group ID');
    expect(table.slice(2).map((r) => r[2])).toEqual([id(1), id(2), id(3)]);
    expect(log(emu).at(-1)?.slice(1, 3)).toEqual(['joined', id(3)]);
  });
});
