/**
 * Step 1 of the merge: where the table's own columns are. A table the add-on has tagged (developer metadata on
 * its header row and on each of its columns, read by sheet/table-tags.ts) is found by those tags alone: header
 * words are only labels, so a person may rename, translate or move the add-on's columns, and any column of the
 * person's may carry any header ("ID", "Status", "Name" included) without ever being written. A tagged column
 * that is gone (the person deleted it) is added again at the right edge of the used area, never taken from a
 * person's column of the same name.
 *
 * An untagged table (made by the previous version, or typed by a person) is adopted column by column, only
 * where both the header and the contents fit: the key column must hold keys of the table (WhatsApp ids), a
 * column with a pattern (Phone, Type, Status) only cells that fit it in the table's rows; of two free-text
 * columns of one name (Name), the one that agrees with the new list is the table's. The header row is the first of the top rows
 * where every key column is found that way, so a title row above the header is the person's. A column whose
 * header fits but whose contents do not is the person's (`declined`): the table's own column is added at the
 * right edge instead. Pure; knows nothing of Apps Script.
 */
import type { MergeRefusal, TableColumn, TableSchema } from './keyed-table';
import { cellText, headerKey, keyAt, SEP, type SheetContent } from './sheet-content';

/** How far down an untagged table's header row is looked for (title rows above it are the person's). */
export const HEADER_SEARCH_ROWS = 10;

/** Where the table's own columns are, and what the plan must add and tag. */
export interface OwnColumns {
  /** 0-based sheet row of the header; the table's rows are below it. */
  headerRow: number;
  /** Sheet column (1-based) of each data column, then of the Status column. */
  columns: number[];
  /** Columns the plan adds at the right edge, with the header written there. */
  addedColumns: Array<{ column: number; header: string }>;
  /** The person's columns that carry a header word of the table but whose contents are not the table's. */
  declined: Array<{ column: number; header: string }>;
  /** Own columns that carry no tag yet (adopted or added): the adapter tags them after writing. */
  tagColumns: Array<{ id: string; column: number }>;
  /** The header row carries no tag yet. */
  tagHeader: boolean;
  /**
   * The tagged header row is gone (its row deleted) or sits below rows of the table (a sort that took it in):
   * the table's rows start at the first row holding one of its keys, `headerRow` is the row above it (-1 when
   * that is the sheet's first row), and that row is not the table's: no header words, no tag, no write there.
   */
  headerLost: boolean;
}

/** What step 1 needs besides the sheet. */
export interface OwnColumnsInput {
  usedRows: number;
  usedColumns: number;
  /** The new list (for judging free-text columns of an untagged table); may be empty. */
  rows: readonly (readonly string[])[];
}

export function findOwnColumns(
  schema: TableSchema,
  sheet: SheetContent,
  input: OwnColumnsInput,
): OwnColumns | MergeRefusal {
  const all = [...schema.columns, schema.status];
  const { usedRows, usedColumns } = input;
  const tags = sheet.tags;
  const tagged = !!tags && (tags.headerRow !== null || tags.columns.size > 0);
  const columns: number[] = new Array(all.length).fill(0);
  const declined: OwnColumns['declined'] = [];
  let headerRow = 0;
  let tagHeader = true;
  const tagColumns: OwnColumns['tagColumns'] = [];

  let headerLost = false;
  if (tagged && tags) {
    headerRow = tags.headerRow ?? 0;
    tagHeader = tags.headerRow === null;
    all.forEach((column, i) => {
      const at = tags.columns.get(column.id);
      if (at !== undefined) columns[i] = at + 1;
    });
    // Rows holding the table's keys at or above its header tag, or no header tag at all: the header row was
    // deleted or sorted in among the rows (whether a sort carries a row's metadata with its cells or leaves it
    // at its index, the docs do not say: either way a key row lands at or above the tag). Taking the tag's row
    // (or row 1) as the header would skip those rows (each appended again) and write header words into a
    // contact's row; the table starts at its first keyed row.
    const first = firstKeyRow(schema, sheet, columns, usedRows);
    if (first >= 0 && headerMisplaced(schema, sheet, columns, usedRows, tags.headerRow, first)) {
      headerRow = first - 1;
      tagHeader = false;
      headerLost = true;
    }
  } else if (usedRows > 0) {
    const found = adopt(schema, sheet, input);
    if ('error' in found) return found;
    headerRow = found.headerRow;
    found.columns.forEach((c, i) => {
      columns[i] = c;
    });
    declined.push(...found.declined);
  }

  const addedColumns: OwnColumns['addedColumns'] = [];
  let next = Math.max(usedColumns, ...columns);
  all.forEach((column, i) => {
    if (columns[i] === 0) {
      columns[i] = ++next;
      addedColumns.push({ column: columns[i], header: column.headers[0] });
    }
    if (!tags?.columns.has(column.id)) tagColumns.push({ id: column.id, column: columns[i] });
  });
  return { headerRow, columns, addedColumns, declined, tagColumns, tagHeader, headerLost };
}

/** The key of row r in the tagged key columns when it is one of the table's, else null. */
function tableKey(schema: TableSchema, sheet: SheetContent, keyColumns: readonly number[], r: number) {
  const key = keyAt(sheet, r, keyColumns);
  return key !== null && schema.validKey(key.split(SEP)) ? key : null;
}

function keyColumnsOf(schema: TableSchema, columns: readonly number[]): number[] {
  return schema.columns.flatMap((c, i) => (c.key ? [columns[i] - 1] : []));
}

/** The first sheet row (0-based) whose cells in the tagged key columns make a key of the table, or -1. */
function firstKeyRow(schema: TableSchema, sheet: SheetContent, columns: readonly number[], usedRows: number) {
  const keyColumns = keyColumnsOf(schema, columns);
  if (keyColumns.some((c) => c < 0)) return -1; // a key column is gone: it is added again, empty
  for (let r = 0; r < usedRows; r++) if (tableKey(schema, sheet, keyColumns, r) !== null) return r;
  return -1;
}

/**
 * True when the header tag cannot be the table's header: there is none, it sits on a row holding a key, or a
 * key above it is found nowhere below it (the table's rows went above it). A person's copy of a contact's row
 * above the header (its key also below) leaves the header where it is, and that copy the person's.
 */
function headerMisplaced(
  schema: TableSchema,
  sheet: SheetContent,
  columns: readonly number[],
  usedRows: number,
  tagged: number | null,
  first: number,
): boolean {
  if (tagged === null || first >= tagged) return tagged === null || first === tagged;
  const keyColumns = keyColumnsOf(schema, columns);
  const below = new Set<string>();
  for (let r = tagged + 1; r < usedRows; r++) {
    const key = tableKey(schema, sheet, keyColumns, r);
    if (key !== null) below.add(key);
  }
  for (let r = first; r < tagged; r++) {
    const key = tableKey(schema, sheet, keyColumns, r);
    if (key !== null && !below.has(key)) return true;
  }
  return false;
}

/** An untagged table: the header row and the columns whose header and contents fit (0 where none does). */
function adopt(
  schema: TableSchema,
  sheet: SheetContent,
  input: OwnColumnsInput,
): { headerRow: number; columns: number[]; declined: OwnColumns['declined'] } | MergeRefusal {
  const all = [...schema.columns, schema.status];
  const keyIndexes = schema.columns.flatMap((c, i) => (c.key ? [i] : []));
  const { usedRows } = input;
  const byHeader = (h: number, column: TableColumn): number[] => {
    const names = new Set(column.headers.map(headerKey));
    const header = sheet.values[h] ?? [];
    const out: number[] = [];
    for (let c = 0; c < header.length; c++)
      if (!sheet.formulas[h]?.[c] && names.has(headerKey(header[c]))) out.push(c);
    return out;
  };
  /** -1 when column c cannot be the key column below header row h, else how many keys it holds. */
  const keyScore = (h: number, column: TableColumn, c: number): number => {
    let filled = 0;
    let fitting = 0;
    for (let r = h + 1; r < usedRows; r++) {
      const text = cellText(sheet, r, c).trim();
      if (!text) continue;
      filled++;
      if (!sheet.formulas[r]?.[c] && (column.fits?.(text) ?? true)) fitting++;
    }
    // An empty column under the header fits (a table with no rows yet); else most of its cells must be keys.
    return filled === 0 || fitting * 2 > filled ? fitting : -1;
  };

  // The header row: the first top row where every key column is found by header and contents; else the first
  // where the key headers are there but a key column's contents are not keys (that column is the person's, and
  // the table's own is added at the right edge).
  const limit = Math.min(usedRows, HEADER_SEARCH_ROWS);
  for (const strict of [true, false]) {
    for (let h = 0; h < limit; h++) {
      const keyColumns: number[] = [];
      for (const i of keyIndexes) {
        const candidates = byHeader(h, all[i]).filter((x) => !keyColumns.includes(x));
        if (candidates.length === 0) break;
        const best = candidates
          .map((x) => ({ x, score: keyScore(h, all[i], x) }))
          .filter((m) => m.score >= 0)
          .sort((a, b) => b.score - a.score || a.x - b.x)[0];
        if (best) keyColumns.push(best.x);
        else if (strict) break;
        else keyColumns.push(-1);
      }
      if (keyColumns.length === keyIndexes.length) return adoptAt(h, keyColumns);
    }
  }
  const missing = keyIndexes.map((i) => all[i].headers[0]);
  return { error: 'noKeyColumn', missing };

  function adoptAt(h: number, keyColumns: number[]) {
    const columns: number[] = new Array(all.length).fill(0);
    keyIndexes.forEach((i, k) => {
      columns[i] = keyColumns[k] + 1; // 0 (to be added) for a key column whose contents are not keys
    });
    const claimed = new Set(keyColumns);
    // The table's own rows (a valid key), and the new list by key, for judging contents.
    const own: number[] = [];
    for (let r = h + 1; r < usedRows; r++) {
      const key = keyAt(sheet, r, keyColumns);
      if (key !== null && schema.validKey(key.split(SEP))) own.push(r);
    }
    const fresh = new Map<string, readonly string[]>();
    for (const row of input.rows) fresh.set(keyIndexes.map((i) => row[i]).join(SEP), row);
    /**
     * How well column c holds column i of the table: -1 when a cell breaks the column's pattern; for free text
     * (any text fits) the cells that agree with the new list, which picks the add-on's own Name over a
     * person's column of the same header.
     */
    const score = (i: number, c: number): number => {
      const column = all[i];
      let agree = 0;
      for (const r of own) {
        const text = cellText(sheet, r, c);
        if (sheet.formulas[r]?.[c]) return -1;
        if (column.fits) {
          if (text.trim() && !column.fits(text.trim())) return -1;
          continue;
        }
        const key = keyAt(sheet, r, keyColumns) ?? '';
        if (fresh.get(key)?.[i] === text && text) agree++;
      }
      return column.fits ? 0 : agree;
    };
    const declined: Array<{ column: number; header: string }> = [];
    all.forEach((column, i) => {
      if (columns[i] !== 0 || column.key) return;
      // Nearest to the column placed before it in the schema (the table's columns sit together), best score first.
      let before = i - 1;
      while (before > 0 && columns[before] === 0) before--;
      const anchor = (columns[Math.max(0, before)] || columns[keyIndexes[0]]) - 1;
      const candidates = byHeader(h, column).filter((c) => !claimed.has(c));
      const scored = candidates.map((c) => ({ c, s: score(i, c) }));
      const fitting = scored
        .filter((x) => x.s >= 0)
        .sort((a, b) => b.s - a.s || Math.abs(a.c - anchor) - Math.abs(b.c - anchor) || b.c - a.c);
      if (fitting.length > 0) {
        claimed.add(fitting[0].c);
        columns[i] = fitting[0].c + 1;
      }
    });
    // Columns that carry a header word of the table but were not taken: the person's, said so when the
    // table's own column of that name has to be added.
    all.forEach((column, i) => {
      for (const c of byHeader(h, column))
        if (!claimed.has(c) && columns[i] !== c + 1)
          declined.push({ column: c + 1, header: cellText(sheet, h, c) });
    });
    return { headerRow: h, columns, declined: dedupe(declined) };
  }
}

function dedupe(list: Array<{ column: number; header: string }>) {
  const seen = new Set<number>();
  return list.filter((d) => !seen.has(d.column) && seen.add(d.column)).sort((a, b) => a.column - b.column);
}
