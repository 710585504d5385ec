/**
 * contacts.xlsx for `npm start`, the file people open: one sheet, every cell a text cell (type String with the
 * Text number format `@`), so `+7…` phones, `00123`, `2024-01-02`, `TRUE` and `=1+1` stay exactly the text they
 * are — no apostrophe, no number, date, boolean or formula — and stay text when someone edits them; a bold header
 * row, frozen. Written by write-excel-file (README, "The local export": why that library).
 *
 * SpreadsheetML stores text in XML, which cannot hold most control characters and turns a carriage return into a
 * line feed. ECMA-376 Part 1, §22.4.2.4 (ST_Xstring) escapes a character as `_xHHHH_`, and a literal `_xHHHH_`
 * as `_x005F_xHHHH_`: done here, so every string reads back exactly (checked against LibreOffice in the tests).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import { cellText } from './csv';

/** Excel's limit of characters in one cell (https://support.microsoft.com/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3). */
export const MAX_CELL_CHARS = 32_767;

/**
 * A literal text Excel would read as an escape; a character XML 1.0 cannot carry (C0 controls but tab and line
 * feed, lone surrogates, U+FFFE/U+FFFF); CR (XML readers turn it into a line feed); and the characters
 * write-excel-file drops as "discouraged" (U+007F–U+009F but U+0085, U+FDD0–U+FDEF, U+FFFD, the noncharacters
 * at the end of each plane).
 */
const NEEDS_ESCAPE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: exactly the characters XML cannot carry as they are.
  /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B-\u001F\u007F-\u0084\u0086-\u009F\uFDD0-\uFDEF\uFFFD-\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const hex = (unit: number) => `_x${unit.toString(16).toUpperCase().padStart(4, '0')}_`;

/** A string as ST_Xstring: each such character as _xHHHH_ (per UTF-16 unit), a literal _xHHHH_ protected. */
export function escapeXstring(text: string): string {
  return text.replace(NEEDS_ESCAPE, (match) =>
    match.startsWith('_x')
      ? `_x005F_${match.slice(1)}`
      : Array.from({ length: match.length }, (_, i) => hex(match.charCodeAt(i))).join(''),
  );
}

/**
 * write-excel-file 4.1 looks shared strings up in a plain object, so a cell whose text is a name of
 * Object.prototype ("toString", "constructor", "__proto__"…) would get a wrong index and a corrupt cell (found by
 * the property test). Such texts are handed to it as placeholders, and put back into xl/sharedStrings.xml after.
 */
function isPrototypeName(text: string): boolean {
  return text in Object.prototype || text === '__proto__';
}

/** One cell: text, typed as text. Empty values are no cell at all. */
function textCell(value: string, header: boolean): Cell {
  if (value === '') return null;
  return { value, type: String, format: '@', ...(header ? { fontWeight: 'bold' } : {}) };
}

/** `text` cut to Excel's cell limit (never inside a surrogate pair). */
export function fitCell(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_CELL_CHARS - 1]) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS;
  return text.slice(0, end);
}

/** Replaces each placeholder's shared string by the text it stands for. */
function restorePlaceholders(bytes: Buffer, placeholders: Map<string, string>): Buffer {
  if (placeholders.size === 0) return bytes;
  const files = unzipSync(bytes);
  const name = 'xl/sharedStrings.xml';
  let xml = strFromU8(files[name]);
  for (const [placeholder, text] of placeholders) {
    // Prototype names are plain identifiers: nothing in them needs XML escaping.
    xml = xml.split(`>${placeholder}<`).join(`>${text}<`);
  }
  files[name] = strToU8(xml);
  return Buffer.from(zipSync(files));
}

/** Column widths in characters, from the longest line of each column (8 to 50). */
function widths(rows: readonly (readonly unknown[])[]): Array<{ width: number }> {
  const count = Math.max(0, ...rows.map((row) => row.length));
  return Array.from({ length: count }, (_, col) => {
    let longest = 0;
    for (const row of rows.slice(0, 2000)) {
      for (const line of cellText(row[col]).split('\n')) longest = Math.max(longest, [...line].length);
    }
    return { width: Math.min(50, Math.max(8, longest + 2)) };
  });
}

/** A workbook, and the cells (A1 names) cut to Excel's limit. */
export interface Workbook {
  bytes: Buffer;
  cut: string[];
}

/** The workbook: `rows[0]` is the header. Cells longer than Excel allows are cut, and named in `cut`. */
export async function toXlsx(rows: readonly (readonly unknown[])[], sheet: string): Promise<Workbook> {
  const cut: string[] = [];
  const placeholders = new Map<string, string>();
  const placeholderOf = new Map<string, string>();
  const data: SheetData = rows.map((row, r) =>
    row.map((value, c) => {
      const text = cellText(value);
      const fitted = fitCell(text);
      if (fitted !== text) cut.push(`${columnName(c)}${r + 1}`);
      let escaped = escapeXstring(fitted);
      if (isPrototypeName(escaped)) {
        let placeholder = placeholderOf.get(escaped);
        if (!placeholder) {
          placeholder = `wa-placeholder-${placeholders.size}-${Math.random().toString(36).slice(2)}`;
          placeholders.set(placeholder, escaped);
          placeholderOf.set(escaped, placeholder);
        }
        escaped = placeholder;
      }
      return textCell(escaped, r === 0);
    }),
  );
  const bytes = await writeXlsxFile(data, {
    sheet: sheet.slice(0, 31),
    columns: widths(rows),
    stickyRowsCount: rows.length > 0 ? 1 : 0,
  }).toBuffer();
  return { bytes: restorePlaceholders(bytes, placeholders), cut };
}

/** A, B, …, Z, AA, … */
function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
