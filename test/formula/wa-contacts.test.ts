/**
 * =WA_CONTACTS() through real formulas in the emulator's cells: evaluated in the custom-function auth mode
 * (no writes, no triggers, no UI), reading the snapshot, fetching once under the lock when there is none.
 */
import { describe, expect, it } from '@jest/globals';
import { type Emulator, everythingVisible, instance, SHEET, TOKEN, withAddon } from '../support/addon';
import { generateContacts, responses, SAMPLE_CONTACTS } from '../support/fake-green-api';

const addon = withAddon();
const CELLS = 'Sheet1';

function getContactsCalls(): number {
  return addon.api.requestsSync().filter((r) => r.apiMethod === 'getContacts').length;
}

function spill(emu: Emulator, a1 = 'A1'): unknown[][] {
  const values = emu.sheetValues(CELLS);
  const col = a1.charCodeAt(0) - 65;
  const row = Number(a1.slice(1)) - 1;
  return values
    .slice(row)
    .map((r) => r.slice(col, col + 5))
    .filter((r) => r.some((v) => v !== ''));
}

describe('WA_CONTACTS', () => {
  it('fetches once on a cold start and spills the same rows as the import', () => {
    const emu = addon.fresh();
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    expect(getContactsCalls()).toBe(1);
    const formula = spill(emu);
    emu.run('importContacts');
    expect(formula).toEqual(emu.sheetValues(SHEET).map((r) => r.slice(0, 5)));
    expect(emu.cell(CELLS, 'A1').formula).toBe('=WA_CONTACTS()');
  });

  it('reads the snapshot with no request when warm', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS("group")');
    expect(getContactsCalls()).toBe(0);
    const rows = spill(emu);
    expect(rows[0]).toEqual(['ID', 'Phone', 'Name', 'Contact name', 'Type']);
    expect(rows.slice(1).every((r) => r[4] === 'group')).toBe(true);
    expect(rows.length - 1).toBe(SAMPLE_CONTACTS.filter((c) => c.type === 'group').length);
  });

  it('makes one request for ten formulas recalculating at once', () => {
    const emu = addon.fresh();
    addon.api.clearRequestsSync();
    for (let i = 0; i < 10; i++) emu.setFormula(CELLS, `A${1 + i * 40}`, '=WA_CONTACTS("all", TRUE)');
    expect(getContactsCalls()).toBe(1);
  });

  it('waits for a refresh that holds the lock instead of fetching a second time', () => {
    const emu = addon.fresh();
    addon.api.clearRequestsSync();
    emu.holdDocumentLock(true);
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    emu.holdDocumentLock(false);
    expect(getContactsCalls()).toBe(0);
    expect(emu.cell(CELLS, 'A1')).toMatchObject({
      display: '#ERROR!',
      note: expect.stringMatching(/A refresh is running/),
    });
    expect(emu.lastExecution.authMode).toBe('CUSTOM_FUNCTION');
    expect(emu.lastExecution.wallMs).toBeLessThan(30_000);
  });

  it('accepts type in any case, header FALSE, and arguments from cells', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    emu.setCellValue(CELLS, 'H1', 'User');
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS(H1, FALSE)');
    const rows = spill(emu);
    expect(rows[0][4]).toBe('user');
    expect(rows.every((r) => r[4] === 'user')).toBe(true);
    emu.setCellValue(CELLS, 'H1', 'group');
    expect(spill(emu).every((r) => r[4] === 'group')).toBe(true);
  });

  it.each([
    ['=WA_CONTACTS("users")', /argument type must be "all", "user" or "group"/],
    ['=WA_CONTACTS(5)', /argument type/],
    ['=WA_CONTACTS("all", "maybe")', /argument header must be TRUE or FALSE/],
    ['=WA_CONTACTS("all", 2)', /argument header/],
  ])('%s shows an error that names the argument', (formula, message) => {
    const emu = addon.fresh();
    emu.setFormula(CELLS, 'A1', formula);
    const cell = emu.cell(CELLS, 'A1');
    expect(cell.display).toBe('#ERROR!');
    expect(cell.note).toMatch(message);
  });

  it('points to Settings with an error (#ERROR!, the words on hover) when nothing is set up', () => {
    const emu = addon.fresh({}, undefined, false);
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    expect(emu.cell(CELLS, 'A1')).toMatchObject({
      display: '#ERROR!',
      note: 'Set up the add-on first: WhatsApp Contacts → Settings.',
    });
    // An error, not data: IFERROR-style checks in other formulas can tell.
    expect(emu.cell(CELLS, 'A1').value).not.toMatch(/Settings/);
  });

  it('says contacts are syncing, as an error, while GREEN-API answers []', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 5 }));
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    expect(emu.cell(CELLS, 'A1')).toMatchObject({
      display: '#ERROR!',
      note: expect.stringMatching(/syncing.*fills in by itself/),
    });
  });

  it.each([
    ['401', responses.unauthorized(), /apiTokenInstance \(401\)/],
    ['403', responses.forbidden(), /idInstance/],
    ['400 not authorized', responses.notAuthorized(), /QR code/],
    ['466', responses.status466(), /quota/],
    ['broken JSON', responses.brokenJson(), /unexpected answer/],
    ['not an array', responses.notArray(), /unexpected answer/],
    ['an HTML page', responses.htmlPage(), /unexpected answer/],
    ['400 starting', responses.starting(), /starting/],
    ['429 twice', [responses.status429(), responses.status429()], /limiting requests/],
    ['500 twice', [responses.status500(), responses.status500()], /unavailable/],
    ['502 twice', [responses.status502(), responses.status502()], /unavailable/],
  ])('%s gives the import message in the cell, with no token', (_name, response, message) => {
    const script = Array.isArray(response) ? response : [response];
    const emu = addon.fresh({}, instance({ script }));
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    const cell = emu.cell(CELLS, 'A1');
    expect(cell.display).toBe('#ERROR!');
    expect(cell.note).toMatch(message);
    expect(everythingVisible(emu)).not.toContain(TOKEN);
  });

  it('says to check apiUrl when the host cannot be reached', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', {
      apiUrl: 'http://127.0.0.1:9',
      idInstance: '1101000001',
      apiTokenInstance: TOKEN,
    });
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    expect(emu.cell(CELLS, 'A1').note).toMatch(/Could not reach GREEN-API. Check apiUrl/);
    expect(everythingVisible(emu)).not.toContain(TOKEN);
  });

  it('stays inside the 30-second limit even when GREEN-API asks it to wait', () => {
    const emu = addon.fresh({}, instance({ script: Array(4).fill(responses.status429(10)) }));
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    expect(emu.lastExecution.wallMs).toBeLessThan(10_000);
    expect(emu.cell(CELLS, 'A1').note).toMatch(/limiting requests/);
  });

  it('ends inside 30 s when GREEN-API fails slowly (502 after 16 s): no retry that could not finish in time', () => {
    const slow = { ...responses.status502(), simulatedDelayMs: 16_000 };
    const emu = addon.fresh({}, instance({ script: [slow, slow, slow] }));
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    expect(getContactsCalls()).toBe(1);
    expect(emu.lastExecution.wallMs).toBeGreaterThanOrEqual(16_000);
    expect(emu.lastExecution.wallMs).toBeLessThan(30_000);
    expect(emu.cell(CELLS, 'A1')).toMatchObject({ value: '#ERROR!' });
    expect(emu.cell(CELLS, 'A1').note).toMatch(/GREEN-API is unavailable right now.*Try again later/);
  });

  it('retries a slow failure when the retry still fits (502 after 5 s, then the list)', () => {
    const emu = addon.fresh(
      {},
      instance({ script: [{ ...responses.status502(), simulatedDelayMs: 5_000 }] }),
    );
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    expect(getContactsCalls()).toBe(2);
    expect(spill(emu)).toHaveLength(SAMPLE_CONTACTS.length + 1);
  });

  it('does not wait for the lock longer than leaves time to fetch, after a slow first half', () => {
    const emu = addon.fresh();
    emu.holdDocumentLock(true);
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    emu.holdDocumentLock(false);
    expect(emu.cell(CELLS, 'A1').note).toMatch(/A refresh is running/);
    expect(emu.lastExecution.wallMs).toBeLessThanOrEqual(12_500);
  });

  it('remembers a failure for a minute so more formulas do not call again', () => {
    const emu = addon.fresh({}, instance({ script: [responses.status466()] }));
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    emu.setFormula(CELLS, 'A20', '=WA_CONTACTS("user")');
    expect(getContactsCalls()).toBe(1);
    expect(emu.cell(CELLS, 'A20').note).toMatch(/quota/);
  });

  it('shows the new list in every formula cell after a menu import, without touching the formulas', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    emu.setFormula(CELLS, 'H1', '=WA_CONTACTS("group",FALSE)');
    const changed = [{ id: '79990000001@c.us', name: 'Новое имя', contactName: '', type: 'user' }];
    addon.api.configureSync(
      instance({ contacts: [...changed, ...SAMPLE_CONTACTS.filter((c) => c.type === 'group')] }),
    );
    expect(emu.run('importContacts')).toMatchObject({ outcome: 'ok' });
    expect(spill(emu, 'A1')[1]).toEqual(['79990000001@c.us', '+79990000001', 'Новое имя', '', 'user']);
    expect(emu.cell(CELLS, 'A1').formula).toBe('=WA_CONTACTS()');
    expect(emu.cell(CELLS, 'H1').formula).toBe('=WA_CONTACTS("group",FALSE)');
    expect(spill(emu, 'H1').every((r) => r[4] === 'group')).toBe(true);
  });

  it('says how many contacts and what to do instead of returning 100,000 rows, and serves a filtered list from the snapshot', () => {
    const emu = addon.fresh({}, instance({ contacts: { generate: 100_000 } }));
    expect(emu.run('importContacts')).toMatchObject({ outcome: 'ok' });
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS("all",FALSE)');
    expect(emu.cell(CELLS, 'A1').display).toBe('#ERROR!');
    expect(emu.cell(CELLS, 'A1').note).toMatch(
      /^WA_CONTACTS would return 100000 contacts \(500000 cells\).*stops at 200000.*Import contacts.*=WA_CONTACTS\("group"\)/,
    );
    expect(emu.sheetValues(CELLS)).toHaveLength(1);
    // A type filter under the limit works as before, from the snapshot.
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS("group",FALSE)');
    expect(getContactsCalls()).toBe(0);
    const rows = emu.sheetValues(CELLS).filter((r) => r[0] !== '');
    const groups = emu
      .sheetValues(SHEET)
      .slice(1)
      .filter((r) => r[4] === 'group');
    expect(rows.length).toBeGreaterThan(15_000);
    expect(rows.length * 5).toBeLessThanOrEqual(200_000);
    expect(rows.map((r) => r[0]).sort()).toEqual(groups.map((r) => r[0]).sort());
    expect(generateContacts(1).length).toBe(1);
  });

  it('ignores a corrupted snapshot chunk: reads the table instead, and fetches only when there is none', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    corruptOneChunk(emu.cache.document);
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    expect(getContactsCalls()).toBe(0);
    expect(spill(emu)).toHaveLength(SAMPLE_CONTACTS.length + 1);
    emu.spreadsheet.deleteSheet(emu.spreadsheet.getSheetByName(SHEET) as GoogleAppsScript.Spreadsheet.Sheet);
    corruptOneChunk(emu.cache.document);
    emu.setFormula(CELLS, 'A2', '=WA_CONTACTS("group")');
    expect(getContactsCalls()).toBe(1);
  });
});

/** Flips a character in the middle of the first chunk of the stored snapshot (a damaged cache entry). */
function corruptOneChunk(cache: Map<string, { value: string; expiresAt: number }>): void {
  const key = [...cache.keys()].find((k) => /^wa\.snapshot\..+\.0$/.test(k));
  if (!key) throw new Error('no snapshot chunk in the cache');
  const entry = cache.get(key) as { value: string; expiresAt: number };
  const middle = Math.floor(entry.value.length / 2);
  const flipped = entry.value[middle] === 'A' ? 'B' : 'A';
  cache.set(key, { ...entry, value: entry.value.slice(0, middle) + flipped + entry.value.slice(middle + 1) });
}
