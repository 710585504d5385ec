/**
 * The figures in README.md and docs/ stay true: each is either written by `npm run bench` (docs/BENCH.md, checked
 * here against a fresh measurement and the built dist/) or derived here from the constant in the code it
 * describes — so changing the code without the docs, or editing a bench figure by hand, fails this test.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_CELL_CHARS } from '../../scripts/runner/xlsx';
import { TTL_SECONDS } from '../../src/cache/chunked';
import { FAILURE_MEMO_SECONDS } from '../../src/cache/failure-memo';
import { FORMULA_LIMIT_MS, FORMULA_MARGIN_MS } from '../../src/formula/budget';
import { RESULT_CELL_LIMIT } from '../../src/formula/result-size';
import { PACE_MS } from '../../src/greenapi/pacer';
import { DAYS_PER_MONTH } from '../../src/quota/calendar';
import { PLAN_CAPS } from '../../src/quota/plans';
import { runsPerMonth } from '../../src/quota/price';
import { SCHEDULED_EVERY_MS, SLICE_BUDGET_MS } from '../../src/refresh/members';
import {
  CONTINUE_AFTER_MS,
  MAX_EMPTY_ANSWERS,
  RETRY_AFTER_MS,
  TRIGGER_BUDGET,
} from '../../src/refresh/schedule';
import { REFRESH_CHOICES } from '../../src/settings/settings';
import { LOG_LIMIT } from '../../src/sheet/changes-log';
import { MAX_FORMULA_CELLS } from '../../src/sheet/formula-cells';
import { TRIGGER_QUOTA_MS, URL_FETCH_QUOTA } from '../../src/ui/quota-view';
import { createEmulator } from '../support/emulator';
import {
  DEFAULT_API_TOKEN,
  DEFAULT_ID_INSTANCE,
  type FakeGreenApi,
  startFakeGreenApi,
} from '../support/fake-green-api';

const ROOT = resolve(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/\s+/g, ' ');

/** 5.5 → "5½", 4 → "4". */
const halves = (x: number) => (Number.isInteger(x) ? String(x) : `${Math.floor(x)}½`);
const thousands = (n: number) => n.toLocaleString('en-US');
const minutes = (ms: number) => ms / 60_000;

describe('figures derived from the code', () => {
  const groupsPerSlice = Math.floor(SLICE_BUDGET_MS / PACE_MS / 10) * 10;
  const claims: Array<[string, string]> = [
    ['README.md', `Needs Node.js ${/\d+/.exec(JSON.parse(read('package.json')).engines.node)?.[0]} or newer`],
    ['README.md', `the ${thousands(MAX_CELL_CHARS)} characters Excel allows`],
    ['docs/USAGE.md', `newest ${thousands(LOG_LIMIT)} rows`],
    ['docs/USAGE.md', `(${halves(minutes(RETRY_AFTER_MS))} minutes later, then with the schedule)`],
    ['docs/USAGE.md', `comes back ${halves(minutes(RETRY_AFTER_MS))} minutes later`],
    ['docs/USAGE.md', `(${PACE_MS / 1000} s apart`],
    [
      'docs/USAGE.md',
      `for up to ${halves(minutes(SLICE_BUDGET_MS))} minutes (about ${groupsPerSlice} groups)`,
    ],
    [
      'docs/USAGE.md',
      `about ${groupsPerSlice} groups an hour, so 1,000 groups take about ${Math.round(1000 / groupsPerSlice)} hours`,
    ],
    [
      'docs/USAGE.md',
      `${CONTINUE_AFTER_MS === 60_000 ? 'a minute' : `${minutes(CONTINUE_AFTER_MS)} minutes`} later in a bound script`,
    ],
    ['docs/USAGE.md', `kept ${TTL_SECONDS / 3600} hours, the maximum`],
    [
      'docs/USAGE.md',
      `remembered for ${FAILURE_MEMO_SECONDS === 60 ? 'a minute' : `${FAILURE_MEMO_SECONDS} seconds`}`,
    ],
    ['docs/USAGE.md', `${FORMULA_MARGIN_MS / 1000} seconds short of that`],
    ['docs/USAGE.md', `stop at **${thousands(RESULT_CELL_LIMIT)} cells**`],
    ['docs/USAGE.md', `(${thousands(RESULT_CELL_LIMIT / 5)} contacts with the header)`],
    ['docs/USAGE.md', `after ${MAX_EMPTY_ANSWERS} in a row`],
    ['docs/USAGE.md', `once ${SCHEDULED_EVERY_MS === 86_400_000 ? 'a day' : '?'} at most`],
    [
      'docs/USAGE.md',
      `**Auto-refresh** (off, ${REFRESH_CHOICES[1]}–${REFRESH_CHOICES.filter((m) => m < 60).at(-1)} minutes, 1–${(REFRESH_CHOICES.at(-1) as number) / 60} hours)`,
    ],
    [
      'docs/PERFORMANCE.md',
      `for up to ${halves(minutes(SLICE_BUDGET_MS))} minutes per run, paced ${PACE_MS / 1000} s apart`,
    ],
    ['docs/USAGE.md', `Keep **at most ${MAX_FORMULA_CELLS} \`WA_\` formula cells**`],
    ['docs/USAGE.md', `each refresh re-enters at most ${MAX_FORMULA_CELLS} of them`],
    ['docs/TROUBLESHOOTING.md', `keep at most ${MAX_FORMULA_CELLS} \`WA_\` formula cells`],
    ['docs/USAGE.md', `**${TRIGGER_BUDGET} triggers per person per script**`],
    ['docs/USAGE.md', `has ${FORMULA_LIMIT_MS / 1000} seconds: a formula works to a deadline`],
    [
      'docs/USAGE.md',
      `after ${MAX_EMPTY_ANSWERS} in a row (about ${(MAX_EMPTY_ANSWERS - 1) * minutes(RETRY_AFTER_MS)} minutes)`,
    ],
    // The quotas (README, "Quotas"; docs/QUOTAS.md): the Developer plan's caps, the price of a schedule, Apps Script's.
    [
      'README.md',
      `allows ${thousands(PLAN_CAPS.developer.getContacts as number)} getContacts and ${thousands(PLAN_CAPS.developer.getGroupData as number)} getGroupData requests a month per instance (${PLAN_CAPS.developer.checkWhatsapp} checkWhatsapp)`,
    ],
    ['README.md', `allows ${minutes(TRIGGER_QUOTA_MS)} minutes of trigger runtime a day`],
    ['README.md', `hourly ≈ ${runsPerMonth(60)} getContacts a month`],
    ['docs/QUOTAS.md', `| getContacts | ${thousands(PLAN_CAPS.developer.getContacts as number)} a month |`],
    ['docs/QUOTAS.md', `| getGroupData | ${thousands(PLAN_CAPS.developer.getGroupData as number)} a month |`],
    ['docs/QUOTAS.md', `| checkWhatsapp | ${PLAN_CAPS.developer.checkWhatsapp} a month |`],
    ['docs/QUOTAS.md', `"Every hour ≈ ${runsPerMonth(60)} getContacts a month of your 1,000"`],
    ['docs/QUOTAS.md', `| Every 5 minutes | ${thousands(runsPerMonth(5))} |`],
    ['docs/QUOTAS.md', `| Every 30 minutes | ${thousands(runsPerMonth(30))} |`],
    ['docs/QUOTAS.md', `| Every hour | ${runsPerMonth(60)} |`],
    [
      'docs/QUOTAS.md',
      `| Every hour + group members daily, N groups | ${runsPerMonth(60)} | N × ${DAYS_PER_MONTH} | fits up to ${Math.floor((PLAN_CAPS.developer.getGroupData as number) / DAYS_PER_MONTH)} groups |`,
    ],
    ['docs/QUOTAS.md', `total trigger runtime ${minutes(TRIGGER_QUOTA_MS)} minutes a day`],
    ['docs/QUOTAS.md', `${thousands(URL_FETCH_QUOTA)} UrlFetch calls a day`],
    ['docs/QUOTAS.md', `${TRIGGER_BUDGET} triggers per user per script`],
  ];

  it.each(claims)('%s says "%s"', (file, text) => {
    // Table cells are compared without their padding.
    const squeeze = (t: string) => t.replace(/\s+/g, ' ').replace(/ *\| */g, ' | ');
    expect(squeeze(read(file))).toContain(squeeze(text));
  });

  it('the scopes in README and docs/PUBLISHING.md are exactly the manifest’s', () => {
    const scopes: string[] = JSON.parse(read('appsscript.json')).oauthScopes;
    const short = scopes.map((s) => s.replace('https://www.googleapis.com/auth/', ''));
    const inTable = (file: string, pattern: RegExp) =>
      [...read(file).matchAll(pattern)].map((m) => m[1]).filter((s) => !s.includes(' '));
    expect(inTable('README.md', /\| `([a-z._]+)` +\|/g).sort()).toEqual([...short].sort());
    expect(
      inTable('docs/PUBLISHING.md', /\| `(https:\/\/www\.googleapis\.com\/auth\/[a-z._]+)` +\|/g).sort(),
    ).toEqual([...scopes].sort());
  });

  it('docs/LIVE-CHECK.md names only parts it has, and numbers its steps in order', () => {
    const text = readFileSync(join(ROOT, 'docs/LIVE-CHECK.md'), 'utf8');
    const parts = new Set([...text.matchAll(/^## ([A-Z])\. /gm)].map((m) => m[1]));
    const named = [...text.matchAll(/\b[Pp]arts? ([A-Z])(?:–([A-Z]))?(?: and ([A-Z]))?\b/g)].flatMap((m) =>
      m.slice(1).filter(Boolean),
    );
    for (const part of named) expect([part, parts.has(part)]).toEqual([part, true]);
    const steps = [...text.matchAll(/^\| (\d+)[a-z]? +\|/gm)].map((m) => Number(m[1]));
    expect(steps.length).toBeGreaterThan(30);
    steps.forEach((n, i) => {
      if (i > 0) expect([n, n >= steps[i - 1]]).toEqual([n, true]);
    });
    expect(new Set(steps).size).toBe(steps[steps.length - 1]);
  });
});

describe('figures written by npm run bench (docs/BENCH.md)', () => {
  const bench = existsSync(join(ROOT, 'docs/BENCH.md'))
    ? readFileSync(join(ROOT, 'docs/BENCH.md'), 'utf8')
    : '';

  /** A row of BENCH.md's table: contacts, who, what → its columns. */
  function benchRow(n: number, what: string): string[] {
    const cells = bench
      .split('\n')
      .map((l) =>
        l
          .split('|')
          .map((c) => c.trim())
          .slice(1, -1),
      )
      .find((c) => c[0] === thousands(n) && c[1] === 'add-on' && c[2] === what);
    if (!cells) throw new Error(`docs/BENCH.md has no row for ${n} ${what}`);
    return cells;
  }

  it('is there, generated, with a MET or MISSED line per target', () => {
    expect(bench).toMatch(/^# Benchmark results\n\nGenerated by `npm run bench` on \d{4}-\d{2}-\d{2}/);
    expect(bench.match(/^(MET|MISSED) /gm)?.length).toBeGreaterThanOrEqual(10);
  });

  it('gives the size of the dist/ built now, within 10%', () => {
    const [, total] = /dist\/ size: ([\d.]+) KB/.exec(bench) ?? [];
    const now = ['Code.js', 'appsscript.json', 'sidebar.html'].reduce(
      (sum, f) => sum + statSync(join(ROOT, 'dist', f)).size,
      0,
    );
    expect(Math.abs(Number(total) * 1024 - now) / now).toBeLessThan(0.1);
  });

  describe('matches a fresh measurement of 1,000 contacts', () => {
    let api: FakeGreenApi;
    beforeAll(async () => {
      api = await startFakeGreenApi();
    });
    afterAll(async () => {
      await api?.stop();
    });

    it('spreadsheet calls, UrlFetch calls and getContacts of a first import and of a re-import with no change', () => {
      api.configureSync({ instances: { [DEFAULT_ID_INSTANCE]: { contacts: { generate: 1000, seed: 7 } } } });
      const emu = createEmulator({ distDir: 'dist', allowLoopback: true });
      emu.run('saveSettings', {
        apiUrl: api.url,
        idInstance: DEFAULT_ID_INSTANCE,
        apiTokenInstance: DEFAULT_API_TOKEN,
      });
      const measured = (what: string) => {
        api.clearRequestsSync();
        emu.run('importContacts');
        const getContacts = api.requestsSync().filter((r) => r.apiMethod === 'getContacts').length;
        const rec = emu.lastExecution;
        return [what, String(rec.spreadsheetCalls), String(rec.urlFetchCalls), String(getContacts)];
      };
      for (const what of ['menu import', 're-import, no change']) {
        expect(measured(what)).toEqual([what, ...benchRow(1000, what).slice(3, 6)]);
      }
    });
  });
});

describe('the targets in docs/PERFORMANCE.md are the bench’s own checks', () => {
  const doc = read('docs/PERFORMANCE.md');
  const bench = read('scripts/bench.ts');
  it.each([
    ['a first import at most 75', "constant('menu import', 75)"],
    ['re-import with no change at most 10 + 32', "constant('re-import, no change', 10 + TAG_CALLS)"],
    ['a typical hour at most 40 + 32', "constant('re-import, a typical hour', 40 + TAG_CALLS)"],
    ['imported with under 1 s', 'big.rec.ownMs < 1000'],
    ['merged with under 2 s', 'bigMerge.rec.ownMs < 2000'],
    ['in at most 50 cache entries', 'cacheEntriesWritten <= 50'],
    ['every slice under 6 minutes', '6 * 60_000'],
    ['constant, at most 95', 'c <= 95'],
    ['`dist/` under 470 KB', '470 * 1024'],
  ])('"%s" ↔ %s', (text, check) => {
    expect(doc).toContain(text);
    expect(bench).toContain(check);
  });
});
