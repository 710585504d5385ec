/**
 * Group members, end to end through the entry points Sheets calls, against the fake GREEN-API's getGroupData:
 * the exact rows; pacing (no 429 storm); 400 groups completed across executions, each under 6 minutes; the
 * person's notes beside (group, member) rows through a join, a leave and a role change; the monthly quota
 * midway; WA_GROUP_MEMBERS by id and by name; the add-on trigger rules; and no token anywhere.
 */
import { describe, expect, it } from '@jest/globals';
import { type Emulator, everythingVisible, instance, TOKEN, withAddon } from '../support/addon';
import type { GroupSpec } from '../support/fake-green-api';

const addon = withAddon();
const SHEET = 'WhatsApp Group Members';
const LOG = 'WhatsApp Contacts changes';
const MINUTE = 60_000;

const FAMILY = '120363043968066561@g.us';
const TEAM = '120363025550000001@g.us';
const GONE = '79161234501-1600000000@g.us';

const CONTACTS = [
  { id: '79001234568@c.us', name: 'Люся', contactName: 'Люся Сидорова', type: 'user' },
  { id: '79161234501@c.us', name: 'Мария', contactName: '', type: 'user' },
  { id: '14155550123@c.us', name: '', contactName: 'John Smith', type: 'user' },
  { id: FAMILY, name: 'Семья', type: 'group' },
  { id: TEAM, name: 'Team (old name)', type: 'group' },
  { id: GONE, name: 'Old group', type: 'group' },
];

const GROUPS: Record<string, GroupSpec> = {
  [FAMILY]: {
    subject: 'Семья 👨‍👩‍👧',
    participants: [
      { id: '79161234501@c.us', isSuperAdmin: true },
      { id: '79001234568@c.us', isAdmin: true },
      { id: '123456789012345@lid' },
    ],
  },
  [TEAM]: {
    subject: '=Project Team',
    participants: [{ id: '14155550123@c.us', isSuperAdmin: true }, { id: '79990000001@c.us' }],
  },
};

function setup(
  options: Parameters<typeof addon.fresh>[0] = {},
  extra: Record<string, unknown> = {},
): Emulator {
  return addon.fresh(
    options,
    instance({ contacts: CONTACTS, groups: GROUPS, leftGroups: [GONE], rateLimitPerSecond: 1, ...extra }),
  );
}

function rows(emu: Emulator, sheet = SHEET): unknown[][] {
  return emu.sheetValues(sheet);
}

function job(emu: Emulator): Record<string, unknown> {
  return JSON.parse(emu.properties.document['wa.members.job']);
}

function groupCalls(): Array<{ status: number; at: number; body?: unknown }> {
  return addon.api.requestsSync().filter((r) => r.apiMethod === 'getGroupData');
}

/** n groups of `members` each, for a generated list. */
function manyGroups(n: number, members = 3) {
  return instance({
    contacts: Array.from({ length: n }, (_, i) => ({
      id: `1203630${String(i).padStart(11, '0')}@g.us`,
      name: `Group ${i}`,
      type: 'group',
    })),
    groups: { generate: members, seed: 5 },
    rateLimitPerSecond: 1,
  });
}

describe('Import group members', () => {
  it('writes one row per (group, member): names from the contact list, phones only for @c.us, roles as words', () => {
    const emu = setup();
    const report = emu.run('importGroupMembers') as { outcome: string; message: string };
    expect(report.outcome).toBe('done');
    expect(report.message).toMatch(/Group members imported: 5 members of 3 groups/);
    expect(rows(emu)).toEqual([
      ['Group ID', 'Group name', 'Member ID', 'Phone', 'Name', 'Role', 'Status'],
      [TEAM, '=Project Team', '14155550123@c.us', '+14155550123', 'John Smith', 'superadmin', ''],
      [TEAM, '=Project Team', '79990000001@c.us', '+79990000001', '', 'member', ''],
      [FAMILY, 'Семья 👨‍👩‍👧', '79161234501@c.us', '+79161234501', 'Мария', 'superadmin', ''],
      [FAMILY, 'Семья 👨‍👩‍👧', '79001234568@c.us', '+79001234568', 'Люся Сидорова', 'admin', ''],
      [FAMILY, 'Семья 👨‍👩‍👧', '123456789012345@lid', '', '', 'member', ''],
    ]);
    const sheet = emu.spreadsheet.getSheetByName(SHEET);
    expect(sheet?.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
    expect(emu.spreadsheet.getActiveSheet().getName()).toBe(SHEET);
    expect(job(emu)).toMatchObject({ state: 'done', done: 3, notInGroup: 1 });
    // The body GREEN-API documents: POST {"groupId": "…@g.us"}.
    expect(groupCalls().map((c) => c.body)).toEqual(
      expect.arrayContaining([{ groupId: FAMILY }, { groupId: TEAM }, { groupId: GONE }]),
    );
  });

  it('paces getGroupData to one request per second (with a margin): no 429 from a strict limiter', () => {
    const emu = addon.fresh({}, manyGroups(30));
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('done');
    const calls = groupCalls();
    expect(calls).toHaveLength(30);
    expect(calls.every((c) => c.status === 200)).toBe(true);
    for (let i = 1; i < calls.length; i++) expect(calls[i].at - calls[i - 1].at).toBeGreaterThanOrEqual(1000);
  });

  it('waits and retries when GREEN-API answers 429 anyway', () => {
    const emu = setup({}, { groupScript: [{ status: 429, body: 'Too Many Requests' }] });
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('done');
    expect(groupCalls().map((c) => c.status)).toEqual([429, 200, 200, 200]);
  });

  it('reads 400 groups across executions, each under 6 minutes, with one follow-up trigger at a time', () => {
    const emu = addon.fresh({}, manyGroups(400));
    const first = emu.run('importGroupMembers') as { outcome: string; message: string };
    expect(first.outcome).toBe('pending');
    expect(first.message).toMatch(
      /Read the members of \d+ of 400 groups so far.*continues by itself at about/,
    );
    expect(emu.lastExecution.wallMs).toBeLessThan(6 * MINUTE);
    const afterFirst = job(emu).done as number;
    expect(afterFirst).toBeGreaterThan(200);
    expect(emu.triggers.filter((t) => t.handler === 'onRetryRefresh')).toHaveLength(1);
    // Starting it again while a continuation is pending continues it, and never adds a trigger.
    emu.advanceTime(10_000);
    emu.run('importGroupMembers');
    expect(emu.triggers.filter((t) => t.handler === 'onRetryRefresh').length).toBeLessThanOrEqual(1);
    emu.advanceTime(30 * MINUTE);
    expect(job(emu)).toMatchObject({ state: 'done', done: 400 });
    expect(emu.triggers).toHaveLength(0);
    expect(emu.triggerErrors).toEqual([]);
    for (const e of emu.executions) expect(e.wallMs).toBeLessThan(6 * MINUTE);
    expect(rows(emu).filter((r) => String(r[0]).endsWith('@g.us'))).toHaveLength(1200);
    expect(groupCalls()).toHaveLength(400);
    expect(groupCalls().every((c) => c.status === 200)).toBe(true);
  });

  it('makes the same number of spreadsheet calls per slice for 60 and for 120 members per group', () => {
    const calls = (members: number) => {
      const emu = addon.fresh({}, manyGroups(20, members));
      emu.run('importGroupMembers');
      const first = emu.lastExecution.spreadsheetCalls;
      emu.run('importGroupMembers');
      return [first, emu.lastExecution.spreadsheetCalls];
    };
    // Both above the new sheet's 1,000 rows (growing the sheet is the one conditional call).
    expect(calls(60)).toEqual(calls(120));
  });

  it('keeps the person’s notes beside (group, member) through a join, a leave and a role change, and logs them', () => {
    const emu = setup();
    emu.run('importGroupMembers');
    const sheet = emu.spreadsheet.getSheetByName(SHEET);
    if (!sheet) throw new Error('no sheet');
    for (let r = 2; r <= 6; r++)
      emu.setCellValue(SHEET, `H${r}`, `note ${rows(emu)[r - 1][2]} in ${rows(emu)[r - 1][0]}`);
    sheet.getRange(2, 1, 5, 8).sort({ column: 3, ascending: false });
    const changed: Record<string, GroupSpec> = {
      [FAMILY]: {
        subject: 'Семья 👨‍👩‍👧',
        participants: [
          { id: '79161234501@c.us', isSuperAdmin: true },
          { id: '79001234568@c.us' }, // no longer an admin
          { id: '79005550000@c.us' }, // joined
        ], // the @lid member left
      },
      [TEAM]: GROUPS[TEAM],
    };
    addon.api.configureSync(instance({ groups: changed }));
    emu.run('importGroupMembers');
    for (const r of rows(emu).slice(1)) if (r[7]) expect(r[7]).toBe(`note ${r[2]} in ${r[0]}`);
    const byMember = new Map(
      rows(emu)
        .slice(1)
        .map((r) => [String(r[2]), r]),
    );
    expect(byMember.get('79001234568@c.us')?.[5]).toBe('member');
    expect(byMember.get('123456789012345@lid')?.[6]).toMatch(/^removed \d{4}-\d{2}-\d{2}$/);
    expect(rows(emu).at(-1)?.slice(0, 6)).toEqual([
      FAMILY,
      'Семья 👨‍👩‍👧',
      '79005550000@c.us',
      '+79005550000',
      '',
      'member',
    ]);
    const log = rows(emu, LOG)
      .slice(1)
      .map((r) => [r[1], r[2], r[3], r[4], r[5]]);
    expect(log).toEqual(
      expect.arrayContaining([
        ['role changed', '79001234568@c.us', 'admin', 'member', `Семья 👨‍👩‍👧 (${FAMILY})`],
        ['left', '123456789012345@lid', 'member', '', `Семья 👨‍👩‍👧 (${FAMILY})`],
        ['joined', '79005550000@c.us', '', 'member', `Семья 👨‍👩‍👧 (${FAMILY})`],
      ]),
    );
  });

  it('deletes every row when every member left (Sheets keeps one row below the header)', () => {
    const emu = setup({}, { contacts: CONTACTS.filter((c) => c.id !== TEAM), leftGroups: [GONE] });
    emu.run('importGroupMembers');
    addon.api.configureSync(instance({ leftGroups: [GONE, FAMILY] }));
    emu.run('importGroupMembers');
    emu.answerDialogs('YES');
    expect(emu.run('deleteRemovedMembers')).toMatchObject({ outcome: 'deleted', deleted: 3 });
    expect(rows(emu)).toEqual([['Group ID', 'Group name', 'Member ID', 'Phone', 'Name', 'Role', 'Status']]);
  });

  it('marks the members of a group the account has left, and Delete members who left removes them', () => {
    const emu = setup();
    emu.run('importGroupMembers');
    addon.api.configureSync(instance({ leftGroups: [GONE, TEAM] }));
    emu.run('importGroupMembers');
    const team = rows(emu).filter((r) => r[0] === TEAM);
    expect(team.every((r) => String(r[6]).startsWith('removed'))).toBe(true);
    emu.answerDialogs('YES');
    expect(emu.run('deleteRemovedMembers')).toMatchObject({ outcome: 'deleted', deleted: 2 });
    expect(rows(emu).filter((r) => r[0] === TEAM)).toEqual([]);
  });

  it('stops at once on 466, keeps what it read, and asks GREEN-API nothing more until a person starts again', () => {
    const emu = addon.fresh(
      {},
      {
        instances: {
          '1101000001': { ...manyGroups(40).instances?.['1101000001'], quota: { getGroupData: 15 } },
        },
      },
    );
    const report = emu.run('importGroupMembers') as { outcome: string; message: string };
    expect(report.outcome).toBe('stopped');
    expect(report.message).toMatch(/monthly quota.*466.*15 of 40 groups are in the sheet/);
    expect(emu.ui.alerts.at(-1)?.prompt).toBe(report.message);
    expect(rows(emu).filter((r) => String(r[0]).endsWith('@g.us'))).toHaveLength(45);
    expect(job(emu)).toMatchObject({ state: 'stopped', done: 15, errorKind: 'quota' });
    addon.api.clearRequestsSync();
    emu.advanceTime(3 * 60 * MINUTE);
    expect(groupCalls()).toHaveLength(0);
    const view = emu.run('getSettings') as { members: { state: string; error: string } };
    expect(view.members.state).toBe('Stopped');
    expect(view.members.error).toMatch(/quota/);
    // The quota resets; the person starts again: the import resumes where it stopped.
    addon.api.configureSync(instance({ quota: { getGroupData: 1000 } }));
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('done');
    expect(groupCalls()).toHaveLength(25);
  });

  it('says so when the account is in no groups, and when settings are missing', () => {
    const emu = addon.fresh({}, instance({ contacts: CONTACTS.filter((c) => c.type === 'user') }));
    expect(emu.run('importGroupMembers')).toMatchObject({ outcome: 'noGroups' });
    const bare = addon.fresh({}, undefined, false);
    expect(bare.run('importGroupMembers')).toMatchObject({ outcome: 'error' });
    expect(bare.ui.sidebars).toHaveLength(1);
  });

  it('shows no token anywhere: cells, log, toasts, alerts, properties', () => {
    const emu = setup({}, { groupScript: [{ status: 401, body: 'Unauthorized' }] });
    emu.run('importGroupMembers');
    emu.run('importGroupMembers');
    emu.setFormula('Sheet1', 'A1', `=WA_GROUP_MEMBERS("${FAMILY}")`);
    expect(everythingVisible(emu)).not.toContain(TOKEN);
  });
});

describe('when slices cannot run', () => {
  it('a waiting import whose follow-ups keep failing backs off and stops, instead of calling every minute', () => {
    const emu = addon.fresh({}, manyGroups(400));
    emu.run('importGroupMembers');
    expect(job(emu)).toMatchObject({ state: 'pending' });
    // The token goes bad: each follow-up fails before reading a group.
    addon.api.configureSync(instance({ token: 'rotated-token-000000000000000000000000000000000000000' }));
    addon.api.clearRequestsSync();
    emu.cache.document.clear(); // no contact snapshot: each follow-up fails fetching the contact list
    emu.advanceTime(24 * 60 * MINUTE);
    expect(job(emu)).toMatchObject({ state: 'stopped', errorKind: 'badToken' });
    expect(addon.api.requestsSync().length).toBeLessThanOrEqual(6);
    expect(emu.triggers).toHaveLength(0);
  });

  it('never leaves the job "running" when writing fails; the next run resumes where it was', () => {
    const emu = setup();
    // A workbook at Google's 10-million-cell limit: creating the members sheet fails.
    const filler = emu.spreadsheet.insertSheet('Filler');
    filler.insertRowsAfter(1000, Math.floor((10_000_000 - 26_000 - 10_000) / 26) - 1000);
    const report = emu.run('importGroupMembers') as { outcome: string };
    expect(report.outcome).toBe('error');
    expect(job(emu)).toMatchObject({ state: 'pending', done: 0 });
    emu.spreadsheet.deleteSheet(filler);
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('done');
  });

  it('resumes a waiting import days later instead of starting over', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' }, manyGroups(600));
    emu.run('importGroupMembers');
    const done = job(emu).done as number;
    emu.triggers.splice(0); // the follow-up got lost (say, deleted by hand)
    emu.advanceTime(3 * 24 * 60 * MINUTE);
    emu.run('importGroupMembers');
    expect(job(emu).done).toBeGreaterThan(done);
    expect(job(emu).startedAt).toBeLessThan(emu.now() - 2 * 24 * 60 * MINUTE);
  });

  it('tries a job stopped by the quota again from the schedule once a day, not at every run', () => {
    const emu = addon.fresh(
      {},
      {
        instances: {
          '1101000001': { ...manyGroups(40).instances?.['1101000001'], quota: { getGroupData: 5 } },
        },
      },
    );
    emu.run('importGroupMembers');
    expect(job(emu)).toMatchObject({ state: 'stopped', errorKind: 'quota' });
    emu.run('saveSettings', { apiUrl: addon.api.url, idInstance: '1101000001', refreshEveryMinutes: 60 });
    addon.api.clearRequestsSync();
    emu.advanceTime(23 * 60 * MINUTE);
    expect(groupCalls()).toHaveLength(0);
    emu.advanceTime(2 * 60 * MINUTE);
    expect(groupCalls()).toHaveLength(1);
    expect(job(emu)).toMatchObject({ state: 'stopped', errorKind: 'quota', done: 5 });
  });

  it('skips a group GREEN-API refuses (400) and reads the rest', () => {
    const emu = setup({}, { groupScript: [{ status: 400, body: '{"message":"bad request data"}' }] });
    expect(emu.run('importGroupMembers')).toMatchObject({ outcome: 'done' });
    expect(job(emu)).toMatchObject({ state: 'done', skipped: 1 });
  });

  it('asks getGroupData only about group ids', () => {
    const emu = setup(
      {},
      { contacts: [...CONTACTS, { id: '79001112233@c.us', name: 'not a group', type: 'group' }] },
    );
    emu.run('importGroupMembers');
    expect(groupCalls().every((c) => String((c.body as { groupId: string }).groupId).endsWith('@g.us'))).toBe(
      true,
    );
  });
});

describe('as a published add-on', () => {
  it('continues within the add-on trigger rules: one time-driven trigger, at most hourly', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' }, manyGroups(600));
    const first = emu.run('importGroupMembers') as { outcome: string; message: string };
    expect(first.outcome).toBe('pending');
    expect(first.message).toMatch(/continues by itself at about/);
    expect(emu.triggers).toHaveLength(1);
    expect(emu.triggers[0].at ?? 0).toBeGreaterThanOrEqual(emu.now() + 59 * MINUTE);
    emu.run('importGroupMembers'); // a person again: a slice now, and still one trigger
    expect(job(emu)).toMatchObject({ state: 'pending' });
    expect(emu.triggers).toHaveLength(1);
    emu.advanceTime(2 * 60 * MINUTE);
    expect(job(emu)).toMatchObject({ state: 'done', done: 600 });
    expect(emu.triggers).toHaveLength(0);
    expect(emu.triggerErrors).toEqual([]);
  });

  it('continues a minute later where Google allows an add-on a short one-shot: 600 groups in minutes, not hours', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON', addonShortOneShots: 'allowed' }, manyGroups(600));
    const started = emu.now();
    expect((emu.run('importGroupMembers') as { outcome: string }).outcome).toBe('pending');
    expect(emu.triggers).toHaveLength(1);
    expect(emu.triggers[0].at ?? 0).toBeLessThan(emu.now() + 5 * MINUTE);
    emu.advanceTime(60 * MINUTE);
    expect(job(emu)).toMatchObject({ state: 'done', done: 600 });
    // Paced at one getGroupData a second, a minute apart: done within the hour the refused way waits for once.
    expect(Number(job(emu).lastRunAt) - started).toBeLessThan(45 * MINUTE);
    expect(emu.triggers).toHaveLength(0);
    expect(emu.triggerErrors).toEqual([]);
  });

  it('rides on the hourly auto-refresh when there is one', () => {
    const emu = addon.fresh({ installationSource: 'ADD_ON' }, manyGroups(300));
    emu.run('saveSettings', { apiUrl: addon.api.url, idInstance: '1101000001', refreshEveryMinutes: 60 });
    const first = emu.run('importGroupMembers') as { message: string };
    expect(first.message).toMatch(/next automatic refresh/);
    expect(emu.triggers.map((t) => t.handler)).toEqual(['onAutoRefresh']);
    emu.advanceTime(61 * MINUTE);
    expect(job(emu)).toMatchObject({ state: 'done', source: 'auto' });
  });
});

describe('members on schedule', () => {
  it('is off by default; when on, the auto-refresh imports the members once a day', () => {
    const emu = setup();
    emu.run('saveSettings', { apiUrl: addon.api.url, idInstance: '1101000001', refreshEveryMinutes: 60 });
    emu.advanceTime(61 * MINUTE);
    expect(emu.properties.document['wa.members.job']).toBeUndefined();
    emu.run('saveSettings', { apiUrl: addon.api.url, idInstance: '1101000001', membersOnSchedule: true });
    expect((emu.run('getSettings') as { membersOnSchedule: boolean }).membersOnSchedule).toBe(true);
    emu.advanceTime(60 * MINUTE);
    expect(job(emu)).toMatchObject({ state: 'done', source: 'auto' });
    const started = job(emu).startedAt;
    addon.api.clearRequestsSync();
    emu.advanceTime(5 * 60 * MINUTE);
    expect(groupCalls()).toHaveLength(0);
    emu.advanceTime(20 * 60 * MINUTE);
    expect(job(emu).startedAt).toBeGreaterThan(started as number);
  });
  it('re-enters WA_GROUP_MEMBERS cells too when 20 WA_CONTACTS cells fill the run: the two take turns', () => {
    const emu = setup();
    emu.run('saveSettings', {
      apiUrl: addon.api.url,
      idInstance: '1101000001',
      refreshEveryMinutes: 60,
      membersOnSchedule: true,
    });
    for (let i = 0; i < 20; i++) emu.setFormula('Sheet1', `A${i * 20 + 1}`, '=WA_CONTACTS("group",FALSE)');
    emu.setFormula('Sheet1', 'H1', `=WA_GROUP_MEMBERS("${FAMILY}", FALSE)`);
    const before = emu.executions.length;
    // The first auto-refresh imports the members; a day later the next scheduled import comes.
    emu.advanceTime(26 * 60 * MINUTE);
    const runs = emu.executions.slice(before).filter((e) => e.authMode === 'CUSTOM_FUNCTION');
    expect(job(emu)).toMatchObject({ state: 'done', source: 'auto' });
    expect(runs.filter((e) => e.name === 'WA_GROUP_MEMBERS').length).toBeGreaterThan(0);
    // Never more than 20 at once.
    expect(emu.cell('Sheet1', 'H1').note ?? '').not.toMatch(/too many/i);
  });
});

describe('=WA_GROUP_MEMBERS(group, header)', () => {
  it('shows a group by id or by exact name from what the import left, with no request', () => {
    const emu = setup();
    emu.run('importGroupMembers');
    addon.api.clearRequestsSync();
    emu.setFormula('Sheet1', 'A1', `=WA_GROUP_MEMBERS("${FAMILY}")`);
    emu.setFormula('Sheet1', 'F1', '=WA_GROUP_MEMBERS("=Project Team", FALSE)');
    expect(addon.api.requestsSync()).toHaveLength(0);
    const values = rows(emu, 'Sheet1');
    expect(values.slice(0, 4).map((r) => r.slice(0, 4))).toEqual([
      ['Member ID', 'Phone', 'Name', 'Role'],
      ['79161234501@c.us', '+79161234501', 'Мария', 'superadmin'],
      ['79001234568@c.us', '+79001234568', 'Люся Сидорова', 'admin'],
      ['123456789012345@lid', '', '', 'member'],
    ]);
    expect(values.slice(0, 2).map((r) => r.slice(5, 9))).toEqual([
      ['14155550123@c.us', '+14155550123', 'John Smith', 'superadmin'],
      ['79990000001@c.us', '+79990000001', '', 'member'],
    ]);
  });

  it('without a snapshot fetches once under the lock, inside the 30-second budget', () => {
    const emu = setup();
    emu.setFormula('Sheet1', 'A1', '=WA_GROUP_MEMBERS("Семья")');
    expect(groupCalls()).toHaveLength(1);
    expect(emu.lastExecution.wallMs).toBeLessThan(30_000);
    expect(rows(emu, 'Sheet1')).toHaveLength(4);
    emu.setFormula('Sheet1', 'F1', `=WA_GROUP_MEMBERS("${FAMILY}", FALSE)`);
    expect(groupCalls()).toHaveLength(1);
  });

  it('names an unknown group, a group the account is not in, and a bad argument', () => {
    const emu = setup();
    emu.run('importGroupMembers');
    emu.setFormula('Sheet1', 'A1', '=WA_GROUP_MEMBERS("Nope")');
    // Errors, not data: #ERROR! with the words on hover, so IFERROR/ISERROR can tell.
    expect(emu.cell('Sheet1', 'A1')).toMatchObject({ value: '#ERROR!' });
    expect(emu.cell('Sheet1', 'A1').note).toMatch(/^No group "Nope" in the contact list/);
    emu.setFormula('Sheet1', 'A2', `=WA_GROUP_MEMBERS("${GONE}")`);
    expect(emu.cell('Sheet1', 'A2')).toMatchObject({ value: '#ERROR!' });
    expect(emu.cell('Sheet1', 'A2').note).toBe(
      `This WhatsApp account is not in the group "${GONE}" (any more).`,
    );
    emu.setFormula('Sheet1', 'A3', '=WA_GROUP_MEMBERS(5)');
    expect(emu.cell('Sheet1', 'A3')).toMatchObject({ value: '#ERROR!' });
    expect(emu.cell('Sheet1', 'A3').note).toMatch(/the argument group must be a group ID/);
  });
});
