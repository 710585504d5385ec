// DeveloperMetadata, DeveloperMetadataFinder, DeveloperMetadataLocation and Protection for one execution, over
// the metadata model of emulator/metadata.ts. References:
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata,
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder,
// https://developers.google.com/apps-script/reference/spreadsheet/range#addDeveloperMetadata(String,String,DeveloperMetadataVisibility),
// https://developers.google.com/apps-script/reference/spreadsheet/protection.
// A metadata object is a handle (its id): every call reads where the metadata is now, so a handle found before a
// person inserted a column answers with the column it moved to.

import type { EmulatorCore } from '../core';
import type { SheetModel, WorkbookModel } from '../grid';
import {
  METADATA_LIMIT_CHARS,
  type MetadataEntry,
  type MetadataLocationType,
  type MetadataVisibility,
  metadataChars,
  newMetadataId,
  type ProtectionEntry,
} from '../metadata';
import { classFactory, type Exec, STATE, type WithState } from '../runtime';
import { AppsError } from '../types';

interface Handle {
  /** The sheet holding it; null for spreadsheet metadata. */
  sheet: SheetModel | null;
  id: number;
}

interface FinderState {
  scope: { sheets: SheetModel[]; spreadsheet: boolean; rows?: [number, number]; cols?: [number, number] };
  key?: string;
  value?: string;
  type?: MetadataLocationType;
  visibility?: MetadataVisibility;
  id?: number;
}

interface ProtectionHandle {
  sheet: SheetModel;
  entry: ProtectionEntry;
}

/** What the spreadsheet service hands in: its factories for ranges, sheets and the spreadsheet. */
export interface MetadataHost {
  makeWholeRow(sheet: SheetModel, row: number): unknown;
  makeWholeColumn(sheet: SheetModel, column: number): unknown;
  makeRect(sheet: SheetModel, r1: number, c1: number, r2: number, c2: number): unknown;
  makeSheet(sheet: SheetModel): unknown;
  makeSpreadsheet(): unknown;
  denyWrite(what: string): void;
}

export const ARBITRARY_RANGE =
  'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.';

export function metadataService(core: EmulatorCore, exec: Exec, host: MetadataHost) {
  const wb: WorkbookModel = core.workbook;
  const R = exec.realm;

  const listOf = (sheet: SheetModel | null): MetadataEntry[] => (sheet ? sheet.metadata : wb.metadata);
  const entryOf = (h: Handle): MetadataEntry => {
    if (h.sheet && !wb.sheets.includes(h.sheet)) throw new AppsError('Developer metadata not found.');
    const m = listOf(h.sheet).find((x) => x.id === h.id);
    if (!m) throw new AppsError('Developer metadata not found.'); // chosen text: it was deleted with its row/column
    return m;
  };
  const update = (h: Handle, change: Partial<MetadataEntry>): void => {
    const list = listOf(h.sheet);
    const i = list.findIndex((x) => x.id === h.id);
    if (i < 0) throw new AppsError('Developer metadata not found.');
    list[i] = { ...list[i], ...change };
    checkSize(h.sheet);
  };
  const checkSize = (sheet: SheetModel | null): void => {
    const total = metadataChars(wb.metadata) + wb.sheets.reduce((n, s) => n + metadataChars(s.metadata), 0);
    if ((sheet && metadataChars(sheet.metadata) > METADATA_LIMIT_CHARS) || total > METADATA_LIMIT_CHARS) {
      throw new AppsError(
        `The developer metadata of this ${sheet ? 'sheet' : 'spreadsheet'} would exceed the limit of ${METADATA_LIMIT_CHARS} characters.`,
      ); // chosen text
    }
  };

  /** (key), (key, visibility), (key, value), (key, value, visibility). */
  const add = (
    sheet: SheetModel | null,
    type: MetadataLocationType,
    index: number,
    args: unknown[],
  ): void => {
    host.denyWrite('addDeveloperMetadata');
    const [key, b, c] = args;
    const isVisibility = (v: unknown) => v === 'DOCUMENT' || v === 'PROJECT';
    let value: string | null = null;
    let visibility: MetadataVisibility = 'DOCUMENT';
    if (args.length === 2 && isVisibility(b)) visibility = b as MetadataVisibility;
    else {
      if (b !== undefined && b !== null) value = String(b);
      if (c !== undefined) {
        if (!isVisibility(c)) throw new AppsError('Invalid argument: visibility');
        visibility = c as MetadataVisibility;
      }
    }
    const k = String(key ?? '');
    if (!k) throw new AppsError('Invalid argument: key');
    const list = listOf(sheet);
    list.push({ id: newMetadataId(), key: k, value, visibility, type, index });
    try {
      checkSize(sheet);
    } catch (e) {
      list.pop();
      throw e;
    }
  };

  const handles = (f: FinderState): Handle[] => {
    const out: Handle[] = [];
    const ok = (m: MetadataEntry): boolean =>
      (f.key === undefined || m.key === f.key) &&
      (f.value === undefined || m.value === f.value) &&
      (f.type === undefined || m.type === f.type) &&
      (f.visibility === undefined || m.visibility === f.visibility) &&
      (f.id === undefined || m.id === f.id);
    if (f.scope.spreadsheet) for (const m of wb.metadata) if (ok(m)) out.push({ sheet: null, id: m.id });
    for (const sheet of f.scope.sheets) {
      for (const m of sheet.metadata) {
        if (!ok(m)) continue;
        const { rows, cols } = f.scope;
        if (rows || cols) {
          // A range's finder: the rows and columns it intersects.
          if (m.type === 'SHEET') continue;
          const span = m.type === 'ROW' ? rows : cols;
          if (!span || m.index < span[0] || m.index > span[1]) continue;
        }
        out.push({ sheet, id: m.id });
      }
    }
    return out;
  };

  type MS = WithState<Handle>;
  type FS = WithState<FinderState>;
  type PS = WithState<ProtectionHandle>;

  const metadataMethods = {
    getId(this: MS): number {
      return entryOf(this[STATE]).id;
    },
    getKey(this: MS): string {
      return entryOf(this[STATE]).key;
    },
    getValue(this: MS): string | null {
      return entryOf(this[STATE]).value;
    },
    getVisibility(this: MS): string {
      return entryOf(this[STATE]).visibility;
    },
    getLocation(this: MS): unknown {
      entryOf(this[STATE]);
      return makeLocation(this[STATE]);
    },
    setKey(this: MS, key: unknown): MS {
      host.denyWrite('DeveloperMetadata.setKey');
      update(this[STATE], { key: String(key) });
      return this;
    },
    setValue(this: MS, value: unknown): MS {
      host.denyWrite('DeveloperMetadata.setValue');
      update(this[STATE], { value: value == null ? null : String(value) });
      return this;
    },
    remove(this: MS): void {
      host.denyWrite('DeveloperMetadata.remove');
      const h = this[STATE];
      entryOf(h);
      const list = listOf(h.sheet);
      list.splice(
        list.findIndex((x) => x.id === h.id),
        1,
      );
    },
    toString(): string {
      return 'DeveloperMetadata';
    },
  };

  const locationMethods = {
    getLocationType(this: MS): string {
      return entryOf(this[STATE]).type;
    },
    getRow(this: MS): unknown {
      const h = this[STATE];
      const m = entryOf(h);
      return m.type === 'ROW' && h.sheet ? host.makeWholeRow(h.sheet, m.index) : null;
    },
    getColumn(this: MS): unknown {
      const h = this[STATE];
      const m = entryOf(h);
      return m.type === 'COLUMN' && h.sheet ? host.makeWholeColumn(h.sheet, m.index) : null;
    },
    getSheet(this: MS): unknown {
      const h = this[STATE];
      entryOf(h);
      return h.sheet ? host.makeSheet(h.sheet) : null;
    },
    getSpreadsheet(this: MS): unknown {
      const h = this[STATE];
      return entryOf(h).type === 'SPREADSHEET' ? host.makeSpreadsheet() : null;
    },
    toString(): string {
      return 'DeveloperMetadataLocation';
    },
  };

  const finderMethods = {
    withKey(this: FS, key: unknown): FS {
      this[STATE].key = String(key);
      return this;
    },
    withValue(this: FS, value: unknown): FS {
      this[STATE].value = String(value);
      return this;
    },
    withLocationType(this: FS, type: unknown): FS {
      this[STATE].type = String(type) as MetadataLocationType;
      return this;
    },
    withVisibility(this: FS, visibility: unknown): FS {
      this[STATE].visibility = String(visibility) as MetadataVisibility;
      return this;
    },
    withId(this: FS, id: unknown): FS {
      this[STATE].id = Number(id);
      return this;
    },
    onIntersectingLocations(this: FS): FS {
      return this;
    },
    find(this: FS): unknown[] {
      const arr = new R.Array<unknown>();
      for (const h of handles(this[STATE])) arr.push(makeMetadata(h));
      return arr;
    },
    toString(): string {
      return 'DeveloperMetadataFinder';
    },
  };

  const protectionMethods = {
    setWarningOnly(this: PS, warningOnly: unknown): PS {
      host.denyWrite('Protection.setWarningOnly');
      this[STATE].entry.warningOnly = !!warningOnly;
      return this;
    },
    isWarningOnly(this: PS): boolean {
      return this[STATE].entry.warningOnly;
    },
    setDescription(this: PS, description: unknown): PS {
      host.denyWrite('Protection.setDescription');
      this[STATE].entry.description = String(description ?? '');
      return this;
    },
    getDescription(this: PS): string {
      return this[STATE].entry.description;
    },
    getRange(this: PS): unknown {
      const { sheet, entry } = this[STATE];
      const now = sheet.protections.find((p) => p === entry) ?? entry;
      return host.makeRect(sheet, now.rect.r1, now.rect.c1, now.rect.r2, now.rect.c2);
    },
    canEdit(): boolean {
      return true; // the script's user owns what it protects
    },
    remove(this: PS): void {
      host.denyWrite('Protection.remove');
      const { sheet, entry } = this[STATE];
      sheet.protections = sheet.protections.filter((p) => p !== entry);
    },
    toString(): string {
      return 'Protection';
    },
  };

  const makeMetadata = classFactory<Handle, typeof metadataMethods>(exec, metadataMethods, 'spreadsheet');
  const makeLocation = classFactory<Handle, typeof locationMethods>(exec, locationMethods, 'spreadsheet');
  const makeFinder = classFactory<FinderState, typeof finderMethods>(exec, finderMethods, 'spreadsheet');
  const makeProtection = classFactory<ProtectionHandle, typeof protectionMethods>(
    exec,
    protectionMethods,
    'spreadsheet',
  );

  return {
    /** Range.addDeveloperMetadata: a whole row or a whole column only. */
    addToRange(sheet: SheetModel, r: number, c: number, nr: number, nc: number, args: unknown[]): void {
      if (c === 1 && nc === sheet.maxCols && nr === 1) add(sheet, 'ROW', r, args);
      else if (r === 1 && nr === sheet.maxRows && nc === 1) add(sheet, 'COLUMN', c, args);
      else throw new AppsError(ARBITRARY_RANGE);
    },
    addToSheet(sheet: SheetModel, args: unknown[]): void {
      add(sheet, 'SHEET', 0, args);
    },
    addToSpreadsheet(args: unknown[]): void {
      add(null, 'SPREADSHEET', 0, args);
    },
    finder(scope: FinderState['scope']): unknown {
      return makeFinder({ scope });
    },
    protect(sheet: SheetModel, r1: number, c1: number, r2: number, c2: number): unknown {
      host.denyWrite('Range.protect');
      const entry: ProtectionEntry = { rect: { r1, c1, r2, c2 }, warningOnly: false, description: '' };
      sheet.protections.push(entry);
      return makeProtection({ sheet, entry });
    },
    protections(sheet: SheetModel): unknown[] {
      const arr = new R.Array<unknown>();
      for (const entry of sheet.protections) arr.push(makeProtection({ sheet, entry }));
      return arr;
    },
  };
}
