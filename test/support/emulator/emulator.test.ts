// Tests of the Apps Script emulator against a small hand-made bundle (not the add-on's dist): the execution
// model, SpreadsheetApp grid semantics, custom functions (spill, errors, recalc), auth modes, Properties,
// Cache, Lock, ScriptApp triggers on the virtual clock, Utilities, HtmlService/Ui and counters.

import { describe, expect, it } from '@jest/globals';
import { TEST_SCOPES, writeDist } from './fixture';
import { createEmulator, type EmulatorOptions } from './index';

const dist = writeDist();
const emulator = (o: Partial<EmulatorOptions> = {}) => createEmulator({ distDir: dist, ...o });
const MIN = 60_000;

describe('execution model', () => {
  it('loads the bundle into a context with only Apps Script globals', () => {
    const emu = emulator();
    expect(emu.run('globalsSeen')).toBe('undefined,undefined,undefined,undefined,undefined');
    expect(emu.functionNames).toEqual(expect.arrayContaining(['onOpen', 'WHO', 'GRID']));
  });

  it('rethrows script errors with the same message; platform errors are realm Errors named Exception', () => {
    const emu = emulator();
    expect(() => emu.run('missingHtml')).toThrow('No HTML file named nope was found.');
    expect(emu.run('errorName')).toEqual([true, 'Exception', 'The starting row of the range is too small.']);
    expect(() => emu.run('nope')).toThrow('Script function not found: nope');
    expect(() => emu.run('private_')).toThrow('Script function not found: private_');
  });

  it('runs Date on the virtual clock; Utilities.sleep advances it', () => {
    const emu = emulator({ startTime: Date.parse('2026-03-01T10:00:00Z') });
    expect(emu.run('nowIso')).toBe(`2026-03-01T10:00:00.000Z|${Date.parse('2026-03-01T10:00:00Z')}`);
    expect(emu.run('sleepThenNow', 5000)).toBe(Date.parse('2026-03-01T10:00:05Z'));
    expect(emu.now()).toBe(Date.parse('2026-03-01T10:00:05Z'));
    expect(emu.lastExecution.serviceMs).toBeGreaterThanOrEqual(5000);
  });

  it('records each execution: its kind, and when it started and ended on the clock (what the script can measure)', () => {
    const emu = emulator({ startTime: Date.parse('2026-03-01T10:00:00Z') });
    emu.run('sleepThenNow', 5000);
    expect(emu.lastExecution).toMatchObject({
      kind: 'run',
      startedAt: Date.parse('2026-03-01T10:00:00Z'),
      endedAt: Date.parse('2026-03-01T10:00:05Z'),
      durationMs: 5000,
    });
    emu.run('makeTrigger', 'minutes', 10);
    emu.advanceTime(10 * MIN);
    expect(emu.lastExecution).toMatchObject({ kind: 'trigger', name: 'onTick', durationMs: 0 });
    expect(emu.lastExecution.startedAt).toBe(Date.parse('2026-03-01T10:10:05Z'));
  });

  it('counts spreadsheet calls per execution and in totals', () => {
    const emu = emulator();
    emu.run('writeValues', 'Sheet1', 'A1:B1', [[1, 2]]);
    // getActiveSpreadsheet + getSheetByName + getRange + setValues
    expect(emu.lastExecution).toMatchObject({ name: 'writeValues', authMode: 'FULL', spreadsheetCalls: 4 });
    expect(emu.counters.spreadsheetCalls).toBe(4);
    emu.resetCounters();
    expect(emu.counters.spreadsheetCalls).toBe(0);
  });

  it('counts the cells each execution wrote and read, whole ranges', () => {
    const emu = emulator();
    emu.run('writeValues', 'Sheet1', 'A1:C2', [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(emu.lastExecution).toMatchObject({ cellsWritten: 6, cellsRead: 0 });
    emu.run('readValues', 'Sheet1', 'A1:B4');
    expect(emu.lastExecution).toMatchObject({ cellsWritten: 0, cellsRead: 8 });
  });

  it('captures Logger and console output', () => {
    const emu = emulator();
    emu.run('logBoth');
    expect(emu.logs).toEqual(['a=1', 'b {"c":2}', 'Error: bad']);
  });
});

describe('SpreadsheetApp grid', () => {
  it('applies typed-input semantics to setValues and returns realm values', () => {
    const emu = emulator();
    emu.run('writeValues', 'Sheet1', 'A1:D2', [
      ['00123', '2024-01-02', 'TRUE', "'00123"],
      ['+7 900 123', '=HYPERLINK("https://x","y")', '1,000', null],
    ]);
    expect(emu.sheetValues('Sheet1')).toEqual([
      [123, new Date('2024-01-02T00:00:00Z'), true, '00123'],
      [7900123, '', 1000, ''],
    ]);
    expect(emu.cell('Sheet1', 'B2')).toMatchObject({ formula: '=HYPERLINK("https://x","y")', value: '' });
    expect(emu.cell('Sheet1', 'C2').display).toBe('1,000');
    expect(emu.run('readTypes', 'Sheet1', 'A1:D1')).toEqual([['number', 'Date', 'boolean', 'string']]);
  });

  it('round-trips an apostrophe-escaped string as text without the apostrophe', () => {
    const emu = emulator();
    emu.run('writeValue', 'Sheet1', 'A1', "'=IMPORTXML(1)");
    expect(emu.cell('Sheet1', 'A1')).toMatchObject({ value: '=IMPORTXML(1)', formula: '' });
    expect(emu.run('readValues', 'Sheet1', 'A1')).toEqual([['=IMPORTXML(1)']]);
  });

  it('keeps text in plain-text (@) cells, but "=" still makes a formula', () => {
    const emu = emulator();
    emu.spreadsheet.getSheetByName('Sheet1')?.getRange('A1:A2').setNumberFormat('@');
    emu.run('writeValues', 'Sheet1', 'A1:A2', [['00123'], ['=X()']]);
    expect(emu.cell('Sheet1', 'A1').value).toBe('00123');
    expect(emu.cell('Sheet1', 'A2').formula).toBe('=X()');
  });

  it('checks setValues dimensions with the platform texts', () => {
    const emu = emulator();
    expect(() => emu.run('writeValues', 'Sheet1', 'A1:B2', [[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => emu.run('writeValues', 'Sheet1', 'A1:B1', [[1, 2, 3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(emu.sheetValues('Sheet1')).toEqual([]);
  });

  it('refuses ranges outside the sheet and text over 50,000 characters', () => {
    const emu = emulator();
    expect(() => emu.run('rangeCall', 'Sheet1', 'A1001')).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => emu.run('rangeRC', 1, 27, 1, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(emu.run('rangeRC', 2, 3, 2, 2)).toBe('C2:D3');
    expect(() => emu.run('writeValue', 'Sheet1', 'A1', 'x'.repeat(50001))).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
  });

  it('inserts sheets and rows with the platform limits', () => {
    const emu = emulator();
    expect(emu.run('insertSheet', 'Data')).toBe('Data');
    expect(() => emu.run('insertSheet', 'Data')).toThrow(
      'A sheet with the name "Data" already exists. Please enter another name.',
    );
    expect(emu.run('insertRows', 500)).toBe(1500);
    expect(() => emu.run('insertRows', 400_000)).toThrow(/above the limit of 10000000 cells/);
  });

  it('computes the last row/column from content, spills included', () => {
    const emu = emulator();
    emu.run('writeValue', 'Sheet1', 'B3', 'x');
    expect(emu.run('lastRow', 'Sheet1')).toEqual([3, 2]);
    emu.setFormula('Sheet1', 'D1', '=GRID(5,2)');
    expect(emu.run('lastRow', 'Sheet1')).toEqual([5, 5]);
  });

  it('moves cells, formulas and spills with inserted and deleted rows/columns', () => {
    const emu = emulator();
    const sheet = emu.spreadsheet.getSheetByName('Sheet1');
    emu.setCellValue('Sheet1', 'A3', 'a3');
    emu.setFormula('Sheet1', 'B2', '=GRID(2,2)');
    sheet?.insertRowsAfter(1, 2);
    expect(emu.cell('Sheet1', 'A5').value).toBe('a3');
    expect(emu.cell('Sheet1', 'B4')).toMatchObject({ formula: '=GRID(2,2)', value: 'r0c0' });
    expect(emu.cell('Sheet1', 'C5').value).toBe('r1c1');
    sheet?.insertColumnsAfter(1, 1);
    expect(emu.cell('Sheet1', 'D5').value).toBe('r1c1');
    sheet?.deleteRows(1, 3);
    expect(emu.cell('Sheet1', 'C1').formula).toBe('=GRID(2,2)');
    expect(emu.sheetValues('Sheet1')).toEqual([
      ['', '', 'r0c0', 'r0c1'],
      ['a3', '', 'r1c0', 'r1c1'],
    ]);
    expect(sheet?.getMaxRows()).toBe(999);
  });

  it('finds formulas by text (case-insensitive) and values of other cells', () => {
    const emu = emulator();
    emu.setFormula('Sheet1', 'A1', '=ECHO("hi")');
    emu.run('writeValue', 'Sheet1', 'B2', 'echo me');
    expect(emu.run('findFormulas', 'ECHO(')).toEqual(['Sheet1!A1']);
    expect(emu.run('findFormulas', 'echo')).toEqual(['Sheet1!A1', 'Sheet1!B2']);
  });
});

describe('custom functions', () => {
  it('evaluates a scalar and spills a 2-D result into empty cells', () => {
    const emu = emulator();
    emu.setFormula('Sheet1', 'A1', '=ECHO("x")');
    expect(emu.cell('Sheet1', 'A1')).toMatchObject({ value: 'x', display: 'x', formula: '=ECHO("x")' });
    emu.setFormula('Sheet1', 'C1', '=GRID(2,2)');
    expect(emu.sheetValues('Sheet1')).toEqual([
      ['x', '', 'r0c0', 'r0c1'],
      ['', '', 'r1c0', 'r1c1'],
    ]);
    expect(emu.cell('Sheet1', 'D2')).toMatchObject({ value: 'r1c1', formula: '' });
    expect(emu.lastExecution).toMatchObject({ name: 'GRID', authMode: 'CUSTOM_FUNCTION' });
    emu.setFormula('Sheet1', 'F1', '=COLUMN()');
    expect(emu.sheetValues('Sheet1').map((r) => r[5])).toEqual([1, 2, 3]);
  });

  it('shows #REF! when the spill is blocked, and expands once the blocker is cleared', () => {
    const emu = emulator();
    emu.setCellValue('Sheet1', 'B2', 'in the way');
    emu.setFormula('Sheet1', 'A1', '=GRID(3,3)');
    expect(emu.cell('Sheet1', 'A1')).toMatchObject({
      value: '#REF!',
      display: '#REF!',
      note: 'Array result was not expanded because it would overwrite data in B2.',
    });
    emu.setCellValue('Sheet1', 'B2', '');
    expect(emu.cell('Sheet1', 'B2').value).toBe('r1c1');
    emu.setCellValue('Sheet1', 'C3', 'blocker');
    expect(emu.cell('Sheet1', 'A1').value).toBe('#REF!');
    expect(emu.cell('Sheet1', 'B2').value).toBe('');
  });

  it('shows #ERROR! with the message as note for throws, timeouts, jagged and empty results', () => {
    const emu = emulator();
    emu.setFormula('Sheet1', 'A1', '=BOOM()');
    expect(emu.cell('Sheet1', 'A1')).toMatchObject({ value: '#ERROR!', note: 'kaboom' });
    emu.setFormula('Sheet1', 'A2', '=SLOW()');
    expect(emu.cell('Sheet1', 'A2')).toMatchObject({
      value: '#ERROR!',
      note: 'Exceeded maximum execution time (line 0).',
    });
    emu.setFormula('Sheet1', 'A3', '=JAGGED()');
    expect(emu.cell('Sheet1', 'A3').value).toBe('#ERROR!');
    emu.setFormula('Sheet1', 'A4', '=EMPTY()');
    expect(emu.cell('Sheet1', 'A4').value).toBe('#ERROR!');
  });

  it('passes literals, references and empty arguments', () => {
    const emu = emulator();
    emu.setCellValue('Sheet1', 'B1', '42');
    emu.setCellValue('Sheet1', 'B2', 'two');
    emu.setFormula('Sheet1', 'A1', '=args("a""b", B1, )');
    expect(emu.cell('Sheet1', 'A1').value).toBe('["a\\"b",42,"undef"]');
    emu.setFormula('Sheet1', 'A2', "=ARGS(TRUE, 'Sheet1'!B1:B2, -1.5)");
    expect(emu.cell('Sheet1', 'A2').value).toBe('[true,[[42],["two"]],-1.5]');
  });

  it('recalculates only when the formula text changes or a referenced cell changes', () => {
    const emu = emulator();
    const calls = () => emu.executions.filter((e) => e.name === 'ECHO').length;
    emu.setCellValue('Sheet1', 'B1', 'v1');
    emu.setFormula('Sheet1', 'A1', '=ECHO(B1)');
    expect(calls()).toBe(1);
    emu.setFormula('Sheet1', 'A1', '=ECHO(B1)');
    expect(calls()).toBe(1);
    emu.setCellValue('Sheet1', 'B1', 'v2');
    expect(calls()).toBe(2);
    expect(emu.cell('Sheet1', 'A1').value).toBe('v2');
    emu.setCellValue('Sheet1', 'C1', 'unrelated');
    expect(calls()).toBe(2);
    emu.run('writeValue', 'Sheet1', 'B1', 'v3');
    expect(calls()).toBe(3);
    expect(emu.cell('Sheet1', 'A1').value).toBe('v3');
    // A script rewriting the identical formula does not recalc; clear + set does.
    emu.run('setFormulaByScript', 'Sheet1', 'A1', '=ECHO(B1)');
    expect(calls()).toBe(3);
    emu.run('clearByScript', 'Sheet1', 'A1');
    emu.run('setFormulaByScript', 'Sheet1', 'A1', '=ECHO(B1)');
    expect(calls()).toBe(4);
  });

  it('replaces the old spill when re-evaluated', () => {
    const emu = emulator();
    emu.setCellValue('Sheet1', 'Z1', '3');
    emu.setFormula('Sheet1', 'A1', '=GRID(Z1,1)');
    expect(emu.sheetValues('Sheet1').map((r) => r[0])).toEqual(['r0c0', 'r1c0', 'r2c0']);
    emu.setCellValue('Sheet1', 'Z1', '1');
    expect(emu.cell('Sheet1', 'A2').value).toBe('');
    expect(emu.cell('Sheet1', 'A1').value).toBe('r0c0');
  });

  it('runs in CUSTOM_FUNCTION mode: reads work, writes/triggers/UI/property writes/openById throw', () => {
    const emu = emulator();
    emu.properties.document.k = 'v';
    const note = (f: string) => {
      emu.setFormula('Sheet1', 'A1', f);
      return emu.cell('Sheet1', 'A1').note || emu.cell('Sheet1', 'A1').value;
    };
    expect(note('=READ_PROP("k")')).toBe('v');
    expect(note('=TRY_WRITE()')).toBe('You do not have permission to call Range.setValue');
    expect(note('=TRY_TRIGGER()')).toBe('You do not have permission to call ScriptApp.newTrigger');
    expect(note('=TRY_UI()')).toBe('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(note('=TRY_PROP()')).toBe('You do not have permission to call Properties.setProperty');
    expect(note('=TRY_OPEN()')).toMatch(/^You do not have permission to call SpreadsheetApp.openById/);
    expect(note('=WHO()')).toBe('|en');
  });
});

describe('auth modes and scopes', () => {
  it('builds the add-on menu in AuthMode.NONE but refuses authorized services there', () => {
    const emu = emulator();
    emu.runOnOpen('NONE');
    expect(emu.ui.menus).toEqual([
      {
        title: 'Add-on',
        items: [{ caption: 'Import', functionName: 'importContacts' }, null],
      },
    ]);
    expect(emu.logs).toEqual(['onOpen NONE']);
  });

  it('throws from NONE-mode code that touches Properties or the document', () => {
    const bundle = `function onOpen(e) { PropertiesService.getDocumentProperties(); }`;
    const emu = createEmulator({ distDir: writeDist({ bundle }) });
    expect(() => emu.runOnOpen('NONE')).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    expect(() => emu.runOnOpen('LIMITED')).not.toThrow();
  });

  it('fails at load time when the bundle touches a service at top level in NONE mode', () => {
    const bundle = `var cfg = PropertiesService.getScriptProperties(); function onOpen() {}`;
    const emu = createEmulator({ distDir: writeDist({ bundle }) });
    expect(() => emu.runOnOpen('NONE')).toThrow(/permission/);
  });

  it('reports the user locale and email per mode', () => {
    const manifest = {
      timeZone: 'Etc/UTC',
      oauthScopes: [...TEST_SCOPES, 'https://www.googleapis.com/auth/userinfo.email'],
    };
    const emu = createEmulator({ distDir: writeDist({ manifest }), locale: 'de' });
    expect(emu.run('WHO')).toBe('user@example.com|de');
    expect(emulator().run('WHO')).toBe('|en');
  });

  it('requires the spreadsheets scope for openById', () => {
    const emu = emulator();
    expect(() => emu.run('TRY_OPEN')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    const manifest = {
      timeZone: 'Etc/UTC',
      oauthScopes: [...TEST_SCOPES, 'https://www.googleapis.com/auth/spreadsheets'],
    };
    expect(createEmulator({ distDir: writeDist({ manifest }) }).run('TRY_OPEN')).toBe('opened');
  });

  it('refuses UrlFetch when the scope is missing', () => {
    const emu = createEmulator({ distDir: writeDist({ manifest: { oauthScopes: [TEST_SCOPES[0]] } }) });
    expect(() => emu.run('fetchText', 'https://example.com/')).toThrow(
      'You do not have permission to call UrlFetchApp.fetch. Required permissions: https://www.googleapis.com/auth/script.external_request',
    );
  });
});

describe('PropertiesService', () => {
  it('stores strings and enforces the value and store limits', () => {
    const emu = emulator();
    emu.run('setProp', 'n', 5);
    expect(emu.properties.document).toEqual({ n: '5' });
    expect(() => emu.run('setProp', 'big', 'x'.repeat(9 * 1024))).toThrow('Argument too large: value');
    for (let i = 0; i < 56; i++) emu.run('setProp', `k${i}`, 'x'.repeat(9000));
    expect(() => emu.run('setProp', 'k99', 'x'.repeat(9000))).toThrow(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(emu.run('setProps', { a: 1, b: 2 }, false)).toEqual(['a', 'b']);
    expect(emu.run('setProps', { c: 3 }, true)).toEqual(['c']);
  });
});

describe('CacheService', () => {
  it('expires entries on the virtual clock (default 600 s, max 6 h)', () => {
    const emu = emulator();
    emu.run('cachePut', 'a', 'x');
    emu.run('cachePut', 'b', 'y', 21600);
    emu.advanceTime(599_000);
    expect(emu.run('cacheGet', 'a')).toBe('x');
    emu.advanceTime(1_000);
    expect(emu.run('cacheGet', 'a')).toBeNull();
    emu.advanceTime(21_600_000 - 600_000);
    expect(emu.run('cacheGet', 'b')).toBeNull();
  });

  it('enforces key/value limits and counts entries written', () => {
    const emu = emulator();
    expect(() => emu.run('cachePut', 'k'.repeat(251), 'x')).toThrow('Argument too large: key');
    expect(() => emu.run('cachePut', 'k', 'x'.repeat(100 * 1024 + 1))).toThrow('Argument too large: value');
    emu.run('cachePut', 'k', 'x'.repeat(100 * 1024));
    emu.run('cacheFill', 10);
    expect(emu.lastExecution.cacheEntriesWritten).toBe(10);
    expect(emu.counters.cacheEntriesWritten).toBe(11);
  });

  it('keeps the 900 entries farthest from expiration when over 1000', () => {
    const emu = emulator();
    emu.run('cacheFillOne', 'e', 1001, 100);
    expect(emu.cache.script.size).toBe(900);
    expect(emu.run('cacheGet', 'e0')).toBeNull();
    expect(emu.run('cacheGet', 'e1000')).toBe('v');
    expect(emu.run('cacheGet', 'e101')).toBe('v');
    expect(emu.run('cacheGet', 'e100')).toBeNull();
  });

  it('lets the test side corrupt or expire raw entries', () => {
    const emu = emulator();
    emu.run('cachePut', 'a', 'x');
    const entry = emu.cache.script.get('a');
    if (entry) entry.value = 'corrupt';
    expect(emu.run('cacheGet', 'a')).toBe('corrupt');
    if (entry) entry.expiresAt = emu.now();
    expect(emu.run('cacheGet', 'a')).toBeNull();
  });
});

describe('LockService', () => {
  it('acquires a free lock, releases it when the execution ends', () => {
    const emu = emulator();
    expect(emu.run('lockTry', 1000)).toEqual([true, true, emu.now()]);
    expect(emu.run('lockHold')).toBe(true);
  });

  it('waits on the virtual clock when another execution holds the document lock', () => {
    const emu = emulator();
    emu.holdDocumentLock(true);
    const t0 = emu.now();
    expect(emu.run('lockTry', 5000)).toEqual([false, false, t0 + 5000]);
    expect(() => emu.run('lockWait', 1000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    emu.holdDocumentLock(false);
    expect(emu.run('lockWait', 1000)).toBe('got');
  });
});

describe('ScriptApp triggers', () => {
  it('validates schedules and the 20-trigger limit', () => {
    const emu = emulator();
    expect(() => emu.run('makeTrigger', 'minutes', 7)).toThrow('Invalid argument: minutes');
    expect(() => emu.run('makeTrigger', 'hours', 3)).toThrow('Invalid argument: hours');
    for (let i = 0; i < 20; i++) emu.run('makeTrigger', 'minutes', 5);
    expect(() => emu.run('makeTrigger', 'hours', 1)).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    emu.run('deleteAllTriggers');
    expect(emu.triggers).toHaveLength(0);
  });

  it('applies the Editor add-on rules: at most hourly, one time-driven trigger per document', () => {
    const emu = emulator({ installationSource: 'ADD_ON' });
    expect(() => emu.run('makeTrigger', 'minutes', 30)).toThrow(
      'The recurrence interval for an Add-on trigger must be at least one hour.',
    );
    expect(() => emu.run('makeTrigger', 'after', 5 * MIN)).toThrow(/must be at least one hour/);
    emu.run('makeTrigger', 'hours', 1);
    expect(() => emu.run('makeTrigger', 'hours', 2)).toThrow(/one time-based trigger per user per document/);
  });

  it('refuses add-on one-shots under an hour only where the switch says so; recurring ones always', () => {
    const emu = emulator({ installationSource: 'ADD_ON', addonShortOneShots: 'allowed' });
    expect(() => emu.run('makeTrigger', 'minutes', 30)).toThrow(/recurrence interval .* at least one hour/);
    emu.run('makeTrigger', 'after', 5 * MIN);
    expect(emu.triggers).toHaveLength(1);
  });

  it('leaves time-driven triggers out of a listing when the switch says so', () => {
    const hidden = emulator({ triggerListings: { project: false } });
    hidden.run('makeTrigger', 'minutes', 5);
    expect(hidden.run('listTriggers')).toEqual([]);
    expect(hidden.triggers).toHaveLength(1);
    const shown = emulator();
    shown.run('makeTrigger', 'minutes', 5);
    expect(shown.run('listTriggers')).toEqual(['onTick:CLOCK']);
  });

  it('fires recurring triggers in fresh FULL executions without UI, in time order', () => {
    const emu = emulator();
    const id = emu.run('makeTrigger', 'minutes', 10);
    emu.advanceTime(9 * MIN);
    expect(emu.properties.script.ticks).toBeUndefined();
    emu.advanceTime(31 * MIN);
    expect(emu.properties.script).toMatchObject({
      ticks: '4',
      lastUid: id,
      hasSheet: 'true',
      uiError: 'Cannot call SpreadsheetApp.getUi() from this context.',
    });
    expect(emu.ui.toasts).toEqual([]);
    expect(emu.lastExecution).toMatchObject({ name: 'onTick', authMode: 'FULL' });
  });

  it('fires after() once at creation + ms and keeps it listed', () => {
    const emu = emulator();
    emu.run('makeTrigger', 'after', 5 * MIN);
    emu.advanceTime(5 * MIN - 1);
    expect(emu.properties.script.ticks).toBeUndefined();
    emu.advanceTime(1);
    expect(emu.properties.script.ticks).toBe('1');
    emu.advanceTime(60 * MIN);
    expect(emu.properties.script.ticks).toBe('1');
    expect(emu.triggers).toHaveLength(1);
    expect(emu.triggers[0]).toMatchObject({ oneShot: true, fired: true, handler: 'onTick' });
    expect(emu.run('listTriggers')).toEqual(['onTick:CLOCK']);
  });

  it("gives add-on time-driven triggers the active spreadsheet by default, as Google's own add-ons rely on", () => {
    const emu = emulator({ installationSource: 'ADD_ON' });
    emu.run('makeTrigger', 'hours', 1);
    emu.advanceTime(60 * MIN);
    expect(emu.properties.script.hasSheet).toBe('true');
  });

  it('can take the active spreadsheet away from add-on time-driven triggers (Google does not say)', () => {
    const emu = emulator({ installationSource: 'ADD_ON', addonTriggers: { activeSpreadsheet: false } });
    emu.run('makeTrigger', 'hours', 1);
    emu.advanceTime(60 * MIN);
    expect(emu.properties.script.hasSheet).toBe('false');
  });

  it('records handler failures and keeps going', () => {
    const emu = emulator();
    emu.addForeignTrigger('onTickFail', 5 * MIN);
    emu.addForeignTrigger('missingHandler', 5 * MIN);
    emu.advanceTime(10 * MIN);
    expect(emu.triggerErrors.map((e) => e.message)).toEqual([
      'tick failed',
      'Script function not found: missingHandler',
      'tick failed',
      'Script function not found: missingHandler',
    ]);
  });
});

describe('Utilities', () => {
  it('gzip/base64 round-trips large data with Java signed bytes', () => {
    const emu = emulator();
    const text = Array.from({ length: 100_000 }, (_, i) => `${i};contact ${i};+7900${i}`).join('\n');
    const [back, b64len, signed] = emu.run('gzipRoundTrip', text) as [string, number, boolean];
    expect(back).toBe(text);
    expect(b64len).toBeGreaterThan(1000);
    expect(signed).toBe(true);
  });

  it('rejects bad base64 and bad gzip; computes digests; formats dates', () => {
    const emu = emulator();
    expect(() => emu.run('badBase64')).toThrow('Could not decode string.');
    expect(() => emu.run('badGzip')).toThrow('Invalid argument: blob');
    const d = emu.run('digest', 'abc') as number[];
    expect(Buffer.from(Int8Array.from(d).buffer).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(
      emu.run('fmtDate', Date.parse('2026-01-02T03:04:05Z'), 'Europe/Berlin', 'yyyy-MM-dd HH:mm:ss'),
    ).toBe('2026-01-02 04:04:05');
  });
});

describe('HtmlService and Ui', () => {
  it('shows sidebars from dist/*.html, records toasts and alerts', () => {
    const emu = emulator();
    emu.run('showSidebar');
    expect(emu.ui.sidebars).toEqual([{ html: '<p>Sidebar</p>', title: 'Side', width: 300 }]);
    expect(emu.run('toastAndAlert')).toBe('OK');
    expect(emu.ui.toasts).toEqual([{ message: 'hi', title: 'T', timeoutSeconds: null }]);
    expect(emu.ui.alerts).toEqual([{ title: '', prompt: 'Careful', buttons: 'OK' }]);
  });
});
