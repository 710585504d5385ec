/**
 * Check numbers on WhatsApp, end to end through the entry points Sheets calls (the menu's `checkNumbers`, the
 * follow-up trigger, `=WA_CHECK`), against the fake GREEN-API's checkWhatsapp: the dialog's counts and cost;
 * cancel spends nothing; results beside the selection never over a person's cell; the table; a second run
 * answered from the table with no request; the quota midway; the timeout 400 retried later; 3,000 numbers across
 * slices; WA_CHECK by cell and range with no request; every bad selection.
 */
import { describe, expect, it } from '@jest/globals';
import { defaultForm, type Emulator, everythingVisible, instance, TOKEN, withAddon } from '../support/addon';
import { responses } from '../support/fake-green-api';

const addon = withAddon();
const LEADS = 'Leads';
const CHECKS = 'WhatsApp Number Checks';
const MINUTE = 60_000;

/** Numbers as people type them: three on WhatsApp, one not, one the same as the first, one not a number. */
const TYPED = [
  'Phone',
  '+7 (900) 123-45-67',
  '8 900 765 43 21',
  '0049 30 1234567',
  '79001234567',
  'ask Bob',
  '+44 20 7946 0958',
];
const ON_WHATSAPP = ['79001234567', '79007654321', '442079460958'];

function checkCalls() {
  return addon.api.requestsSync().filter((r) => r.apiMethod === 'checkWhatsapp');
}

function leads(extra: Record<string, unknown> = {}, values: unknown[] = TYPED, locale = 'ru_RU'): Emulator {
  const emu = addon.fresh(
    { spreadsheetLocale: locale },
    instance({ whatsappNumbers: ON_WHATSAPP, rateLimits: { checkWhatsapp: 10 }, ...extra }),
  );
  emu.spreadsheet.insertSheet(LEADS);
  const sheet = leadsSheet(emu);
  if (values.length > 1000) sheet.insertRowsAfter(1000, values.length - 1000);
  sheet.getRange(1, 1, values.length, 1).setValues(values.map((v) => [v]));
  emu.select(LEADS, `A1:A${values.length}`);
  return emu;
}

function leadsSheet(emu: Emulator): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = emu.spreadsheet.getSheetByName(LEADS);
  if (!sheet) throw new Error('no Leads sheet');
  return sheet;
}

function lastAlert(emu: Emulator): { title: string; prompt: string; buttons: string } {
  const alert = emu.ui.alerts.at(-1);
  if (!alert) throw new Error('no alert');
  return alert;
}

function column(emu: Emulator, sheet: string, col: number): unknown[] {
  return emu.sheetValues(sheet).map((row) => row[col - 1] ?? '');
}

describe('Check numbers on WhatsApp', () => {
  it('asks first with the counts, the cost and what the plan has left; a cancel spends nothing', () => {
    const emu = leads();
    emu.answerDialogs('NO');
    const report = emu.run('checkNumbers') as { outcome: string };
    expect(report.outcome).toBe('cancelled');
    const question = lastAlert(emu);
    expect(question.buttons).toBe('YES_NO');
    expect(question.prompt).toContain('Selected: 6 cells with 4 distinct phone numbers.');
    expect(question.prompt).toContain('Not phone numbers: 1 (e.g. ask Bob).');
    expect(question.prompt).toContain('To check now: 4 — 4 checkWhatsapp requests.');
    expect(question.prompt).toContain('Your plan has 100 checkWhatsapp requests left this month.');
    expect(question.prompt).toContain('read as RU numbers');
    expect(question.prompt).toContain('Results go into columns B, C');
    expect(checkCalls()).toHaveLength(0);
    expect(emu.spreadsheet.getSheetByName(CHECKS)).toBeNull();
    expect(column(emu, LEADS, 2).every((v) => v === '')).toBe(true);
  });

  it('writes yes/no and the date beside the selection, the table of checks, and never touches the numbers', () => {
    const emu = leads();
    const typed = column(emu, LEADS, 1);
    const report = emu.run('checkNumbers') as { outcome: string; message: string };
    expect(report.outcome).toBe('done');
    expect(checkCalls()).toHaveLength(4); // '+7 (900) 123-45-67' and '79001234567' are one number
    expect(checkCalls().map((c) => c.body)).toContainEqual({ chatId: '79001234567' });
    expect(column(emu, LEADS, 1)).toEqual(typed);
    expect(column(emu, LEADS, 2)).toEqual([
      'WhatsApp',
      'yes',
      'yes',
      'no',
      'yes',
      'not a phone number',
      'yes',
    ]);
    const dates = column(emu, LEADS, 3);
    expect(dates[0]).toBe('Checked');
    expect(emu.cell(LEADS, 'C2').display).toMatch(/\d{4}|\d{1,2}[./]\d{1,2}/);
    expect(dates[5]).toBe('');
    const table = emu.sheetValues(CHECKS);
    expect(table[0].slice(0, 4)).toEqual(['Number', 'WhatsApp', 'Chat ID', 'Checked at']);
    expect(table.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(
      expect.arrayContaining([
        ['+79001234567', 'yes', '79001234567@c.us'],
        ['+79007654321', 'yes', '79007654321@c.us'],
        ['+49301234567', 'no', '49301234567@c.us'],
        ['+442079460958', 'yes', '442079460958@c.us'],
      ]),
    );
    expect(table).toHaveLength(5);
    // The third keyed table carries its own identity tags, like the other two.
    const tags = emu.metadataOf(CHECKS).filter((m) => m.key === 'whatsapp-contacts.checks');
    expect(tags.map((m) => m.value)).toEqual(
      expect.arrayContaining([
        'sheet',
        'header',
        'column:number',
        'column:whatsapp',
        'column:chatId',
        'column:checkedAt',
      ]),
    );
    expect(emu.properties.document['wa.table.checks.sheetId']).toBeTruthy();
    expect(everythingVisible(emu)).not.toContain(TOKEN);
  });

  it("never writes over a person's cell: the first two columns empty in those rows take the results", () => {
    const emu = leads();
    const sheet = leadsSheet(emu);
    sheet.getRange('B4').setValue('call after 6pm');
    sheet.getRange('D2').setFormula('=1+1');
    emu.run('checkNumbers');
    expect(lastAlert(emu).prompt).toContain('Results go into columns C, E');
    expect(emu.cell(LEADS, 'B4').value).toBe('call after 6pm');
    expect(emu.cell(LEADS, 'D2').formula).toBe('=1+1');
    expect(column(emu, LEADS, 3)).toEqual([
      'WhatsApp',
      'yes',
      'yes',
      'no',
      'yes',
      'not a phone number',
      'yes',
    ]);
    expect(column(emu, LEADS, 5)[0]).toBe('Checked');
  });

  it('answers a second run from the table without a request', () => {
    const emu = leads();
    emu.run('checkNumbers');
    addon.api.clearRequestsSync();
    emu.run('checkNumbers');
    expect(lastAlert(emu).prompt).toContain('Already checked in the last 30 days (free): 4.');
    expect(lastAlert(emu).prompt).toContain('To check now: 0');
    expect(lastAlert(emu).prompt).toContain('Results go into columns B, C');
    expect(emu.lastExecution.cellsWritten).toBe(0); // the same answers: nothing to write
    expect(checkCalls()).toHaveLength(0);
    expect(column(emu, LEADS, 2)).toEqual([
      'WhatsApp',
      'yes',
      'yes',
      'no',
      'yes',
      'not a phone number',
      'yes',
    ]);
  });

  it('stops at a 466 midway, keeps and writes what was checked, marks the rest not checked', () => {
    const emu = leads({ quota: { checkWhatsapp: 3 } });
    const report = emu.run('checkNumbers') as { outcome: string; message: string };
    expect(report.outcome).toBe('stopped');
    expect(report.message).toMatch(/Stopped after 3 of 4 numbers/);
    expect(checkCalls().map((c) => c.status)).toEqual([200, 200, 200, 466]);
    expect(emu.sheetValues(CHECKS)).toHaveLength(4);
    const results = column(emu, LEADS, 2);
    expect(results.filter((v) => v === 'yes' || v === 'no')).toHaveLength(4); // 3 numbers, one typed twice
    expect(
      results.filter((v) => v === 'not checked: the monthly checkWhatsapp quota is used up (466)'),
    ).toHaveLength(1);
    expect(emu.triggers.filter((t) => t.handler === 'onRetryRefresh')).toHaveLength(0);
    expect(JSON.parse(emu.properties.document['wa.ledger'])).toBeTruthy();
  });

  it("after GREEN-API's 466 the dialog says nothing is left (not the ledger's count) and asks nothing; a day later one probe may ask", () => {
    const emu = leads({ quota: { checkWhatsapp: 3 } });
    emu.run('checkNumbers');
    expect(checkCalls()).toHaveLength(4); // 3 answered, then the 466
    const question = () => emu.ui.alerts.filter((a) => a.buttons === 'YES_NO').at(-1)?.prompt ?? '';
    emu.run('checkNumbers');
    expect(question()).toContain('To check now: 1 — 1 checkWhatsapp requests.');
    expect(question()).toContain('Your plan has 0 checkWhatsapp requests left this month.');
    expect(checkCalls()).toHaveLength(4);
    expect(
      column(emu, LEADS, 2).filter((v) =>
        String(v).startsWith('not checked: no checkWhatsapp requests left'),
      ),
    ).toHaveLength(1);
    emu.advanceTime(25 * 60 * MINUTE);
    emu.run('checkNumbers');
    expect(question()).toContain('Your plan has 96 checkWhatsapp requests left this month.');
    expect(checkCalls()).toHaveLength(5); // the day's probe
  });

  it('retries the "check phone number timeout limit exceeded" answer a little later in the same job', () => {
    const emu = leads({
      checkScript: [responses.json(200, { existsWhatsapp: true }), responses.checkTimeout()],
    });
    const report = emu.run('checkNumbers') as { outcome: string; message: string };
    expect(report.outcome).toBe('pending');
    expect(column(emu, LEADS, 2)).toContain('checking…');
    emu.advanceTime(5 * MINUTE);
    expect(JSON.parse(emu.properties.document['wa.check.job'])).toMatchObject({ state: 'done', done: 4 });
    expect(column(emu, LEADS, 2)).not.toContain('checking…');
    expect(checkCalls().map((c) => c.status)).toEqual([200, 400, 200, 200, 200]);
    expect(emu.triggerErrors).toEqual([]);
  });

  it('reads both answer forms: a chatId GREEN-API resolved (an @lid id) is kept, an answer without one is digits@c.us', () => {
    const emu = leads({
      checkScript: [
        responses.json(200, { existsWhatsapp: true, chatId: '123456789012345@lid' }),
        responses.json(200, { existsWhatsapp: true }),
      ],
    });
    emu.run('checkNumbers');
    const table = emu.sheetValues(CHECKS).slice(1);
    expect(table[0].slice(0, 3)).toEqual(['+79001234567', 'yes', '123456789012345@lid']);
    expect(table[1].slice(0, 3)).toEqual(['+79007654321', 'yes', '79007654321@c.us']);
  });

  it('marks a number GREEN-API refuses "not checked" with its reason', () => {
    const emu = leads({
      checkScript: [responses.json(400, { message: 'bad phone number, valid from 11 to 16 digits' })],
    });
    emu.run('checkNumbers');
    expect(column(emu, LEADS, 2)).toContain('not checked: bad phone number, valid from 11 to 16 digits');
  });

  it('checks 3,000 numbers across slices, each execution under 6 minutes, one request per distinct number', () => {
    const numbers = Array.from({ length: 3000 }, (_, i) => `+7 900 ${String(1000000 + i)}`);
    const emu = leads({}, numbers);
    emu.run('saveSettings', defaultForm(addon.api, { plan: 'business' }));
    const first = emu.run('checkNumbers') as { outcome: string; message: string };
    expect(first.outcome).toBe('pending');
    expect(first.message).toMatch(/Checked \d+ of 3000 numbers so far/);
    // A second check while this one is under way is refused; the job and its trigger stay as they are.
    const second = emu.run('checkNumbers') as { outcome: string; message: string };
    expect(second).toMatchObject({ outcome: 'busy' });
    expect(second.message).toMatch(/A number check is under way in this spreadsheet \(\d+ of 3000 numbers\)/);
    emu.advanceTime(30 * MINUTE);
    expect(JSON.parse(emu.properties.document['wa.check.job'])).toMatchObject({ state: 'done', done: 3000 });
    for (const e of emu.executions) expect(e.wallMs).toBeLessThan(6 * MINUTE);
    expect(checkCalls()).toHaveLength(3000);
    expect(checkCalls().every((c) => c.status === 200)).toBe(true);
    expect(emu.sheetValues(CHECKS)).toHaveLength(3001);
    expect(column(emu, LEADS, 2).filter((v) => v === 'no')).toHaveLength(3000);
    expect(emu.triggers).toHaveLength(0);
    // Progress for the person: Diagnostics and the sidebar say how far the check got.
    const report = emu.run('showDiagnostics') as { rows: Array<{ check: string; text: string }> };
    expect(report.rows.find((r) => r.check === 'Number check')?.text).toBe(
      'Number check: 3,000 of 3,000 numbers (done).',
    );
    expect((emu.run('getSettings') as { check: { text: string } }).check.text).toContain('3,000 of 3,000');
  });

  it('makes the same number of spreadsheet calls per slice for 40 and for 400 numbers', () => {
    const calls = (n: number) => {
      const emu = leads(
        {},
        Array.from({ length: n }, (_, i) => `+7 900 ${String(2000000 + i)}`),
      );
      emu.run('saveSettings', defaultForm(addon.api, { plan: 'business' }));
      emu.run('checkNumbers');
      // The progress toast (at most one every 30 s of asking) is the person's, not the slice's work.
      const names = emu.lastExecution.spreadsheetCallNames.filter((name) => !/toast/i.test(name));
      return names.length;
    };
    expect(calls(400)).toBe(calls(40));
  });

  it('=WA_CHECK reads the table only: a cell, a range, and the error for a number not checked yet', () => {
    const emu = leads();
    emu.setFormula(LEADS, 'E7', '=WA_CHECK(A7)');
    expect(emu.cell(LEADS, 'E7').note).toContain('not checked yet — use Check numbers on WhatsApp');
    emu.run('checkNumbers');
    // A check re-enters the WA_CHECK cells (Sheets recalculates a custom function only when its arguments change).
    expect(emu.cell(LEADS, 'E7').value).toBe('yes');
    addon.api.clearRequestsSync();
    emu.setFormula(LEADS, 'E1', '=WA_CHECK(A2)');
    emu.setFormula(LEADS, 'E2', '=WA_CHECK("+49 30 1234567")');
    emu.setFormula(LEADS, 'F1', '=WA_CHECK(A2:A3)');
    emu.setFormula(LEADS, 'E4', '=WA_CHECK("+7 999 000 00 00")');
    expect(emu.cell(LEADS, 'E1').value).toBe('yes');
    expect(emu.cell(LEADS, 'E2').value).toBe('no');
    expect([emu.cell(LEADS, 'F1').value, emu.cell(LEADS, 'F2').value]).toEqual(['yes', 'yes']);
    expect(emu.cell(LEADS, 'E4').value).toBe('#ERROR!');
    expect(emu.cell(LEADS, 'E4').note).toContain('not checked yet — use Check numbers on WhatsApp');
    expect(checkCalls()).toHaveLength(0);
  });

  it('reads numbers without a country code for the country saved in Settings, and refuses one it does not know', () => {
    const emu = leads({}, ['Phone', '(212) 555-0100', '9001234567']);
    expect(emu.run('getSettings')).toMatchObject({
      checkSettings: { country: 'RU', freshDays: 30, localeCountry: 'RU' },
    });
    expect(() => emu.run('saveCheckSettings', { country: 'XX', freshDays: '30' })).toThrow(
      /^country: "XX" is not a country code/,
    );
    expect(() => emu.run('saveCheckSettings', { country: 'us', freshDays: '-1' })).toThrow(/^freshDays: /);
    expect(emu.run('saveCheckSettings', { country: 'us', freshDays: '7' })).toMatchObject({
      country: 'US',
      freshDays: 7,
    });
    emu.run('checkNumbers');
    expect(lastAlert(emu).prompt).toContain('read as US numbers');
    expect(lastAlert(emu).prompt).toContain('in the last 7 days');
    expect(checkCalls().map((c) => c.body)).toEqual([{ chatId: '12125550100' }]);
    expect(column(emu, LEADS, 2)).toEqual(['WhatsApp', 'no', 'not a phone number']);
  });

  it('answers a row of Name | Phone for its phone: the number asked is the one shown, not "not a phone number"', () => {
    const emu = leads({}, ['Name', 'Ann', 'Bob', 'Cid']);
    leadsSheet(emu)
      .getRange('B1:B4')
      .setValues([['Phone'], ['+7 (900) 123-45-67'], ['8 900 765 43 21'], ['+7 (900) 000-00-01']]);
    emu.select(LEADS, 'A1:B4');
    const typed = column(emu, LEADS, 2);
    emu.run('checkNumbers');
    expect(checkCalls()).toHaveLength(3);
    expect(column(emu, LEADS, 2)).toEqual(typed);
    expect(column(emu, LEADS, 3)).toEqual(['WhatsApp', 'yes', 'yes', 'no']);
  });

  it('refuses every bad selection with a clear message, spending nothing', () => {
    const emu = leads();
    const refused = () => {
      const report = emu.run('checkNumbers') as { outcome: string; message: string };
      expect(report.outcome).toBe('refused');
      return report.message;
    };
    emu.select(LEADS, 'D1:D5');
    expect(refused()).toMatch(/empty/);
    leadsSheet(emu).insertRowsAfter(1000, 1000);
    emu.select(LEADS, 'A1:Z2000');
    expect(refused()).toMatch(/52000 cells; at most 49999/);
    emu.select(LEADS, 'A1:A2', 'A4:A5');
    expect(refused()).toMatch(/2 separate parts/);
    leadsSheet(emu).getRange('B2').setFormula('="+79001234567"');
    emu.select(LEADS, 'A1:B3');
    expect(refused()).toMatch(/formulas \(B2\)/);
    emu.select(LEADS, 'A6');
    expect((emu.run('checkNumbers') as { message: string }).message).toMatch(/None of the 1 selected cells/);
    emu.run('importContacts');
    emu.select('WhatsApp Contacts', 'A1:A5');
    expect(refused()).toMatch(/add-on's own sheet "WhatsApp Contacts"/);
    expect(checkCalls()).toHaveLength(0);
  });
});
