/**
 * The number checks as a keyed table ("WhatsApp Number Checks"): Number (E.164, the key), WhatsApp (`yes`/`no`),
 * Chat ID (what GREEN-API resolved, maybe an `@lid` id), Checked at (UTC, `yyyy-MM-dd HH:mm:ss`), then the
 * writer's Status column, which stays empty: a number is never "removed", each check only adds or updates its
 * row. Pure: the rows a check writes and the answers read back from the table's rows.
 */
import type { TableSchema } from '../table/keyed-table';
import { isRemovedMark } from '../table/removed-mark';

/** Header words of each column, the current language's first. */
export interface CheckHeaders {
  number: readonly string[];
  whatsapp: readonly string[];
  chatId: readonly string[];
  checkedAt: readonly string[];
  status: readonly string[];
}

/** A number in E.164. */
export const E164 = /^\+[1-9]\d{6,14}$/;
const CHAT_ID = /^[\w.+-]+@(c\.us|lid)$/;
const STAMP = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/;

/** The checks table's schema. */
export function checksSchema(headers: CheckHeaders): TableSchema {
  return {
    columns: [
      { id: 'number', headers: headers.number, key: true, fits: (text) => E164.test(text) },
      { id: 'whatsapp', headers: headers.whatsapp, fits: (text) => text === 'yes' || text === 'no' },
      { id: 'chatId', headers: headers.chatId, fits: (text) => CHAT_ID.test(text) },
      { id: 'checkedAt', headers: headers.checkedAt, fits: (text) => STAMP.test(text) },
    ],
    status: { id: 'status', headers: headers.status, fits: isRemovedMark },
    validKey: (parts) => E164.test(parts[0]),
    label: (row) => row[1] ?? '',
    context: () => '',
  };
}

/** One answer GREEN-API gave. */
export interface CheckedNumber {
  e164: string;
  exists: boolean;
  chatId: string;
  /** Epoch ms. */
  at: number;
}

/** A table row for an answer. */
export function checkRow(check: CheckedNumber): string[] {
  return [check.e164, check.exists ? 'yes' : 'no', check.chatId, stamp(check.at)];
}

/** The answers in the table's rows (its data columns, as readTableRows gives them), by E.164. */
export function checksOf(rows: readonly (readonly string[])[]): Map<string, CheckedNumber> {
  const known = new Map<string, CheckedNumber>();
  for (const row of rows) {
    const [e164, answer, chatId, at] = row.map((cell) => String(cell ?? '').trim());
    const when = parseStamp(at);
    if (!E164.test(e164) || (answer !== 'yes' && answer !== 'no') || when === null) continue;
    known.set(e164, { e164, exists: answer === 'yes', chatId, at: when });
  }
  return known;
}

/** The answers checked within `days` of `now`. */
export function freshChecks(
  known: ReadonlyMap<string, CheckedNumber>,
  now: number,
  days: number,
): Map<string, CheckedNumber> {
  const since = now - days * 24 * 60 * 60_000;
  return new Map([...known].filter(([, check]) => check.at >= since));
}

/** `yyyy-MM-dd HH:mm:ss` in UTC. */
export function stamp(at: number): string {
  return new Date(at).toISOString().slice(0, 19).replace('T', ' ');
}

function parseStamp(text: string): number | null {
  const m = STAMP.exec(text);
  if (!m) return null;
  const at = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]);
  return Number.isFinite(at) ? at : null;
}
