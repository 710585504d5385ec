// Tests of the emulator's developer metadata and protections (emulator/metadata.ts): where metadata may go, how
// it moves with inserted, deleted and moved rows and columns and with a sort, how a finder finds it, the size
// limit, what a duplicated sheet carries, and warning-only protections that move with their column.

import { describe, expect, it } from '@jest/globals';
import { writeDist } from './fixture';
import { createEmulator } from './index';

const dist = writeDist();

function setUp() {
  const emu = createEmulator({ distDir: dist });
  const sheet = emu.spreadsheet.getSheetByName('Sheet1');
  if (!sheet) throw new Error('no sheet');
  sheet.getRange('A1:C3').setValues([
    ['ID', 'Name', 'Status'],
    ['b', 'Bea', ''],
    ['a', 'Al', ''],
  ]);
  const visibility = SpreadsheetVisibility.PROJECT;
  sheet.getRange('B:B').addDeveloperMetadata('col', 'name', visibility);
  sheet.getRange('1:1').addDeveloperMetadata('row', 'header', visibility);
  sheet.getRange('3:3').addDeveloperMetadata('row', 'al', visibility);
  sheet.addDeveloperMetadata('table', 'contacts', visibility);
  return { emu, sheet };
}

const SpreadsheetVisibility = { PROJECT: 'PROJECT' } as unknown as {
  PROJECT: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
};

function where(emu: ReturnType<typeof createEmulator>, key: string, sheet = 'Sheet1') {
  return emu
    .metadataOf(sheet)
    .filter((m) => m.key === key)
    .map((m) => `${m.type}:${m.index}:${m.value}`);
}

describe('developer metadata in the emulator', () => {
  it('goes on a whole row, a whole column, a sheet or the spreadsheet, never an arbitrary range', () => {
    const { sheet } = setUp();
    expect(() => sheet.getRange('A1:B2').addDeveloperMetadata('x')).toThrow(/arbitrary ranges/);
    expect(() => sheet.getRange('A2').addDeveloperMetadata('x')).toThrow(/arbitrary ranges/);
  });

  it('moves with inserted and deleted rows and columns, and is deleted with its row or column', () => {
    const { emu } = setUp();
    emu.person.insertColumnsBefore('Sheet1', 1);
    emu.person.insertRowsBefore('Sheet1', 1);
    expect(where(emu, 'col')).toEqual(['COLUMN:3:name']);
    expect(where(emu, 'row')).toEqual(['ROW:2:header', 'ROW:4:al']);
    emu.person.deleteRows('Sheet1', 1);
    emu.person.deleteColumns('Sheet1', 1);
    expect(where(emu, 'col')).toEqual(['COLUMN:2:name']);
    emu.person.deleteColumns('Sheet1', 2);
    emu.person.deleteRows('Sheet1', 3);
    expect(where(emu, 'col')).toEqual([]);
    expect(where(emu, 'row')).toEqual(['ROW:1:header']);
    expect(where(emu, 'table')).toEqual(['SHEET:0:contacts']);
  });

  it('moves with a moved column and with its row in a sort', () => {
    const { emu } = setUp();
    emu.person.moveColumn('Sheet1', 2, 5);
    expect(where(emu, 'col')).toEqual(['COLUMN:4:name']);
    expect(emu.sheetValues('Sheet1')[0]).toEqual(['ID', 'Status', '', 'Name']);
    emu.person.sortRows('Sheet1', 2, 3, 1);
    expect(where(emu, 'row')).toEqual(['ROW:1:header', 'ROW:2:al']);
    expect(emu.sheetValues('Sheet1')[1][0]).toBe('a');
  });

  it('is found by key, location type and visibility; a handle reports where its column is now', () => {
    const { emu, sheet } = setUp();
    const found = sheet.createDeveloperMetadataFinder().withKey('col').find();
    expect(found).toHaveLength(1);
    emu.person.insertColumnsBefore('Sheet1', 1, 2);
    expect(found[0].getLocation().getColumn()?.getColumn()).toBe(4);
    expect(found[0].getValue()).toBe('name');
    const rows = emu.spreadsheet
      .createDeveloperMetadataFinder()
      .withLocationType('ROW' as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType)
      .find();
    expect(rows.map((m) => m.getValue())).toEqual(['header', 'al']);
    expect(
      sheet.createDeveloperMetadataFinder().withVisibility(SpreadsheetVisibility.PROJECT).find(),
    ).toHaveLength(4);
    expect(
      sheet
        .createDeveloperMetadataFinder()
        .withVisibility('DOCUMENT' as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility)
        .find(),
    ).toHaveLength(0);
    found[0].remove();
    expect(where(emu, 'col')).toEqual([]);
  });

  it('refuses metadata beyond 30,000 characters per sheet', () => {
    const { sheet } = setUp();
    const big = 'x'.repeat(14_000);
    sheet.addDeveloperMetadata('a', big);
    sheet.addDeveloperMetadata('b', big);
    expect(() => sheet.addDeveloperMetadata('c', big)).toThrow(/30000 characters/);
  });

  it('copies a sheet’s metadata into a duplicate, with new ids; renaming keeps it', () => {
    const { emu } = setUp();
    const copy = emu.person.duplicateSheet('Sheet1');
    expect(copy).toBe('Copy of Sheet1');
    expect(where(emu, 'table', copy)).toEqual(['SHEET:0:contacts']);
    const ids = new Set(emu.metadataOf('Sheet1').map((m) => m.id));
    expect(emu.metadataOf(copy).some((m) => ids.has(m.id))).toBe(false);
    emu.person.renameSheet('Sheet1', 'Clients');
    expect(where(emu, 'table', 'Clients')).toEqual(['SHEET:0:contacts']);
  });
});

describe('protections in the emulator', () => {
  it('a warning-only protection lets the script write, warns a person, and moves with its column', () => {
    const { emu, sheet } = setUp();
    const protection = sheet.getRange('A:A').protect().setWarningOnly(true);
    expect(protection.isWarningOnly()).toBe(true);
    sheet.getRange('A2').setValue('c');
    expect(emu.cell('Sheet1', 'A2').value).toBe('c');
    emu.setCellValue('Sheet1', 'A3', 'typed');
    expect(emu.protectionWarnings).toEqual(['Sheet1!A3']);
    emu.person.moveColumn('Sheet1', 1, 4);
    expect(emu.protectionsOf('Sheet1')[0].rect).toMatchObject({ c1: 3, c2: 3 });
    emu.person.insertColumnsBefore('Sheet1', 1);
    expect(protection.getRange().getColumn()).toBe(4);
    emu.person.deleteColumns('Sheet1', 4);
    expect(sheet.getProtections(SpreadsheetApp_ProtectionType.RANGE)).toHaveLength(0);
  });
});

const SpreadsheetApp_ProtectionType = { RANGE: 'RANGE' } as unknown as {
  RANGE: GoogleAppsScript.Spreadsheet.ProtectionType;
};
