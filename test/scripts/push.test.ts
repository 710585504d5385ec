/**
 * `npm run push` run as a person runs it, with clasp replaced by a fake (CLASP) that serves a script project from
 * a folder and records what it is asked: a project holding files the add-on did not write is refused, with the
 * files listed and nothing pushed, unless --replace; the add-on's own files, the manifest and a new project's
 * empty myFunction are not foreign.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';

const ROOT = resolve(__dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'wa-push-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fake clasp: `pull` copies the project folder's files into the cwd; `push -f` records the call. */
const FAKE = join(work, 'fake-clasp.cjs');
writeFileSync(
  FAKE,
  `const fs = require('node:fs'), path = require('node:path');
const [cmd] = process.argv.slice(2);
const remote = process.env.FAKE_REMOTE;
fs.appendFileSync(process.env.FAKE_LOG, JSON.stringify({ args: process.argv.slice(2), cwd: process.cwd() }) + '\\n');
if (cmd === 'pull') {
  const id = JSON.parse(fs.readFileSync('.clasp.json', 'utf8')).scriptId;
  if (id !== 'script-123') { console.error('no such project'); process.exit(1); }
  for (const name of fs.readdirSync(remote)) fs.copyFileSync(path.join(remote, name), name);
  process.exit(0);
}
process.exit(cmd === 'push' ? 0 : 3);
`,
);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  calls: Array<{ args: string[]; cwd: string }>;
  project: string;
}

/** Runs push in a project folder whose script project holds `remote` files. */
function runPush(remote: Record<string, string>, args: string[] = [], scriptId = 'script-123'): Run {
  const project = mkdtempSync(join(work, 'project-'));
  const remoteDir = join(project, 'remote');
  mkdirSync(remoteDir);
  for (const [name, content] of Object.entries(remote)) writeFileSync(join(remoteDir, name), content);
  writeFileSync(join(project, '.clasp.json'), JSON.stringify({ scriptId, rootDir: 'dist' }));
  const log = join(project, 'calls.jsonl');
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'push.mjs'), ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, CLASP: `${process.execPath} ${FAKE}`, FAKE_REMOTE: remoteDir, FAKE_LOG: log },
  });
  const calls = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
    : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls, project };
}

const BUILT_CODE = readFileSync(join(ROOT, 'dist', 'Code.js'), 'utf8');
const BUILT_SIDEBAR = readFileSync(join(ROOT, 'dist', 'sidebar.html'), 'utf8');
const MANIFEST = '{"timeZone":"Europe/Moscow"}';

describe('npm run push', () => {
  it('refuses a project holding files the add-on did not write, lists them, and pushes nothing', () => {
    const run = runPush({
      'appsscript.json': MANIFEST,
      'Code.js': 'function onEdit(e) { /* a team script */ }',
      'Invoices.js': 'function makeInvoices() {}',
      'Page.html': '<p>hi</p>',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      'holds 3 file(s) the add-on did not write:\n  Code.js\n  Invoices.js\n  Page.html\n',
    );
    expect(run.stderr).toContain('npm run push -- --replace');
    expect(run.calls.map((c) => c.args[0])).toEqual(['pull']);
    // It pulled into a folder of its own, never into the project or dist/.
    expect(run.calls[0].cwd).not.toBe(run.project);
    expect(existsSync(join(run.project, 'dist'))).toBe(false);
  });

  it('pushes over such a project with --replace, saying which files go', () => {
    const run = runPush({ 'appsscript.json': MANIFEST, 'Invoices.js': 'function makeInvoices() {}' }, [
      '--replace',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--replace: deleting Invoices.js from the script project');
    expect(run.calls.map((c) => c.args)).toEqual([['pull'], ['push', '-f']]);
    expect(run.calls[1].cwd).toBe(run.project);
    expect(readFileSync(join(run.project, 'dist', 'Code.js'), 'utf8')).toContain('function onOpen(');
  });

  it.each([
    [
      'a new spreadsheet script (empty myFunction)',
      { 'appsscript.json': MANIFEST, 'Code.js': 'function myFunction() {\n  \n}\n' },
    ],
    [
      'an earlier push of the add-on',
      { 'appsscript.json': MANIFEST, 'Code.js': BUILT_CODE, 'sidebar.html': BUILT_SIDEBAR },
    ],
  ])('pushes into %s without asking', (_name, remote) => {
    const run = runPush(remote);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.calls.map((c) => c.args)).toEqual([['pull'], ['push', '-f']]);
  });

  it('stops when clasp cannot pull the project, pushing nothing', () => {
    const run = runPush({}, [], 'other-script');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/clasp pull failed, so nothing was pushed:\nno such project/);
    expect(run.calls.map((c) => c.args[0])).toEqual(['pull']);
  });
});

describe('the push guard', () => {
  it('takes an empty myFunction in Code.gs as a new project, and a sidebar.html of other content as foreign', () => {
    const run = runPush({
      'appsscript.json': MANIFEST,
      'Code.gs': 'function myFunction() {}',
      'sidebar.html': '<p>mine, same name</p>',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('holds 1 file(s) the add-on did not write:\n  sidebar.html\n');
  });

  it(".clasp.json's placeholder scriptId is refused with a message saying where to get one", () => {
    const run = runPush({}, [], 'PASTE_YOUR_SCRIPT_ID_HERE');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/\.clasp\.json has no scriptId: .*Project settings/);
    expect(run.calls).toEqual([]);
  });
});
