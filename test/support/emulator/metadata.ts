// Developer metadata and protections of the emulated spreadsheet, as data that moves with the grid.
//
// Developer metadata attaches to the spreadsheet, a sheet, a whole row or a whole column — never an arbitrary
// range (https://developers.google.com/sheets/api/guides/metadata). It "will remain associated at those
// locations as they move around and the spreadsheet is edited ... if developer metadata is associated with row
// 5 and another row is then subsequently inserted above row 5, that original metadata will still be associated
// with the row it was first associated with (what is now row 6). If the associated object is deleted its
// metadata is deleted too" (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata).
// So here row metadata shifts with inserted/deleted rows and moves with its row in a sort, column metadata
// shifts with inserted/deleted columns and moves with a moved column, and both go when their row or column is
// deleted. What Duplicate does with a sheet's metadata is not documented: the copy carries copies of it here
// (the stricter reading: a copy then looks like the original to any code that trusts tags alone).
// Size: the guide (https://developers.google.com/sheets/api/guides/metadata) limits the metadata of a
// spreadsheet and of each sheet to 30,000 characters; how they are counted is not said, so keys and values are
// counted here (the stricter reading), and an addition beyond the limit throws. docs/LIVE-CHECK.md lists it.
//
// A protected range (https://developers.google.com/apps-script/reference/spreadsheet/protection) is a
// rectangle that moves and shrinks with inserted and deleted rows and columns like any range; a warning-only
// one lets every editor (and script) write, and shows a person a warning first.

import type { Rect } from './a1';

export type MetadataLocationType = 'SPREADSHEET' | 'SHEET' | 'ROW' | 'COLUMN';
export type MetadataVisibility = 'DOCUMENT' | 'PROJECT';

/** One piece of developer metadata. `index` is the 1-based row or column for ROW/COLUMN locations. */
export interface MetadataEntry {
  id: number;
  key: string;
  value: string | null;
  visibility: MetadataVisibility;
  type: MetadataLocationType;
  index: number;
}

/** A protected range of a sheet. */
export interface ProtectionEntry {
  rect: Rect;
  warningOnly: boolean;
  description: string;
}

/** The documented per-spreadsheet and per-sheet metadata storage limit, in characters. */
export const METADATA_LIMIT_CHARS = 30_000;

let nextId = 1;
/** A new spreadsheet-scoped metadata id (positive, as the API requires). */
export function newMetadataId(): number {
  return nextId++;
}

/** Characters a list of metadata holds (keys and values). */
export function metadataChars(list: readonly MetadataEntry[]): number {
  return list.reduce((n, m) => n + m.key.length + (m.value?.length ?? 0), 0);
}

/** Rows or columns inserted (count > 0) or deleted (count < 0) after position `after`. */
export function shiftMetadata(
  list: MetadataEntry[],
  type: 'ROW' | 'COLUMN',
  after: number,
  count: number,
): MetadataEntry[] {
  const out: MetadataEntry[] = [];
  for (const m of list) {
    if (m.type !== type || m.index <= after) out.push(m);
    else if (count > 0) out.push({ ...m, index: m.index + count });
    else if (m.index > after - count) out.push({ ...m, index: m.index + count });
    // else: its row/column was deleted, and the metadata with it
  }
  return out;
}

/** Maps row or column indexes through a permutation (old index → new index); others stay. */
export function permuteMetadata(
  list: MetadataEntry[],
  type: 'ROW' | 'COLUMN',
  map: (index: number) => number,
): MetadataEntry[] {
  return list.map((m) => (m.type === type ? { ...m, index: map(m.index) } : m));
}

/** Protections after rows (axis 'r') or columns ('c') were inserted or deleted after `after`. */
export function shiftProtections(
  list: ProtectionEntry[],
  axis: 'r' | 'c',
  after: number,
  count: number,
): ProtectionEntry[] {
  const lo = axis === 'r' ? 'r1' : 'c1';
  const hi = axis === 'r' ? 'r2' : 'c2';
  const out: ProtectionEntry[] = [];
  for (const p of list) {
    const rect = { ...p.rect };
    if (count > 0) {
      if (rect[lo] > after) rect[lo] += count;
      if (rect[hi] > after) rect[hi] += count;
    } else {
      const first = after + 1;
      const last = after - count;
      const shift = (x: number): number => (x > last ? x + count : x >= first ? first - 1 : x);
      const newLo = rect[lo] >= first && rect[lo] <= last ? first : shift(rect[lo]);
      const newHi = shift(rect[hi]);
      if (newHi < newLo) continue; // wholly deleted
      rect[lo] = newLo;
      rect[hi] = newHi;
    }
    p.rect = rect; // in place: a Protection object a script holds sees where its range went
    out.push(p);
  }
  return out;
}
