// Sheets "typed input" parsing (what happens to a string written with Range.setValue/setValues, or typed by a
// person): leading apostrophe → text, "=..." → formula, TRUE/FALSE → boolean, numbers in many spellings
// (leading zeros, +/-, thousands separators, %, $, exponent, parentheses, "+7 900 123" phone-like), dates and
// times → Date; everything else stays text. Reference §4.1; Sheets API ValueInputOption USER_ENTERED:
// https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption. Locale: en_US only.

import { zonedToInstant } from './format';
import type { CellValue } from './types';

/** Result of parsing one typed string. */
export type TypedInput =
  | { kind: 'formula'; formula: string }
  | { kind: 'value'; value: CellValue; numberFormat?: string };

/** Max characters per cell (secondary sources; UNVERIFIED wording of the error → stricter reading: throw). */
export const MAX_CELL_CHARS = 50000;
export const TOO_LONG_MESSAGE =
  'Your input contains more than the maximum of 50000 characters in a single cell.';

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+`;
const PLAIN = new RegExp(`^([+-]?)(${NUM})([eE][+-]?\\d+)?$`);
const PERCENT = new RegExp(`^([+-]?)(${NUM})%$`);
const CURRENCY = new RegExp(`^([+-]?)\\$([+-]?)(${NUM})$`);
const PHONE = /^\+\d+(?: \d+)+$/;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?`;
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T]${TIME})?$`);
const US_DATE = new RegExp(`^(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?(?: ${TIME})?$`);
const TIME_ONLY = new RegExp(`^${TIME}$`);

function toNumber(digits: string): number {
  return Number(digits.replace(/,/g, ''));
}

function parseNumber(t: string): { value: number; numberFormat?: string } | null {
  let m = PLAIN.exec(t);
  if (m) {
    const v = toNumber(m[2] + (m[3] ?? ''));
    const signed = m[1] === '-' ? -v : v;
    if (m[3]) return { value: signed, numberFormat: '0.00E+00' };
    if (m[2].includes(',')) return { value: signed, numberFormat: m[2].includes('.') ? '#,##0.00' : '#,##0' };
    return { value: signed };
  }
  m = PERCENT.exec(t);
  if (m) {
    const v = toNumber(m[2]) / 100;
    return { value: m[1] === '-' ? -v : v, numberFormat: m[2].includes('.') ? '0.00%' : '0%' };
  }
  m = CURRENCY.exec(t);
  if (m && !(m[1] && m[2])) {
    const v = toNumber(m[3]);
    return { value: m[1] === '-' || m[2] === '-' ? -v : v, numberFormat: '"$"#,##0.00' };
  }
  if (PHONE.test(t)) {
    // "+7 900 123": stricter reading of an UNVERIFIED case — the spaces are dropped and it becomes a number.
    return { value: Number(t.slice(1).replace(/ /g, '')) };
  }
  const paren = /^\((.+)\)$/.exec(t);
  if (paren && !/^[+-]/.test(paren[1])) {
    const inner = parseNumber(paren[1]);
    if (inner && !/^\+/.test(paren[1])) return { value: -inner.value, numberFormat: inner.numberFormat };
  }
  return null;
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function timeParts(h?: string, mi?: string, s?: string, ap?: string): [number, number, number] | null {
  if (h === undefined || mi === undefined) return [0, 0, 0];
  let hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (minute > 59 || second > 59) return null;
  if (ap) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ap.toLowerCase() === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return [hour, minute, second];
}

function parseDate(t: string, tz: string, currentYear: number): { value: Date; numberFormat: string } | null {
  const iso = ISO_DATE.exec(t);
  const us = iso ? null : US_DATE.exec(t);
  const timeOnly = iso || us ? null : TIME_ONLY.exec(t);
  let y: number;
  let mo: number;
  let d: number;
  let time: [number, number, number] | null;
  let fmt: string;
  if (iso) {
    const m = iso;
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
    time = timeParts(m[4], m[5], m[6], m[7]);
    fmt = m[4] ? 'yyyy-mm-dd H:mm:ss' : 'yyyy-mm-dd';
  } else if (us) {
    const m = us;
    mo = Number(m[1]);
    d = Number(m[2]);
    if (m[3] === undefined) y = currentYear;
    else if (m[3].length === 2) {
      const yy = Number(m[3]);
      y = yy < 30 ? 2000 + yy : 1900 + yy; // Sheets' two-digit year window (1930–2029).
    } else y = Number(m[3]);
    time = timeParts(m[4], m[5], m[6], m[7]);
    fmt = m[4] ? 'M/d/yyyy H:mm:ss' : m[3] === undefined ? 'M/d' : 'M/d/yyyy';
  } else if (timeOnly) {
    const m = timeOnly;
    time = timeParts(m[1], m[2], m[3], m[4]);
    if (!time) return null;
    // Times are stored on Sheets' epoch day 1899-12-30.
    const ms = zonedToInstant(1899, 12, 30, time[0], time[1], time[2], tz);
    return { value: new Date(ms), numberFormat: m[4] ? 'h:mm AM/PM' : m[3] ? 'H:mm:ss' : 'H:mm' };
  } else return null;
  if (!time || !validDate(y, mo, d)) return null;
  return { value: new Date(zonedToInstant(y, mo, d, time[0], time[1], time[2], tz)), numberFormat: fmt };
}

/**
 * Parses a string the way Sheets parses typed input. `plainText` = the cell's number format is '@': the
 * string is kept verbatim (a leading apostrophe is kept too — chosen), except that "=..." still becomes a
 * formula (UNVERIFIED → stricter reading).
 */
export function parseTypedInput(raw: string, tz: string, currentYear: number, plainText = false): TypedInput {
  if (raw.length > 1 && raw[0] === '=') return { kind: 'formula', formula: raw };
  if (plainText) return { kind: 'value', value: raw };
  if (raw[0] === "'") return { kind: 'value', value: raw.slice(1) };
  const t = raw.trim();
  if (t === '') return { kind: 'value', value: raw };
  const c = t.charCodeAt(0);
  const maybeSpecial = (c >= 48 && c <= 57) || '+-$(.tTfF'.includes(t[0]);
  if (!maybeSpecial) return { kind: 'value', value: raw };
  if (/^(true|false)$/i.test(t)) return { kind: 'value', value: t.toLowerCase() === 'true' };
  const n = parseNumber(t);
  if (n) return { kind: 'value', value: n.value, numberFormat: n.numberFormat };
  const d = parseDate(t, tz, currentYear);
  if (d) return { kind: 'value', value: d.value, numberFormat: d.numberFormat };
  return { kind: 'value', value: raw };
}
