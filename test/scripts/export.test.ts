/**
 * The files `npm start` writes for people: contacts.xlsx (every cell a text cell holding the exact string, a bold
 * frozen header) and contacts.csv (UTF-8 byte-order mark, `,` or `;`, injection-neutralized). Read back by an
 * independent unzip + XML reading of the workbook, property-tested, and — where LibreOffice is installed —
 * opened by LibreOffice Calc headless and read back cell by cell with its types. Without LibreOffice the round
 * trip is skipped with a printed reason; under CI=true it must run.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { csvField, csvFile, toCsv, UTF8_BOM } from '../../scripts/runner/csv';
import { escapeXstring, MAX_CELL_CHARS, toXlsx } from '../../scripts/runner/xlsx';
import { underCi } from '../support/browser';
import { parseCsv } from '../support/csv';
import { findLocalSoffice } from '../support/libreoffice';
import { decodeXstring, readXlsx, rowOf, unescapeXml } from '../support/xlsx-reader';

/** Strings that spreadsheets love to turn into something else, and text XML cannot carry as is. */
const NASTY = [
  '+79001234567',
  '00123',
  '2024-01-02',
  'TRUE',
  '1e5',
  '-5',
  '=1+1',
  '=HYPERLINK("http://evil.example","x")',
  '@mention',
  "'quoted",
  'Семья 👨‍👩‍👧',
  'Люся Сидорова; кружок, шитья',
  'Tab\there',
  'line\nbreak',
  '  spaces around  ',
  'CR\rinside',
  'bell\u0007and\u0001',
  'literal _x0041_ escape',
  '"quotes"',
  '1/2',
  '12:30',
  '50%',
  'toString',
  '__proto__',
  'constructor',
];

/** The rows the round trips use: a header and one row per nasty string, in two columns. */
const ROWS = [
  ['ID', 'Name', 'Contact name'],
  ...NASTY.map((text, i) => [`7999000${i}@c.us`, text, `${text}!`]),
];
/**
 * The rows LibreOffice is asked to keep exactly: Calc itself drops C0 control characters other than tab and line
 * breaks from any text it reads (seen with LibreOffice 7.4: `bell_x0007_x` and a literal U+0007 both read `bellx`).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters Calc drops.
const CALC_DROPS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const CALC_ROWS = ROWS.filter((row) => !row.some((v) => CALC_DROPS.test(v)));

describe('contacts.xlsx', () => {
  it('holds every cell as a text cell (Text format, never a formula) with the exact string', async () => {
    const { bytes, cut } = await toXlsx(ROWS, 'WhatsApp Contacts');
    expect(cut).toEqual([]);
    const book = readXlsx(bytes);
    expect(book.sheetName).toBe('WhatsApp Contacts');
    expect(book.cells).toHaveLength(ROWS.flat().length);
    for (const cell of book.cells) {
      expect(cell.type).toBe('s');
      expect(cell.formula).toBe(false);
      expect(book.xfs[cell.style].text).toBe(true);
    }
    const read = ROWS.map((_, r) => rowOf(book.cells, r + 1).map((c) => c.text));
    expect(read).toEqual(ROWS);
  });

  it('has a bold header row, frozen, and plain body rows', async () => {
    const book = readXlsx((await toXlsx(ROWS, 'WhatsApp Contacts')).bytes);
    expect(rowOf(book.cells, 1).every((c) => book.xfs[c.style].bold)).toBe(true);
    expect(rowOf(book.cells, 2).some((c) => book.xfs[c.style].bold)).toBe(false);
    expect(book.pane).toMatch(/ySplit="1"/);
    expect(book.pane).toMatch(/state="frozen"/);
  });

  it('reads back exactly for any strings (control characters, lone surrogates and _xHHHH_ look-alikes too)', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 12 }),
      fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf', '_x0074_oString'),
      fc.string({
        unit: fc.constantFrom('_', 'x', '0', '0', '4', '1', 'A', '\r', '\u0001', '\uD800', '\uDC00', 'я'),
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }),
        async (body) => {
          const rows = [['A', 'B', 'C'], ...body];
          const book = readXlsx((await toXlsx(rows, 'S')).bytes);
          for (const cell of book.cells) {
            const col = cell.ref.charCodeAt(0) - 65;
            const row = Number(cell.ref.slice(1)) - 1;
            expect(cell.text).toBe(rows[row][col]);
          }
          // Empty strings are no cell; every other string is one.
          expect(book.cells).toHaveLength(rows.flat().filter((v) => v !== '').length);
        },
      ),
      { numRuns: 60 },
    );
    expect(decodeXstring(escapeXstring('_x0041_\r\u0001'))).toBe('_x0041_\r\u0001');
  });

  it("cuts a cell longer than Excel's 32,767 characters, never inside an emoji, and names it", async () => {
    const long = `${'a'.repeat(MAX_CELL_CHARS - 1)}👍tail`;
    const { bytes, cut } = await toXlsx(
      [
        ['ID', 'Name'],
        ['1@c.us', long],
      ],
      'S',
    );
    expect(cut).toEqual(['B2']);
    const text = readXlsx(bytes).cells.find((c) => c.ref === 'B2')?.text;
    expect(text).toBe('a'.repeat(MAX_CELL_CHARS - 1));
  });
});

describe('contacts.csv', () => {
  it('starts with the UTF-8 byte-order mark and separates by the chosen , or ;', () => {
    for (const sep of [',', ';'] as const) {
      const file = csvFile(ROWS, sep);
      expect(Buffer.from(file, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      expect(file.startsWith(UTF8_BOM)).toBe(true);
      const back = parseCsv(file.slice(1), sep);
      expect(back.map((r) => r.length)).toEqual(ROWS.map((r) => r.length));
      expect(back[12][1]).toBe('Люся Сидорова; кружок, шитья');
      expect(back[11][1]).toBe('Семья 👨‍👩‍👧');
    }
  });

  it('quotes a field holding either separator, so it stays one field whichever a program uses', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('a,b')).toBe('"a,b"');
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(',', ';'),
        (row, sep) => {
          const [back] = parseCsv(toCsv([row], sep as ',' | ';'), sep);
          expect(back).toHaveLength(row.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// ---- LibreOffice Calc, headless ------------------------------------------------------------------------------

const LOOKUP = findLocalSoffice();
const SOFFICE = LOOKUP.found ? LOOKUP.path : null;
if (!LOOKUP.found) {
  if (underCi()) throw new Error(`CI=true and the LibreOffice round trip cannot run: ${LOOKUP.reason}`);
  console.warn(`Skipping the LibreOffice round trip of contacts.xlsx and contacts.csv: ${LOOKUP.reason}`);
}
const withLibreOffice = SOFFICE ? describe : describe.skip;

const work = mkdtempSync(join(tmpdir(), 'wa-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Opens `files` in LibreOffice Calc (with `infilter` for CSV) and saves them as flat ODS; returns their XML. */
function throughLibreOffice(files: string[], infilter?: string): string[] {
  const out = mkdtempSync(join(work, 'out-'));
  execFileSync(
    SOFFICE as string,
    [
      `-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`,
      '--headless',
      '--norestore',
      ...(infilter ? [`--infilter=${infilter}`] : []),
      '--convert-to',
      'fods',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'pipe', timeout: 60_000 },
  );
  expect(readdirSync(out)).toHaveLength(files.length);
  return files.map((f) => readFileSync(join(out, basename(f).replace(/\.\w+$/, '.fods')), 'utf8'));
}

interface CalcCell {
  type: string;
  text: string;
  formula: boolean;
}

/** The text of a <text:p>: spans, <text:s text:c="n"/>, <text:tab/>, <text:line-break/>. */
function paragraphText(xml: string): string {
  return unescapeXml(
    xml
      .replace(/<text:s(?:\s+text:c="(\d+)")?\s*\/>/g, (_, n?: string) => ' '.repeat(Number(n ?? 1)))
      .replace(/<text:tab\s*\/>/g, '\t')
      .replace(/<text:line-break\s*\/>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

/** The first table of a flat ODS document: rows of cells with their value type and text. */
function readFods(xml: string): CalcCell[][] {
  const table = /<table:table\s[\s\S]*?<\/table:table>/.exec(xml)?.[0] ?? '';
  const rows: CalcCell[][] = [];
  for (const row of table.matchAll(/<table:table-row\b[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const cells: CalcCell[] = [];
    for (const cell of (row[1] ?? '').matchAll(
      /<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
    )) {
      const attrs = cell[1];
      const repeat = Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1);
      const paragraphs = [...(cell[2] ?? '').matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)];
      const value: CalcCell = {
        type: /office:value-type="(\w+)"/.exec(attrs)?.[1] ?? '',
        text: paragraphs.map((p) => paragraphText(p[1] ?? '')).join('\n'),
        formula: /table:formula=/.test(attrs),
      };
      for (let k = 0; k < Math.min(repeat, 50); k++) cells.push(value);
    }
    while (cells.length > 0 && cells[cells.length - 1].type === '') cells.pop();
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

let csvFods: Record<',' | ';', string> | null = null;

/**
 * Both CSVs opened by one LibreOffice run (a start of Calc is most of the test's time), as a person picks in
 * Calc's Text Import dialog: Unicode (UTF-8), double quotes, from row 1, and the separators `,` and `;` both ticked
 * — so a field holding the other separator must be quoted to stay one field, which is the point.
 */
function csvThroughCalc(): Record<',' | ';', string> {
  if (!csvFods) {
    const comma = join(work, 'contacts-comma.csv');
    const semicolon = join(work, 'contacts-semicolon.csv');
    writeFileSync(comma, csvFile(CALC_ROWS, ','));
    writeFileSync(semicolon, csvFile(CALC_ROWS, ';'));
    const [a, b] = throughLibreOffice([comma, semicolon], 'CSV:44/59,34,76,1');
    csvFods = { ',': a, ';': b };
  }
  return csvFods;
}

withLibreOffice('contacts.xlsx and contacts.csv opened in LibreOffice Calc', () => {
  it('xlsx: every cell is text with the exact string — Cyrillic, emoji, phones, 00123, dates, TRUE, formulas', async () => {
    const path = join(work, 'contacts.xlsx');
    writeFileSync(path, (await toXlsx(CALC_ROWS, 'WhatsApp Contacts')).bytes);
    const [fods] = throughLibreOffice([path]);
    const rows = readFods(fods);
    expect(rows.map((row) => row.map((c) => c.text))).toEqual(CALC_ROWS);
    for (const cell of rows.flat()) {
      expect(cell.type).toBe('string');
      expect(cell.formula).toBe(false);
    }
  });

  it.each([',', ';'] as const)(
    'csv with %s: UTF-8 names intact, one field per value, no formula run, neutralized fields kept as text',
    (sep) => {
      const rows = readFods(csvThroughCalc()[sep]);
      expect(rows).toHaveLength(CALC_ROWS.length);
      for (const cell of rows.flat()) expect(cell.formula).toBe(false);
      CALC_ROWS.forEach((row, r) => {
        row.forEach((value, c) => {
          const cell = rows[r][c];
          if (/^[=+\-@\t\r]/.test(value)) {
            // Neutralized: kept as text, with the apostrophe Calc shows.
            expect(cell).toMatchObject({ type: 'string', text: `'${value}` });
          } else if (/^[\p{L}\p{Extended_Pictographic}"' _]/u.test(value) && !/^(TRUE|FALSE)$/.test(value)) {
            expect(cell).toMatchObject({ type: 'string', text: value.replace(/\r/g, '\n') });
          }
        });
      });
      const byText = new Map(rows.map((row) => [row[0].text, row]));
      expect(byText.get('799900010@c.us')?.[1].text).toBe('Семья 👨‍👩‍👧');
      expect(byText.get('799900011@c.us')?.[1].text).toBe('Люся Сидорова; кружок, шитья');
      // What a CSV cannot prevent, and the reason contacts.xlsx is the default: Calc reads these as values.
      const typed = (value: string) => {
        const row = rows[CALC_ROWS.findIndex((r) => r[1] === value)];
        return { type: row[1].type, text: row[1].text };
      };
      expect(typed('00123')).toEqual({ type: 'float', text: '123' });
      expect(typed('2024-01-02').type).toBe('date');
      expect(typed('TRUE').type).toBe('boolean');
    },
  );
});
