/**
 * The real `Services`, built over the Apps Script globals. Nothing here runs at load time: every global is
 * touched only inside a method, so loading the bundle in AuthMode.NONE (a published add-on's `onOpen`) is safe.
 */
import { isTooManyExecutions } from '../errors/too-many-executions';
import { type HttpResponse, NetworkFailure, type Services, type TriggerInfo } from './services';

/** The document cache entry holding the spreadsheet's time zone. */
export const ZONE_KEY = 'wa.timeZone';
/**
 * UrlFetchApp's refusal of a URL outside the manifest's urlFetchWhitelist, as reported ("Request to … failed
 * because the URL has not been whitelisted in the script manifest": diegomanuel/binance-to-google-sheets issue 82);
 * Google may say "allowlisted" one day, so both words count.
 */
const NOT_ALLOWED = /(white|allow)list/i;

/** Creates the Services object backed by Apps Script. */
export function gasServices(): Services {
  // Every SpreadsheetApp call is a round trip: look the active spreadsheet up once per execution.
  let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null | undefined;
  const activeSpreadsheet = () => {
    if (active === undefined) active = SpreadsheetApp.getActiveSpreadsheet();
    return active;
  };
  // In a trigger run without an active spreadsheet, the one opened by id is "this document" for triggers too.
  let opened: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
  const documentSpreadsheet = () => activeSpreadsheet() ?? opened;
  // The spreadsheet's time zone: a round trip, so kept in the document cache for 6 hours (a change of the
  // spreadsheet's zone shows within that time); the script's zone where there is no spreadsheet.
  let zone = '';
  const timeZone = () => {
    if (zone) return zone;
    const cache = CacheService.getDocumentCache();
    zone = cache?.get(ZONE_KEY) || '';
    if (!zone) {
      zone = documentSpreadsheet()?.getSpreadsheetTimeZone() || Session.getScriptTimeZone();
      cache?.put(ZONE_KEY, zone, 21_600);
    }
    return zone;
  };
  return {
    http: {
      get: (url) => fetchUrl(url, { method: 'get' }),
      post: (url, json) => fetchUrl(url, { method: 'post', contentType: 'application/json', payload: json }),
    },
    clock: { now: () => Date.now(), sleep: (ms) => Utilities.sleep(ms) },
    triggers: {
      list: () => listTriggers(documentSpreadsheet()),
      createRecurring(handler, minutes) {
        const builder = ScriptApp.newTrigger(handler).timeBased();
        if (minutes < 60) builder.everyMinutes(minutes);
        else if (minutes < 1440) builder.everyHours(minutes / 60);
        else builder.everyDays(minutes / 1440);
        return describe(builder.create());
      },
      createOnce(handler, afterMs) {
        return describe(ScriptApp.newTrigger(handler).timeBased().after(afterMs).create());
      },
      remove(id) {
        // A unique id names one trigger: deleted from whichever listing shows it.
        const spreadsheet = documentSpreadsheet();
        const listings = [() => ScriptApp.getProjectTriggers()];
        if (spreadsheet) listings.push(() => ScriptApp.getUserTriggers(spreadsheet));
        for (const listing of listings) {
          const trigger = listing().find((t) => t.getUniqueId() === id);
          if (trigger) {
            ScriptApp.deleteTrigger(trigger);
            return true;
          }
        }
        return false;
      },
      // InstallationSource documents NONE, APPS_MARKETPLACE_DOMAIN_ADD_ON and WEB_STORE_ADD_ON
      // (https://developers.google.com/apps-script/reference/script/installation-source); a test deployment
      // may say NONE, so Diagnostics shows the raw value and the mode believed.
      installation: () =>
        ScriptApp.getInstallationSource() === ScriptApp.InstallationSource.NONE ? 'bound' : 'addon',
      installationSource: () => String(ScriptApp.getInstallationSource()),
    },
    ui: {
      toast(message, title, seconds) {
        activeSpreadsheet()?.toast(message, title, seconds ?? 5);
      },
      alert(title, message) {
        const ui = SpreadsheetApp.getUi();
        ui.alert(title, message, ui.ButtonSet.OK);
      },
      confirm(title, message) {
        const ui = SpreadsheetApp.getUi();
        return ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES;
      },
      addMenu(title, items) {
        // https://developers.google.com/apps-script/guides/menus (bound scripts: Ui.createMenu) and
        // https://developers.google.com/workspace/add-ons/concepts/menus (add-ons: createAddonMenu). Where the
        // installation source cannot be read (it needs no authorization, but onOpen may run in AuthMode.NONE),
        // the add-on menu is the safe choice.
        let bound = false;
        try {
          bound = ScriptApp.getInstallationSource() === ScriptApp.InstallationSource.NONE;
        } catch (_) {
          bound = false;
        }
        const ui = SpreadsheetApp.getUi();
        const menu = bound ? ui.createMenu(title) : ui.createAddonMenu();
        for (const item of items) {
          if (item) menu.addItem(item.caption, item.functionName);
          else menu.addSeparator();
        }
        menu.addToUi();
      },
      showSidebar(html, title) {
        SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle(title));
      },
      showDialog(html, title) {
        SpreadsheetApp.getUi().showModalDialog(
          HtmlService.createHtmlOutput(html).setWidth(520).setHeight(520),
          title,
        );
      },
    },
    properties: () => PropertiesService.getDocumentProperties(),
    hasDocumentStore: () => PropertiesService.getDocumentProperties() !== null,
    cache: () => CacheService.getDocumentCache(),
    lock: () => LockService.getDocumentLock(),
    activeSpreadsheet,
    editorCount() {
      try {
        return activeSpreadsheet()?.getEditors().length ?? null;
      } catch (_) {
        return null; // not allowed here (a viewer, a custom function): nothing to tell
      }
    },
    openSpreadsheet(id) {
      opened = SpreadsheetApp.openById(id);
      return opened;
    },
    flush: () => SpreadsheetApp.flush(),
    sheetEnums: () => ({
      projectVisibility: SpreadsheetApp.DeveloperMetadataVisibility.PROJECT,
      sheetLocation: SpreadsheetApp.DeveloperMetadataLocationType.SHEET,
    }),
    locale() {
      try {
        return Session.getActiveUserLocale() || '';
      } catch (_) {
        return ''; // AuthMode.NONE or a context without a user
      }
    },
    formatTime: (ms) => Utilities.formatDate(new Date(ms), timeZone(), 'yyyy-MM-dd HH:mm'),
    formatDay: (ms) => Utilities.formatDate(new Date(ms), timeZone(), 'yyyy-MM-dd'),
    log: (message) => console.log(message),
    htmlFile: (name) => HtmlService.createHtmlOutputFromFile(name).getContent(),
    gzipBase64: (text) =>
      Utilities.base64Encode(Utilities.gzip(Utilities.newBlob(text, 'application/json')).getBytes()),
    gunzipBase64: (base64) =>
      Utilities.ungzip(
        Utilities.newBlob(Utilities.base64Decode(base64), 'application/x-gzip'),
      ).getDataAsString('UTF-8'),
  };
}

/** A fetch with `muteHttpExceptions`: every status comes back to be read; only a missing answer throws. */
function fetchUrl(url: string, params: GoogleAppsScript.URL_Fetch.URLFetchRequestOptions): HttpResponse {
  let response: GoogleAppsScript.URL_Fetch.HTTPResponse;
  try {
    response = UrlFetchApp.fetch(url, { ...params, muteHttpExceptions: true, followRedirects: true });
  } catch (error) {
    // Too many executions at once is not the network's fault, and its text holds no URL: passed on as it is.
    if (isTooManyExecutions(error)) throw error;
    // The platform's message ("Address unavailable: <url>", "DNS error: <url>", "…failed because the URL has
    // not been whitelisted in the script manifest") contains the token: only its kind is kept.
    throw new NetworkFailure(
      NOT_ALLOWED.test(String((error as Error)?.message)) ? 'notAllowed' : 'unreachable',
    );
  }
  const headers: Record<string, string> = {};
  const raw = response.getHeaders() as Record<string, unknown>;
  for (const name of Object.keys(raw)) headers[name.toLowerCase()] = String(raw[name]);
  return { status: response.getResponseCode(), body: response.getContentText('UTF-8'), headers };
}

/**
 * Both listings, merged by unique id: getProjectTriggers() (this user's triggers of the project; for an add-on in
 * every document) and getUserTriggers(spreadsheet) (this user's triggers of the project in this document). The
 * reference says of neither that it lists time-driven triggers, so a trigger counts as seen if either shows it.
 */
function listTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null): TriggerInfo[] {
  const byId = new Map<string, TriggerInfo>();
  const add = (triggers: GoogleAppsScript.Script.Trigger[], where: 'inProject' | 'inDocument') => {
    for (const trigger of triggers) {
      const id = trigger.getUniqueId();
      const info = byId.get(id) ?? { ...describe(trigger), inProject: false, inDocument: false };
      info[where] = true;
      byId.set(id, info);
    }
  };
  add(ScriptApp.getProjectTriggers(), 'inProject');
  if (spreadsheet) add(ScriptApp.getUserTriggers(spreadsheet), 'inDocument');
  return [...byId.values()];
}

function describe(trigger: GoogleAppsScript.Script.Trigger): TriggerInfo {
  return {
    id: trigger.getUniqueId(),
    handler: trigger.getHandlerFunction(),
    inProject: true,
    inDocument: false,
  };
}
