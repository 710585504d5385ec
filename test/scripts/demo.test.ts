/**
 * `npm start` (scripts/demo.ts), run the way a person runs it: as a child process from the project folder, with
 * --out pointing at a temporary folder, judged by its exit code, what it prints and the files it leaves. Plus
 * the pure parts it is made of: the CSV-injection-safe field (property-tested against an independent RFC 4180
 * parser), the GREEN_API_* checks and the redactor. Relies on dist/ (npm test builds it before Jest).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { csvField, toCsv } from '../../scripts/runner/csv';
import { commandLineWords, importFailure, RUNNER_ERRORS, SIDEBAR_WORDS } from '../../scripts/runner/messages';
import { checkApiUrl, ENV_NAMES, parseArgs, readSource, redactor } from '../../scripts/runner/options';
import { MAX_CELL_CHARS } from '../../scripts/runner/xlsx';
import { en } from '../../src/i18n/en';
import { ru } from '../../src/i18n/ru';
import { ID_INSTANCE, SHEET, withAddon } from '../support/addon';
import { parseCsv } from '../support/csv';
import { readXlsx, rowOf } from '../support/xlsx-reader';

const ROOT = resolve(__dirname, '..', '..');
/** What spreadsheets take as the start of a formula (OWASP's list), written out here independently. */
const TRIGGER = /^[=+\-@\t\r]/;

/** What a spreadsheet should find in the CSV for an exact value: the value, or ' + value when it would be a formula. */
const neutralized = (value: string): string => (TRIGGER.test(value) ? `'${value}` : value);

const risky = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", '"', ',', ';', ' ', '=HYPERLINK("'),
      fc.string({ maxLength: 20 }),
    )
    .map(([a, b]) => a + b),
);

describe('a contacts.csv field', () => {
  it('reads back as the exact value, or as a leading apostrophe plus the value when it starts with =, +, -, @, tab or CR', () => {
    fc.assert(
      fc.property(risky, (value) => {
        const field = csvField(value);
        expect(field).not.toMatch(TRIGGER);
        const [[back, next]] = parseCsv(`${field},next\r\n`);
        expect(back).toBe(neutralized(value));
        expect(back).not.toMatch(TRIGGER);
        expect(next).toBe('next');
      }),
      { numRuns: 2000 },
    );
  });

  it('is quoted, with its quotes doubled, when neutralized', () => {
    expect(csvField('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvField('+79001234567')).toBe(`"'+79001234567"`);
    expect(csvField('\tx')).toBe(`"'\tx"`);
    expect(csvField('00123')).toBe('00123');
  });
});

describe('a whole contacts.csv', () => {
  it('parses back into the same rows, neutralized, each ending in CRLF', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(risky, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const text = toCsv(rows);
          expect(text.endsWith('\r\n')).toBe(true);
          expect(parseCsv(text)).toEqual(rows.map((row) => row.map(neutralized)));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the GREEN_API_* variables', () => {
  it('name exactly the missing ones when only some are set', () => {
    const full: Record<string, string> = {
      GREEN_API_URL: 'https://7105.api.greenapi.com',
      GREEN_API_ID_INSTANCE: '7105123456',
      GREEN_API_TOKEN: 'abcdef0123456789abcdef0123456789abcdef0123456789ab',
    };
    for (let mask = 1; mask < 7; mask++) {
      const env = Object.fromEntries(ENV_NAMES.filter((_, i) => mask & (1 << i)).map((n) => [n, full[n]]));
      const missing = ENV_NAMES.filter((_, i) => !(mask & (1 << i)));
      let message = '';
      try {
        readSource(env);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(new RegExp(`^Missing ${missing.join(', ')}:`));
    }
    expect(readSource({})).toEqual({ kind: 'fake' });
    expect(readSource({ GREEN_API_URL: ' ', GREEN_API_TOKEN: '' })).toEqual({ kind: 'fake' });
    expect(readSource(full)).toEqual({
      kind: 'real',
      apiUrl: full.GREEN_API_URL,
      idInstance: full.GREEN_API_ID_INSTANCE,
      apiTokenInstance: full.GREEN_API_TOKEN,
    });
  });

  it('take a URL of the host only, and refuse anything after it showing scheme://host alone', () => {
    expect(checkApiUrl('https://7105.api.greenapi.com/')).toBe('https://7105.api.greenapi.com');
    expect(checkApiUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    for (const tail of ['/waInstance1/getContacts/SECRET', '/SECRET', '?token=SECRET', '#SECRET']) {
      expect(() => checkApiUrl(`https://7105.api.greenapi.com${tail}`)).toThrow(
        /GREEN_API_URL=https:\/\/7105\.api\.greenapi\.com /,
      );
      expect(() => checkApiUrl(`https://7105.api.greenapi.com${tail}`)).not.toThrow(/SECRET/);
    }
    expect(() => checkApiUrl('https://user:SECRET@7105.api.greenapi.com')).not.toThrow(/SECRET/);
    expect(() => checkApiUrl('SECRET not a url')).not.toThrow(/SECRET/);
  });
});

describe('the options', () => {
  it('read --csv, --separator, --json, --out DIR and --help, and refuse unknown ones', () => {
    const none = { help: false, json: false, csv: false, separator: ',', outDir: '.' };
    expect(parseArgs([])).toEqual(none);
    expect(parseArgs(['--json', '--out', 'x'])).toEqual({ ...none, json: true, outDir: 'x' });
    expect(parseArgs(['--out=y', '-h'])).toEqual({ ...none, help: true, outDir: 'y' });
    expect(parseArgs(['--csv'])).toEqual({ ...none, csv: true });
    expect(parseArgs(['--separator', ';'])).toEqual({ ...none, csv: true, separator: ';' });
    expect(parseArgs(['--separator=,'])).toEqual({ ...none, csv: true });
    expect(() => parseArgs(['--separator', '\t'])).toThrow(/--separator takes , or ;/);
    expect(() => parseArgs(['--out'])).toThrow(/--out needs a folder/);
    expect(() => parseArgs(['--xls'])).toThrow(/Unknown option "--xls"/);
  });
});

describe("npm start's error messages", () => {
  const mentionsSidebar = (text: string) => SIDEBAR_WORDS.filter((word) => text.includes(word));

  it('name the GREEN_API_* variables for every failure of the import, in either language of the add-on', () => {
    for (const table of [en, ru]) {
      for (const [key, text] of Object.entries(table)) {
        if (!key.startsWith('error.')) continue;
        const kind = key.slice('error.'.length);
        expect([kind, mentionsSidebar(importFailure(kind, text))]).toEqual([kind, []]);
      }
    }
    expect(importFailure('badToken', en['error.badToken'])).toMatch(/GREEN_API_TOKEN/);
    expect(importFailure('wrongInstance', en['error.wrongInstance'])).toMatch(
      /GREEN_API_ID_INSTANCE.*GREEN_API_URL/,
    );
    for (const text of Object.values(RUNNER_ERRORS)) expect(text).toMatch(/GREEN_API_|npm start|GREEN-API/);
  });

  it('name the variable, not the field, when the add-on refuses a setting', () => {
    for (const table of [en, ru]) {
      for (const [key, text] of Object.entries(table)) {
        if (!/^field\.(apiUrl|idInstance|token)\./.test(key)) continue;
        const field = key.startsWith('field.apiUrl')
          ? 'apiUrl'
          : key.startsWith('field.idInstance')
            ? 'idInstance'
            : 'apiTokenInstance';
        const shown = commandLineWords(`${field}: ${text}`);
        expect([key, mentionsSidebar(shown)]).toEqual([key, []]);
        expect(shown).toMatch(/^GREEN_API_(URL|ID_INSTANCE|TOKEN)[: ]/);
        expect(shown).not.toMatch(/^(GREEN_API_\w+): \1 /);
      }
    }
  });
});

describe('the redactor', () => {
  it('masks the token, its URL-encoded form and the token segment of any request URL', () => {
    const token = 'tok+en/with~chars0123';
    const redact = redactor([token, undefined]);
    const text = `a ${token} b ${encodeURIComponent(token)} c https://h/waInstance1/getContacts/other-secret?x`;
    const out = redact(text);
    expect(out).not.toContain(token);
    expect(out).not.toContain(encodeURIComponent(token));
    expect(out).not.toContain('other-secret');
    expect(out).toContain('https://h/waInstance1/getContacts/•••?x');
  });
});

// ---- The runner as a child process ---------------------------------------------------------------------------

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/run-transpiled.mjs scripts/demo.ts ARGS` from the project folder with only `env` set. */
function runDemo(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('GREEN_API_') && k !== 'WA_LOCALE'),
  );
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['scripts/run-transpiled.mjs', 'scripts/demo.ts', ...args], {
      cwd: ROOT,
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const dirs: string[] = [];
function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'wa-demo-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Everything a run left: its output and every file in its folder. */
function everything(run: RunResult, dir: string): string {
  const files = readdirSync(dir).map((name) => readFileSync(join(dir, name), 'utf8'));
  return [run.stdout, run.stderr, ...files].join('\n');
}

describe('npm start', () => {
  const addon = withAddon();

  it('writes only contacts.xlsx by default: the sheet exactly, every cell text, a bold frozen header', async () => {
    const dir = outDir();
    const run = await runDemo(['--out', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['contacts.xlsx']);

    const emu = addon.fresh();
    emu.run('importContacts');
    const sheet = emu.sheetValues(SHEET).map((row) => row.map((cell) => String(cell ?? '')));
    const book = readXlsx(readFileSync(join(dir, 'contacts.xlsx')));
    expect(book.sheetName).toBe(SHEET);
    const read = sheet.map((row, r) => {
      const cells = new Map(rowOf(book.cells, r + 1).map((c) => [c.ref.replace(/\d+$/, ''), c.text]));
      return row.map((_, c) => cells.get(String.fromCharCode(65 + c)) ?? '');
    });
    // The sample's one name longer than a cell may be is cut to Excel's limit, and the run says so.
    const long = sheet.findIndex((row) => row.some((cell) => cell.length > MAX_CELL_CHARS));
    expect(long).toBeGreaterThan(0);
    const col = sheet[long].findIndex((cell) => cell.length > MAX_CELL_CHARS);
    expect(run.stdout).toContain(`Cut to ${MAX_CELL_CHARS} characters in contacts.xlsx`);
    expect(run.stdout).toContain(`${String.fromCharCode(65 + col)}${long + 1}`);
    expect(read[long][col]).toBe(sheet[long][col].slice(0, MAX_CELL_CHARS));
    read[long][col] = sheet[long][col];
    expect(read).toEqual(sheet);
    for (const cell of book.cells) {
      expect(cell.type).toBe('s');
      expect(book.xfs[cell.style].text).toBe(true);
      expect(book.xfs[cell.style].bold).toBe(cell.ref.endsWith('1') && cell.ref.length === 2);
    }
    expect(book.pane).toMatch(/ySplit="1"[\s\S]*state="frozen"/);
  });

  it('with --csv --json also writes a neutralized contacts.csv (UTF-8 BOM) and an exact contacts.json', async () => {
    const dir = outDir();
    const run = await runDemo(['--csv', '--json', '--out', dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/using the fake GREEN-API at http:\/\/127\.0\.0\.1:\d+ with sample contacts/);
    expect(run.stdout).toMatch(/Import contacts → ok: /);
    expect(readdirSync(dir).sort()).toEqual(['contacts.csv', 'contacts.json', 'contacts.xlsx']);

    // contacts.json holds exactly what the add-on put in the sheet (same dist/, same sample list).
    const emu = addon.fresh();
    emu.run('importContacts');
    const sheet = emu.sheetValues(SHEET);
    const json = JSON.parse(readFileSync(join(dir, 'contacts.json'), 'utf8'));
    expect(json).toEqual(sheet);

    // contacts.csv holds the same cells, each neutralized where a spreadsheet would see a formula.
    const file = readFileSync(join(dir, 'contacts.csv'), 'utf8');
    expect(file.startsWith('\uFEFF')).toBe(true);
    const csv = parseCsv(file.slice(1));
    expect(csv).toEqual(sheet.map((row) => row.map((cell) => neutralized(String(cell)))));
    for (const field of csv.flat()) expect(field).not.toMatch(TRIGGER);

    const byId = new Map(csv.map((row) => [row[0], row]));
    expect(byId.get('79990000001@c.us')?.slice(1, 3)).toEqual([
      "'+79990000001",
      `'=HYPERLINK("http://evil.example","x")`,
    ]);
    expect(byId.get('79990000005@c.us')?.[2]).toBe("'+7 900 123");
    expect(byId.get('79990000007@c.us')?.[2]).toBe("'@mention");
    expect(byId.get('79990000008@c.us')?.slice(2, 4)).toEqual(["'-5", "'+1"]);
    expect(byId.get('120363099999999999@g.us')?.[2]).toBe("'=1+1");
    expect(byId.get('79990000002@c.us')?.slice(2, 4)).toEqual(['00123', '00123']);
    expect(byId.get('79990000006@c.us')?.[2]).toBe("'quoted");
    expect(byId.get('79990000009@c.us')?.slice(2, 4)).toEqual([
      'Tab\there, line\nbreak',
      '  spaces around  ',
    ]);
  });

  it('with --separator ";" writes contacts.csv separated by semicolons', async () => {
    const dir = outDir();
    const run = await runDemo(['--separator', ';', '--out', dir]);
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['contacts.csv', 'contacts.xlsx']);
    const file = readFileSync(join(dir, 'contacts.csv'), 'utf8');
    expect(file.split('\r\n')[0]).toBe('\uFEFFID;Phone;Name;Contact name;Type;Status');
  });

  it('refuses a partial set of GREEN_API_* variables, naming the missing ones, without using the sample data', async () => {
    const dir = outDir();
    const run = await runDemo(['--out', dir], {
      GREEN_API_URL: 'https://7105.api.greenapi.com',
      GREEN_API_TOKEN: 'abcdef0123456789abcdef0123456789abcdef0123456789ab',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Missing GREEN_API_ID_INSTANCE: /);
    expect(run.stderr).toContain('No ');
    expect(run.stdout).not.toMatch(/fake GREEN-API|Import contacts/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a GREEN_API_URL with a path, showing the host only and never the path or the token', async () => {
    const dir = outDir();
    const token = 'feedc0ffee0123456789abcdef0123456789abcdef01234567';
    const run = await runDemo(['--out', dir], {
      GREEN_API_URL: `https://7105.api.greenapi.com/waInstance7105123456/getContacts/${token}`,
      GREEN_API_ID_INSTANCE: '7105123456',
      GREEN_API_TOKEN: token,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('GREEN_API_URL=https://7105.api.greenapi.com ');
    for (const hidden of ['waInstance', 'getContacts', token, token.slice(0, 12)])
      expect(everything(run, dir)).not.toContain(hidden);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails on a wrong token naming GREEN_API_TOKEN, without printing it, and says the old contacts.csv is from an earlier run', async () => {
    const dir = outDir();
    const old = join(dir, 'contacts.csv');
    writeFileSync(old, 'ID,Phone\r\nold,row\r\n');
    const earlier = new Date('2020-01-02T03:04:05Z');
    utimesSync(old, earlier, earlier);
    await addon.api.reset();
    const wrong = '99999999999999999999abcdefabcdefabcdef0000000000ff';

    const run = await runDemo(['--csv', '--out', dir], {
      GREEN_API_URL: addon.api.url,
      GREEN_API_ID_INSTANCE: ID_INSTANCE,
      GREEN_API_TOKEN: wrong,
    });

    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Using the real GREEN-API at ${addon.api.url}`);
    expect(run.stderr).toMatch(/^Import contacts → error: GREEN-API rejected GREEN_API_TOKEN \(401\)/);
    expect(run.stderr).not.toMatch(/Settings|apiTokenInstance/);
    expect(run.stderr).toContain('No ');
    expect(run.stderr).toContain(
      'contacts.csv on disk is from an earlier run (modified 2020-01-02 03:04:05 UTC)',
    );
    // The request really went out with that token, and got 401.
    expect((await addon.api.requests()).map((r) => [r.apiMethod, r.status])).toContainEqual([
      'getContacts',
      401,
    ]);
    expect(everything(run, dir)).not.toContain(wrong);
    expect(readdirSync(dir)).toEqual(['contacts.csv']);
    expect(readFileSync(old, 'utf8')).toBe('ID,Phone\r\nold,row\r\n');
    expect(statSync(old).mtime).toEqual(earlier);
  });

  it('lists the environment variables and options with --help, exits 0 and writes nothing', async () => {
    const dir = outDir();
    const run = await runDemo(['--help', '--out', dir]);
    expect(run.code).toBe(0);
    for (const word of [
      'GREEN_API_URL',
      'GREEN_API_ID_INSTANCE',
      'GREEN_API_TOKEN',
      'WA_LOCALE',
      '--json',
      '--csv',
      '--separator',
      '--out',
      '--help',
    ])
      expect(run.stdout).toContain(word);
    expect(run.stderr).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  });
});
