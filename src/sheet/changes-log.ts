/**
 * The changes log: the sheet "WhatsApp Contacts changes", one row per change per refresh (time, change, ID,
 * before, after, group), appended in one setValues per refresh, oldest rows deleted beyond the newest 50,000.
 * The sheet is the add-on's own; it is created with its header and only its own columns on first use. Calls do not grow with the lines:
 * find the sheet, its last row and size, grow it if needed, one number format, one write, and one deleteRows
 * when the log is over its limit.
 */
import type { Translate } from '../i18n/i18n';
import { asTypedText } from '../table/cell-text';
import type { ChangeEntry } from '../table/keyed-table';
import { AUTOMATIC_FORMAT } from './keyed-sheet';

/** The log sheet; the same name in every language, so every user and trigger finds it. */
export const LOG_SHEET = 'WhatsApp Contacts changes';
/** The log keeps its newest lines up to this many. */
export const LOG_LIMIT = 50_000;

/** Appends `lines` (exact text, one cell per header word) to the log; returns the number of lines kept. */
export function appendChanges(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  header: readonly string[],
  lines: readonly (readonly string[])[],
): number {
  if (lines.length === 0) return 0;
  const kept = lines.length > LOG_LIMIT ? lines.slice(lines.length - LOG_LIMIT) : lines;
  const existing = spreadsheet.getSheetByName(LOG_SHEET);
  const sheet = existing ?? spreadsheet.insertSheet(LOG_SHEET);
  const rows = kept.map((line) => line.map(asTypedText));
  const last = existing ? Math.max(sheet.getLastRow(), 1) : 0;
  if (existing) {
    sheet.insertRowsAfter(last, rows.length); // room right below the last line, without asking the size
  } else {
    rows.unshift(header.map(asTypedText));
    // A new sheet has 26 columns; the log needs its own only (a spreadsheet holds at most 10 million cells:
    // https://support.google.com/drive/answer/37603).
    const columns = sheet.getMaxColumns();
    if (columns > header.length) sheet.deleteColumns(header.length + 1, columns - header.length);
    sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
    sheet.setFrozenRows(1);
    const max = sheet.getMaxRows();
    if (max < rows.length) sheet.insertRowsAfter(max, rows.length - max);
  }
  const first = last + 1;
  const need = last + rows.length;
  const range = sheet.getRange(first, 1, rows.length, header.length);
  range.setNumberFormat(AUTOMATIC_FORMAT);
  range.setValues(rows);
  const excess = need - 1 - LOG_LIMIT;
  if (excess > 0) sheet.deleteRows(2, excess);
  return kept.length;
}

/** The log's header row in the user's language. */
export function logHeader(t: Translate): string[] {
  return [
    t('log.header.time'),
    t('log.header.change'),
    t('log.header.id'),
    t('log.header.before'),
    t('log.header.after'),
    t('log.header.group'),
  ];
}

/** The words a table uses for its changes (contacts: renamed; members: joined, left, role changed). */
export interface ChangeWords {
  added: string;
  removed: string;
  returned: string;
  changed: string;
  /** An own column added at the right edge (the log's Before: the person's column of that name it left). */
  column: string;
  imported(count: number): string;
}

/** Log lines for a merge's changes: time, change, ID (from the key), before, after, group. */
export function changeLines(
  changes: readonly ChangeEntry[],
  words: ChangeWords,
  time: string,
  idOf: (key: readonly string[]) => string,
): string[][] {
  return changes.map((c) =>
    c.change === 'imported'
      ? [time, words.added, '', '', words.imported(c.count ?? 0), '']
      : c.change === 'column'
        ? [time, words.column, '', c.before, c.after, '']
        : [time, words[c.change], idOf(c.key), c.before, c.after, c.context],
  );
}
