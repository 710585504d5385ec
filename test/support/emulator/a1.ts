// A1-notation helpers for the emulator: column letters <-> numbers, parsing "A1", "A1:B2", "A:A", "1:3",
// optionally prefixed by a sheet name ("Sheet1!A1", "'My sheet'!A1:B2"), and formatting ranges back to A1.

/** A 1-based inclusive cell rectangle. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** A parsed A1 reference; open-ended rows/columns ("A:A", "1:1") are marked so callers can clamp them. */
export interface A1Ref extends Rect {
  sheetName?: string;
  wholeColumns: boolean;
  wholeRows: boolean;
}

/** Converts a 1-based column number to letters (1 → A, 27 → AA). */
export function columnLetters(col: number): string {
  let n = col;
  let out = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    out = String.fromCharCode(65 + m) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Converts column letters to a 1-based column number (A → 1). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Formats one cell as A1 ("B3"). */
export function cellA1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** Formats a rectangle as A1 ("A1" for one cell, "A1:B2" otherwise). */
export function rectA1(r: Rect): string {
  const a = cellA1(r.r1, r.c1);
  return r.r1 === r.r2 && r.c1 === r.c2 ? a : `${a}:${cellA1(r.r2, r.c2)}`;
}

/** Splits an optional sheet prefix ("'My sheet'!A1" → ["My sheet", "A1"]). */
export function splitSheetPrefix(text: string): { sheetName?: string; ref: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(text);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), ref: quoted[2] };
  const plain = /^([^!'"]+)!(.+)$/.exec(text);
  if (plain) return { sheetName: plain[1], ref: plain[2] };
  return { ref: text };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d+)$/;

/** Parses an A1 reference; returns null when it is not valid A1 notation. */
export function parseA1(text: string): A1Ref | null {
  const { sheetName, ref } = splitSheetPrefix(text.trim());
  const parts = ref.split(':');
  if (parts.length === 1) {
    const m = CELL.exec(parts[0]);
    if (!m) return null;
    const c = columnNumber(m[1]);
    const r = Number(m[2]);
    if (r < 1) return null;
    return { sheetName, r1: r, c1: c, r2: r, c2: c, wholeColumns: false, wholeRows: false };
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const r1 = Number(ca[2]);
    const r2 = Number(cb[2]);
    const c1 = columnNumber(ca[1]);
    const c2 = columnNumber(cb[1]);
    if (r1 < 1 || r2 < 1) return null;
    return {
      sheetName,
      r1: Math.min(r1, r2),
      r2: Math.max(r1, r2),
      c1: Math.min(c1, c2),
      c2: Math.max(c1, c2),
      wholeColumns: false,
      wholeRows: false,
    };
  }
  const cola = COL.exec(a);
  const colb = COL.exec(b);
  if (cola && colb) {
    const c1 = columnNumber(cola[1]);
    const c2 = columnNumber(colb[1]);
    return {
      sheetName,
      r1: 1,
      r2: 1,
      c1: Math.min(c1, c2),
      c2: Math.max(c1, c2),
      wholeColumns: true,
      wholeRows: false,
    };
  }
  const rowa = ROW.exec(a);
  const rowb = ROW.exec(b);
  if (rowa && rowb) {
    const r1 = Number(rowa[1]);
    const r2 = Number(rowb[1]);
    if (r1 < 1 || r2 < 1) return null;
    return {
      sheetName,
      r1: Math.min(r1, r2),
      r2: Math.max(r1, r2),
      c1: 1,
      c2: 1,
      wholeColumns: false,
      wholeRows: true,
    };
  }
  return null;
}

/** True when two rectangles share at least one cell. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}
