// Test helper for the emulator's own tests: writes a small hand-made "dist" (a bundle shaped like the
// esbuild output — an IIFE plus top-level forwarding functions — a manifest and an HTML file) into a temp dir.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Scopes the test manifest lists by default. */
export const TEST_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/script.external_request',
  'https://www.googleapis.com/auth/script.scriptapp',
];

/** The test bundle: services are only touched inside functions, never at load time. */
export const TEST_BUNDLE = `
var TestLib = (() => {
  const sheet = (name) => SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  return {
    onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem('Import', 'importContacts').addSeparator().addToUi();
      Logger.log('onOpen %s', e.authMode);
    },
    writeValues(name, a1, values) { sheet(name).getRange(a1).setValues(values); },
    writeValue(name, a1, value) { sheet(name).getRange(a1).setValue(value); },
    readValues(name, a1) { return sheet(name).getRange(a1).getValues(); },
  };
})();
function onOpen(e) { return TestLib.onOpen(e); }
function writeValues(name, a1, values) { return TestLib.writeValues(name, a1, values); }
function writeValue(name, a1, value) { return TestLib.writeValue(name, a1, value); }
function readValues(name, a1) { return TestLib.readValues(name, a1); }
function readTypes(name, a1) {
  return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name).getRange(a1).getValues()
    .map((r) => r.map((v) => (v instanceof Date ? 'Date' : Array.isArray(v) ? 'array' : typeof v)));
}
function setFormulaByScript(name, a1, f) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name).getRange(a1).setFormula(f); }
function clearByScript(name, a1) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name).getRange(a1).clearContent(); }
function rangeCall(name, a1) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name).getRange(a1).getA1Notation(); }
function rangeRC(r, c, nr, nc) { return SpreadsheetApp.getActiveSheet().getRange(r, c, nr, nc).getA1Notation(); }
function insertSheet(name) { return SpreadsheetApp.getActiveSpreadsheet().insertSheet(name).getName(); }
function insertRows(n) { SpreadsheetApp.getActiveSheet().insertRowsAfter(1, n); return SpreadsheetApp.getActiveSheet().getMaxRows(); }
function lastRow(name) { const s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name); return [s.getLastRow(), s.getLastColumn()]; }
function findFormulas(text) {
  return SpreadsheetApp.getActiveSpreadsheet().createTextFinder(text).matchFormulaText(true).findAll().map((r) => r.getSheet().getName() + '!' + r.getA1Notation());
}
function errorName() { try { SpreadsheetApp.getActiveSheet().getRange(0, 1); } catch (e) { return [e instanceof Error, e.name, e.message]; } }
function nowIso() { return new Date().toISOString() + '|' + Date.now(); }
function sleepThenNow(ms) { Utilities.sleep(ms); return Date.now(); }
function ECHO(x) { return x; }
function GRID(rows, cols) {
  const out = [];
  for (let r = 0; r < rows; r++) { const row = []; for (let c = 0; c < cols; c++) row.push('r' + r + 'c' + c); out.push(row); }
  return out;
}
function COLUMN() { return [1, 2, 3]; }
function BOOM() { throw new Error('kaboom'); }
function SLOW() { Utilities.sleep(31000); return 1; }
function JAGGED() { return [[1, 2], [3]]; }
function EMPTY() { return []; }
function TRY_WRITE() { SpreadsheetApp.getActiveSheet().getRange('Z1').setValue(1); return 'wrote'; }
function TRY_TRIGGER() { ScriptApp.newTrigger('x').timeBased().after(1000).create(); return 'created'; }
function TRY_UI() { SpreadsheetApp.getUi(); return 'ui'; }
function TRY_PROP() { PropertiesService.getDocumentProperties().setProperty('a', 'b'); return 'set'; }
function READ_PROP(k) { return PropertiesService.getDocumentProperties().getProperty(k); }
function TRY_OPEN() { SpreadsheetApp.openById('sheet-1'); return 'opened'; }
function WHO() { return Session.getActiveUser().getEmail() + '|' + Session.getActiveUserLocale(); }
function ARGS(a, b, c) { return JSON.stringify([a, b, c === undefined ? 'undef' : c]); }
function private_() { return 'secret'; }
function propsNone() { return PropertiesService.getDocumentProperties().getProperty('x'); }
function setProp(k, v) { PropertiesService.getDocumentProperties().setProperty(k, v); }
function setProps(obj, all) { PropertiesService.getScriptProperties().setProperties(obj, all); return PropertiesService.getScriptProperties().getKeys().sort(); }
function cachePut(k, v, ttl) { CacheService.getScriptCache().put(k, v, ttl); }
function cacheGet(k) { return CacheService.getScriptCache().get(k); }
function cacheFill(n) { const o = {}; for (let i = 0; i < n; i++) o['k' + i] = 'v'; CacheService.getScriptCache().putAll(o, 100 + n); }
function cacheFillOne(prefix, n, ttlBase) { for (let i = 0; i < n; i++) CacheService.getScriptCache().put(prefix + i, 'v', ttlBase + i); }
function lockTry(ms) { const l = LockService.getDocumentLock(); const ok = l.tryLock(ms); return [ok, l.hasLock(), Date.now()]; }
function lockWait(ms) { LockService.getDocumentLock().waitLock(ms); return 'got'; }
function lockHold() { LockService.getDocumentLock().waitLock(10); return LockService.getDocumentLock().hasLock(); }
function makeTrigger(kind, n) {
  let b = ScriptApp.newTrigger('onTick').timeBased();
  if (kind === 'minutes') b = b.everyMinutes(n);
  else if (kind === 'hours') b = b.everyHours(n);
  else if (kind === 'after') b = b.after(n);
  return b.create().getUniqueId();
}
function deleteAllTriggers() { for (const t of ScriptApp.getProjectTriggers()) ScriptApp.deleteTrigger(t); }
function listTriggers() { return ScriptApp.getProjectTriggers().map((t) => t.getHandlerFunction() + ':' + t.getEventType()); }
function onTick(e) {
  const p = PropertiesService.getScriptProperties();
  p.setProperty('ticks', String(Number(p.getProperty('ticks') || 0) + 1));
  p.setProperty('lastUid', e.triggerUid);
  p.setProperty('hasSheet', String(SpreadsheetApp.getActiveSpreadsheet() !== null));
  SpreadsheetApp.getActiveSpreadsheet() && SpreadsheetApp.getActiveSpreadsheet().toast('tick');
  try { SpreadsheetApp.getUi(); } catch (err) { p.setProperty('uiError', err.message); }
}
function onTickFail() { throw new Error('tick failed'); }
function fetchText(url, opts) { const r = UrlFetchApp.fetch(url, opts); return [r.getResponseCode(), r.getContentText(), r.getHeaders()['content-type'] || '']; }
function fetchError(url) { try { UrlFetchApp.fetch(url); return 'no error'; } catch (e) { return e.message; } }
function gzipRoundTrip(s) {
  const gz = Utilities.gzip(Utilities.newBlob(s, 'text/plain', 'data.txt'));
  const b64 = Utilities.base64Encode(gz.getBytes());
  const back = Utilities.ungzip(Utilities.newBlob(Utilities.base64Decode(b64), 'application/x-gzip'));
  return [back.getDataAsString(), b64.length, gz.getBytes().every((x) => x >= -128 && x <= 127)];
}
function badBase64() { return Utilities.base64Decode('%%%'); }
function badGzip() { return Utilities.ungzip(Utilities.newBlob('not gzip')); }
function digest(s) { return Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, s); }
function fmtDate(ms, tz, p) { return Utilities.formatDate(new Date(ms), tz, p); }
function showSidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('sidebar').setTitle('Side')); }
function missingHtml() { HtmlService.createHtmlOutputFromFile('nope'); }
function toastAndAlert() { SpreadsheetApp.getActiveSpreadsheet().toast('hi', 'T'); return SpreadsheetApp.getUi().alert('Careful'); }
function logBoth() { Logger.log('a=%s', 1); console.log('b', { c: 2 }); console.error(new Error('bad')); }
function globalsSeen() { return [typeof require, typeof process, typeof setTimeout, typeof fetch, typeof module].join(','); }
`;

/** Writes a dist directory with `bundle` (default TEST_BUNDLE) and a manifest; returns its path. */
export function writeDist(options: { bundle?: string; manifest?: Record<string, unknown> } = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gas-emu-'));
  fs.writeFileSync(path.join(dir, 'Code.js'), options.bundle ?? TEST_BUNDLE);
  fs.writeFileSync(
    path.join(dir, 'appsscript.json'),
    JSON.stringify(
      options.manifest ?? { timeZone: 'Etc/UTC', runtimeVersion: 'V8', oauthScopes: TEST_SCOPES },
    ),
  );
  fs.writeFileSync(path.join(dir, 'sidebar.html'), '<p>Sidebar</p>');
  return dir;
}
