/**
 * The ports through which the add-on reaches Apps Script. Logic modules receive a `Services` object and never
 * touch a global such as `SpreadsheetApp` themselves; `gas.ts` builds the real one from the platform globals,
 * and tests can hand in another. Keep each port as small as the code that uses it.
 */

/** One HTTP answer, whatever its status (UrlFetchApp with `muteHttpExceptions`). */
export interface HttpResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** HTTP; throws `NetworkFailure` when no answer arrives at all (DNS, refused, timeout, a URL not allowed). */
export interface Http {
  get(url: string): HttpResponse;
  /** POST with a JSON body. */
  post(url: string, json: string): HttpResponse;
}

/**
 * Thrown by `Http` when no answer came: the host could not be reached, or (`notAllowed`) the script may not
 * fetch that URL (the manifest's urlFetchWhitelist). Carries no URL: the URL holds the token.
 */
export class NetworkFailure extends Error {
  readonly reason: 'unreachable' | 'notAllowed';
  constructor(reason: 'unreachable' | 'notAllowed' = 'unreachable') {
    super('network failure');
    this.name = 'NetworkFailure';
    this.reason = reason;
  }
}

/** Time, so retries and schedules can be tested on a virtual clock. */
export interface Clock {
  now(): number;
  sleep(ms: number): void;
}

/**
 * An installable trigger owned by this user in this project, and which of Google's two listings showed it:
 * `getProjectTriggers()` ("all installable triggers associated with the current project and current user") and
 * `getUserTriggers(spreadsheet)` ("owned by this user in the given spreadsheet, for this script or add-on only"):
 * https://developers.google.com/apps-script/reference/script/script-app . Neither says it lists time-driven
 * triggers, so the add-on looks in both and knows its own by the ids it stored (refresh/schedule.ts).
 */
export interface TriggerInfo {
  id: string;
  handler: string;
  /** Shown by getProjectTriggers(): this user's triggers of the script (an add-on's: in every document). */
  inProject: boolean;
  /** Shown by getUserTriggers(spreadsheet): this user's triggers of the script in this document. */
  inDocument: boolean;
}

/** How the script runs: published/domain add-on, or a script bound to one spreadsheet. */
export type Installation = 'addon' | 'bound';

/** Installable time-driven triggers (ScriptApp). */
export interface Triggers {
  /** Both listings merged by id (getProjectTriggers and, with a document, getUserTriggers). */
  list(): TriggerInfo[];
  /** A recurring trigger every `minutes` (5, 10, 15, 30, or whole hours / days). */
  createRecurring(handler: string, minutes: number): TriggerInfo;
  /** A one-shot trigger that runs no sooner than `afterMs` from now. */
  createOnce(handler: string, afterMs: number): TriggerInfo;
  /** Deletes the trigger with this unique id from whichever listing shows it; false when neither does. */
  remove(id: string): boolean;
  installation(): Installation;
  /** ScriptApp.getInstallationSource() as Google names it (NONE, WEB_STORE_ADD_ON, …), for Diagnostics. */
  installationSource(): string;
}

/** A menu item: the caption and the top-level function it calls. */
export interface MenuItem {
  caption: string;
  functionName: string;
}

/** What a person sees: toasts, alerts, the add-on menu and the sidebar. Throws where no UI exists. */
export interface Ui {
  toast(message: string, title: string, seconds?: number): void;
  alert(title: string, message: string): void;
  /**
   * A Yes/No question; true for Yes. The script is suspended while it is open, and LockService locks do not
   * persist across that (https://developers.google.com/apps-script/reference/base/ui#alert(String,String,ButtonSet)):
   * ask only while holding no lock.
   */
  confirm(title: string, message: string): boolean;
  /**
   * The add-on's menu. In a bound script: a menu of its own named `title` in the menu bar (an add-on menu there
   * would sit under Extensions with the script project's title, often "Untitled project"); in a published
   * add-on: Extensions → the add-on's listed name (add-ons may add no other menu).
   */
  addMenu(title: string, items: Array<MenuItem | null>): void;
  showSidebar(html: string, title: string): void;
  showDialog(html: string, title: string): void;
}

/** Apps Script enum values the sheet adapters hand to Spreadsheet methods (they are objects, not strings). */
export interface SheetEnums {
  /** DeveloperMetadataVisibility.PROJECT: metadata only this script (project) sees. */
  projectVisibility: GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  /** DeveloperMetadataLocationType.SHEET. */
  sheetLocation: GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType;
}

/** Everything the add-on uses from Apps Script. Members are looked up lazily, when first called. */
export interface Services {
  http: Http;
  clock: Clock;
  triggers: Triggers;
  ui: Ui;
  /** Document properties: settings and state shared by every user and trigger of this document. */
  properties(): GoogleAppsScript.Properties.Properties;
  /**
   * True when this run has document properties. An add-on's time-driven trigger may not (Google does not
   * say): trigger handlers ask first, since then there are no settings to read and nowhere to record a status.
   */
  hasDocumentStore(): boolean;
  /** Document cache (null outside a document context). */
  cache(): GoogleAppsScript.Cache.Cache | null;
  /** Document lock (null outside a document context). */
  lock(): GoogleAppsScript.Lock.Lock | null;
  /** The spreadsheet the user has open; null in some trigger runs. */
  activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null;
  /** How many people may edit the active spreadsheet (the owner included); null when that cannot be told. */
  editorCount(): number | null;
  /** Opens a spreadsheet by id (needs the broad `spreadsheets` scope). */
  openSpreadsheet(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Applies pending spreadsheet changes now. */
  flush(): void;
  /** Enum values for developer metadata (sheet/table-tags.ts). */
  sheetEnums(): SheetEnums;
  /** The user's language setting, '' when unknown. */
  locale(): string;
  /** A moment as the user reads it ("yyyy-MM-dd HH:mm" in the spreadsheet's time zone). */
  formatTime(ms: number): string;
  /** The day of a moment ("yyyy-MM-dd" in the spreadsheet's time zone). */
  formatDay(ms: number): string;
  log(message: string): void;
  /** Reads an HTML file pushed with the script. */
  htmlFile(name: string): string;
  gzipBase64(text: string): string;
  gunzipBase64(base64: string): string;
}
