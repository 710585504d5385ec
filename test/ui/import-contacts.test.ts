/**
 * Import contacts, end to end: the built add-on in the emulator, real HTTP to the fake GREEN-API.
 */
import { describe, expect, it } from '@jest/globals';
import { type Emulator, everythingVisible, instance, SHEET, TOKEN, withAddon } from '../support/addon';
import { LONG_NAME, responses, SAMPLE_CONTACTS } from '../support/fake-green-api';

const addon = withAddon();

function table(emu: Emulator): unknown[][] {
  return emu.sheetValues(SHEET);
}

function importOnce(emu: Emulator): { outcome: string; message: string } {
  return emu.run('importContacts') as { outcome: string; message: string };
}

describe('Import contacts', () => {
  it('writes a header and one row per contact, users then groups, into a new sheet', () => {
    const emu = addon.fresh();
    const report = importOnce(emu);
    expect(report.outcome).toBe('ok');
    const rows = table(emu);
    expect(rows[0]).toEqual(['ID', 'Phone', 'Name', 'Contact name', 'Type', 'Status']);
    expect(rows).toHaveLength(SAMPLE_CONTACTS.length + 1);
    const types = rows.slice(1).map((r) => r[4]);
    expect(types.indexOf('group')).toBeGreaterThan(types.lastIndexOf('user'));
    const sheet = emu.spreadsheet.getSheetByName(SHEET);
    expect(sheet?.getFrozenRows()).toBe(1);
    expect(emu.cell(SHEET, 'A1').bold).toBe(true);
    expect(emu.ui.toasts.at(-1)?.message ?? JSON.stringify(emu.ui.toasts.at(-1))).toContain(
      `Imported ${SAMPLE_CONTACTS.length} contacts`,
    );
  });

  it('shows a phone only for @c.us ids', () => {
    const emu = addon.fresh();
    importOnce(emu);
    for (const row of table(emu).slice(1)) {
      const id = String(row[0]);
      if (id.endsWith('@c.us')) expect(row[1]).toBe(`+${id.split('@')[0]}`);
      else expect(row[1]).toBe('');
    }
  });

  it('keeps every name exactly as text: formulas, leading zeros, dates, booleans, phone-like text', () => {
    const emu = addon.fresh();
    importOnce(emu);
    const rows = table(emu);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    for (const contact of SAMPLE_CONTACTS) {
      const row = byId.get(contact.id);
      expect(row).toBeDefined();
      const name = typeof contact.name === 'string' ? contact.name : '';
      const expected = name.length > 50_000 ? `${name.slice(0, 49_999)}…` : name;
      expect([contact.id, row?.[2]]).toEqual([contact.id, expected]);
      expect(typeof row?.[2]).toBe('string');
    }
    const sheet = emu.spreadsheet.getSheetByName(SHEET);
    const formulas = sheet?.getDataRange().getFormulas().flat().filter(Boolean);
    expect(formulas).toEqual([]);
  });

  it('cuts a name over the 50,000-character cell limit with an ellipsis', () => {
    const emu = addon.fresh();
    importOnce(emu);
    const long = table(emu)
      .flat()
      .find((v) => typeof v === 'string' && v.length >= 50_000) as string;
    expect(long).toHaveLength(50_000);
    expect(long.endsWith('…')).toBe(true);
    expect(LONG_NAME.startsWith(long.slice(0, -1))).toBe(true);
  });

  it('gives the same sheet for the same contacts in another order', () => {
    const emu = addon.fresh();
    importOnce(emu);
    const first = table(emu);
    addon.api.configureSync(instance({ contacts: [...SAMPLE_CONTACTS].reverse() }));
    importOnce(emu);
    expect(table(emu)).toEqual(first);
  });

  it('makes a constant number of spreadsheet calls, whatever the number of contacts', () => {
    const calls = (n: number, again = false) => {
      const emu = addon.fresh({}, instance({ contacts: { generate: n } }));
      importOnce(emu);
      if (again) importOnce(emu);
      expect(emu.sheetValues(SHEET).filter((r) => r[0] !== '')).toHaveLength(n + 1);
      return emu.lastExecution.spreadsheetCalls;
    };
    // Within the new sheet's 1,000 rows, and when the sheet must grow (one insertRowsAfter), the count is fixed.
    expect(calls(10)).toBe(calls(900));
    expect(calls(1_500)).toBe(calls(20_000));
    expect(calls(1_500)).toBe(calls(10) + 1);
    // A re-import over an existing table costs the same for 10 and 20,000 contacts.
    expect(calls(10, true)).toBe(calls(20_000, true));
    // 13 calls for the table, the log and feedback, and 32 for the tags (a finder and four calls per tag).
    expect(calls(20_000, true)).toBeLessThanOrEqual(45);
  });

  it('keeps the previous table and says contacts are syncing when GREEN-API answers []', () => {
    const emu = addon.fresh();
    importOnce(emu);
    const before = table(emu);
    addon.api.configureSync(instance({ script: [responses.emptyList()] }));
    const report = importOnce(emu);
    expect(report.outcome).toBe('syncing');
    expect(report.message).toMatch(/syncing.*up to 5 minutes/);
    expect(table(emu)).toEqual(before);
    expect(JSON.stringify(emu.ui.alerts.at(-1))).toContain('syncing');
  });

  it('does not create the sheet when the very first fetch fails', () => {
    const emu = addon.fresh({}, instance({ script: [responses.unauthorized()] }));
    expect(importOnce(emu).outcome).toBe('error');
    expect(emu.spreadsheet.getSheetByName(SHEET)).toBeNull();
  });

  it('asks for settings (and opens the sidebar) before any are saved', () => {
    const emu = addon.fresh({}, undefined, false);
    const report = importOnce(emu);
    expect(report.message).toContain('Settings');
    expect(emu.ui.sidebars).toHaveLength(1);
    expect(addon.api.requestsSync()).toHaveLength(0);
  });

  it('says a refresh is running, and writes nothing, while another execution holds the document lock', () => {
    const emu = addon.fresh();
    importOnce(emu);
    const before = table(emu);
    addon.api.configureSync(instance({ contacts: SAMPLE_CONTACTS.slice(0, 2) }));
    addon.api.clearRequestsSync();
    emu.holdDocumentLock(true);
    const report = importOnce(emu);
    emu.holdDocumentLock(false);
    expect(report.outcome).toBe('busy');
    expect(report.message).toContain('already running');
    expect(table(emu)).toEqual(before);
    expect(addon.api.requestsSync()).toHaveLength(0);
  });
});

describe('Import contacts when GREEN-API fails', () => {
  const cases: Array<[string, ReturnType<typeof responses.status500>[], RegExp, number]> = [
    ['401', [responses.unauthorized()], /rejected the apiTokenInstance \(401\)/, 1],
    ['403', [responses.forbidden()], /idInstance.*apiUrl.*console/, 1],
    ['400 not authorized', [responses.notAuthorized()], /Scan the QR code/, 1],
    ['400 not authorized (JSON)', [responses.notAuthorized({ json: true })], /Scan the QR code/, 1],
    ['400 starting', [responses.starting()], /starting/, 1],
    ['400 expired', [responses.expired()], /expired/, 1],
    ['466', [responses.status466()], /quota is used up \(466\)/, 1],
    ['429 four times', Array(4).fill(responses.status429()), /limiting requests \(429/, 4],
    ['500 four times', Array(4).fill(responses.status500()), /unavailable/, 4],
    ['502 HTML four times', Array(4).fill(responses.status502()), /unavailable/, 4],
    ['broken JSON', [responses.brokenJson()], /unexpected answer/, 1],
    ['not an array', [responses.notArray()], /unexpected answer/, 1],
    ['an HTML page with 200', [responses.htmlPage()], /unexpected answer/, 1],
  ];

  it.each(cases)(
    '%s: a clear message, the previous table kept, no token anywhere',
    (_name, script, message, calls) => {
      const emu = addon.fresh();
      importOnce(emu);
      const before = table(emu);
      addon.api.clearRequestsSync();
      addon.api.configureSync(instance({ script }));
      const report = importOnce(emu);
      expect(report.outcome).toBe('error');
      expect(report.message).toMatch(message);
      expect(report.message).toContain('The sheet was left as it was.');
      expect(report.message).not.toMatch(/Request failed|Exception|at \w+ \(/);
      expect(addon.api.requestsSync().filter((r) => r.apiMethod === 'getContacts')).toHaveLength(calls);
      expect(table(emu)).toEqual(before);
      expect(JSON.stringify(emu.ui.alerts.at(-1))).toMatch(message);
      expect(everythingVisible(emu)).not.toContain(TOKEN);
    },
  );

  it('retries a 429 after a pause and then imports', () => {
    const emu = addon.fresh({}, instance({ script: [responses.status429(), responses.status429()] }));
    const start = emu.now();
    expect(importOnce(emu).outcome).toBe('ok');
    expect(emu.now() - start).toBeGreaterThanOrEqual(2000);
    expect(addon.api.requestsSync().filter((r) => r.apiMethod === 'getContacts')).toHaveLength(3);
  });

  it('retries a 5xx up to 3 times with backoff and then imports', () => {
    const emu = addon.fresh(
      {},
      instance({ script: [responses.status500(), responses.status502(), responses.status500()] }),
    );
    const start = emu.now();
    expect(importOnce(emu).outcome).toBe('ok');
    expect(emu.now() - start).toBeGreaterThanOrEqual(7000);
  });

  it('says to check apiUrl when the host cannot be reached, without echoing the URL', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', {
      apiUrl: 'http://127.0.0.1:9',
      idInstance: '1101000001',
      apiTokenInstance: TOKEN,
    });
    const report = importOnce(emu);
    expect(report.message).toMatch(/Could not reach GREEN-API. Check apiUrl/);
    expect(everythingVisible(emu)).not.toContain(TOKEN);
    expect(everythingVisible(emu)).not.toContain('127.0.0.1:9/');
  });

  it('says Google does not let it call an apiUrl outside the allowlist (saved by an older version), not "could not reach"', () => {
    const emu = addon.fresh();
    emu.properties.document['wa.apiUrl'] = 'https://api.example.com';
    const report = importOnce(emu);
    expect(report.message).toMatch(/^Google does not let this script call that apiUrl/);
    expect(report.message).not.toMatch(/Could not reach/);
    expect(everythingVisible(emu)).not.toContain(TOKEN);
    expect(everythingVisible(emu)).not.toContain('api.example.com/waInstance');
  });

  it('says the same through a dropped connection', () => {
    const emu = addon.fresh({}, instance({ script: [responses.connectionReset()] }));
    expect(importOnce(emu).message).toMatch(/Could not reach GREEN-API/);
  });
});
