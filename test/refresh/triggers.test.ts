/**
 * Auto-refresh and the retry after GREEN-API's 5-minute window, on the emulator's virtual clock: due triggers
 * fire as time advances, each in a fresh execution with no UI.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  defaultForm,
  type Emulator,
  everythingVisible,
  instance,
  SHEET,
  TOKEN,
  withAddon,
} from '../support/addon';
import { responses, SAMPLE_CONTACTS } from '../support/fake-green-api';

const addon = withAddon();
const MINUTE = 60_000;

function own(emu: Emulator, handler?: string) {
  return emu.triggers.filter((t: { handler: string }) =>
    handler ? t.handler === handler : ['onAutoRefresh', 'onRetryRefresh'].includes(t.handler),
  );
}

function status(emu: Emulator) {
  return JSON.parse(String(emu.properties.document['wa.status']));
}

/** Saves settings on the Business plan (no getContacts cap), so any interval fits: the triggers are under test. */
function save(emu: Emulator, extra: Record<string, unknown>) {
  return emu.run('saveSettings', defaultForm(addon.api, { plan: 'business', ...extra }));
}

describe('auto-refresh interval', () => {
  it('creates one trigger, replaces it on every save, and removes it when turned off', () => {
    const emu = addon.fresh();
    save(emu, { refreshEveryMinutes: 15 });
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    save(emu, { refreshEveryMinutes: 15 });
    save(emu, { refreshEveryMinutes: 60 });
    save(emu, { refreshEveryMinutes: 1440 });
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    save(emu, { refreshEveryMinutes: 0 });
    expect(own(emu)).toHaveLength(0);
  });

  it('refuses an interval that is not offered, naming the field, and keeps the stored one', () => {
    const emu = addon.fresh();
    save(emu, { refreshEveryMinutes: 30 });
    expect(() => save(emu, { refreshEveryMinutes: 7 })).toThrow(/^refreshEveryMinutes: /);
    expect(emu.properties.document['wa.refreshEveryMinutes']).toBe('30');
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
  });

  it('refreshes the sheet and every formula on schedule, silently', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    emu.setFormula('Sheet1', 'A1', '=WA_CONTACTS()');
    save(emu, { refreshEveryMinutes: 10 });
    const alerts = emu.ui.alerts.length;
    const toasts = emu.ui.toasts.length;
    const newcomer = { id: '79995559999@c.us', name: 'Newcomer', type: 'user' };
    addon.api.configureSync(instance({ contacts: [...SAMPLE_CONTACTS.slice(1), newcomer] }));
    emu.advanceTime(10 * MINUTE + 1000);
    const rows = emu.sheetValues(SHEET).filter((r) => r[0] !== '');
    expect(rows).toHaveLength(SAMPLE_CONTACTS.length + 2);
    expect(rows.at(-1)?.slice(0, 3)).toEqual(['79995559999@c.us', '+79995559999', 'Newcomer']);
    expect(rows.find((r) => r[0] === SAMPLE_CONTACTS[0].id)?.[5]).toMatch(/^removed \d{4}-\d{2}-\d{2}$/);
    expect(emu.sheetValues('Sheet1').filter((r) => r[0] !== '')).toHaveLength(SAMPLE_CONTACTS.length + 1);
    expect(status(emu)).toMatchObject({ source: 'auto', outcome: 'ok', count: SAMPLE_CONTACTS.length });
    expect(emu.ui.alerts.length).toBe(alerts);
    expect(emu.ui.toasts.length).toBe(toasts);
  });

  it('never grows its trigger count over many saves, imports and empty answers', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 1000 }));
    for (let i = 0; i < 25; i++) {
      save(emu, { refreshEveryMinutes: [5, 10, 15, 30][i % 4] });
      emu.run('importContacts');
      emu.advanceTime(3 * MINUTE);
    }
    expect(own(emu).length).toBeLessThanOrEqual(2);
    expect(emu.triggers.length).toBeLessThan(20);
  });

  it('keeps one auto-refresh per document when another editor had set one: the stale trigger removes itself', () => {
    const emu = addon.fresh();
    save(emu, { refreshEveryMinutes: 15 });
    // Another editor's older auto-refresh (triggers belong to their creator; saving cannot see or delete it).
    emu.addForeignTrigger('onAutoRefresh', 10 * MINUTE);
    addon.api.clearRequestsSync();
    emu.advanceTime(11 * MINUTE);
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    expect(addon.api.requestsSync()).toHaveLength(0);
    emu.advanceTime(5 * MINUTE);
    expect(addon.api.requestsSync().filter((r) => r.apiMethod === 'getContacts')).toHaveLength(1);
  });

  it('changes nothing when Google refuses the new trigger for the 20-trigger limit, and says what to do', () => {
    const emu = addon.fresh();
    save(emu, { refreshEveryMinutes: 30 });
    for (let i = 0; i < 19; i++) emu.addForeignTrigger(`report${i}`, 60 * MINUTE);
    expect(() => save(emu, { refreshEveryMinutes: 10 })).toThrow(
      /^refreshEveryMinutes: Google allows 20 triggers per person for this script.*so nothing was changed\. Turn off auto-refresh in a spreadsheet that no longer needs it/,
    );
    expect(emu.properties.document['wa.refreshEveryMinutes']).toBe('30');
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    expect(emu.logs.join('\n')).toContain('auto-refresh setup failed');
  });

  it('never touches a trigger it did not create', () => {
    const emu = addon.fresh();
    emu.addForeignTrigger('myOwnReport', 30 * MINUTE);
    save(emu, { refreshEveryMinutes: 5 });
    save(emu, { refreshEveryMinutes: 0 });
    expect(emu.triggers.map((t: { handler: string }) => t.handler)).toEqual(['myOwnReport']);
  });
});

describe('the 5-minute sync window', () => {
  it('reschedules a retry that fires while another refresh holds the lock, and then fills the sheet in', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 1 }));
    emu.run('importContacts');
    emu.holdDocumentLock(true);
    emu.advanceTime(7 * MINUTE);
    expect(status(emu)).toMatchObject({ source: 'retry', outcome: 'busy' });
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
    expect(status(emu).nextRetryAt).toBeGreaterThan(emu.now());
    emu.holdDocumentLock(false);
    emu.advanceTime(7 * MINUTE);
    expect(emu.sheetValues(SHEET)).toHaveLength(SAMPLE_CONTACTS.length + 1);
    expect(own(emu)).toHaveLength(0);
  });

  it('counts quick repeated empty answers as one window, and starts over when a person asks after giving up', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 100 }));
    for (let i = 0; i < 4; i++) emu.run('importContacts');
    expect(status(emu)).toMatchObject({ outcome: 'syncing', emptyStreak: 1 });
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
    emu.advanceTime(7 * MINUTE);
    emu.advanceTime(7 * MINUTE);
    expect(status(emu)).toMatchObject({ outcome: 'gaveUp' });
    const again = emu.run('importContacts') as { outcome: string };
    expect(again.outcome).toBe('syncing');
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
  });

  it('retries by itself 5 to 7 minutes after an empty answer and fills the sheet in', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 1 }));
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.outcome).toBe('syncing');
    expect(report.message).toMatch(/try again by itself at \d{4}-\d\d-\d\d \d\d:\d\d/);
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
    expect(emu.spreadsheet.getSheetByName(SHEET)).toBeNull();
    emu.advanceTime(5 * MINUTE);
    expect(emu.spreadsheet.getSheetByName(SHEET)).toBeNull();
    emu.advanceTime(2 * MINUTE);
    expect(emu.sheetValues(SHEET)).toHaveLength(SAMPLE_CONTACTS.length + 1);
    expect(own(emu)).toHaveLength(0);
    expect(status(emu)).toMatchObject({ source: 'retry', outcome: 'ok', emptyStreak: 0, nextRetryAt: null });
  });

  it('keeps at most one retry pending', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 2 }));
    emu.run('importContacts');
    emu.run('importContacts');
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
  });

  it('gives up after 3 empty answers in a row with GREEN-API advice', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 100 }));
    emu.run('importContacts');
    emu.advanceTime(7 * MINUTE);
    emu.advanceTime(7 * MINUTE);
    expect(own(emu)).toHaveLength(0);
    expect(status(emu)).toMatchObject({ outcome: 'gaveUp', emptyStreak: 3 });
    const view = emu.run('getSettings') as { status: { error: string } };
    expect(view.status.error).toMatch(/Rescan the QR code.*or contact GREEN-API support/);
    emu.advanceTime(60 * MINUTE);
    expect(addon.api.requestsSync().filter((r) => r.apiMethod === 'getContacts')).toHaveLength(3);
  });

  it('keeps the previous data through empty and failed trigger runs', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    const before = emu.sheetValues(SHEET);
    save(emu, { refreshEveryMinutes: 5 });
    addon.api.configureSync(instance({ script: [responses.emptyList(), responses.status466()] }));
    emu.advanceTime(10 * MINUTE + 1000);
    expect(emu.sheetValues(SHEET)).toEqual(before);
    expect(status(emu)).toMatchObject({ outcome: 'error', errorKind: 'quota' });
    expect(everythingVisible(emu)).not.toContain(TOKEN);
  });
});

describe('a trigger run while another refresh holds the lock', () => {
  it('records that it skipped, changes nothing, and the next run works', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    save(emu, { refreshEveryMinutes: 5 });
    const before = emu.sheetValues(SHEET);
    addon.api.configureSync(instance({ contacts: SAMPLE_CONTACTS.slice(2) }));
    emu.holdDocumentLock(true);
    emu.advanceTime(5 * MINUTE + 1000);
    expect(status(emu)).toMatchObject({ outcome: 'busy', source: 'auto' });
    expect(emu.sheetValues(SHEET)).toEqual(before);
    emu.holdDocumentLock(false);
    emu.advanceTime(5 * MINUTE);
    expect(status(emu)).toMatchObject({ outcome: 'ok', count: SAMPLE_CONTACTS.length - 2 });
  });
});

describe('as a published add-on', () => {
  it('refuses intervals under an hour with a clear message and allows hourly', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' });
    expect(() => save(emu, { refreshEveryMinutes: 30 })).toThrow(
      /^refreshEveryMinutes: Google lets add-ons refresh at most once an hour/,
    );
    save(emu, { refreshEveryMinutes: 60 });
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    const view = emu.run('getSettings') as { refreshChoices: number[]; installation: string };
    expect(view.installation).toBe('addon');
    expect(Math.min(...view.refreshChoices.filter((m) => m > 0))).toBe(60);
  });

  it('lets the empty-answer retry ride on the hourly run (one trigger only)', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' }, instance({ emptyResponses: 1 }));
    save(emu, { refreshEveryMinutes: 60 });
    const report = emu.run('importContacts') as { message: string };
    expect(report.message).toMatch(/next automatic refresh will try again/);
    expect(own(emu)).toHaveLength(1);
  });
});

describe('an add-on trigger run where the active spreadsheet is null', () => {
  const noActive = { installationSource: 'ADD_ON' as const, addonTriggers: { activeSpreadsheet: false } };

  it('with spreadsheets.currentonly records that it could not open the sheet, and changes nothing', () => {
    const emu = addon.fresh(noActive);
    emu.run('importContacts');
    const before = emu.sheetValues(SHEET);
    save(emu, { refreshEveryMinutes: 60 });
    addon.api.configureSync(instance({ contacts: SAMPLE_CONTACTS.slice(0, 2) }));
    emu.advanceTime(61 * MINUTE);
    expect(status(emu)).toMatchObject({ source: 'auto', outcome: 'error', errorKind: 'noSpreadsheet' });
    expect(emu.sheetValues(SHEET)).toEqual(before);
  });

  it('with the broad spreadsheets scope opens the sheet by its stored id and refreshes it', () => {
    const out = mkdtempSync(join(tmpdir(), 'wa-broad-'));
    execFileSync(process.execPath, ['scripts/build.mjs', '--broad-scope', '--out', out]);
    const emu = addon.fresh({ ...noActive, distDir: out });
    emu.run('importContacts');
    save(emu, { refreshEveryMinutes: 60 });
    addon.api.configureSync(instance({ contacts: SAMPLE_CONTACTS.slice(1) }));
    emu.advanceTime(61 * MINUTE);
    expect(status(emu)).toMatchObject({ source: 'auto', outcome: 'ok', count: SAMPLE_CONTACTS.length - 1 });
    const marked = emu.sheetValues(SHEET).filter((r) => String(r[5]).startsWith('removed'));
    expect(marked.map((r) => r[0])).toEqual([SAMPLE_CONTACTS[0].id]);
  });
});

describe('an add-on trigger run, whatever Google gives it', () => {
  it("refreshes with spreadsheets.currentonly when it has the active spreadsheet (what Google's own add-ons rely on)", () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' });
    emu.run('importContacts');
    save(emu, { refreshEveryMinutes: 60 });
    addon.api.configureSync(instance({ contacts: SAMPLE_CONTACTS.slice(1) }));
    emu.advanceTime(61 * MINUTE);
    expect(status(emu)).toMatchObject({ source: 'auto', outcome: 'ok', count: SAMPLE_CONTACTS.length - 1 });
    expect(emu.triggerErrors).toEqual([]);
  });

  it.each([
    [
      'the active spreadsheet but no document properties',
      { activeSpreadsheet: true, documentProperties: false },
    ],
    ['neither', { activeSpreadsheet: false, documentProperties: false }],
  ])('with %s: no error, the sheet unchanged, and a line in the log', (_name, addonTriggers) => {
    const emu = addon.fresh({ installationSource: 'ADD_ON', addonTriggers });
    emu.run('importContacts');
    save(emu, { refreshEveryMinutes: 60 });
    const before = emu.sheetValues(SHEET);
    const status0 = emu.properties.document['wa.status'];
    emu.advanceTime(61 * MINUTE);
    expect(emu.triggerErrors).toEqual([]);
    expect(emu.sheetValues(SHEET)).toEqual(before);
    expect(emu.properties.document['wa.status']).toBe(status0);
    expect(emu.logs.join('\n')).toMatch(/auto refresh skipped: this trigger run has no document properties/);
  });
});

describe('a follow-up that meets a lasting error', () => {
  it('does not come back again and again: the retry fails once and stops', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 1 }));
    expect((emu.run('importContacts') as { outcome: string }).outcome).toBe('syncing');
    addon.api.configureSync(
      instance({ script: Array.from({ length: 50 }, () => responses.notAuthorized()) }),
    );
    addon.api.clearRequestsSync();
    emu.advanceTime(60 * MINUTE);
    expect(addon.api.requestsSync().filter((r) => r.apiMethod === 'getContacts')).toHaveLength(1);
    expect(status(emu)).toMatchObject({
      source: 'retry',
      outcome: 'error',
      errorKind: 'notAuthorized',
      nextRetryAt: null,
    });
    expect(emu.triggers).toHaveLength(0);
  });
});
