/**
 * `npm start`: the add-on's main job, locally. Starts the fake GREEN-API with its sample contacts (or, with
 * GREEN_API_URL, GREEN_API_ID_INSTANCE and GREEN_API_TOKEN all set, uses the real GREEN-API), loads the built
 * dist/ into the Apps Script emulator, saves the settings and clicks Import contacts — the same code path as in
 * Sheets — then prints the sheet as a table and writes contacts.xlsx (every cell text, a bold frozen header),
 * with --csv contacts.csv (UTF-8 with a byte-order mark, `,` or `;`, neutralized against CSV injection) and,
 * with --json, contacts.json (exact values). Files are written to a temporary name and renamed, so a failed run
 * never leaves an old file looking fresh. The token is never printed: every byte this process writes to
 * stdout or stderr passes through a redactor. Failures name the GREEN_API_* variables, never the sidebar's fields
 * (runner/messages.ts). `npm start -- --help` lists the options and variables.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmulator } from '../test/support/emulator';
import { DEFAULT_API_TOKEN, DEFAULT_ID_INSTANCE, startFakeGreenApi } from '../test/support/fake-green-api';
import { csvFile } from './runner/csv';
import { commandLineWords, importFailure } from './runner/messages';
import {
  DEFAULT_OPTIONS,
  HELP,
  type Options,
  parseArgs,
  RunnerError,
  readLocale,
  readSource,
  redactor,
} from './runner/options';
import { MAX_CELL_CHARS, toXlsx } from './runner/xlsx';

const SHEET = 'WhatsApp Contacts';
const XLSX_FILE = 'contacts.xlsx';
const CSV_FILE = 'contacts.csv';
const JSON_FILE = 'contacts.json';

// The last safety net, installed before anything is printed: whatever the input, the token never leaves.
const redact = redactor([process.env.GREEN_API_TOKEN, DEFAULT_API_TOKEN]);
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) =>
    write(
      typeof chunk === 'string'
        ? redact(chunk)
        : chunk instanceof Uint8Array
          ? redact(Buffer.from(chunk).toString('utf8'))
          : chunk,
      ...rest,
    )) as typeof stream.write;
}

function printTable(rows: unknown[][]): void {
  const shown = rows.map((row) =>
    row.map((cell) => {
      const text = String(cell ?? '').replace(/\s+/g, ' ');
      return text.length > 36 ? `${text.slice(0, 33)}… (${text.length} chars)`.slice(0, 48) : text;
    }),
  );
  const widths = shown[0].map((_, col) => Math.max(...shown.map((row) => [...(row[col] ?? '')].length)));
  const line = (row: string[]) =>
    row.map((cell, col) => cell + ' '.repeat(widths[col] - [...cell].length)).join(' │ ');
  console.log(line(shown[0]));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const row of shown.slice(1)) console.log(line(row));
}

/** The sheet's rows as JSON: an array of rows (header first), one row per line. */
function toJson(rows: unknown[][]): string {
  return `[\n${rows.map((row) => `  ${JSON.stringify(row)}`).join(',\n')}\n]\n`;
}

/** Writes every file under a temporary name in `dir`, then renames them all; on failure removes the temporaries. */
function writeAtomically(dir: string, files: Array<{ name: string; content: string | Buffer }>): void {
  mkdirSync(dir, { recursive: true });
  const staged = files.map((file) => ({ ...file, tmp: join(dir, `.${file.name}.${process.pid}.tmp`) }));
  try {
    for (const file of staged) writeFileSync(file.tmp, file.content);
    for (const file of staged) renameSync(file.tmp, join(dir, file.name));
  } catch (error) {
    for (const file of staged) rmSync(file.tmp, { force: true });
    throw error;
  }
}

/** After a failure: says plainly whether the files on disk are from an earlier run. */
function reportFilesOnDisk(options: Options): void {
  for (const name of fileNames(options)) {
    const path = join(options.outDir, name);
    if (!existsSync(path)) {
      console.error(`No ${path} was written.`);
      continue;
    }
    const modified = statSync(path)
      .mtime.toISOString()
      .replace('T', ' ')
      .replace(/\.\d+Z$/, ' UTC');
    console.error(`${path} on disk is from an earlier run (modified ${modified}), not from this one.`);
  }
}

/** The files a run writes. */
function fileNames(options: Options): string[] {
  return [XLSX_FILE, ...(options.csv ? [CSV_FILE] : []), ...(options.json ? [JSON_FILE] : [])];
}

/** The kind of the last refresh's error, from the add-on's status (document property wa.status). */
function lastErrorKind(properties: Record<string, string>): string | null {
  try {
    return (
      (JSON.parse(properties['wa.status'] ?? 'null') as { errorKind?: string } | null)?.errorKind ?? null
    );
  } catch (_) {
    return null;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One run; throws RunnerError (or the emulator's error) when anything fails. */
async function run(options: Options): Promise<void> {
  const locale = readLocale(process.env);
  const source = readSource(process.env);
  const fake = source.kind === 'fake' ? await startFakeGreenApi() : null;
  try {
    const settings =
      source.kind === 'real'
        ? { apiUrl: source.apiUrl, idInstance: source.idInstance, apiTokenInstance: source.apiTokenInstance }
        : { apiUrl: fake?.url, idInstance: DEFAULT_ID_INSTANCE, apiTokenInstance: DEFAULT_API_TOKEN };
    console.log(
      source.kind === 'real'
        ? `Using the real GREEN-API at ${settings.apiUrl}`
        : `No GREEN_API_* variables set: using the fake GREEN-API at ${settings.apiUrl} with sample contacts`,
    );

    const emu = createEmulator({ distDir: 'dist', locale, allowLoopback: true });
    emu.runOnOpen('NONE');
    try {
      emu.run('saveSettings', settings);
    } catch (error) {
      throw new RunnerError(`The add-on refused the settings: ${commandLineWords(errorText(error))}`);
    }
    const report = emu.run('importContacts') as { outcome: string; message: string };
    if (report.outcome !== 'ok') {
      const message = importFailure(lastErrorKind(emu.properties.document), report.message);
      throw new RunnerError(`Import contacts → ${report.outcome}: ${message}`);
    }
    console.log(`Import contacts → ${report.outcome}: ${report.message}\n`);
    if (!emu.spreadsheet.getSheetByName(SHEET)) throw new RunnerError(`The import left no sheet "${SHEET}".`);

    const rows = emu.sheetValues(SHEET);
    printTable(rows);
    const workbook = await toXlsx(rows, SHEET);
    const files: Array<{ name: string; content: string | Buffer }> = [
      { name: XLSX_FILE, content: workbook.bytes },
    ];
    if (options.csv) files.push({ name: CSV_FILE, content: csvFile(rows, options.separator) });
    if (options.json) files.push({ name: JSON_FILE, content: toJson(rows) });
    writeAtomically(options.outDir, files);
    const written = files.map((file) => join(options.outDir, file.name)).join(', ');
    console.log(`\n${rows.length - 1} contacts written to ${written}`);
    console.log(
      `${XLSX_FILE} holds every cell as text${workbook.cut.length > 0 ? '' : ', exactly as in the sheet'}.`,
    );
    if (workbook.cut.length > 0)
      console.log(
        `Cut to ${MAX_CELL_CHARS} characters in ${XLSX_FILE} (Excel's limit for a cell): ${workbook.cut.join(', ')}` +
          `${options.json ? `; ${JSON_FILE} has them whole` : ' (--json writes them whole)'}.`,
      );
    if (options.csv)
      console.log(
        `In ${CSV_FILE} (UTF-8, separated by "${options.separator}") a field starting with =, +, -, @, a tab or ` +
          `a carriage return has a leading ' so that spreadsheets show it as text.`,
      );
  } finally {
    await fake?.stop();
  }
}

async function main(): Promise<number> {
  let options: Options = DEFAULT_OPTIONS;
  try {
    options = parseArgs(process.argv.slice(2));
    if (options.help) {
      console.log(HELP);
      return 0;
    }
    await run(options);
    return 0;
  } catch (error) {
    console.error(error instanceof RunnerError ? error.message : `Failed: ${errorText(error)}`);
    reportFilesOnDisk(options);
    return 1;
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`Failed: ${errorText(error)}`);
    process.exitCode = 1;
  },
);
