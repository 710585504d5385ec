/**
 * contacts.csv for `npm start -- --csv`: RFC 4180 rows (CRLF, fields with quotes or separators in double quotes,
 * quotes doubled), separated by `,` or `;` (what Excel expects where the decimal mark is a comma, as in Russian),
 * after a UTF-8 byte-order mark (so Excel reads Cyrillic and emoji as UTF-8, not the system's code page), with
 * OWASP's CSV-injection advice (https://owasp.org/www-community/attacks/CSV_Injection): a field that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` and is quoted, so a spreadsheet opening the
 * file runs no formula and turns no `+7…` phone into a number. Pure: no I/O.
 */

/** First characters that make a spreadsheet read a CSV field as a formula (or a number). */
export const CSV_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

/** The text of a sheet value: dates as ISO 8601, empty for null and undefined. */
export function cellText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return value == null ? '' : String(value);
}

/** True when a spreadsheet would not take `text` as plain text (it starts with a trigger character). */
export function startsWithTrigger(text: string): boolean {
  return text !== '' && CSV_TRIGGERS.includes(text[0]);
}

/**
 * One CSV field. Triggers: `'` + text, quoted. Otherwise quoted only when needed: a quote, comma, line break,
 * or a semicolon or tab (separators in other locales, so `a;=1+1` stays one field there too).
 */
export function csvField(value: unknown): string {
  const text = cellText(value);
  const quoted = (inner: string) => `"${inner.replace(/"/g, '""')}"`;
  if (startsWithTrigger(text)) return quoted(`'${text}`);
  return /[",;\t\r\n]/.test(text) ? quoted(text) : text;
}

/** The separators a person may choose. */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

/** The UTF-8 byte-order mark that starts the file. */
export const UTF8_BOM = '\uFEFF';

/** The rows: one CRLF-terminated line per row, fields joined by `separator`. */
export function toCsv(rows: readonly (readonly unknown[])[], separator: CsvSeparator = ','): string {
  return rows.map((row) => `${row.map(csvField).join(separator)}\r\n`).join('');
}

/** The whole file: the byte-order mark, then the rows. */
export function csvFile(rows: readonly (readonly unknown[])[], separator: CsvSeparator = ','): string {
  return UTF8_BOM + toCsv(rows, separator);
}
