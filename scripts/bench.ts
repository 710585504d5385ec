/**
 * `npm run bench`: the cost of a refresh, measured on the built dist/ in the Apps Script emulator against the
 * fake GREEN-API, for 1,000, 10,000 and 100,000 contacts — and the same measures for the naive way
 * (scripts/naive-addon.js: one appendRow per contact, a fetch on every formula evaluation). In Apps Script the
 * cost is the number of service round trips, UrlFetch calls and the script's own CPU time, so those are what
 * the table shows. Own ms = wall time minus time inside emulated services (HTTP, sheet, cache, gzip).
 *   npm run bench [-- --sizes 1000,10000]
 * A run with the default sizes also writes everything it printed to docs/BENCH.md, the figures the docs quote
 * (test/docs/figures.test.ts checks them against the code).
 */
import { copyFileSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type ExecutionRecord } from '../test/support/emulator';
import {
  DEFAULT_API_TOKEN,
  DEFAULT_ID_INSTANCE,
  type FakeGreenApi,
  startFakeGreenApi,
} from '../test/support/fake-green-api';

type Emu = ReturnType<typeof createEmulator>;
interface Row {
  n: number;
  who: 'add-on' | 'naive';
  what: string;
  rec: ExecutionRecord;
  getContacts: number;
}

const sizeArg = process.argv.indexOf('--sizes');
const SIZES = sizeArg > 0 ? process.argv[sizeArg + 1].split(',').map(Number) : [1_000, 10_000, 100_000];

function naiveDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-naive-'));
  copyFileSync('scripts/naive-addon.js', join(dir, 'Code.js'));
  copyFileSync('dist/appsscript.json', join(dir, 'appsscript.json'));
  return dir;
}

function getContactsCount(api: FakeGreenApi): number {
  return api.requestsSync().filter((r) => r.apiMethod === 'getContacts').length;
}

function measure(
  api: FakeGreenApi,
  work: () => void,
  emu: Emu,
): { rec: ExecutionRecord; getContacts: number } {
  api.clearRequestsSync();
  work();
  return { rec: { ...emu.lastExecution }, getContacts: getContactsCount(api) };
}

function addonRows(api: FakeGreenApi, n: number): Row[] {
  const form = { apiUrl: api.url, idInstance: DEFAULT_ID_INSTANCE, apiTokenInstance: DEFAULT_API_TOKEN };
  const rows: Row[] = [];
  const emu = createEmulator({ distDir: 'dist', allowLoopback: true });
  emu.run('saveSettings', form);
  rows.push({ n, who: 'add-on', what: 'menu import', ...measure(api, () => emu.run('importContacts'), emu) });
  rows.push({
    n,
    who: 'add-on',
    what: 're-import, no change',
    ...measure(api, () => emu.run('importContacts'), emu),
  });
  api.configureSync({
    instances: { [DEFAULT_ID_INSTANCE]: { contacts: { generate: n, seed: 7, churn: 0.01 } } },
  });
  rows.push({
    n,
    who: 'add-on',
    what: 're-import, 1% changed',
    ...measure(api, () => emu.run('importContacts'), emu),
  });
  emu.spreadsheet.insertSheet('Formulas');
  rows.push({
    n,
    who: 'add-on',
    what: 'warm =WA_CONTACTS()',
    ...measure(api, () => emu.setFormula('Formulas', 'A1', '=WA_CONTACTS()'), emu),
  });
  rows.push({
    n,
    who: 'add-on',
    what: 'warm =WA_CONTACTS("group")',
    ...measure(api, () => emu.setFormula('Formulas', 'H1', '=WA_CONTACTS("group")'), emu),
  });
  const cold = createEmulator({ distDir: 'dist', allowLoopback: true });
  cold.run('saveSettings', form);
  rows.push({
    n,
    who: 'add-on',
    what: 'cold =WA_CONTACTS()',
    ...measure(api, () => cold.setFormula('Sheet1', 'A1', '=WA_CONTACTS()'), cold),
  });
  return rows;
}

function naiveRows(api: FakeGreenApi, n: number, dir: string): Row[] {
  const emu = createEmulator({ distDir: dir, allowLoopback: true });
  Object.assign(emu.properties.document, {
    'wa.apiUrl': api.url,
    'wa.idInstance': DEFAULT_ID_INSTANCE,
    'wa.apiTokenInstance': DEFAULT_API_TOKEN,
  });
  const rows: Row[] = [];
  rows.push({ n, who: 'naive', what: 'menu import', ...measure(api, () => emu.run('naiveImport'), emu) });
  emu.spreadsheet.insertSheet('Formulas');
  rows.push({
    n,
    who: 'naive',
    what: 'formula (every time)',
    ...measure(api, () => emu.setFormula('Formulas', 'A1', '=NAIVE_CONTACTS()'), emu),
  });
  return rows;
}

function table(rows: Row[]): string {
  const head = [
    'contacts',
    'who',
    'what',
    'sheet calls',
    'UrlFetch',
    'getContacts',
    'cache writes',
    'own ms',
    'wall ms',
  ];
  const lines = rows.map((r) => [
    r.n.toLocaleString('en-US'),
    r.who,
    r.what,
    String(r.rec.spreadsheetCalls),
    String(r.rec.urlFetchCalls),
    String(r.getContacts),
    String(r.rec.cacheEntriesWritten),
    r.rec.ownMs.toFixed(0),
    r.rec.wallMs.toFixed(0),
  ]);
  const md = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [md(head), md(head.map(() => '---')), ...lines.map(md)].join('\n');
}

/** The members import of `groups` groups × `members` members: every slice's calls, requests and time. */
function membersBench(api: FakeGreenApi, groups: number, members: number) {
  const contacts = Array.from({ length: groups }, (_, i) => ({
    id: `1203630${String(i).padStart(11, '0')}@g.us`,
    name: `Group ${i}`,
    type: 'group',
  }));
  api.configureSync({
    instances: {
      [DEFAULT_ID_INSTANCE]: { contacts, groups: { generate: members, seed: 9 }, rateLimitPerSecond: 1 },
    },
  });
  api.clearRequestsSync();
  const emu = createEmulator({ distDir: 'dist', allowLoopback: true });
  emu.run('saveSettings', {
    apiUrl: api.url,
    idInstance: DEFAULT_ID_INSTANCE,
    apiTokenInstance: DEFAULT_API_TOKEN,
  });
  const start = emu.now();
  const from = emu.executions.length;
  emu.run('importGroupMembers');
  for (let i = 0; i < 100 && !emu.properties.document['wa.members.job']?.includes('"state":"done"'); i++)
    emu.advanceTime(60_000);
  const slices = emu.executions
    .slice(from)
    .filter((e) => e.name === 'importGroupMembers' || e.name === 'onRetryRefresh');
  const log = api.requestsSync();
  return {
    groups,
    members,
    slices,
    getGroupData: log.filter((r) => r.apiMethod === 'getGroupData').length,
    getContacts: log.filter((r) => r.apiMethod === 'getContacts').length,
    rate429: log.filter((r) => r.status === 429).length,
    rows: emu.sheetValues('WhatsApp Group Members').length - 1,
    minutes: (emu.now() - start) / 60_000,
  };
}

/** Prints the members import's slices and returns its checks. */
function reportMembers(members: ReturnType<typeof membersBench>): Array<[string, boolean, string]> {
  const checks: Array<[string, boolean, string]> = [];
  console.log(
    `\nMembers import, ${members.groups.toLocaleString('en-US')} groups × ${members.members} members: ` +
      `${members.slices.length} slices over ${members.minutes.toFixed(0)} minutes, ${members.getGroupData} getGroupData + ` +
      `${members.getContacts} getContacts requests, ${members.rate429} answered 429, ${members.rows.toLocaleString('en-US')} rows.`,
  );
  console.log(
    '| slice | sheet calls | UrlFetch | own ms | wall ms (virtual) |\n| --- | --- | --- | --- | --- |',
  );
  members.slices.forEach((e, i) => {
    console.log(
      `| ${i + 1} | ${e.spreadsheetCalls} | ${e.urlFetchCalls} | ${e.ownMs.toFixed(0)} | ${e.wallMs.toFixed(0)} |`,
    );
  });
  const sliceCalls = members.slices.map((e) => e.spreadsheetCalls);
  checks.push([
    'members: one getGroupData per group, no 429',
    members.getGroupData === members.groups && members.rate429 === 0,
    `${members.getGroupData} requests, ${members.rate429} × 429`,
  ]);
  checks.push([
    'members: spreadsheet calls per slice constant (the first also creates the sheets and shows progress toasts), at most 40',
    new Set(sliceCalls.slice(1)).size <= 1 && sliceCalls.every((c) => c <= 40),
    sliceCalls.join(', '),
  ]);
  checks.push([
    'members: every slice under 6 minutes',
    members.slices.every((e) => e.wallMs < 6 * 60_000),
    `longest ${(Math.max(...members.slices.map((e) => e.wallMs)) / 60_000).toFixed(1)} min`,
  ]);
  return checks;
}

/** Everything main() prints, for docs/BENCH.md. */
const printed: string[] = [];

/** docs/BENCH.md: what the last full run printed, with when and where it ran. */
function writeBenchDoc(): void {
  const cpus = os.cpus();
  const text = [
    '# Benchmark results',
    '',
    `Generated by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'},`,
    `Node.js ${process.version}); do not edit by hand — run \`npm run bench\` again. docs/PERFORMANCE.md explains`,
    'the columns; "own ms" and "wall ms" vary by about ±30% between runs, the other columns do not.',
    '',
    ...printed.flatMap((block) => [block, '']),
  ].join('\n');
  writeFileSync('docs/BENCH.md', `${text.trimEnd()}\n`);
}

async function main(): Promise<void> {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    printed.push(args.map(String).join(' ').replace(/^\n/, ''));
    log(...args);
  };
  const api = await startFakeGreenApi();
  let members: ReturnType<typeof membersBench> | null = null;
  const dir = naiveDist();
  const rows: Row[] = [];
  try {
    for (const n of SIZES) {
      api.configureSync({ instances: { [DEFAULT_ID_INSTANCE]: { contacts: { generate: n, seed: 7 } } } });
      rows.push(...addonRows(api, n), ...naiveRows(api, n, dir));
      process.stderr.write(`measured ${n} contacts\n`);
    }
    members = membersBench(api, 1000, 50);
    process.stderr.write('measured 1000 groups x 50 members\n');
  } finally {
    await api.stop();
  }
  const distBytes =
    statSync('dist/Code.js').size +
    statSync('dist/appsscript.json').size +
    statSync('dist/sidebar.html').size;
  console.log(table(rows));
  console.log(
    `\ndist/ size: ${(distBytes / 1024).toFixed(1)} KB (Code.js ${(statSync('dist/Code.js').size / 1024).toFixed(1)} KB)`,
  );

  const mine = (what: string) => rows.filter((r) => r.who === 'add-on' && r.what === what);
  const imports = mine('menu import');
  const constant = (what: string, most: number): [string, boolean, string] => {
    const runs = mine(what);
    const calls = runs.map((r) => r.rec.spreadsheetCalls);
    return [
      `spreadsheet calls of "${what}" constant in N and at most ${most}`,
      new Set(calls).size === 1 && calls.every((c) => c <= most),
      calls.join(', '),
    ];
  };
  const checks: Array<[string, boolean, string]> = [
    constant('menu import', 30),
    constant('re-import, no change', 15),
    constant('re-import, 1% changed', 20),
    [
      'exactly 1 getContacts per refresh',
      imports.every((r) => r.getContacts === 1),
      imports.map((r) => r.getContacts).join(', '),
    ],
    ['0 requests for warm formulas', mine('warm =WA_CONTACTS()').every((r) => r.getContacts === 0), ''],
    ['1 request for a cold formula', mine('cold =WA_CONTACTS()').every((r) => r.getContacts === 1), ''],
  ];
  const big = imports.find((r) => r.n === 100_000);
  const bigMerge = mine('re-import, 1% changed').find((r) => r.n === 100_000);
  if (bigMerge)
    checks.push([
      '100,000 over 100,000 rows, 1% changed, merged with < 2 s own CPU',
      bigMerge.rec.ownMs < 2000,
      `${bigMerge.rec.ownMs.toFixed(0)} ms`,
    ]);
  if (big) {
    checks.push([
      '100,000 contacts imported with < 1 s own CPU',
      big.rec.ownMs < 1000,
      `${big.rec.ownMs.toFixed(0)} ms`,
    ]);
    checks.push([
      'snapshot of 100,000 contacts in ≤ 50 cache entries',
      big.rec.cacheEntriesWritten <= 50,
      `${big.rec.cacheEntriesWritten}`,
    ]);
    const warm = mine('warm =WA_CONTACTS("group")').find((r) => r.n === 100_000);
    if (warm)
      checks.push([
        'warm formula over 100,000 contacts (the ~20,000 groups) well inside 30 s',
        warm.rec.wallMs < 10_000,
        `${warm.rec.wallMs.toFixed(0)} ms`,
      ]);
  }
  if (members) checks.push(...reportMembers(members));
  checks.push(['dist/ under 200 KB', distBytes < 200 * 1024, `${(distBytes / 1024).toFixed(1)} KB`]);
  console.log('');
  for (const [name, ok, value] of checks)
    console.log(`${ok ? 'MET ' : 'MISSED'}  ${name}${value ? ` (${value})` : ''}`);
  if (sizeArg < 0) writeBenchDoc();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
