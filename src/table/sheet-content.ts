/**
 * Reading cells of a sheet as the keyed-table merge sees them (table/keyed-table.ts): a value as text, a row's
 * key, an empty cell, the setValues input that writes a cell back exactly as it is. Pure: the sheet is the
 * values and formulas of one read of its used area.
 */
import { asTypedText } from './cell-text';

/** What the sheet holds now, as `getDataRange()` reads it: values and formulas, the same rectangle. */
export interface SheetContent {
  values: readonly (readonly unknown[])[];
  formulas: readonly (readonly string[])[];
  /** Where the table's tags (developer metadata) are now; absent or empty for a sheet never tagged. */
  tags?: TableTags;
}

/** The tagged places of a table: 0-based sheet row of its header, 0-based sheet column of each own column id. */
export interface TableTags {
  headerRow: number | null;
  columns: ReadonlyMap<string, number>;
}

/** Joins the parts of a composite key. */
export const SEP = '\u0000';

/** The setValues input that writes back exactly what a cell holds: its formula, else its value. */
export function keepInput(value: unknown, formula: string): unknown {
  if (formula) return formula;
  if (typeof value === 'string') return asTypedText(value);
  return value ?? '';
}

/** True when any cell holds a value or a formula. */
export function hasContent(sheet: SheetContent): boolean {
  for (let r = 0; r < sheet.values.length; r++) {
    const values = sheet.values[r];
    const formulas = sheet.formulas[r] ?? [];
    for (let c = 0; c < values.length; c++) {
      if (formulas[c] || (values[c] !== '' && values[c] != null)) return true;
    }
  }
  return false;
}

/** A cell's value as text ('' outside the read area or for a column that is not there, c < 0). */
export function cellText(sheet: SheetContent, r: number, c: number): string {
  if (c < 0) return '';
  const value = sheet.values[r]?.[c];
  if (typeof value === 'string') return value;
  if (value == null) return '';
  if (Object.prototype.toString.call(value) === '[object Date]') return (value as Date).toISOString();
  return String(value);
}

/** The key of a sheet row (its key cells, trimmed, joined), or null when a key cell is empty or a formula. */
export function keyAt(sheet: SheetContent, r: number, keyColumns: readonly number[]): string | null {
  let key = '';
  for (let k = 0; k < keyColumns.length; k++) {
    const c = keyColumns[k];
    if (c < 0 || sheet.formulas[r]?.[c]) return null;
    const part = cellText(sheet, r, c).trim();
    if (!part) return null;
    key = k === 0 ? part : `${key}${SEP}${part}`;
  }
  return key;
}

export function isEmptyAt(sheet: SheetContent, r: number, c: number): boolean {
  const value = sheet.values[r]?.[c];
  return !sheet.formulas[r]?.[c] && (value === '' || value == null);
}

export function keepAt(sheet: SheetContent, r: number, c: number): unknown {
  return keepInput(sheet.values[r]?.[c] ?? '', sheet.formulas[r]?.[c] ?? '');
}

/** Header text as compared: trimmed, spaces folded, lower-case. */
export function headerKey(text: unknown): string {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The number of columns the sheet uses (the widest row read). */
export function usedWidth(sheet: SheetContent, usedRows: number): number {
  let width = 0;
  for (let r = 0; r < usedRows; r++) width = Math.max(width, sheet.values[r].length);
  return width;
}
