// Shared types of the emulator: cell values, auth modes, the per-execution record (one Apps Script execution =
// one fresh vm context) and the error class used for platform exceptions thrown by emulated services.

/** A stored cell value ('' = empty); Dates are host-realm Date objects. */
export type CellValue = string | number | boolean | Date;

/** ScriptApp.AuthMode names. */
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

/** What kind of platform event started an execution. */
export type ExecutionKind = 'run' | 'onOpen' | 'custom' | 'trigger' | 'test';

/** Per-execution measurements (also summed into the emulator's counters). */
export interface ExecutionRecord {
  name: string;
  authMode: AuthModeName;
  /** What started it: a user action, onOpen, a custom function, a time-driven trigger. */
  kind: ExecutionKind;
  /**
   * The emulator's clock when it started and ended, and the difference: how long it ran as the script itself can
   * measure it (the virtual clock moves by fetches, sleeps and lock waits; on the platform, Date.now() is wall
   * time). Apps Script's daily trigger quota counts the duration of trigger executions.
   */
  startedAt: number;
  endedAt: number;
  durationMs: number;
  /** Real elapsed time plus virtual time spent in Utilities.sleep / lock waits. */
  wallMs: number;
  /** Time inside service methods (real) plus virtual sleeps/waits. */
  serviceMs: number;
  /** wallMs − serviceMs: time the script's own JavaScript took. */
  ownMs: number;
  spreadsheetCalls: number;
  /** The method name of each spreadsheet call, in order (what `spreadsheetCalls` counts). */
  spreadsheetCallNames: string[];
  urlFetchCalls: number;
  cacheEntriesWritten: number;
  /** Cells whose values, formulas or number formats a call set or cleared (each cell of each range, every call). */
  cellsWritten: number;
  /** Cells whose values, formulas, formats or notes a call returned (each cell of each range, every call). */
  cellsRead: number;
}

/** Totals over all executions since creation (or the last resetCounters()). */
export interface Counters {
  executions: number;
  wallMs: number;
  serviceMs: number;
  ownMs: number;
  spreadsheetCalls: number;
  urlFetchCalls: number;
  cacheEntriesWritten: number;
}

/** Constructors of the realm (vm context) the script runs in, so values handed to it pass instanceof checks. */
export interface Realm {
  Error: ErrorConstructor;
  Date: DateConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
}

/** A platform exception raised by an emulated service (rethrown into the script as an `Exception` Error). */
export class AppsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

/** Builds the platform's permission error text: "You do not have permission to call X.m[. Required permissions: s]". */
export function permissionError(what: string, scopes?: string[]): AppsError {
  if (!scopes || scopes.length === 0) return new AppsError(`You do not have permission to call ${what}`);
  const req = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
  return new AppsError(`You do not have permission to call ${what}. Required permissions: ${req}`);
}

/** Date test that works across realms (vm Dates are not `instanceof` the host Date). */
export function isDateLike(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** OAuth scope URLs the emulator checks. */
export const SCOPES = {
  spreadsheets: 'https://www.googleapis.com/auth/spreadsheets',
  spreadsheetsCurrentOnly: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  containerUi: 'https://www.googleapis.com/auth/script.container.ui',
  externalRequest: 'https://www.googleapis.com/auth/script.external_request',
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  email: 'https://www.googleapis.com/auth/userinfo.email',
} as const;
