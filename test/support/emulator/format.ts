// Time-zone arithmetic and value formatting for the emulator: wall-clock parts of an instant in an IANA zone,
// the reverse (zoned wall time → instant), Sheets number-format display (the subset the emulator assigns or
// the add-on is likely to set), and Java SimpleDateFormat patterns for Utilities.formatDate.

import type { CellValue } from './types';

/** Wall-clock parts of an instant in a time zone (month 1-12, weekday 0 = Sunday). */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True when `tz` is a time zone the runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Splits an instant into wall-clock parts in `tz`. */
export function zonedParts(ms: number, tz: string): ZonedParts {
  const parts = formatter(tz).formatToParts(new Date(ms));
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC') year = 1 - year;
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

/** Offset (ms) of `tz` from UTC at the given instant. */
function offsetAt(ms: number, tz: string): number {
  const p = zonedParts(ms, tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return asUtc - ms;
}

/** The instant at which the wall clock in `tz` shows the given time (month 1-12). */
export function zonedToInstant(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  tz: string,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = guess - offsetAt(guess, tz);
  return guess - offsetAt(first, tz);
}

const pad = (n: number, w = 2): string => String(Math.abs(n)).padStart(w, '0');

/** Sheets' "General" display of a number (up to 10 significant digits, exponent for huge/tiny values). */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs >= 1e15 || abs < 1e-9)) return exponential(n, 2);
  return String(Number(n.toPrecision(10)));
}

function exponential(n: number, decimals: number): string {
  const [mant, exp] = n.toExponential(decimals).split('e');
  const e = Number(exp);
  return `${mant}E${e < 0 ? '-' : '+'}${pad(e)}`;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Formats a number with a numeric pattern such as '#,##0.00', '0%', '"$"#,##0.00', '0.00E+00'. */
function formatNumberPattern(n: number, pattern: string): string | null {
  const m = /^((?:"[^"]*"|[^#0.,%E"])*)([#0,]*)(?:\.(0+))?(%?)(E\+0+)?((?:"[^"]*"|[^#0.,%E"])*)$/.exec(
    pattern,
  );
  if (!m || (!m[2] && !m[3])) return null;
  const literal = (s: string): string => s.replace(/"([^"]*)"/g, '$1');
  const decimals = m[3]?.length ?? 0;
  let v = n;
  if (m[4]) v *= 100;
  const neg = v < 0;
  let body: string;
  if (m[5]) body = exponential(Math.abs(v), decimals);
  else {
    body = Math.abs(v).toFixed(decimals);
    if (m[2].includes(',')) {
      const [i, f] = body.split('.');
      body = groupThousands(i) + (f !== undefined ? `.${f}` : '');
    }
  }
  return `${neg ? '-' : ''}${literal(m[1])}${body}${m[4]}${literal(m[6])}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Formats a date with a Sheets date/time pattern (y, m/M, d, h/H, m after h = minutes, s, AM/PM). */
function formatSheetsDate(ms: number, pattern: string, tz: string): string {
  const p = zonedParts(ms, tz);
  const tokens =
    pattern.match(/"[^"]*"|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|AM\/PM|[^"]/gi) ?? [];
  const ampm = /am\/pm/i.test(pattern);
  let out = '';
  let lastWasHour = false;
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const next =
      tokens
        .slice(i + 1)
        .find((t) => /^[a-z]/i.test(t))
        ?.toLowerCase() ?? '';
    if (tok.startsWith('"')) out += tok.slice(1, -1);
    else if (lower === 'yyyy') out += pad(p.year, 4);
    else if (lower === 'yy') out += pad(p.year % 100);
    else if (lower === 'mmmm') out += MONTHS[p.month - 1];
    else if (lower === 'mmm') out += MONTHS[p.month - 1].slice(0, 3);
    else if (lower === 'mm' || lower === 'm') {
      const minutes = lastWasHour || next.startsWith('s');
      const v = minutes ? p.minute : p.month;
      out += lower === 'mm' ? pad(v) : String(v);
    } else if (lower === 'dddd') out += DAYS[p.weekday];
    else if (lower === 'ddd') out += DAYS[p.weekday].slice(0, 3);
    else if (lower === 'dd') out += pad(p.day);
    else if (lower === 'd') out += String(p.day);
    else if (lower === 'hh' || lower === 'h') {
      const h = ampm ? ((p.hour + 11) % 12) + 1 : p.hour;
      out += lower === 'hh' ? pad(h) : String(h);
    } else if (lower === 'ss') out += pad(p.second);
    else if (lower === 's') out += String(p.second);
    else if (lower === 'am/pm') out += p.hour < 12 ? 'AM' : 'PM';
    else out += tok;
    if (/^[a-z]/i.test(tok)) lastWasHour = lower === 'h' || lower === 'hh';
  });
  return out;
}

/** What Sheets shows for a stored value under a number format (subset; unknown patterns fall back to General). */
export function displayValue(value: CellValue, numberFormat: string, tz: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const fmt =
      numberFormat && numberFormat !== 'General' && /[dmyhs]/i.test(numberFormat) ? numberFormat : '';
    if (fmt) return formatSheetsDate(value.getTime(), fmt, tz);
    const p = zonedParts(value.getTime(), tz);
    const midnight = p.hour === 0 && p.minute === 0 && p.second === 0;
    return formatSheetsDate(value.getTime(), midnight ? 'M/d/yyyy' : 'M/d/yyyy H:mm:ss', tz);
  }
  if (numberFormat && numberFormat !== 'General' && numberFormat !== '@') {
    const formatted = formatNumberPattern(value, numberFormat);
    if (formatted !== null) return formatted;
  }
  return generalNumber(value);
}

/** Java SimpleDateFormat subset used by Utilities.formatDate (y M d H h m s S a E z Z X and 'quoted' text). */
export function formatJavaDate(ms: number, tz: string, pattern: string): string {
  const p = zonedParts(ms, tz);
  const offsetMin = Math.round(
    (Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - ms) / 60000,
  );
  const sign = offsetMin < 0 ? '-' : '+';
  const oh = pad(Math.floor(Math.abs(offsetMin) / 60));
  const om = pad(Math.abs(offsetMin) % 60);
  return pattern.replace(
    /'([^']*)'|y+|M+|d+|H+|h+|m+|s+|S+|a|E+|z+|Z+|X+/g,
    (tok, quoted: string | undefined) => {
      if (quoted !== undefined) return quoted === '' ? "'" : quoted;
      const n = tok.length;
      switch (tok[0]) {
        case 'y':
          return n === 2 ? pad(p.year % 100) : pad(p.year, n);
        case 'M':
          return n >= 4 ? MONTHS[p.month - 1] : n === 3 ? MONTHS[p.month - 1].slice(0, 3) : pad(p.month, n);
        case 'd':
          return pad(p.day, n);
        case 'H':
          return pad(p.hour, n);
        case 'h':
          return pad(((p.hour + 11) % 12) + 1, n);
        case 'm':
          return pad(p.minute, n);
        case 's':
          return pad(p.second, n);
        case 'S':
          return pad(p.millisecond, Math.max(n, 3)).slice(0, n);
        case 'a':
          return p.hour < 12 ? 'AM' : 'PM';
        case 'E':
          return n >= 4 ? DAYS[p.weekday] : DAYS[p.weekday].slice(0, 3);
        case 'z':
          return offsetMin === 0 ? 'GMT' : `GMT${sign}${oh}:${om}`;
        case 'Z':
          return `${sign}${oh}${om}`;
        default:
          return offsetMin === 0
            ? 'Z'
            : n === 1
              ? `${sign}${oh}`
              : n === 2
                ? `${sign}${oh}${om}`
                : `${sign}${oh}:${om}`;
      }
    },
  );
}
