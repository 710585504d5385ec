/**
 * Quotas end to end, through the entry points Sheets calls, against the fake GREEN-API's per-method monthly
 * quotas (counted on the emulator's clock): the request ledger counts every path, schedules are priced before
 * they are saved and refused when they cannot fit, a 466 pauses scheduled work with one probe a day until the
 * month turns, the meter shows the numbers, and a cold formula reads the add-on's own table instead of asking.
 */
import { describe, expect, it } from '@jest/globals';
import { defaultForm, type Emulator, instance, SHEET, withAddon } from '../support/addon';
import { type FakeRequest, responses } from '../support/fake-green-api';

const addon = withAddon();
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;
const CELLS = 'Cells';

interface View {
  refreshEveryMinutes: number;
  refreshChoices: number[];
  plan: string;
  monthlyCaps: Record<string, number | null>;
  quota: {
    meter: string[];
    apps: string;
    scheduleWarning: string;
    pricing: { runs: Record<string, number>; groups: number; avgRunMs: number };
  };
}

function calls(method: string, from = 0): FakeRequest[] {
  return addon.api.requestsSync().filter((r) => r.apiMethod === method && r.at >= from);
}

function ledger(emu: Emulator): {
  i: Record<string, { n: Record<string, number> }>;
  fetches: number;
  triggerMs: number;
} {
  return JSON.parse(emu.properties.document['wa.ledger']);
}

function counted(emu: Emulator, method: string): number {
  const entries = Object.values(ledger(emu).i);
  return entries.reduce((sum, e) => sum + (e.n[method] ?? 0), 0);
}

function save(emu: Emulator, extra: Record<string, unknown>): View {
  return emu.run('saveSettings', defaultForm(addon.api, extra)) as View;
}

function groups(n: number, extra: Record<string, unknown> = {}) {
  return instance({
    contacts: Array.from({ length: n }, (_, i) => ({
      id: `1203630${String(i).padStart(11, '0')}@g.us`,
      name: `Group ${i}`,
      type: 'group',
    })),
    groups: { generate: 3, seed: 5 },
    ...extra,
  });
}

function withCells(emu: Emulator): Emulator {
  emu.spreadsheet.insertSheet(CELLS);
  return emu;
}

describe('the request ledger', () => {
  it('counts the requests of the menu, triggers, formulas and the connection test, per method, in one property', () => {
    const emu = withCells(addon.fresh());
    addon.api.clearRequestsSync();
    // A formula with nothing cached and no table asks once (a custom function cannot write properties: its
    // request waits in the cache until the next execution folds it in).
    emu.setFormula(CELLS, 'A1', '=WA_CONTACTS()');
    emu.run('testConnection');
    emu.run('importContacts');
    save(emu, { refreshEveryMinutes: 60 });
    emu.advanceTime(HOUR + 60_000);
    emu.run('showDiagnostics'); // asks getStateInstance too
    expect(calls('getContacts')).toHaveLength(3);
    expect(calls('getStateInstance')).toHaveLength(2);
    expect(counted(emu, 'getContacts')).toBe(3);
    expect(counted(emu, 'getStateInstance')).toBe(2);
    expect(ledger(emu).fetches).toBe(5);
    expect(Object.keys(emu.properties.document).filter((k) => k.includes('ledger'))).toEqual(['wa.ledger']);
    expect(emu.properties.document['wa.ledger'].length).toBeLessThan(1000);
    const view = emu.run('getSettings') as View;
    expect(view.quota.meter).toContain('getContacts: 3 of 1,000 this month (resets 1 February).');
    expect(view.quota.meter).toContain('getGroupData: 0 of 1,000 this month (resets 1 February).');
    expect(view.quota.meter).toContain('getStateInstance: 2 this month (no cap).');
    expect(view.quota.apps).toMatch(/UrlFetch calls 5 of 20,000/);
  });

  it('starts counting again in a new month, per instance', () => {
    const emu = addon.fresh({ startTime: Date.parse('2026-01-31T23:00:00Z') });
    emu.run('importContacts');
    emu.advanceTime(2 * HOUR);
    emu.run('refreshNow');
    expect(counted(emu, 'getContacts')).toBe(1);
    expect((emu.run('getSettings') as View).quota.meter).toContain(
      'getContacts: 1 of 1,000 this month (resets 1 March).',
    );
  });
});

describe('the plan and schedule prices', () => {
  it('offers only the schedules that fit: Developer hourly and slower, Business everything, Custom by its caps', () => {
    const emu = addon.fresh();
    const developer = emu.run('getSettings') as View;
    expect(developer.plan).toBe('developer');
    expect(developer.monthlyCaps).toEqual({ getContacts: 1000, getGroupData: 1000, checkWhatsapp: 100 });
    expect(developer.refreshChoices).toEqual([0, 60, 120, 240, 360, 480, 720, 1440]);
    expect(developer.quota.pricing.runs).toMatchObject({ '5': 8928, '60': 744, '1440': 31 });
    const business = save(emu, { plan: 'business', refreshEveryMinutes: 5 });
    expect(business.refreshChoices).toEqual([0, 5, 10, 15, 30, 60, 120, 240, 360, 480, 720, 1440]);
    expect(business.monthlyCaps).toEqual({ getContacts: null, getGroupData: null, checkWhatsapp: 30000 });
    const custom = save(emu, {
      plan: 'custom',
      monthlyCaps: { getContacts: '200', getGroupData: '', checkWhatsapp: 50 },
      refreshEveryMinutes: 240,
    });
    expect(custom.monthlyCaps).toEqual({ getContacts: 200, getGroupData: null, checkWhatsapp: 50 });
    expect(custom.refreshChoices).toEqual([0, 240, 360, 480, 720, 1440]);
  });

  it('refuses a schedule that cannot fit, naming the option, the cost, the cap and the most frequent that fits', () => {
    const emu = addon.fresh();
    expect(() => save(emu, { refreshEveryMinutes: 5 })).toThrow(
      'refreshEveryMinutes: Every 5 minutes costs about 8,928 getContacts requests a month, more than the 1,000 of your plan. The most frequent schedule that fits: Every hour.',
    );
    expect(emu.triggers).toHaveLength(0);
    expect(() =>
      save(emu, { plan: 'custom', monthlyCaps: { getContacts: 400 }, refreshEveryMinutes: 60 }),
    ).toThrow(
      /^refreshEveryMinutes: Every hour costs about 744 .* the 400 of your plan\. .* fits: Every 2 hours\.$/,
    );
    expect(save(emu, { refreshEveryMinutes: 60 }).refreshEveryMinutes).toBe(60);
    expect(emu.triggers.filter((t) => t.handler === 'onAutoRefresh')).toHaveLength(1);
  });

  it('prices members on schedule as groups × 31 and refuses them over the getGroupData cap', () => {
    const emu = addon.fresh({}, groups(40));
    emu.run('importContacts');
    expect((emu.run('getSettings') as View).quota.pricing.groups).toBe(40);
    expect(() => save(emu, { refreshEveryMinutes: 60, membersOnSchedule: true })).toThrow(
      'membersOnSchedule: Group members on schedule cost about 1,240 getGroupData requests a month (40 groups × 31 days), more than the 1,000 of your plan. Turn it off, or choose a plan with more requests.',
    );
    // Hourly plus a daily members import: 744 getContacts (the import reuses its run's list).
    expect(save(emu, { refreshEveryMinutes: 60, membersOnSchedule: true, plan: 'business' }).plan).toBe(
      'business',
    );
  });

  it('a scheduled daily members import reuses the contact list its run just fetched: one getContacts a run, as priced', () => {
    const emu = addon.fresh({}, groups(3));
    save(emu, { refreshEveryMinutes: 60, membersOnSchedule: true });
    addon.api.clearRequestsSync();
    emu.advanceTime(24 * HOUR + 60_000);
    const runs = emu.executions.filter((e) => e.kind === 'trigger').length;
    expect(calls('getGroupData').length).toBeGreaterThanOrEqual(3); // the daily import ran
    expect(calls('getContacts')).toHaveLength(runs);
    expect(JSON.parse(emu.properties.document['wa.members.job'])).toMatchObject({ state: 'done', done: 3 });
  });

  it('prices members by the contacts table when the snapshot has expired, and refuses what cannot fit', () => {
    const emu = addon.fresh({}, groups(40));
    emu.run('importContacts');
    emu.cache.document.clear(); // 6 hours later: no snapshot, and no members job yet
    expect((emu.run('getSettings') as View).quota.pricing.groups).toBe(40);
    expect(() => save(emu, { refreshEveryMinutes: 60, membersOnSchedule: true })).toThrow(
      /^membersOnSchedule: .* 1,240 getGroupData requests a month \(40 groups × 31 days\)/,
    );
  });

  it('keeps running a schedule saved before plans existed, flags it, and refuses it at the next save', () => {
    const emu = addon.fresh();
    save(emu, { plan: 'business', refreshEveryMinutes: 5 });
    delete emu.properties.document['wa.plan']; // settings of a version without plans: Developer
    delete emu.properties.document['wa.monthlyCaps'];
    const view = emu.run('getSettings') as View;
    expect(view.refreshEveryMinutes).toBe(5);
    expect(view.refreshChoices).not.toContain(5);
    expect(view.quota.scheduleWarning).toBe(
      'The saved schedule (Every 5 minutes) does not fit the plan: about 8,928 getContacts a month of 1,000. It keeps running until the settings are saved again; then choose one that fits.',
    );
    addon.api.clearRequestsSync();
    emu.advanceTime(11 * 60_000);
    expect(calls('getContacts')).toHaveLength(2);
    const report = emu.run('showDiagnostics') as {
      rows: Array<{ check: string; level: string; text: string }>;
    };
    expect(report.rows.find((r) => r.check === 'GREEN-API quota')).toMatchObject({
      level: 'warn',
      text: expect.stringContaining('The saved schedule (Every 5 minutes) does not fit'),
    });
    expect(() => save(emu, {})).toThrow(/^refreshEveryMinutes: Every 5 minutes costs about 8,928/);
  });
});

describe('a 466 stops the method until it can succeed', () => {
  it('pauses the auto-refresh on getContacts until the 1st of next month, with one probe a day, then resumes', () => {
    const emu = addon.fresh(
      { startTime: Date.parse('2026-01-27T00:00:00Z') },
      instance({ quota: { getContacts: 3 } }),
    );
    save(emu, { refreshEveryMinutes: 60 });
    emu.run('importContacts');
    emu.advanceTime(2 * HOUR + 60_000); // two hourly runs: the quota's 3 requests
    emu.advanceTime(HOUR); // the 4th asks and is refused
    const refusedAt = calls('getContacts').find((r) => r.status === 466)?.at ?? 0;
    expect(refusedAt).toBeGreaterThan(0);
    expect(emu.spreadsheet.getSheetByName(SHEET)?.getLastRow()).toBeGreaterThan(1);
    const before = emu.sheetValues(SHEET);
    // The days up to the month's end: hourly runs, but at most one request a day.
    emu.advanceTime(Date.parse('2026-01-31T23:30:00Z') - emu.now());
    const after466 = calls('getContacts', refusedAt + 1);
    expect(after466.length).toBeGreaterThanOrEqual(3);
    expect(after466.length).toBeLessThanOrEqual(5);
    expect(after466.every((r) => r.status === 466)).toBe(true);
    for (let i = 1; i < after466.length; i++)
      expect(after466[i].at - after466[i - 1].at).toBeGreaterThanOrEqual(DAY);
    expect(emu.sheetValues(SHEET)).toEqual(before); // the table keeps the last good data
    const view = emu.run('getSettings') as View;
    // The meter still counts this spreadsheet's requests against the cap, and adds GREEN-API's own numbers.
    expect(view.quota.meter[0]).toBe(
      `getContacts: ${calls('getContacts').length} of 1,000 this month (resets 1 February). Used up (466: 3 of 3 by GREEN-API's count): scheduled work that needs it is paused until 1 February (one try a day).`,
    );
    // The month turns: the next hourly run asks and succeeds, and the schedule runs hourly again.
    emu.advanceTime(3 * HOUR);
    const february = calls('getContacts', Date.parse('2026-02-01T00:00:00Z'));
    expect(february.length).toBeGreaterThanOrEqual(2);
    expect(february.every((r) => r.status === 200)).toBe(true);
    expect(emu.triggerErrors).toEqual([]);
  });

  it("still tries once for a person's click and quotes the 466 body, numbers as numbers or as strings", () => {
    const emu = addon.fresh({}, instance({ script: [responses.status466()] }));
    const report = emu.run('importContacts') as { outcome: string; message: string };
    expect(report.message).toContain(
      'getContacts: 1,000 of 1,000 used this month: the monthly quota is used up (466). Scheduled refreshes resume on 1 February (UTC), or upgrade the plan in the GREEN-API console.',
    );
    expect(calls('getContacts')).toHaveLength(1); // not retried
    emu.setUserLocale('ru');
    addon.api.configureSync(instance({ script: [responses.status466()] }));
    expect((emu.run('refreshNow') as { message: string }).message).toContain(
      'getContacts: использовано 1\u00a0000 из 1\u00a0000 в этом месяце: месячная квота исчерпана (466). Обновления по расписанию возобновятся 1 февраля (UTC)',
    );
    emu.setUserLocale('en');
    addon.api.configureSync(instance({ quota: { getContacts: 0 }, quotaAsText: true }));
    const again = emu.run('refreshNow') as { message: string };
    expect(again.message).toContain('getContacts: 0 of 0 used this month');
    expect(calls('getContacts')).toHaveLength(3);
  });

  it("words the plan's chat limit (466 with correspondentsStatus) as chats used, never the other method's 67 of 0", () => {
    const emu = addon.fresh({}, groups(4, { groupScript: [responses.status466Chats()] }));
    const report = emu.run('importGroupMembers') as { outcome: string; message: string };
    expect(report.outcome).toBe('stopped');
    expect(report.message).toContain(
      "getGroupData: the GREEN-API plan's limit of chats is used up (3 of 3 chats this month, 466).",
    );
    expect(report.message).not.toContain('67');
    expect(calls('getGroupData')).toHaveLength(1); // not retried
  });

  it('pauses a members import stopped by getGroupData mid-way (rows read kept) and finishes it when the month turns', () => {
    const emu = addon.fresh(
      { startTime: Date.parse('2026-01-29T00:00:00Z') },
      groups(12, { quota: { getGroupData: 8 }, rateLimitPerSecond: 1 }),
    );
    save(emu, { refreshEveryMinutes: 60 });
    const first = emu.run('importGroupMembers') as { outcome: string; message: string };
    expect(first.outcome).toBe('stopped');
    expect(first.message).toContain('The members of 8 of 12 groups are in the sheet');
    expect(first.message).toContain(
      'getGroupData: 8 of 8 used this month: the monthly quota is used up (466).',
    );
    expect(emu.sheetValues('WhatsApp Group Members').length - 1).toBe(8 * 3);
    const stoppedAt = emu.now();
    emu.advanceTime(Date.parse('2026-01-31T23:30:00Z') - emu.now());
    const january = calls('getGroupData', stoppedAt);
    expect(january.length).toBeLessThanOrEqual(3); // at most one probe a day
    expect(january.every((r) => r.status === 466)).toBe(true);
    // Into February: the first hourly run of the month reads the rest (not a day after the last try).
    emu.advanceTime(Date.parse('2026-02-01T00:45:00Z') - emu.now());
    const job = JSON.parse(emu.properties.document['wa.members.job']);
    expect(job).toMatchObject({ state: 'done', done: 12 });
    expect(emu.sheetValues('WhatsApp Group Members').length - 1).toBe(12 * 3);
  });
  it('keeps a members job stopped by getGroupData from asking an exhausted getContacts every hour: names come from the contacts table', () => {
    const emu = addon.fresh(
      { startTime: Date.parse('2026-01-20T00:00:00Z') },
      groups(12, { quota: { getContacts: 2, getGroupData: 8 }, rateLimitPerSecond: 1 }),
    );
    save(emu, { refreshEveryMinutes: 60 });
    emu.run('importContacts');
    emu.advanceTime(60_000); // a later click: the members import asks for the contact list again (the 2nd)
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('stopped');
    const stoppedAt = emu.now();
    // Both methods used up; the snapshot expires after 6 hours, so a slice that goes on needs the names elsewhere.
    emu.advanceTime(Date.parse('2026-01-31T23:30:00Z') - emu.now());
    for (const method of ['getContacts', 'getGroupData']) {
      const asked = calls(method, stoppedAt);
      expect(asked.every((r) => r.status === 466)).toBe(true);
      const days = asked.map((r) => new Date(r.at).toISOString().slice(0, 10));
      expect(new Set(days).size).toBe(days.length); // at most one a day
    }
    emu.advanceTime(26 * HOUR);
    expect(JSON.parse(emu.properties.document['wa.members.job'])).toMatchObject({ state: 'done', done: 12 });
  });
});

describe('Apps Script quotas', () => {
  it("measures the add-on's own trigger runtime today as the executions took, and warns before a schedule would pass 90 minutes", () => {
    const emu = addon.fresh({}, instance({ contacts: { generate: 300, seed: 3 } }));
    save(emu, { refreshEveryMinutes: 60 });
    emu.run('importContacts');
    emu.advanceTime(5 * HOUR + 60_000);
    const triggers = emu.executions.filter((e) => e.kind === 'trigger');
    expect(triggers.length).toBe(5);
    const measured = triggers.reduce((sum, e) => sum + e.durationMs, 0);
    expect(ledger(emu).triggerMs).toBeCloseTo(measured, 0);
    const view = emu.run('getSettings') as View;
    expect(view.quota.pricing.avgRunMs).toBeGreaterThan(0);
    expect(view.quota.apps).toMatch(/^Apps Script today \(UTC\): trigger time \d+\.\d of 90 min a day/);
  });
});

describe('formulas spend no quota for data the sheet already has', () => {
  it('with a cold cache and an imported table, WA_CONTACTS makes no request and shows exactly what a fetch shows', () => {
    const emu = withCells(addon.fresh());
    const args = ['', '"user"', '"group", FALSE', '"all", TRUE'];
    const setAll = (text: (a: string) => string) => {
      for (const [i, a] of args.entries()) emu.setFormula(CELLS, `A${1 + i * 40}`, text(a));
    };
    setAll((a) => `=WA_CONTACTS(${a})`);
    const fetched = emu.sheetValues(CELLS);
    emu.run('importContacts');
    // A person works beside the table: moves a column, adds their own, sorts it.
    const sheet = emu.spreadsheet.getSheetByName(SHEET) as GoogleAppsScript.Spreadsheet.Sheet;
    sheet.insertColumnsBefore(1, 1);
    sheet.getRange('A1').setValue('My notes');
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: 4, ascending: false });
    emu.cache.document.clear(); // the snapshot is gone (6 hours at most)
    addon.api.clearRequestsSync();
    setAll(() => '=1');
    setAll((a) => `=WA_CONTACTS(${a})`);
    expect(calls('getContacts')).toHaveLength(0);
    expect(emu.sheetValues(CELLS)).toEqual(fetched);
  });

  it('WA_GROUP_MEMBERS keeps reading the table when the next import was stopped by a 466 at its first group', () => {
    const emu = withCells(addon.fresh({}, groups(4)));
    emu.run('importContacts');
    emu.run('importGroupMembers');
    const group = '120363000000000002@g.us';
    emu.setFormula(CELLS, 'A1', `=WA_GROUP_MEMBERS("${group}")`);
    const warm = emu.sheetValues(CELLS);
    emu.advanceTime(HOUR);
    // getGroupData used up: the next import stops before it reads a group (a new job, done 0).
    addon.api.configureSync(groups(4, { quota: { getGroupData: 0 } }));
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('stopped');
    emu.cache.document.clear(); // the snapshots expired
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=1');
    emu.setFormula(CELLS, 'A1', `=WA_GROUP_MEMBERS("${group}")`);
    expect(addon.api.requestsSync()).toHaveLength(0);
    expect(emu.sheetValues(CELLS)).toEqual(warm); // the last good data, not #ERROR!
  });

  it('WA_GROUP_MEMBERS reads the members table the import wrote, with no request', () => {
    const emu = withCells(addon.fresh({}, groups(4)));
    emu.run('importContacts');
    emu.run('importGroupMembers');
    const group = '120363000000000002@g.us';
    emu.setFormula(CELLS, 'A1', `=WA_GROUP_MEMBERS("${group}")`);
    emu.setFormula(CELLS, 'F1', '=WA_GROUP_MEMBERS("Group 3", FALSE)');
    const warm = emu.sheetValues(CELLS);
    emu.cache.document.clear();
    addon.api.clearRequestsSync();
    emu.setFormula(CELLS, 'A1', '=1');
    emu.setFormula(CELLS, 'F1', '=1');
    emu.setFormula(CELLS, 'A1', `=WA_GROUP_MEMBERS("${group}")`);
    emu.setFormula(CELLS, 'F1', '=WA_GROUP_MEMBERS("Group 3", FALSE)');
    expect(addon.api.requestsSync()).toHaveLength(0);
    expect(emu.sheetValues(CELLS)).toEqual(warm);
  });
});
