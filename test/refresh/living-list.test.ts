/**
 * A living contact list, end to end through the entry points Sheets calls: the person's columns stay beside
 * their contacts through sorts, inserted columns, newcomers, leavers, returns and renames; the changes log; the
 * short-answer guard (a trigger holds back, a person is asked); adopting a table of the previous version;
 * deleting removed rows; and a re-import of 100,000 contacts with a constant number of spreadsheet calls.
 */
import { describe, expect, it } from '@jest/globals';
import { type Emulator, everythingVisible, instance, SHEET, TOKEN, withAddon } from '../support/addon';

const addon = withAddon();
const LOG = 'WhatsApp Contacts changes';
const MINUTE = 60_000;

type Person = { id: string; name: string; contactName?: string; type: 'user' | 'group' };

/** n people with ids 7900000000N@c.us and names Person 01…; `from` shifts the numbering. */
function people(n: number, from = 1): Person[] {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    return {
      id: `790000000${String(k).padStart(2, '0')}@c.us`,
      name: `Person ${String(k).padStart(2, '0')}`,
      type: 'user',
    };
  });
}

/** n people with ids <prefix>0000000…@c.us, named <name><i>: a crowd for the larger scenarios. */
function crowd(n: number, prefix: string, name: string): Person[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${String(i).padStart(7, '0')}@c.us`,
    name: `${name}${i}`,
    type: 'user',
  }));
}

function serve(list: Person[]): void {
  addon.api.configureSync(instance({ contacts: list }));
}

function rows(emu: Emulator, sheet = SHEET): unknown[][] {
  return emu.sheetValues(sheet);
}

/** The values of the column headed `header`, by ID, for rows with an ID. */
function byId(emu: Emulator, header: string): Map<string, unknown> {
  const [head, ...body] = rows(emu);
  const id = head.indexOf('ID');
  const col = head.indexOf(header);
  return new Map(body.filter((r) => r[id] !== '').map((r) => [String(r[id]), r[col]]));
}

function status(emu: Emulator): Record<string, unknown> {
  return JSON.parse(emu.properties.document['wa.status']);
}

function sortByName(emu: Emulator, descending = true): void {
  const sheet = emu.spreadsheet.getSheetByName(SHEET);
  if (!sheet) throw new Error('no contacts sheet');
  const last = sheet.getLastRow();
  sheet.getRange(2, 1, last - 1, sheet.getLastColumn()).sort({ column: 3, ascending: !descending });
}

describe('the person’s columns stay with their contacts', () => {
  it('keeps every note beside its contact after a sort, 3 newcomers and 2 leavers', () => {
    const emu = addon.fresh();
    serve(people(12));
    emu.run('importContacts');
    for (let r = 2; r <= 13; r++) emu.setCellValue(SHEET, `G${r}`, `note for ${rows(emu)[r - 1][0]}`);
    sortByName(emu);
    const order = rows(emu)
      .slice(1)
      .map((r) => r[0]);
    serve([
      ...people(12).filter((p) => !['79000000003@c.us', '79000000007@c.us'].includes(p.id)),
      ...people(3, 13),
    ]);
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.outcome).toBe('ok');
    expect(report.message).toContain('New: 3, marked removed: 2');
    const after = rows(emu);
    // The person's order is kept; newcomers come below, in the usual order.
    expect(after.slice(1, 13).map((r) => r[0])).toEqual(order);
    expect(after.slice(13).map((r) => r[0])).toEqual([
      '79000000013@c.us',
      '79000000014@c.us',
      '79000000015@c.us',
    ]);
    for (const r of after.slice(1, 13)) expect(r[6]).toBe(`note for ${r[0]}`);
    for (const r of after.slice(13)) expect(r[6]).toBe('');
    const marks = byId(emu, 'Status');
    expect(marks.get('79000000003@c.us')).toMatch(/^removed \d{4}-\d{2}-\d{2}$/);
    expect(marks.get('79000000007@c.us')).toMatch(/^removed /);
    expect([...marks.values()].filter((m) => m !== '')).toHaveLength(2);
  });

  it('writes nothing into a column the person inserted between its own, and finds its columns after it', () => {
    const emu = addon.fresh();
    serve(people(5));
    emu.run('importContacts');
    emu.spreadsheet.getSheetByName(SHEET)?.insertColumnsAfter(3, 1);
    emu.setCellValue(SHEET, 'D1', 'Tag');
    emu.setCellValue(SHEET, 'D2', '=1+1');
    emu.setCellValue(SHEET, 'D3', 'VIP');
    serve([{ ...people(5)[0], contactName: 'Boss' }, ...people(4, 2)]);
    emu.run('refreshNow');
    const after = rows(emu);
    expect(after[0]).toEqual(['ID', 'Phone', 'Name', 'Tag', 'Contact name', 'Type', 'Status']);
    expect(emu.cell(SHEET, 'D2').formula).toBe('=1+1');
    expect(after[2][3]).toBe('VIP');
    expect(byId(emu, 'Contact name').get('79000000001@c.us')).toBe('Boss');
    expect(after).toHaveLength(6);
  });

  it('clears the mark of a contact that comes back, and logs what changed in the sheet’s row order, then the newcomers', () => {
    const emu = addon.fresh();
    serve(people(4));
    emu.run('importContacts');
    serve(people(3));
    emu.run('importContacts');
    expect(byId(emu, 'Status').get('79000000004@c.us')).toMatch(/^removed /);
    serve([{ ...people(1)[0], name: 'Renamed One' }, ...people(3, 2), ...people(1, 9)]);
    emu.run('importContacts');
    expect(byId(emu, 'Status').get('79000000004@c.us')).toBe('');
    const log = rows(emu, LOG);
    expect(log[0]).toEqual(['Time', 'Change', 'ID', 'Before', 'After', 'Group']);
    const lines = log.slice(1).map((r) => [r[1], r[2], r[3], r[4]]);
    expect(lines).toEqual([
      ['added', '', '', '4 contacts (first import)'],
      ['removed', '79000000004@c.us', 'Person 04', ''],
      ['renamed', '79000000001@c.us', 'Person 01', 'Renamed One'],
      ['returned', '79000000004@c.us', '', 'Person 04'],
      ['added', '79000000009@c.us', '', 'Person 09'],
    ]);
    for (const r of log.slice(1)) expect(r[0]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('writes the log lines as exact text', () => {
    const emu = addon.fresh();
    serve(people(2));
    emu.run('importContacts');
    serve([
      { ...people(1)[0], name: '=HYPERLINK("http://x","x")' },
      { ...people(1, 2)[0], name: '00123' },
    ]);
    emu.run('importContacts');
    const log = rows(emu, LOG).slice(2);
    expect(log.map((r) => r[4]).sort()).toEqual(['00123', '=HYPERLINK("http://x","x")']);
    const sheet = emu.spreadsheet.getSheetByName(LOG);
    expect(sheet?.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  it('finds a table made by a Russian-speaking editor, and understands her marks when an English-speaking one refreshes', () => {
    const emu = addon.fresh({ locale: 'ru' });
    serve(people(4));
    emu.run('importContacts');
    expect(rows(emu)[0]).toEqual(['ID', 'Телефон', 'Имя', 'Имя в контактах', 'Тип', 'Статус']);
    serve(people(3));
    const ru = emu.run('importContacts') as { message: string };
    expect(ru.message).toMatch(/помечено удалёнными: 1/);
    expect(rows(emu)[4][5]).toMatch(/^удалён \d{4}-/);
    emu.setUserLocale('en');
    serve(people(2));
    const en = emu.run('importContacts') as { message: string };
    // Her mark is understood (Person 04 is not removed again), the new one is in English, no column is added.
    expect(en.message).toContain('marked removed: 1');
    expect(rows(emu)[0]).toEqual(['ID', 'Телефон', 'Имя', 'Имя в контактах', 'Тип', 'Статус']);
    expect(rows(emu).map((r) => String(r[5]).split(' ')[0])).toEqual(['Статус', '', '', 'removed', 'удалён']);
  });

  it("keeps the text exact in its columns after a person formatted them as Plain text, and leaves the person's formats", () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    const sheet = emu.spreadsheet.getSheetByName(SHEET);
    sheet?.getRange('A1:G20').setNumberFormat('@');
    const nasty = ['=1+1', '00123', "'quoted"];
    serve(people(3).map((p, i) => ({ ...p, name: nasty[i] })));
    emu.run('importContacts');
    expect(
      rows(emu)
        .slice(1)
        .map((r) => r[2]),
    ).toEqual(nasty);
    expect(sheet?.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(emu.cell(SHEET, 'C2').numberFormat).toBe('General');
    expect(emu.cell(SHEET, 'G2').numberFormat).toBe('@');
  });

  it('takes its column, not the person’s column of the same name further away', () => {
    const emu = addon.fresh();
    serve(people(2));
    emu.run('importContacts');
    emu.spreadsheet.getSheetByName(SHEET)?.insertColumnsBefore(1, 1);
    emu.setCellValue(SHEET, 'A1', 'Name');
    emu.setCellValue(SHEET, 'A2', 'my own name for them');
    serve([{ ...people(1)[0], name: 'Renamed' }, ...people(1, 2)]);
    emu.run('importContacts');
    expect(emu.cell(SHEET, 'A2').value).toBe('my own name for them');
    expect(byId(emu, 'Contact name').size).toBe(2);
    expect(rows(emu)[1][3]).toBe('Renamed');
  });

  it('reports an import as done when only the changes log could not be written', () => {
    const emu = addon.fresh();
    serve(people(2));
    emu.run('importContacts');
    emu.spreadsheet.getSheetByName('WhatsApp Contacts changes')?.deleteColumns(2, 4);
    serve(people(3));
    const report = emu.run('importContacts') as { outcome: string };
    expect(report.outcome).toBe('ok');
    expect(rows(emu)).toHaveLength(4);
    expect(emu.logs.join('\n')).toMatch(/changes log step failed/);
  });

  it('keeps a header a person relabelled: the column is still the add-on’s, and its words stay', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.setCellValue(SHEET, 'A1', 'WhatsApp ID');
    serve(people(4));
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.outcome).toBe('ok');
    expect(rows(emu)[0][0]).toBe('WhatsApp ID');
    expect(rows(emu).map((r) => r[0])).toContain('79000000004@c.us');
    expect(rows(emu)).toHaveLength(5);
  });

  it('refuses, changing nothing, when a sheet the add-on never tagged has data but no ID column', () => {
    const emu = addon.fresh();
    serve(people(3));
    const sheet = emu.spreadsheet.insertSheet(SHEET);
    sheet.getRange('A1:B2').setValues([
      ['WhatsApp ID', 'Name'],
      ['79000000001@c.us', 'Ann'],
    ]);
    const before = rows(emu);
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.outcome).toBe('error');
    expect(report.message).toContain('no column headed "ID"');
    expect(rows(emu)).toEqual(before);
  });
});

describe('a table made by the previous version (A–E, notes in F)', () => {
  it('is adopted: the Status column goes to the first empty column, the notes in F stay beside their contacts', () => {
    const emu = addon.fresh();
    serve(people(4));
    const old = emu.spreadsheet.insertSheet(SHEET);
    old.getRange(1, 1, 5, 6).setValues([
      ['ID', 'Phone', 'Name', 'Contact name', 'Type', ''],
      ["'79000000002@c.us", "'+79000000002", "'Person 02", '', "'user", 'paid'],
      ["'79000000001@c.us", "'+79000000001", "'Person 01", '', "'user", ''],
      ["'79000000004@c.us", "'+79000000004", "'Person 04", '', "'user", 'call back'],
      ["'79000000003@c.us", "'+79000000003", "'Person 03", '', "'user", ''],
    ]);
    serve(people(3));
    emu.run('importContacts');
    const after = rows(emu);
    expect(after[0]).toEqual(['ID', 'Phone', 'Name', 'Contact name', 'Type', '', 'Status']);
    expect(after.map((r) => r[5])).toEqual(['', 'paid', '', 'call back', '']);
    expect(after[3][6]).toMatch(/^removed /);
    expect(emu.cell(SHEET, 'G1').bold).toBe(true);
  });
});

describe('the short-answer guard', () => {
  it('holds a short list back in a scheduled refresh: nothing changes, a warning is recorded, a retry is set', () => {
    const emu = addon.fresh();
    serve(people(10));
    emu.run('importContacts');
    emu.setFormula('Sheet1', 'A1', '=WA_CONTACTS()');
    emu.run('saveSettings', {
      apiUrl: addon.api.url,
      idInstance: '1101000001',
      refreshEveryMinutes: 30,
      plan: 'business',
    });
    const before = rows(emu);
    const log = rows(emu, LOG);
    serve(people(4));
    emu.advanceTime(30 * MINUTE + 1000);
    expect(status(emu)).toMatchObject({
      source: 'auto',
      outcome: 'heldBack',
      heldBack: { count: 4, removed: 6, live: 10 },
    });
    expect(rows(emu)).toEqual(before);
    expect(rows(emu, LOG)).toEqual(log);
    expect(emu.sheetValues('Sheet1')).toHaveLength(11);
    const view = emu.run('getSettings') as { status: { error: string; outcome: string } };
    expect(view.status.outcome).toMatch(/^Held back/);
    expect(view.status.error).toMatch(/6 of the 10 contacts in the sheet would have been marked removed/);
    const diagnostics = emu.run('showDiagnostics') as { rows: Array<{ text: string }> };
    expect(diagnostics.rows.map((r) => r.text).join('\n')).toMatch(
      /Held back.*would have been marked removed/,
    );
    expect(emu.triggers.filter((t) => t.handler === 'onRetryRefresh')).toHaveLength(1);
    // The list was right after all: the next runs still hold it back; a person's Import applies it.
    emu.answerDialogs('YES');
    const report = emu.run('importContacts') as { outcome: string };
    expect(report.outcome).toBe('ok');
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/6 of the 10 contacts in the sheet are not among them/);
    expect(rows(emu).filter((r) => String(r[5]).startsWith('removed'))).toHaveLength(6);
    expect(emu.sheetValues('Sheet1')).toHaveLength(5);
  });

  it('applies a list a scheduled refresh held back once GREEN-API answers with the whole list again', () => {
    const emu = addon.fresh();
    serve(people(10));
    emu.run('importContacts');
    emu.run('saveSettings', {
      apiUrl: addon.api.url,
      idInstance: '1101000001',
      refreshEveryMinutes: 30,
      plan: 'business',
    });
    serve(people(2));
    emu.advanceTime(30 * MINUTE + 1000);
    expect(status(emu).outcome).toBe('heldBack');
    serve([...people(10), ...people(1, 20)]);
    emu.advanceTime(7 * MINUTE);
    expect(status(emu)).toMatchObject({ outcome: 'ok', source: 'retry' });
    expect(rows(emu)).toHaveLength(12);
  });

  it('asks the person before applying it from the menu, and changes nothing on No', () => {
    const emu = addon.fresh();
    serve(people(10));
    emu.run('importContacts');
    const before = rows(emu);
    serve(people(3));
    addon.api.clearRequestsSync();
    emu.answerDialogs('NO');
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.outcome).toBe('declined');
    expect(emu.ui.alerts.at(-1)).toMatchObject({ title: 'Mark contacts as removed?', buttons: 'YES_NO' });
    expect(rows(emu)).toEqual(before);
    expect(addon.api.requestsSync()).toHaveLength(1);
  });

  it('asks with the lock released, and applies the list it already fetched (one request) on Yes', () => {
    const emu = addon.fresh();
    serve(people(10));
    emu.run('importContacts');
    serve(people(3));
    addon.api.clearRequestsSync();
    emu.answerDialogs('YES');
    expect((emu.run('importContacts') as { outcome: string }).outcome).toBe('ok');
    expect(addon.api.requestsSync()).toHaveLength(1);
    expect(rows(emu).filter((r) => String(r[5]).startsWith('removed'))).toHaveLength(7);
  });

  it('asks again when, by the time it applies, more rows would be marked than the person agreed to', () => {
    const emu = addon.fresh();
    serve(people(10));
    emu.run('importContacts');
    serve(people(3));
    emu.answerDialogs(() => {
      // Meanwhile another editor pastes a contact row the new list does not have.
      emu.setCellValue(SHEET, 'A20', '79000000077@c.us');
      return 'YES';
    }, 'NO');
    expect((emu.run('importContacts') as { outcome: string }).outcome).toBe('declined');
    const asked = emu.ui.alerts.filter((a) => a.title === 'Mark contacts as removed?').map((a) => a.prompt);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatch(/7 of the 10 contacts/);
    expect(asked[1]).toMatch(/8 of the 11 contacts/);
    expect(rows(emu).filter((r) => String(r[5]).startsWith('removed'))).toHaveLength(0);
  });

  it('leaves an empty answer to the sync rule: nothing changes, a retry comes', () => {
    const emu = addon.fresh();
    serve(people(5));
    emu.run('importContacts');
    const before = rows(emu);
    addon.api.configureSync(instance({ emptyResponses: 1 }));
    expect((emu.run('importContacts') as { outcome: string }).outcome).toBe('syncing');
    expect(rows(emu)).toEqual(before);
  });
});

describe('Delete removed contacts', () => {
  it('deletes the marked rows after confirming, and every other row keeps its notes and its order', () => {
    const emu = addon.fresh();
    serve(people(8));
    emu.run('importContacts');
    for (let r = 2; r <= 9; r++) emu.setCellValue(SHEET, `H${r}`, `note ${rows(emu)[r - 1][0]}`);
    sortByName(emu);
    serve(people(8).filter((_, i) => i % 3 !== 0));
    emu.run('importContacts');
    const kept = rows(emu)
      .slice(1)
      .filter((r) => r[5] === '');
    emu.answerDialogs('YES');
    const report = emu.run('deleteRemovedContacts') as { outcome: string; deleted: number };
    expect(report).toMatchObject({ outcome: 'deleted', deleted: 3 });
    expect(emu.ui.alerts.at(-1)?.prompt).toMatch(/Delete the 3 rows marked removed/);
    expect(rows(emu).slice(1)).toEqual(kept);
    expect(rows(emu)[0]).toEqual(['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status', '', '']);
  });

  it('changes nothing when the person says No, or when nothing is marked', () => {
    const emu = addon.fresh();
    serve(people(4));
    emu.run('importContacts');
    expect(emu.run('deleteRemovedContacts')).toMatchObject({ outcome: 'none', deleted: 0 });
    serve(people(3));
    emu.run('importContacts');
    const before = rows(emu);
    emu.answerDialogs('NO');
    expect(emu.run('deleteRemovedContacts')).toMatchObject({ outcome: 'declined' });
    expect(rows(emu)).toEqual(before);
  });

  it('keeps its calls bounded: run by run for a few runs, one sort for many (the same for 100 and 600 rows)', () => {
    const calls = (removed: number) => {
      const emu = addon.fresh();
      const many = crowd(1000, '7911', 'P');
      serve(many);
      emu.run('importContacts');
      // `removed` scattered contacts leave ((i·7919) mod 1000 runs over every index once).
      serve(many.filter((_, i) => (i * 7919) % 1000 >= removed));
      emu.answerDialogs('YES');
      emu.run('importContacts');
      emu.answerDialogs('YES');
      const report = emu.run('deleteRemovedContacts') as { deleted: number };
      expect(report.deleted).toBe(removed);
      expect(rows(emu)).toHaveLength(1001 - removed);
      expect(rows(emu).every((r) => !String(r[5]).startsWith('removed'))).toBe(true);
      return emu.lastExecution.spreadsheetCalls;
    };
    const sorted = calls(600);
    expect(calls(100)).toBe(sorted);
    expect(calls(2)).toBeLessThanOrEqual(sorted);
    expect(calls(10)).toBeLessThanOrEqual(sorted + 5);
  });

  it('deletes only the rows it showed when the marks changed while the person was asked, and says so', () => {
    const emu = addon.fresh();
    serve(people(6));
    emu.run('importContacts');
    serve(people(5));
    emu.run('importContacts');
    emu.answerDialogs(() => {
      // Meanwhile (the dialog open) a refresh marks another contact removed.
      emu.spreadsheet.getSheetByName(SHEET)?.getRange('F2').setValue("'removed 2026-01-01");
      return 'YES';
    });
    const ids = rows(emu).map((r) => r[0]);
    const shown = ids.find((_, i) => String(rows(emu)[i][5]).startsWith('removed'));
    expect(emu.run('deleteRemovedContacts')).toMatchObject({ outcome: 'changed', deleted: 1, skipped: 0 });
    expect(emu.ui.toasts.at(-1)?.message).toMatch(
      /1 rows marked removed since you were asked were not deleted/,
    );
    expect(rows(emu).map((r) => r[0])).toEqual(ids.filter((id) => id !== shown));
  });

  it('never deletes a row of the person’s own, whatever its Status cell says', () => {
    const emu = addon.fresh();
    serve(people(3));
    emu.run('importContacts');
    emu.setCellValue(SHEET, 'A6', 'Total');
    emu.setCellValue(SHEET, 'F6', 'removed by hand');
    serve([{ id: '79000000099@c.us', name: 'Stranger', type: 'user' }]);
    emu.answerDialogs('YES');
    emu.run('importContacts');
    emu.answerDialogs('YES');
    expect(emu.run('deleteRemovedContacts')).toMatchObject({ outcome: 'deleted', deleted: 3 });
    expect(rows(emu).map((r) => r[0])).toEqual(['ID', '', 'Total', '79000000099@c.us']);
    expect(rows(emu)[2][5]).toBe('removed by hand');
  });
});

describe('calls stay constant as the sheet ages', () => {
  it('makes the same calls over a sheet with scattered rows marked removed long ago', () => {
    const calls = (gone: number) => {
      const emu = addon.fresh();
      const many = crowd(500, '7922', 'Q');
      serve(many);
      emu.run('importContacts');
      serve(many.filter((_, i) => (i * 7919) % 500 >= gone));
      emu.answerDialogs('YES');
      emu.run('importContacts');
      serve([...many.filter((_, i) => (i * 7919) % 500 >= gone), ...people(1, 90)]);
      emu.run('importContacts');
      return emu.lastExecution.spreadsheetCalls;
    };
    expect(calls(100)).toBe(calls(1));
  });
});

describe('a large re-import', () => {
  it('re-imports 100,000 contacts over 100,000 rows with 1% changes writing only what changed', () => {
    const emu = addon.fresh({}, instance({ contacts: { generate: 100_000, seed: 3 } }));
    emu.run('importContacts');
    const [head, ...body] = rows(emu);
    expect(body).toHaveLength(100_000);
    // 1% changes: 400 leave, 300 are renamed, 300 join (the fake server's churn).
    addon.api.configureSync(instance({ contacts: { generate: 100_000, seed: 3, churn: 0.01 } }));
    emu.run('importContacts');
    // Only the changed rows (and 32 calls reading the tables' tags): at most one setValues per renamed row (300), the marks and newcomers in a few calls.
    expect(emu.lastExecution.spreadsheetCalls).toBeLessThanOrEqual(52 + 300);
    // The table's part under 1% of its cells; the log's 1,000 lines (values and number format) on top.
    expect(emu.lastExecution.cellsWritten - 1_000 * 6 * 2).toBeLessThan(0.01 * 100_301 * 6);
    const after = rows(emu);
    expect(after[0]).toEqual(head);
    expect(after).toHaveLength(100_301);
    expect(after.filter((r) => String(r[5]).startsWith('removed'))).toHaveLength(400);
    expect(after.filter((r) => String(r[3]).endsWith(' (new)'))).toHaveLength(300);
    const log = rows(emu, 'WhatsApp Contacts changes').slice(1);
    expect(log.filter((r) => r[1] === 'renamed')).toHaveLength(300);
    expect(log.filter((r) => r[1] === 'added')).toHaveLength(301); // the first import's summary line, 300 joiners
    expect(everythingVisible(emu)).not.toContain(TOKEN);
  });
});
