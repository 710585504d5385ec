// Emulator fidelity checks added from the platform documentation: limits and restrictions where the emulator
// used to be more lenient than Google's pages say (each test names its source).

import { describe, expect, it } from '@jest/globals';
import { writeDist } from './fixture';
import { createEmulator } from './index';
import { TRIGGER_ERRORS } from './services/script-app';
import { CACHE_TTL_ERROR } from './services/storage';
import { SLEEP_TOO_LONG } from './services/utilities';

const BUNDLE = `
function sleepFor(ms) { Utilities.sleep(ms); return Date.now(); }
function cachePut(k, v, ttl) { CacheService.getScriptCache().put(k, v, ttl); return CacheService.getScriptCache().get(k); }
function cachePutAll(ttl) { CacheService.getScriptCache().putAll({ a: '1', b: '2' }, ttl); }
function tzTrigger(tz) { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(5).inTimezone(tz).create().getUniqueId(); }
function hourTrigger(h, m) { return ScriptApp.newTrigger('tick').timeBased().everyDays(1).atHour(h).nearMinute(m).create().getUniqueId(); }
function tick() {}
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Go', 'tick').addToUi();
  if (PropertiesService.getScriptProperties().getProperty('ui') === 'sidebar')
    SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>'));
  if (PropertiesService.getScriptProperties().getProperty('ui') === 'alert') SpreadsheetApp.getUi().alert('hi');
}
function showSide() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>x</p>')); }
function ACTIVATE() { SpreadsheetApp.getActiveSheet().activate(); return 'activated'; }
function SET_ACTIVE() { const ss = SpreadsheetApp.getActiveSpreadsheet(); ss.setActiveSheet(ss.getSheets()[0]); return 'set'; }
function RANGE_ACTIVATE() { SpreadsheetApp.getActiveSheet().getRange('B2').activate(); return 'activated'; }
function READ() { return SpreadsheetApp.getActiveSheet().getRange('B1').getValue(); }
`;

const emulator = () => createEmulator({ distDir: writeDist({ bundle: BUNDLE }) });

describe('Utilities.sleep', () => {
  // https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer):
  // "The maximum allowed value is 300000 (or 5 minutes)."
  it('accepts up to 300000 ms and refuses more', () => {
    const emu = emulator();
    const t0 = emu.now();
    expect(emu.run('sleepFor', 300_000)).toBe(t0 + 300_000);
    expect(() => emu.run('sleepFor', 300_001)).toThrow(SLEEP_TOO_LONG);
    expect(emu.now()).toBe(t0 + 300_000);
  });
});

describe('CacheService expiration', () => {
  // https://developers.google.com/apps-script/reference/cache/cache — "The minimum is 1 second and the maximum
  // is 21600 seconds (6 hours)"; outside the range the emulator refuses (stricter reading, UNVERIFIED).
  it('accepts 1..21600 s and refuses values outside that range (put and putAll)', () => {
    const emu = emulator();
    expect(emu.run('cachePut', 'a', 'x', 21_600)).toBe('x');
    expect(emu.run('cachePut', 'b', 'y', 1)).toBe('y');
    expect(() => emu.run('cachePut', 'c', 'z', 21_601)).toThrow(CACHE_TTL_ERROR);
    expect(() => emu.run('cachePut', 'c', 'z', 0)).toThrow(CACHE_TTL_ERROR);
    expect(() => emu.run('cachePut', 'c', 'z', 'soon')).toThrow(CACHE_TTL_ERROR);
    expect(() => emu.run('cachePutAll', 99_999)).toThrow(CACHE_TTL_ERROR);
    expect(emu.cache.script.has('c')).toBe(false);
    expect(emu.cache.script.has('a')).toBe(true);
  });
});

describe('ClockTriggerBuilder', () => {
  // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#inTimezone(String):
  // "An invalid timezone string will cause the script to throw an error."
  it('refuses an invalid time zone and an out-of-range hour or minute', () => {
    const emu = emulator();
    expect(() => emu.run('tzTrigger', 'Mars/Olympus')).toThrow(TRIGGER_ERRORS.timezone);
    expect(() => emu.run('hourTrigger', 24, 0)).toThrow(TRIGGER_ERRORS.hour);
    expect(() => emu.run('hourTrigger', 5, 60)).toThrow(TRIGGER_ERRORS.minute);
    expect(emu.triggers).toHaveLength(0);
    emu.run('tzTrigger', 'America/Los_Angeles');
    emu.run('hourTrigger', 23, 59);
    expect(emu.triggers).toHaveLength(2);
  });
});

describe('Ui in simple-trigger onOpen', () => {
  // https://developers.google.com/apps-script/guides/triggers#restrictions and
  // https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle — onOpen may add menu items;
  // sidebars/dialogs/alerts need script.container.ui authorization.
  it('builds menus in LIMITED but refuses sidebars and alerts there; FULL user actions may show them', () => {
    const emu = emulator();
    emu.runOnOpen('LIMITED');
    expect(emu.ui.menus).toHaveLength(1);
    emu.properties.script.ui = 'sidebar';
    expect(() => emu.runOnOpen('LIMITED')).toThrow(/You do not have permission to call Ui.showSidebar/);
    emu.properties.script.ui = 'alert';
    expect(() => emu.runOnOpen('LIMITED')).toThrow(/You do not have permission to call Ui.alert/);
    expect(emu.ui.sidebars).toEqual([]);
    expect(emu.ui.alerts).toEqual([]);
    emu.run('showSide');
    expect(emu.ui.sidebars).toHaveLength(1);
  });
});

describe('custom functions and the active sheet', () => {
  // https://developers.google.com/apps-script/guides/sheets/functions — Spreadsheet is read-only in custom
  // functions: get*() methods work, set*() do not (activate() refused too: stricter reading, UNVERIFIED).
  it('refuses setActiveSheet and activate() inside a custom function, reads still work', () => {
    const emu = emulator();
    emu.setCellValue('Sheet1', 'B1', 'v');
    const shown = (f: string) => {
      emu.setFormula('Sheet1', 'A1', f);
      return emu.cell('Sheet1', 'A1').note || emu.cell('Sheet1', 'A1').value;
    };
    expect(shown('=READ()')).toBe('v');
    expect(shown('=SET_ACTIVE()')).toBe('You do not have permission to call Spreadsheet.setActiveSheet');
    expect(shown('=ACTIVATE()')).toBe('You do not have permission to call Sheet.activate');
    expect(shown('=RANGE_ACTIVATE()')).toBe('You do not have permission to call Range.activate');
    expect(emu.run('SET_ACTIVE')).toBe('set');
    expect(emu.run('ACTIVATE')).toBe('activated');
  });
});
