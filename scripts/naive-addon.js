/**
 * The naive way, for the benchmark only (never pushed): what a typical script does — the ImportJSON pattern.
 * Fetch, parse, write one row per call with appendRow, and a custom function that fetches on every
 * evaluation. Same settings (document properties) and same columns as the add-on.
 */
function naiveUrl() {
  var p = PropertiesService.getDocumentProperties();
  return (
    p.getProperty('wa.apiUrl') +
    '/waInstance' +
    p.getProperty('wa.idInstance') +
    '/getContacts/' +
    p.getProperty('wa.apiTokenInstance')
  );
}

function naiveRow(c) {
  var m = /^(\d+)@c\.us$/.exec(c.id);
  return [c.id, m ? '+' + m[1] : '', c.name || '', c.contactName || '', c.type];
}

function naiveImport() {
  var contacts = JSON.parse(UrlFetchApp.fetch(naiveUrl()).getContentText());
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var sheet = ss.getSheetByName('Naive') || ss.insertSheet('Naive');
  sheet.clear();
  sheet.appendRow(['ID', 'Phone', 'Name', 'Contact name', 'Type']);
  for (var i = 0; i < contacts.length; i++) sheet.appendRow(naiveRow(contacts[i]));
}

function NAIVE_CONTACTS() {
  var contacts = JSON.parse(UrlFetchApp.fetch(naiveUrl()).getContentText());
  var rows = [['ID', 'Phone', 'Name', 'Contact name', 'Type']];
  for (var i = 0; i < contacts.length; i++) rows.push(naiveRow(contacts[i]));
  return rows;
}
