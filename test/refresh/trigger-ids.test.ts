/**
 * The add-on knows its triggers by the unique ids it stored, whatever Google's two listings show: tested with
 * getProjectTriggers() or getUserTriggers(spreadsheet) leaving time-driven triggers out, with a stranger's
 * trigger in the listing, and with the right one; a stored id neither listing shows never makes a trigger a run;
 * an add-on's follow-up tries the short way first; the 20-trigger budget is visible and named.
 */
import { describe, expect, it } from '@jest/globals';
import { defaultForm, type Emulator, instance, SHEET, withAddon } from '../support/addon';
import { TRIGGER_ERRORS } from '../support/emulator/services/script-app';
import { SAMPLE_CONTACTS } from '../support/fake-green-api';

const addon = withAddon();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

type Listings = { project?: boolean; spreadsheet?: boolean };
type Report = { rows: Array<{ check: string; level: string; text: string }> };

const LISTINGS: Array<[string, Listings]> = [
  ['getUserTriggers(spreadsheet) lists no time-driven trigger', { spreadsheet: false }],
  ['getProjectTriggers() lists no time-driven trigger', { project: false }],
  ['both listings show them', {}],
];

function own(emu: Emulator, handler?: string) {
  return emu.triggers.filter((t) =>
    handler ? t.handler === handler : ['onAutoRefresh', 'onRetryRefresh'].includes(t.handler),
  );
}

/** Triggers still due to run (a fired one-shot that is listed but done does not count as pending work). */
function live(emu: Emulator, handler: string) {
  return own(emu, handler).filter((t) => !(t.oneShot && t.fired));
}

/** Saves settings on the Business plan (no getContacts cap), so any interval fits: the triggers are under test. */
function save(emu: Emulator, extra: Record<string, unknown>) {
  return emu.run('saveSettings', defaultForm(addon.api, { plan: 'business', ...extra }));
}

function triggersRow(emu: Emulator) {
  const report = emu.run('showDiagnostics') as Report;
  const row = report.rows.find((r) => r.check === 'Triggers');
  if (!row) throw new Error('no Triggers row');
  return row;
}

describe.each(LISTINGS)('when %s', (_what, triggerListings) => {
  it('three saves of a 30-minute schedule leave one auto-refresh, and Off leaves none', () => {
    const emu = addon.fresh({ triggerListings });
    for (let i = 0; i < 3; i++) save(emu, { refreshEveryMinutes: 30 });
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    expect(emu.properties.document['wa.autoTriggerId']).toBe(own(emu, 'onAutoRefresh')[0].id);
    save(emu, { refreshEveryMinutes: 0 });
    expect(own(emu)).toHaveLength(0);
  });

  it('three empty answers in a row with the schedule on hold at most one retry and one auto-refresh at a time', () => {
    const emu = addon.fresh({ triggerListings }, instance({ emptyResponses: 1000 }));
    save(emu, { refreshEveryMinutes: 30 });
    emu.run('importContacts');
    for (let minute = 0; minute < 40; minute++) {
      emu.advanceTime(MINUTE);
      expect(live(emu, 'onRetryRefresh').length).toBeLessThanOrEqual(1);
      expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
      // A fired follow-up deletes itself: nothing is left behind to eat into the 20.
      expect(own(emu, 'onRetryRefresh').filter((t) => t.fired)).toHaveLength(0);
    }
    expect(JSON.parse(String(emu.properties.document['wa.status'])).outcome).toBe('gaveUp');
    expect(emu.triggerErrors).toEqual([]);
  });

  it('as an add-on, accepts a second save and Off removes the trigger', () => {
    const emu = addon.fresh({ triggerListings, installationSource: 'ADD_ON' });
    save(emu, { refreshEveryMinutes: 60 });
    save(emu, { refreshEveryMinutes: 120 });
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    expect(own(emu, 'onAutoRefresh')[0].everyMs).toBe(2 * HOUR);
    save(emu, { refreshEveryMinutes: 0 });
    expect(own(emu)).toHaveLength(0);
  });

  it('Diagnostics sees exactly the one trigger it stored, and how many of the 20 are held', () => {
    const emu = addon.fresh({ triggerListings });
    save(emu, { refreshEveryMinutes: 30 });
    const row = triggersRow(emu);
    expect(row.text).toMatch(/1 auto-refresh, 0 retry/);
    expect(row.text).toMatch(/You hold \d+ of the 20 triggers/);
    expect(row.text).not.toMatch(/neither of Google's trigger listings/);
    expect(row.level).toBe('ok');
  });
});

describe("a stranger's trigger in the listing", () => {
  it('is never deleted: not a trigger of another spreadsheet with the same handler, nor anyone’s other trigger', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' });
    // This person's auto-refresh of another spreadsheet: getProjectTriggers() shows it, getUserTriggers(this) not.
    const other = emu.addForeignTrigger('onAutoRefresh', 2 * HOUR);
    const report = emu.addForeignTrigger('myOwnReport', HOUR);
    save(emu, { refreshEveryMinutes: 60 });
    save(emu, { refreshEveryMinutes: 120 });
    save(emu, { refreshEveryMinutes: 0 });
    expect(emu.triggers.map((t) => t.id).sort()).toEqual([other.id, report.id].sort());
  });

  it('counts toward the 20 Diagnostics shows, but not as this spreadsheet’s', () => {
    const emu = addon.fresh();
    for (let i = 0; i < 18; i++) emu.addForeignTrigger(`report${i}`, HOUR);
    save(emu, { refreshEveryMinutes: 30 });
    const row = triggersRow(emu);
    expect(row.text).toMatch(/1 auto-refresh, 0 retry/);
    expect(row.text).toMatch(/You hold 19 of the 20 triggers/);
    expect(row.level).toBe('warn');
  });
});

describe('a stored trigger neither listing shows', () => {
  it('is never a reason to create one per run: at most one new follow-up an hour, and Diagnostics says so', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 1000 }));
    emu.run('importContacts');
    const first = own(emu, 'onRetryRefresh');
    expect(first).toHaveLength(1);
    // Gone from both listings (deleted by hand in Apps Script → Triggers, say): the document still remembers it.
    emu.triggers.splice(emu.triggers.indexOf(first[0]), 1);
    expect(triggersRow(emu).text).toMatch(
      /remembers a follow-up trigger that neither of Google's trigger listings/,
    );
    expect(triggersRow(emu).level).toBe('warn');
    for (let i = 0; i < 5; i++) {
      emu.advanceTime(5 * MINUTE);
      emu.run('refreshNow');
    }
    expect(own(emu)).toHaveLength(0);
    emu.advanceTime(40 * MINUTE);
    emu.run('refreshNow');
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
    emu.run('refreshNow');
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
  });

  it('lists a trigger of the add-on in this spreadsheet that it did not record, and a save removes it', () => {
    const emu = addon.fresh();
    save(emu, { refreshEveryMinutes: 30 });
    // The document lost track of it (an older version kept no id): getUserTriggers shows it with the handler.
    const stray = own(emu, 'onAutoRefresh')[0];
    emu.properties.document['wa.autoTriggerId'] = 'forgotten';
    expect(triggersRow(emu).text).toMatch(
      /1 trigger\(s\) of this add-on in this spreadsheet that it did not record/,
    );
    save(emu, { refreshEveryMinutes: 15 });
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    expect(own(emu, 'onAutoRefresh')[0].id).not.toBe(stray.id);
  });
});

describe("an add-on's follow-up", () => {
  it('tries the short way first: with short one-shots allowed, the retry comes in 5 to 7 minutes', () => {
    const emu = addon.fresh(
      { installationSource: 'ADD_ON', addonShortOneShots: 'allowed' },
      instance({ emptyResponses: 1 }),
    );
    const started = emu.now();
    const report = emu.run('importContacts') as { message: string };
    expect(report.message).toMatch(/will try again by itself/);
    expect(own(emu)).toHaveLength(1);
    expect(own(emu)[0].at).toBeLessThanOrEqual(started + 7 * MINUTE);
    emu.advanceTime(7 * MINUTE);
    expect(emu.sheetValues(SHEET).filter((r) => r[0] !== '').length).toBe(SAMPLE_CONTACTS.length + 1);
    expect(own(emu)).toHaveLength(0);
    expect(emu.properties.document['wa.addonShortRefusedAt']).toBeUndefined();
  });

  it('refused the short way, asks for an hour out and remembers the refusal instead of trying each run', () => {
    const emu = addon.fresh(
      { installationSource: 'ADD_ON', addonShortOneShots: 'refused' },
      instance({ emptyResponses: 2 }),
    );
    const started = emu.now();
    emu.run('importContacts');
    expect(own(emu)).toHaveLength(1);
    expect(own(emu)[0].at).toBeGreaterThanOrEqual(started + HOUR);
    const refusedAt = emu.properties.document['wa.addonShortRefusedAt'];
    expect(Number(refusedAt) - started).toBeLessThan(1000);
    expect(triggersRow(emu).text).toMatch(/refused a follow-up under an hour/);
    emu.advanceTime(HOUR + MINUTE); // the retry: empty again, a new follow-up — asked for an hour out at once
    expect(emu.properties.document['wa.addonShortRefusedAt']).toBe(refusedAt);
    expect(live(emu, 'onRetryRefresh')).toHaveLength(1);
    emu.advanceTime(HOUR + MINUTE);
    expect(emu.sheetValues(SHEET).filter((r) => r[0] !== '').length).toBe(SAMPLE_CONTACTS.length + 1);
    expect(own(emu)).toHaveLength(0);
    expect(emu.triggerErrors).toEqual([]);
  });

  it('refused a short one-shot in words nobody has reported, still falls back to an hour', () => {
    // Google documents no text for refusing an add-on a one-shot under an hour (the reported one is for a
    // recurring interval): the fallback must not hang on the words.
    const reported = TRIGGER_ERRORS.addonFrequency;
    TRIGGER_ERRORS.addonFrequency = 'Add-on triggers cannot fire that soon.';
    try {
      const emu = addon.fresh(
        { installationSource: 'ADD_ON', addonShortOneShots: 'refused' },
        instance({ emptyResponses: 1 }),
      );
      const started = emu.now();
      const report = emu.run('importContacts') as { message: string };
      expect(report.message).toMatch(/will try again by itself/);
      expect(own(emu)).toHaveLength(1);
      expect(own(emu)[0].at).toBeGreaterThanOrEqual(started + HOUR);
      // Words that may be a passing server error are not remembered for a week.
      expect(emu.properties.document['wa.addonShortRefusedAt']).toBeUndefined();
      emu.advanceTime(HOUR + MINUTE);
      expect(emu.sheetValues(SHEET).filter((r) => r[0] !== '').length).toBe(SAMPLE_CONTACTS.length + 1);
      expect(own(emu)).toHaveLength(0);
    } finally {
      TRIGGER_ERRORS.addonFrequency = reported;
    }
  });

  it('a schedule Google fails to create does not cost the pending follow-up the add-on removed for it', () => {
    // One time-driven trigger per document: saving an hourly schedule removes the follow-up first. Creating the
    // schedule then fails (a passing server error): the retry that was pending must still come.
    const emu = addon.fresh(
      { installationSource: 'ADD_ON', addonShortOneShots: 'allowed', failTriggerCreate: 2 },
      instance({ emptyResponses: 1 }),
    );
    emu.run('importContacts');
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
    expect(() => save(emu, { refreshEveryMinutes: 60 })).toThrow(/^refreshEveryMinutes: /);
    expect(own(emu, 'onAutoRefresh')).toHaveLength(0);
    expect(live(emu, 'onRetryRefresh')).toHaveLength(1);
    emu.advanceTime(7 * MINUTE);
    expect(emu.sheetValues(SHEET).filter((r) => r[0] !== '').length).toBe(SAMPLE_CONTACTS.length + 1);
    expect(own(emu)).toHaveLength(0);
  });

  it('rides on the hourly auto-refresh when there is one, either way', () => {
    const emu = addon.fresh(
      { installationSource: 'ADD_ON', addonShortOneShots: 'allowed' },
      instance({ emptyResponses: 1 }),
    );
    save(emu, { refreshEveryMinutes: 60 });
    const report = emu.run('importContacts') as { message: string };
    expect(report.message).toMatch(/next automatic refresh will try again/);
    expect(own(emu).map((t) => t.handler)).toEqual(['onAutoRefresh']);
  });
});

describe('the 20-trigger budget', () => {
  it('a follow-up Google refuses for the limit leaves no trigger behind; Diagnostics says so and what to do', () => {
    const emu = addon.fresh({}, instance({ emptyResponses: 2 }));
    for (let i = 0; i < 20; i++) emu.addForeignTrigger(`report${i}`, HOUR);
    const report = emu.run('importContacts') as { message: string };
    expect(report.message).toMatch(
      /syncing.*cannot try again by itself: Google allows 20 triggers per person.*Turn off auto-refresh in a spreadsheet/,
    );
    expect(own(emu)).toHaveLength(0);
    const row = triggersRow(emu);
    expect(row.level).toBe('warn');
    expect(row.text).toMatch(/You hold 20 of the 20 triggers/);
    expect(row.text).toMatch(/refused a new trigger at .*Turn off auto-refresh in another spreadsheet/);
    // Room again (the person turned a schedule off elsewhere): the next follow-up is made and the note goes.
    emu.triggers.splice(0, 1);
    emu.advanceTime(10 * MINUTE);
    emu.run('importContacts');
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
    expect(triggersRow(emu).text).not.toMatch(/refused a new trigger/);
  });
});

describe("the 20-trigger budget in the person's language", () => {
  it('is still named when Google refuses in other words, as the listings show 20 triggers', () => {
    // Google documents no words for the refusal, and they may be in the person's language.
    const english = TRIGGER_ERRORS.tooMany;
    TRIGGER_ERRORS.tooMany = 'В скрипте слишком много триггеров.';
    try {
      const emu = addon.fresh({}, instance({ emptyResponses: 2 }));
      for (let i = 0; i < 20; i++) emu.addForeignTrigger(`report${i}`, HOUR);
      expect(() => save(emu, { refreshEveryMinutes: 30 })).toThrow(
        /^refreshEveryMinutes: Google allows 20 triggers per person/,
      );
      const report = emu.run('importContacts') as { message: string };
      expect(report.message).toMatch(/cannot try again by itself: Google allows 20 triggers per person/);
      expect(triggersRow(emu).text).toMatch(/refused a new trigger at /);
      expect(own(emu)).toHaveLength(0);
    } finally {
      TRIGGER_ERRORS.tooMany = english;
    }
  });
});

describe('Diagnostics names the installation Google reports', () => {
  it.each([
    ['a bound script', {}, /Script bound to this spreadsheet.*getInstallationSource\(\) says NONE/],
    [
      'an add-on',
      { installationSource: 'ADD_ON' as const },
      /Add-on .*getInstallationSource\(\) says WEB_STORE_ADD_ON/,
    ],
  ])('%s', (_what, options, text) => {
    const emu = addon.fresh(options);
    const report = emu.run('showDiagnostics') as Report;
    expect(report.rows.find((r) => r.check === 'Installation')?.text).toMatch(text);
  });
});

describe('an add-on test deployment that reports itself as NONE', () => {
  const options = { installationSource: 'ADD_ON' as const, reportedInstallationSource: 'NONE' as const };

  it('believes it is bound (Diagnostics says so), yet its schedule and follow-ups work under the add-on rules', () => {
    const emu = addon.fresh(options, instance({ emptyResponses: 1 }));
    const report = emu.run('showDiagnostics') as Report;
    expect(report.rows.find((r) => r.check === 'Installation')?.text).toMatch(/bound.*says NONE/);
    expect(() => save(emu, { refreshEveryMinutes: 30 })).toThrow(
      /^refreshEveryMinutes: Google refused an auto-refresh more often than hourly/,
    );
    save(emu, { refreshEveryMinutes: 60 });
    save(emu, { refreshEveryMinutes: 120 }); // one trigger per document: replaced in the add-on's order
    expect(own(emu, 'onAutoRefresh')).toHaveLength(1);
    expect(own(emu, 'onAutoRefresh')[0].everyMs).toBe(2 * HOUR);
    save(emu, { refreshEveryMinutes: 0 });
    expect(own(emu)).toHaveLength(0);
    // A follow-up: the 5½-minute one-shot is refused, so it comes an hour out, and the sheet fills in then.
    emu.run('importContacts');
    expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
    expect(emu.properties.document['wa.addonShortRefusedAt']).toBeDefined();
    emu.advanceTime(HOUR + MINUTE);
    expect(emu.sheetValues(SHEET).filter((r) => r[0] !== '').length).toBe(SAMPLE_CONTACTS.length + 1);
    expect(own(emu)).toHaveLength(0);
  });

  it('falls back to an hour also when Google refuses the short one-shot in other words', () => {
    const reported = TRIGGER_ERRORS.addonFrequency;
    TRIGGER_ERRORS.addonFrequency = 'Add-on triggers cannot fire that soon.';
    try {
      const emu = addon.fresh(options, instance({ emptyResponses: 1 }));
      const started = emu.now();
      emu.run('importContacts');
      expect(own(emu, 'onRetryRefresh')).toHaveLength(1);
      expect(own(emu, 'onRetryRefresh')[0].at).toBeGreaterThanOrEqual(started + HOUR);
      emu.advanceTime(HOUR + MINUTE);
      expect(emu.sheetValues(SHEET).filter((r) => r[0] !== '').length).toBe(SAMPLE_CONTACTS.length + 1);
      expect(own(emu)).toHaveLength(0);
    } finally {
      TRIGGER_ERRORS.addonFrequency = reported;
    }
  });
});
