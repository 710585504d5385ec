/**
 * Disconnect this spreadsheet (called by the sidebar after its confirmation): nothing of the add-on is left in the
 * document's properties, its cache or the user's triggers, the sheets are exactly as they were, a trigger the
 * add-on did not create is untouched, and Diagnostics says nothing is stored.
 */
import { describe, expect, it } from '@jest/globals';
import { defaultForm, type Emulator, everythingVisible, instance, TOKEN, withAddon } from '../support/addon';

const addon = withAddon();

type Report = { rows: Array<{ check: string; level: string; text: string }> };
type View = { hasToken: boolean; idInstance: string; tokenHint: string; stored?: boolean; message?: string };

/** Cache entries still alive now. */
function liveCache(emu: Emulator): string[] {
  return [...emu.cache.document.entries()].filter(([, e]) => e.expiresAt > emu.now()).map(([key]) => key);
}

function ownProperties(emu: Emulator): string[] {
  return Object.keys(emu.properties.document).filter((key) => key.startsWith('wa.'));
}

function allSheets(emu: Emulator) {
  return emu.spreadsheet.getSheets().map((sheet) => [sheet.getName(), emu.sheetValues(sheet.getName())]);
}

/**
 * Runs `act` (another execution: the sidebar's click) from inside the `nth` request whose URL holds `method`, i.e.
 * while a run reads from GREEN-API without the document lock; the returned function tells whether it ran.
 */
function duringRequest(emu: Emulator, method: string, nth: number, act: () => void): () => boolean {
  let seen = 0;
  let ran = false;
  const log = emu.fetchLog;
  log.push = (...entries) => {
    const n = Array.prototype.push.apply(log, entries);
    if (entries.some((e) => e.url.includes(`/${method}/`)) && ++seen === nth && !ran) {
      ran = true;
      act();
    }
    return n;
  };
  return () => ran;
}

/** Runs Disconnect the first time a run reads the stored token: right after it read the settings, before its lock. */
function disconnectOnTokenRead(emu: Emulator): () => boolean {
  const store = emu.properties.document;
  const token = store['wa.apiTokenInstance'];
  let disconnected = false;
  Object.defineProperty(store, 'wa.apiTokenInstance', {
    configurable: true,
    enumerable: true,
    get() {
      if (!disconnected) {
        disconnected = true;
        emu.run('disconnect');
      }
      return token;
    },
  });
  return () => disconnected;
}

describe('Disconnect this spreadsheet', () => {
  it('deletes the token, every setting and state, the cached data and the triggers; the sheets stay', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api, { refreshEveryMinutes: 60, membersOnSchedule: true }));
    emu.run('importContacts');
    emu.run('importGroupMembers');
    emu.setFormula('WhatsApp Contacts', 'K1', '=WA_GROUP_MEMBERS("120363000000000000@g.us")');
    // An empty answer leaves a retry trigger and a status behind.
    addon.api.configureSync(instance({ emptyResponses: 1 }));
    emu.run('refreshNow');
    const foreign = emu.addForeignTrigger('myOwnReport', 3_600_000);

    const handlers = emu.triggers.map((t) => t.handler).sort();
    expect(handlers).toEqual(['myOwnReport', 'onAutoRefresh', 'onRetryRefresh']);
    expect(ownProperties(emu)).toEqual(
      expect.arrayContaining(['wa.apiTokenInstance', 'wa.status', 'wa.members.job']),
    );
    expect(liveCache(emu)).toEqual(
      expect.arrayContaining(['wa.snapshot', 'wa.members', 'wa.formulaFailure.120363000000000000@g.us']),
    );
    const sheets = allSheets(emu);
    const before = emu.run('showDiagnostics') as Report;
    expect(before.rows.find((r) => r.check === 'Stored in this spreadsheet')?.text).toMatch(
      /^\d+ settings and state values in the document properties, \d+ cache entries\.$/,
    );

    const view = emu.run('disconnect') as View;

    expect(ownProperties(emu)).toEqual([]);
    expect(liveCache(emu)).toEqual([]);
    expect(emu.triggers.map((t) => t.id)).toEqual([foreign.id]);
    expect(allSheets(emu)).toEqual(sheets);
    expect(view).toMatchObject({ hasToken: false, idInstance: '', tokenHint: '', stored: false });
    expect(view.message).toMatch(/^Disconnected: .*the sheets stay/);

    const report = emu.run('showDiagnostics') as Report;
    const row = (check: string) => report.rows.find((r) => r.check === check);
    expect(row('Stored in this spreadsheet')).toMatchObject({
      level: 'ok',
      text: expect.stringMatching(/^Nothing of the add-on/),
    });
    expect(row('Triggers')?.text).toMatch(/^No trigger of this add-on/);
    expect(row('Settings')?.level).toBe('fail');
    expect(everythingVisible(emu)).not.toContain(TOKEN);
    // Diagnostics itself stores nothing afterwards either.
    expect(ownProperties(emu)).toEqual([]);
  });

  it('removes the hourly trigger of a published add-on, and can be run twice', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' });
    emu.run('saveSettings', defaultForm(addon.api, { refreshEveryMinutes: 60 }));
    emu.run('importContacts');
    expect(emu.triggers.map((t) => t.handler)).toEqual(['onAutoRefresh']);
    emu.run('disconnect');
    expect(emu.triggers).toEqual([]);
    expect(ownProperties(emu)).toEqual([]);
    const again = emu.run('disconnect') as View;
    expect(again.stored).toBe(false);
    expect(liveCache(emu)).toEqual([]);
  });

  it('leaves a formula saying to set the add-on up, and the menu working again after new settings', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    emu.setFormula('WhatsApp Contacts', 'K1', '=WA_CONTACTS("group")');
    emu.run('disconnect');
    emu.setFormula('WhatsApp Contacts', 'K1', '=WA_CONTACTS("user")');
    // A formula failure is an error (#ERROR!, the words on hover), so IFERROR can tell it from data.
    expect(emu.cell('WhatsApp Contacts', 'K1').value).toBe('#ERROR!');
    expect(emu.cell('WhatsApp Contacts', 'K1').note).toBe(
      'Set up the add-on first: WhatsApp Contacts → Settings.',
    );
    emu.run('saveSettings', defaultForm(addon.api));
    expect((emu.run('importContacts') as { outcome: string }).outcome).toBe('ok');
  });

  it('an auto-refresh another editor set up removes itself at its next run, writing nothing', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api, { refreshEveryMinutes: 60 }));
    emu.run('disconnect');
    expect(emu.triggers).toEqual([]);
    // Another person's auto-refresh: this user's Disconnect cannot see it (triggers belong to their creator).
    emu.addForeignTrigger('onAutoRefresh', 3_600_000);
    const sheets = allSheets(emu);
    emu.advanceTime(3_700_000);
    expect(emu.triggers.filter((t) => t.handler === 'onAutoRefresh')).toEqual([]);
    expect(ownProperties(emu)).toEqual([]);
    expect(allSheets(emu)).toEqual(sheets);
  });
  it('a members import already reading when Disconnect runs writes nothing of the add-on back when it ends', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api));
    emu.run('importContacts');
    const sheets = allSheets(emu);
    // Disconnect lands while the import reads its groups (the slice does not hold the document lock then): the
    // sidebar's click is another execution, run here from inside the slice's second getGroupData request.
    const disconnected = duringRequest(emu, 'getGroupData', 2, () => {
      emu.run('disconnect');
      expect(ownProperties(emu)).toEqual([]);
    });
    emu.run('importGroupMembers');
    expect(disconnected()).toBe(true);

    expect(ownProperties(emu)).toEqual([]);
    expect(liveCache(emu)).toEqual([]);
    expect(emu.triggers).toEqual([]);
    expect(allSheets(emu)).toEqual(sheets);
  });
  it('a number check already asking when Disconnect runs writes nothing of the add-on back when it ends', () => {
    const emu = addon.fresh(
      { spreadsheetLocale: 'ru_RU' },
      instance({ whatsappNumbers: ['79001234567'], rateLimits: { checkWhatsapp: 10 } }),
    );
    emu.spreadsheet.insertSheet('Leads');
    const numbers = ['Phone', '+7 900 123-45-67', '8 900 765 43 21', '+44 20 7946 0958'];
    emu.spreadsheet
      .getSheetByName('Leads')
      ?.getRange(1, 1, numbers.length, 1)
      .setValues(numbers.map((n) => [n]));
    emu.select('Leads', `A1:A${numbers.length}`);
    const sheets = allSheets(emu);
    // The click on Disconnect lands while the check asks GREEN-API (without the document lock): run here from
    // inside the slice's second checkWhatsapp request.
    const disconnected = duringRequest(emu, 'checkWhatsapp', 2, () => emu.run('disconnect'));
    emu.answerDialogs('YES');
    emu.run('checkNumbers');
    expect(disconnected()).toBe(true);

    expect(ownProperties(emu)).toEqual([]);
    expect(liveCache(emu)).toEqual([]);
    expect(emu.triggers).toEqual([]);
    expect(allSheets(emu)).toEqual(sheets);
  });

  it('a refresh that read the settings just before Disconnect took the lock asks nothing and writes nothing', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api, { refreshEveryMinutes: 60 }));
    emu.run('importContacts');
    const sheets = allSheets(emu);
    const asked = emu.fetchLog.length;
    // The refresh reads the settings; Disconnect (another execution) runs right then, before the refresh takes the
    // document lock: here from inside the refresh's read of the token.
    const disconnected = disconnectOnTokenRead(emu);
    emu.run('refreshNow');
    expect(disconnected()).toBe(true);

    expect(emu.fetchLog.length).toBe(asked);
    expect(ownProperties(emu)).toEqual([]);
    expect(liveCache(emu)).toEqual([]);
    expect(emu.triggers).toEqual([]);
    expect(allSheets(emu)).toEqual(sheets);
  });
  it("also forgets the requests formulas made that wait in the cache for the ledger, and the formulas' turns", () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api, { refreshEveryMinutes: 60 }));
    // A cold formula asks GREEN-API itself: its request waits in the cache (formulas cannot write properties).
    emu.setFormula('Sheet1', 'A1', '=WA_CONTACTS("group",FALSE)');
    expect(liveCache(emu)).toContain('wa.ledger.pending');
    // More WA_ cells than one refresh re-enters: the refreshes take turns, kept in properties.
    for (let n = 1; n <= 24; n++) emu.setFormula('Sheet1', `A${1 + 20 * n}`, '=WA_CONTACTS("group",FALSE)');
    emu.run('importContacts');
    emu.run('refreshNow');
    expect(ownProperties(emu).filter((key) => key.startsWith('wa.formula'))).not.toEqual([]);

    emu.run('disconnect');

    expect(ownProperties(emu)).toEqual([]);
    expect(liveCache(emu)).toEqual([]);
    expect(emu.triggers).toEqual([]);
  });
  it('after Disconnect and new settings a renamed table is found again, and a Duplicate under the default name stays untouched', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api));
    emu.run('importContacts');
    // The person renames the table and keeps a Duplicate of it under the default name.
    const copy = emu.person.duplicateSheet('WhatsApp Contacts');
    emu.person.renameSheet('WhatsApp Contacts', 'Clients');
    emu.person.renameSheet(copy, 'WhatsApp Contacts');
    emu.setCellValue('WhatsApp Contacts', 'H1', 'my copy of last week');
    const theCopy = emu.sheetValues('WhatsApp Contacts');

    emu.run('disconnect');
    emu.run('saveSettings', defaultForm(addon.api));
    emu.run('importContacts');

    expect(emu.sheetValues('WhatsApp Contacts')).toEqual(theCopy);
  });
  it('settings of another instance saved while a members import reads: that import writes nothing and stops', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api));
    emu.run('importContacts');
    const sheets = allSheets(emu);
    const saved = duringRequest(emu, 'getGroupData', 2, () =>
      emu.run('saveSettings', defaultForm(addon.api, { idInstance: '1101000002' })),
    );
    emu.run('importGroupMembers');
    expect(saved()).toBe(true);

    // The saved settings stay; the old instance's job and members are gone, not written back.
    expect(emu.properties.document['wa.idInstance']).toBe('1101000002');
    expect(ownProperties(emu)).not.toContain('wa.members.job');
    expect(emu.triggers).toEqual([]);
    expect(allSheets(emu)).toEqual(sheets);
  });
  it('a formula that read the settings just before Disconnect asks nothing and leaves nothing in the cache', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api));
    const asked = emu.fetchLog.length;
    // The cold formula reads the settings; Disconnect runs right then, before the formula takes the lock to fetch.
    const disconnected = disconnectOnTokenRead(emu);
    emu.setFormula('Sheet1', 'A1', '=WA_CONTACTS("group",FALSE)');
    expect(disconnected()).toBe(true);

    expect(emu.fetchLog.length).toBe(asked);
    expect(emu.cell('Sheet1', 'A1').note).toMatch(/Set up the add-on first/);
    expect(ownProperties(emu)).toEqual([]);
    expect(liveCache(emu)).toEqual([]);
  });
});
