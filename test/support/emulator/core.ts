// The emulator's persistent state and execution model: what survives between Apps Script executions (the
// spreadsheet, property stores, caches, locks, triggers, UI records, logs, the virtual clock) and how an
// execution runs (fresh vm context, dist code loaded again, auth mode, locks released at the end, custom
// functions recalculated afterwards), plus custom-function evaluation and time-driven trigger firing.

import fs from 'node:fs';
import path from 'node:path';
import type vm from 'node:vm';
import { intersects, type Rect } from './a1';
import { zonedParts } from './format';
import { parseFormulaCall } from './formula';
import {
  type Cell,
  type EvalResult,
  type FormulaInfo,
  type FormulaRef,
  layoutAnchor,
  readValue,
  relayoutAround,
  type SheetModel,
  WorkbookModel,
} from './grid';
import {
  callInContext,
  compileScript,
  createContext,
  type Exec,
  HOST_REALM,
  isVmTimeout,
  messageOf,
  toHostError,
  toRealm,
} from './runtime';
import { buildGlobals } from './services';
import {
  AppsError,
  type AuthModeName,
  type CellValue,
  type Counters,
  type ExecutionKind,
  type ExecutionRecord,
  isDateLike,
  SCOPES,
} from './types';

/** Options of createEmulator(). */
export interface EmulatorOptions {
  /** Directory holding the built *.js files, appsscript.json and *.html files. */
  distDir: string;
  /** ScriptApp.getInstallationSource(): 'NONE' = bound script (default), 'ADD_ON' = Editor add-on. */
  installationSource?: 'NONE' | 'ADD_ON';
  /** Session.getActiveUserLocale() (returns '' in AuthMode.NONE — stricter reading). */
  locale?: string;
  /** Virtual clock start (ms since epoch); default 2026-01-01T00:00:00Z. */
  startTime?: number;
  spreadsheetId?: string;
  spreadsheetName?: string;
  /** Spreadsheet time zone; default = manifest timeZone. */
  spreadsheetTimeZone?: string;
  /** Spreadsheet locale (getSpreadsheetLocale); default 'en_US'. */
  spreadsheetLocale?: string;
  /**
   * UrlFetchApp refuses URLs outside the manifest's urlFetchWhitelist, as the platform does once a manifest has
   * one (default true).
   */
  enforceUrlWhitelist?: boolean;
  /**
   * Test harness only: loopback URLs (the fake GREEN-API on 127.0.0.1) pass the allowlist. The platform cannot
   * reach loopback at all, so this lets no real spreadsheet do anything more (default false).
   */
  allowLoopback?: boolean;
  /** Session.getActiveUser().getEmail() in user executions; default 'user@example.com'. */
  userEmail?: string;
  /** Title of Ui.createAddonMenu() menus; default 'Add-on'. */
  addonName?: string;
  /** Spreadsheet.getEditors(): the e-mails of everyone who may edit the file; default [userEmail] (the owner). */
  editors?: string[];
  /**
   * What an Editor add-on's time-driven trigger run has; Google does not say. The evidence (Google's own
   * Editor add-on google/dcm-trix-addon, Code.js DCM_offlineReportSync, and Mixpanel's Marketplace add-on
   * mixpanel/sheets, both on hourly triggers) calls getActiveSpreadsheet() and getDocumentProperties() there,
   * so both are present by default; a test can take either away to prove the code survives it.
   */
  addonTriggers?: { activeSpreadsheet?: boolean; documentProperties?: boolean };
  /**
   * Which listings show time-driven triggers. The reference says of neither `getProjectTriggers()` ("all
   * installable triggers associated with the current project and current user") nor `getUserTriggers(spreadsheet)`
   * ("owned by this user in the given spreadsheet, for this script or add-on only") that it includes them
   * (https://developers.google.com/apps-script/reference/script/script-app): false makes a listing leave them out.
   * Default: both show them.
   */
  triggerListings?: { project?: boolean; spreadsheet?: boolean };
  /**
   * Whether an Editor add-on may create a one-shot `after()` trigger under an hour. Google restricts add-on
   * triggers that run more often than hourly (https://developers.google.com/workspace/add-ons/concepts/editor-triggers,
   * "Restrictions"); a published add-on was refused only a recurring interval, with "The recurrence interval for an
   * Add-on trigger must be at least one hour." (ttsukagoshi/mail-merge-for-gmail issue 165). 'refused' (default, the
   * stricter reading) applies that refusal to short one-shots too; 'allowed' only to recurring triggers.
   */
  addonShortOneShots?: 'allowed' | 'refused';
  /**
   * Simultaneous executions per user: 30 (https://developers.google.com/apps-script/guides/services/quotas, "Current
   * limitations"). Custom-function evaluations triggered together (one recalculation round) beyond this many meet
   * "There are too many scripts running simultaneously for this Google user account." — at their first service
   * call ('service', default) or before they run at all ('start'). 0 turns the limit off (default 30).
   */
  simultaneousExecutions?: { limit?: number; refusedAt?: 'service' | 'start' };
  /**
   * Virtual milliseconds a CacheService put/putAll costs per 1,000 characters written (default 0: free). Google
   * documents no cost; a test sets it to make a large snapshot write slow on the emulator's clock.
   */
  cacheWriteMsPerKChar?: number;
  /**
   * What getInstallationSource() reports when it differs from how the script runs: a test deployment of an
   * Editor add-on may report NONE (the enum documents NONE, APPS_MARKETPLACE_DOMAIN_ADD_ON and WEB_STORE_ADD_ON:
   * https://developers.google.com/apps-script/reference/script/installation-source) while add-on rules apply.
   */
  reportedInstallationSource?: 'NONE' | 'WEB_STORE_ADD_ON' | 'APPS_MARKETPLACE_DOMAIN_ADD_ON' | '';
  /**
   * The n-th trigger creation (counting from 1, by the script) fails with a generic server error, as creating
   * triggers occasionally does (https://github.com/derekantrican/GAS-ICS-Sync/issues/114). Default 0: none.
   */
  failTriggerCreate?: number;
}

/** The subset of appsscript.json the emulator uses. */
export interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
  urlFetchWhitelist?: string[];
  [key: string]: unknown;
}

/** A cache entry (test side may edit value/expiresAt to corrupt or expire it). */
export interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** An installed trigger as the emulator stores it. */
export interface TriggerRecord {
  id: string;
  handler: string;
  type: 'CLOCK';
  everyMs?: number;
  at?: number;
  oneShot: boolean;
  /** One-shot: it has fired (it stays listed until deleted). Recurring: it fired at least once. */
  fired: boolean;
  fireCount: number;
  nextAt: number;
  createdAt: number;
  /** Spreadsheet the trigger was created from (null when created without an active document). */
  documentId: string | null;
}

/** A failure of a trigger handler (the platform would log it / e-mail the owner). */
export interface TriggerError {
  triggerId: string;
  handler: string;
  message: string;
  at: number;
}

/** Menus, toasts, alerts, sidebars and dialogs the script showed. */
export interface UiRecords {
  toasts: Array<{ message: string; title: string; timeoutSeconds: number | null }>;
  alerts: Array<{ title: string; prompt: string; buttons: string }>;
  sidebars: Array<{ html: string; title: string; width: number }>;
  dialogs: Array<{ html: string; title: string; modal: boolean; width: number; height: number }>;
  menus: MenuRecord[];
}

/** A menu added to the UI; separators are `null` items. */
export interface MenuRecord {
  title: string;
  items: Array<MenuItemRecord | null>;
}

/** One menu entry (sub-menus carry `submenu`). */
export interface MenuItemRecord {
  caption: string;
  functionName: string;
  submenu?: MenuRecord;
}

type LockKind = 'document' | 'script' | 'user';

/** Options of one execution. */
interface ExecOptions {
  name: string;
  kind: ExecutionKind;
  authMode: AuthModeName;
  ui: boolean;
  hasDocument: boolean;
  /** Document properties, cache and lock exist (default true). */
  documentStores?: boolean;
  activeSheetName?: string;
  activeCell?: { row: number; col: number };
  /** The person's selection (A1 ranges of the active sheet, the last one current), for menu runs. */
  activeRanges?: readonly string[];
}

/** Real-time cap for runaway scripts (platform: 6 min per execution, 30 s custom functions / simple triggers). */
const EXEC_LIMIT_MS = 6 * 60 * 1000;
const CUSTOM_LIMIT_MS = 30 * 1000;

/**
 * The quotas page's text for the simultaneous-execution limit (30 per user), which it says custom functions called
 * repeatedly most often meet: https://developers.google.com/apps-script/guides/services/quotas
 */
export const TOO_MANY_SIMULTANEOUS =
  'There are too many scripts running simultaneously for this Google user account.';

/** Raised when an execution exceeds its time limit. */
export class ExecutionTimeout extends Error {
  constructor() {
    super('Exceeded maximum execution time');
    this.name = 'Exception';
  }
}

const emptyCounters = (): Counters => ({
  executions: 0,
  wallMs: 0,
  serviceMs: 0,
  ownMs: 0,
  spreadsheetCalls: 0,
  urlFetchCalls: 0,
  cacheEntriesWritten: 0,
});

/** Persistent emulator state plus the execution machinery. */
export class EmulatorCore {
  readonly options: Required<
    Omit<
      EmulatorOptions,
      'spreadsheetTimeZone' | 'addonTriggers' | 'editors' | 'triggerListings' | 'simultaneousExecutions'
    >
  > & {
    editors: string[];
    addonTriggers: { activeSpreadsheet: boolean; documentProperties: boolean };
    triggerListings: { project: boolean; spreadsheet: boolean };
    simultaneousExecutions: { limit: number; refusedAt: 'service' | 'start' };
  };
  readonly manifest: Manifest;
  readonly scriptTimeZone: string;
  readonly scripts: vm.Script[] = [];
  readonly htmlFiles = new Map<string, string>();
  /** Upper-cased name → declared name of every top-level function of the loaded code. */
  readonly functionNames = new Map<string, string>();
  clock: number;
  readonly workbook: WorkbookModel;
  /** Property stores as plain objects (test side may read/write them directly). */
  readonly properties: Record<'document' | 'script' | 'user', Record<string, string>> = {
    document: {},
    script: {},
    user: {},
  };
  readonly caches = {
    document: new Map<string, CacheEntry>(),
    script: new Map<string, CacheEntry>(),
    user: new Map<string, CacheEntry>(),
  };
  readonly locks: Record<LockKind, { holder: number | 'test' | null }> = {
    document: { holder: null },
    script: { holder: null },
    user: { holder: null },
  };
  readonly triggers: TriggerRecord[] = [];
  readonly triggerErrors: TriggerError[] = [];
  readonly ui: UiRecords = { toasts: [], alerts: [], sidebars: [], dialogs: [], menus: [] };
  readonly logs: string[] = [];
  /**
   * Buttons the person will click in the next alerts/prompts, in order ('YES', 'NO', 'OK', 'CANCEL', 'CLOSE'); a
   * function is called while the dialog is open (the script suspended: a test may change the sheet meanwhile,
   * as another person or execution could) and returns the button.
   */
  readonly dialogAnswers: Array<string | (() => string)> = [];
  /** What the person has selected (emu.select): the sheet and its A1 ranges, for the next menu runs. */
  selection: { sheetName: string; ranges: string[] } | null = null;
  readonly fetchLog: Array<{ url: string; method: string }> = [];
  /** UrlFetch daily quota window: calls since `windowStart` (the first call; resets 24 h after it). */
  readonly urlFetchQuota: { windowStart: number | null; calls: number } = { windowStart: null, calls: 0 };
  readonly executions: ExecutionRecord[] = [];
  counters: Counters = emptyCounters();
  lastExecution: ExecutionRecord = {
    name: '(none)',
    authMode: 'FULL',
    kind: 'test',
    startedAt: 0,
    endedAt: 0,
    durationMs: 0,
    wallMs: 0,
    serviceMs: 0,
    ownMs: 0,
    spreadsheetCalls: 0,
    spreadsheetCallNames: [],
    urlFetchCalls: 0,
    cacheEntriesWritten: 0,
    cellsWritten: 0,
    cellsRead: 0,
  };
  private nextExecId = 1;
  private nextTriggerId = 1;
  /** Trigger creations the script attempted (for EmulatorOptions.failTriggerCreate). */
  triggerCreates = 0;
  private testExecCache: Exec | null = null;
  private settling = false;

  constructor(opts: EmulatorOptions) {
    this.options = {
      distDir: opts.distDir,
      installationSource: opts.installationSource ?? 'NONE',
      locale: opts.locale ?? 'en',
      startTime: opts.startTime ?? Date.parse('2026-01-01T00:00:00Z'),
      spreadsheetId: opts.spreadsheetId ?? 'sheet-1',
      spreadsheetName: opts.spreadsheetName ?? 'Untitled spreadsheet',
      spreadsheetLocale: opts.spreadsheetLocale ?? 'en_US',
      enforceUrlWhitelist: opts.enforceUrlWhitelist ?? true,
      allowLoopback: opts.allowLoopback ?? false,
      userEmail: opts.userEmail ?? 'user@example.com',
      addonName: opts.addonName ?? 'Add-on',
      editors: opts.editors ?? [opts.userEmail ?? 'user@example.com'],
      addonTriggers: {
        activeSpreadsheet: opts.addonTriggers?.activeSpreadsheet ?? true,
        documentProperties: opts.addonTriggers?.documentProperties ?? true,
      },
      triggerListings: {
        project: opts.triggerListings?.project ?? true,
        spreadsheet: opts.triggerListings?.spreadsheet ?? true,
      },
      addonShortOneShots: opts.addonShortOneShots ?? 'refused',
      simultaneousExecutions: {
        limit: opts.simultaneousExecutions?.limit ?? 30,
        refusedAt: opts.simultaneousExecutions?.refusedAt ?? 'service',
      },
      cacheWriteMsPerKChar: opts.cacheWriteMsPerKChar ?? 0,
      reportedInstallationSource: opts.reportedInstallationSource ?? '',
      failTriggerCreate: opts.failTriggerCreate ?? 0,
    };
    this.clock = this.options.startTime;
    const dir = path.resolve(opts.distDir);
    const manifestPath = path.join(dir, 'appsscript.json');
    this.manifest = fs.existsSync(manifestPath)
      ? (JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Manifest)
      : {};
    this.scriptTimeZone = this.manifest.timeZone ?? 'Etc/UTC';
    for (const f of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, f);
      if (f.endsWith('.js') || f.endsWith('.gs')) this.scripts.push(cachedScript(full));
      else if (f.endsWith('.html')) this.htmlFiles.set(f.slice(0, -5), fs.readFileSync(full, 'utf8'));
    }
    this.workbook = new WorkbookModel(
      this.options.spreadsheetId,
      this.options.spreadsheetName,
      this.options.spreadsheetLocale,
      opts.spreadsheetTimeZone ?? this.scriptTimeZone,
    );
    this.workbook.addSheet('Sheet1');
    this.probeFunctionNames();
  }

  /** Lists the top-level functions by loading the code into a context without services. */
  private probeFunctionNames(): void {
    const { ctx } = createContext(() => this.clock);
    for (const s of this.scripts) {
      try {
        s.runInContext(ctx, { timeout: 5000 });
      } catch {
        // Function declarations are hoisted, so they exist even when top-level code throws here.
      }
    }
    const g = ctx as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(g)) {
      if (typeof g[name] === 'function' && !['Date'].includes(name))
        this.functionNames.set(name.toUpperCase(), name);
    }
  }

  /** True when the manifest lists oauthScopes and none of `scopes` is among them. */
  missingScope(scopes: string[]): boolean {
    const listed = this.manifest.oauthScopes;
    if (!listed) return false;
    return !scopes.some((s) => listed.includes(s));
  }

  /** Throws the permission error unless one of `scopes` is listed (when the manifest lists scopes). */
  requireScope(what: string, scopes: string[]): void {
    if (this.missingScope(scopes)) {
      const req = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
      throw new AppsError(`You do not have permission to call ${what}. Required permissions: ${req}`);
    }
  }

  // ---------------------------------------------------------------- executions

  private newExec(o: ExecOptions): Exec {
    return {
      id: this.nextExecId++,
      name: o.name,
      kind: o.kind,
      authMode: o.authMode,
      uiAvailable: o.ui,
      hasDocument: o.hasDocument,
      documentStores: o.documentStores ?? true,
      realm: HOST_REALM,
      depth: 0,
      rec: {
        name: o.name,
        authMode: o.authMode,
        kind: o.kind,
        startedAt: this.clock,
        endedAt: this.clock,
        durationMs: 0,
        wallMs: 0,
        serviceMs: 0,
        ownMs: 0,
        spreadsheetCalls: 0,
        spreadsheetCallNames: [],
        urlFetchCalls: 0,
        cacheEntriesWritten: 0,
        cellsWritten: 0,
        cellsRead: 0,
      },
      virtualMs: 0,
      activeSheetName: o.activeSheetName,
      activeCell: o.activeCell,
      activeRanges: o.activeRanges,
      immediate: false,
      changes: [],
      t0: performance.now(),
    };
  }

  /** The execution used for test-side access (emu.spreadsheet): FULL, host realm, not recorded. */
  testExec(): Exec {
    if (!this.testExecCache) {
      const e = this.newExec({
        name: '(test)',
        kind: 'test',
        authMode: 'FULL',
        ui: false,
        hasDocument: true,
      });
      e.immediate = true;
      this.testExecCache = e;
    }
    return this.testExecCache;
  }

  /**
   * Runs one Apps Script execution: fresh context, dist loaded, `body` called; locks released and the record
   * stored at the end; then custom functions affected by its writes are recalculated. Errors come out as host Errors.
   */
  execute<T>(o: ExecOptions, body: (ctx: vm.Context, exec: Exec) => T): T {
    const exec = this.newExec(o);
    let result: T;
    try {
      const { ctx, realm } = createContext(() => this.clock);
      exec.realm = realm;
      Object.assign(ctx, buildGlobals(this, exec));
      const limit = o.kind === 'custom' ? CUSTOM_LIMIT_MS : EXEC_LIMIT_MS;
      try {
        for (const s of this.scripts) s.runInContext(ctx, { timeout: limit });
        result = body(ctx, exec);
      } catch (e) {
        if (isVmTimeout(e)) throw new ExecutionTimeout();
        throw toHostError(e);
      }
      const limitMs = o.kind === 'custom' || o.kind === 'onOpen' ? CUSTOM_LIMIT_MS : EXEC_LIMIT_MS;
      if (performance.now() - exec.t0 + exec.virtualMs > limitMs) throw new ExecutionTimeout();
    } finally {
      this.finish(exec);
    }
    return result;
  }

  private finish(exec: Exec): void {
    for (const lock of Object.values(this.locks)) if (lock.holder === exec.id) lock.holder = null;
    const rec = exec.rec;
    rec.wallMs = performance.now() - exec.t0 + exec.virtualMs;
    rec.serviceMs = Math.min(rec.serviceMs, rec.wallMs);
    rec.ownMs = Math.max(0, rec.wallMs - rec.serviceMs);
    rec.endedAt = this.clock;
    rec.durationMs = rec.endedAt - rec.startedAt;
    this.executions.push(rec);
    this.lastExecution = rec;
    const c = this.counters;
    c.executions++;
    c.wallMs += rec.wallMs;
    c.serviceMs += rec.serviceMs;
    c.ownMs += rec.ownMs;
    c.spreadsheetCalls += rec.spreadsheetCalls;
    c.urlFetchCalls += rec.urlFetchCalls;
    c.cacheEntriesWritten += rec.cacheEntriesWritten;
    // Sheets recalculates asynchronously after the script's writes: custom functions set or affected by this
    // execution are evaluated now, after it ended (each in its own execution).
    if (exec.kind !== 'custom' && !this.settling && (exec.changes.length > 0 || this.hasPendingFormulas())) {
      const changes = exec.changes;
      exec.changes = [];
      this.settle(changes);
      this.lastExecution = rec;
    }
  }

  /** Resets the totals. */
  resetCounters(): void {
    this.counters = emptyCounters();
  }

  /** A user action (menu click / google.script.run): AuthMode.FULL with UI. */
  run(name: string, args: unknown[]): unknown {
    const selected = this.selection
      ? { activeSheetName: this.selection.sheetName, activeRanges: this.selection.ranges }
      : {};
    const o: ExecOptions = { name, kind: 'run', authMode: 'FULL', ui: true, hasDocument: true, ...selected };
    return this.execute(o, (ctx, exec) => {
      const g = ctx as Record<string, unknown>;
      // Private functions (trailing underscore) cannot be called from menus or google.script.run.
      if (typeof g[name] !== 'function' || name.endsWith('_'))
        throw new AppsError(`Script function not found: ${name}`);
      return callInContext(ctx, name, toRealm(exec.realm, args) as unknown[], EXEC_LIMIT_MS);
    });
  }

  /** Simulates opening the document: onOpen({authMode, source, user}) in the given mode. */
  runOnOpen(mode: AuthModeName): void {
    this.execute(
      { name: 'onOpen', kind: 'onOpen', authMode: mode, ui: true, hasDocument: true },
      (ctx, exec) => {
        const g = ctx as Record<string, unknown>;
        if (typeof g.onOpen !== 'function') return;
        const event: Record<string, unknown> = { authMode: mode };
        if (mode !== 'NONE') {
          const app = g.SpreadsheetApp as { getActiveSpreadsheet(): unknown };
          exec.depth++; // building the event object is not a script call
          try {
            event.source = app.getActiveSpreadsheet();
          } finally {
            exec.depth--;
          }
        }
        const ev = toRealm(exec.realm, event);
        callInContext(ctx, 'onOpen', [ev], CUSTOM_LIMIT_MS);
      },
    );
  }

  // ---------------------------------------------------------------- formulas

  /** Builds the formula info of a formula cell (parses a custom-function call and its references). */
  makeFx(sheetName: string): (formula: string, row: number, col: number) => FormulaInfo {
    return (formula, row, col) => {
      const call = parseFormulaCall(formula);
      const fn = call ? this.functionNames.get(call.name.toUpperCase()) : undefined;
      const custom = call && fn && !fn.endsWith('_') ? call : null;
      const refs: FormulaRef[] = [];
      for (const a of custom?.args ?? []) {
        if (a.kind !== 'ref') continue;
        refs.push({
          sheetName: a.ref.sheetName ?? sheetName,
          rect: {
            r1: a.ref.r1,
            c1: a.ref.c1,
            r2: a.ref.wholeColumns ? Number.POSITIVE_INFINITY : a.ref.r2,
            c2: a.ref.wholeRows ? Number.POSITIVE_INFINITY : a.ref.c2,
          },
        });
      }
      return {
        row,
        col,
        call: custom,
        functionName: custom ? (fn ?? null) : null,
        refs,
        result: null,
        spillRows: 1,
        spillCols: 1,
        pending: !!custom,
      };
    };
  }

  /** Records a value change made by `exec` and re-lays out spills around it. */
  afterWrite(exec: Exec, sheet: SheetModel, rects: Rect[]): void {
    const moved = relayoutAround(sheet, rects);
    const changes = [...rects, ...moved].map((rect) => ({ sheet, rect }));
    if (exec.immediate) this.settle(changes);
    else exec.changes.push(...changes);
  }

  private hasPendingFormulas(): boolean {
    for (const s of this.workbook.sheets) for (const f of s.formulas) if (f.fx?.pending) return true;
    return false;
  }

  /** Evaluates pending custom formulas and every custom formula depending on the changed cells (each once). */
  settle(initial: Array<{ sheet: SheetModel; rect: Rect }>): void {
    if (this.settling) return;
    this.settling = true;
    try {
      this.settleRounds(initial);
    } finally {
      this.settling = false;
    }
  }

  private settleRounds(initial: Array<{ sheet: SheetModel; rect: Rect }>): void {
    const done = new Set<Cell>();
    let frontier = initial;
    for (let round = 0; round < 100; round++) {
      const queue: Array<{ sheet: SheetModel; cell: Cell }> = [];
      for (const sheet of this.workbook.sheets) {
        for (const cell of sheet.formulas) {
          const fx = cell.fx;
          if (!fx?.call || done.has(cell)) continue;
          const hit =
            fx.pending ||
            fx.refs.some((ref) =>
              frontier.some((ch) => ch.sheet.name === ref.sheetName && intersects(ch.rect, ref.rect)),
            );
          if (hit) queue.push({ sheet, cell });
        }
      }
      if (queue.length === 0) return;
      frontier = [];
      // The evaluations of one round start together: beyond the simultaneous-execution limit they are refused.
      const { limit } = this.options.simultaneousExecutions;
      let started = 0;
      for (const { sheet, cell } of queue) {
        const fx = cell.fx;
        if (!fx || done.has(cell) || !sheet.formulas.has(cell)) continue;
        done.add(cell);
        started++;
        fx.result = this.evaluate(sheet, fx, limit > 0 && started > limit);
        fx.pending = false;
        const rects = layoutAnchor(sheet, cell);
        rects.push(...relayoutAround(sheet, rects));
        for (const rect of rects) frontier.push({ sheet, rect });
      }
    }
  }

  /** Evaluates one custom-function formula in a fresh CUSTOM_FUNCTION execution. */
  private evaluate(sheet: SheetModel, fx: FormulaInfo, overLimit = false): EvalResult {
    const call = fx.call;
    const fn = fx.functionName;
    if (!call || !fn) return { kind: 'values', rows: [['']] };
    if (overLimit && this.options.simultaneousExecutions.refusedAt === 'start')
      return { kind: 'error', code: '#ERROR!', note: TOO_MANY_SIMULTANEOUS };
    const args: unknown[] = [];
    for (const a of call.args) {
      if (a.kind === 'literal') args.push(a.value);
      else if (a.kind === 'empty') args.push(undefined);
      else {
        const target = a.ref.sheetName ? this.workbook.sheet(a.ref.sheetName) : sheet;
        if (!target)
          return { kind: 'error', code: '#REF!', note: `Unresolved sheet name '${a.ref.sheetName}'.` };
        const r2 = a.ref.wholeColumns ? target.maxRows : a.ref.r2;
        const c2 = a.ref.wholeRows ? target.maxCols : a.ref.c2;
        const rows: CellValue[][] = [];
        for (let r = a.ref.r1; r <= r2; r++) {
          const row: CellValue[] = [];
          for (let c = a.ref.c1; c <= c2; c++) {
            const src = target.rows[r - 1]?.[c - 1];
            // An argument holding an error is not passed: the error propagates to this cell.
            if (src?.errorNote && src.formula !== '')
              return { kind: 'error', code: String(src.value), note: src.errorNote };
            row.push(readValue(src));
          }
          rows.push(row);
        }
        args.push(rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows);
      }
    }
    let ret: unknown;
    try {
      ret = this.execute(
        {
          name: fn,
          kind: 'custom',
          authMode: 'CUSTOM_FUNCTION',
          ui: false,
          hasDocument: true,
          activeSheetName: sheet.name,
          activeCell: { row: fx.row, col: fx.col },
        },
        (ctx, exec) => {
          if (overLimit) exec.refuseServices = TOO_MANY_SIMULTANEOUS;
          return callInContext(ctx, fn, toRealm(exec.realm, args) as unknown[], CUSTOM_LIMIT_MS);
        },
      );
    } catch (e) {
      if (e instanceof ExecutionTimeout) return timeoutResult();
      return { kind: 'error', code: '#ERROR!', note: messageOf(e) };
    }
    // The 30 s limit (https://developers.google.com/apps-script/guides/sheets/functions, note text as
    // documented) is checked by execute() on real time plus virtual waits: an over-long run ends as a timeout.
    return normalizeResult(ret, call.name.toUpperCase());
  }

  // ---------------------------------------------------------------- triggers

  /** Stores a new trigger (validation is done by ScriptApp). */
  addTrigger(t: Omit<TriggerRecord, 'id' | 'fired' | 'fireCount' | 'createdAt'>): TriggerRecord {
    const rec: TriggerRecord = {
      ...t,
      id: String(8_000_000_000_000_000 + this.nextTriggerId++),
      fired: false,
      fireCount: 0,
      createdAt: this.clock,
    };
    this.triggers.push(rec);
    return rec;
  }

  /** Advances the virtual clock, firing due time-driven triggers in time order (each a fresh execution). */
  advanceTime(ms: number): void {
    const target = this.clock + ms;
    for (let guard = 0; guard < 1_000_000; guard++) {
      let next: TriggerRecord | null = null;
      for (const t of this.triggers) {
        if (t.oneShot && t.fired) continue;
        if (t.nextAt <= target && (!next || t.nextAt < next.nextAt)) next = t;
      }
      if (!next) break;
      if (next.nextAt > this.clock) this.clock = next.nextAt;
      next.fireCount++;
      next.fired = true;
      if (next.oneShot) next.nextAt = Number.POSITIVE_INFINITY;
      else next.nextAt += next.everyMs ?? 60_000;
      this.fire(next);
    }
    if (this.clock < target) this.clock = target;
  }

  private fire(t: TriggerRecord): void {
    const p = zonedParts(this.clock, 'UTC');
    const event = {
      authMode: 'FULL',
      triggerUid: t.id,
      year: p.year,
      month: p.month,
      'day-of-month': p.day,
      'day-of-week': p.weekday === 0 ? 7 : p.weekday,
      'week-of-year': isoWeek(this.clock),
      hour: p.hour,
      minute: p.minute,
      second: p.second,
      timezone: 'UTC',
    };
    try {
      this.execute(
        {
          name: t.handler,
          kind: 'trigger',
          authMode: 'FULL',
          ui: false,
          // An add-on's trigger run: see EmulatorOptions.addonTriggers (Google does not document it).
          hasDocument:
            this.options.installationSource !== 'ADD_ON' || this.options.addonTriggers.activeSpreadsheet,
          documentStores:
            this.options.installationSource !== 'ADD_ON' || this.options.addonTriggers.documentProperties,
        },
        (ctx, exec) => {
          const g = ctx as Record<string, unknown>;
          if (typeof g[t.handler] !== 'function')
            throw new AppsError(`Script function not found: ${t.handler}`);
          return callInContext(ctx, t.handler, [toRealm(exec.realm, event)], EXEC_LIMIT_MS);
        },
      );
    } catch (e) {
      this.triggerErrors.push({ triggerId: t.id, handler: t.handler, message: messageOf(e), at: this.clock });
    }
  }

  // ---------------------------------------------------------------- locks

  /** Test-side: simulate another execution holding (or releasing) the document lock. */
  holdDocumentLock(hold: boolean): void {
    if (hold) this.locks.document.holder = 'test';
    else if (this.locks.document.holder === 'test') this.locks.document.holder = null;
  }

  /** The scope URLs that allow opening the active spreadsheet. */
  static readonly SHEET_SCOPES = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];
}

function timeoutResult(): EvalResult {
  return { kind: 'error', code: '#ERROR!', note: 'Exceeded maximum execution time (line 0).' };
}

function isoWeek(ms: number): number {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return 1 + Math.floor((thursday - yearStart) / (7 * 86400000));
}

function scalar(v: unknown, name: string): CellValue | EvalResult {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    if (v.length > 50000) {
      // Text of the limit message for over-long formula results (UNVERIFIED for custom functions).
      return {
        kind: 'error',
        code: '#ERROR!',
        note: `Text result of ${name} is longer than the limit of 50000 characters.`,
      };
    }
    return v;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v))
      return { kind: 'error', code: '#NUM!', note: `${name} evaluates to an out of range value.` };
    return v;
  }
  if (typeof v === 'boolean') return v;
  if (isDateLike(v)) return new Date(v.getTime());
  // Objects, functions, Promises: chosen text (UNVERIFIED).
  return { kind: 'error', code: '#ERROR!', note: `Unsupported result type returned by ${name}.` };
}

/** Converts a custom function's return value to a grid (1-D arrays become a column). */
export function normalizeResult(ret: unknown, name: string): EvalResult {
  if (!Array.isArray(ret)) {
    const v = scalar(ret, name);
    return typeof v === 'object' && !isDateLike(v) ? v : { kind: 'values', rows: [[v]] };
  }
  // Empty and jagged arrays are UNVERIFIED on the platform (reference §1.3): stricter reading = #ERROR!.
  if (ret.length === 0) return { kind: 'error', code: '#ERROR!', note: `${name} returned an empty array.` };
  const nested = ret.map((r) => Array.isArray(r));
  const rowsIn: unknown[][] = nested.every(Boolean)
    ? (ret as unknown[][])
    : nested.some(Boolean)
      ? []
      : ret.map((v) => [v]);
  const width = rowsIn[0]?.length ?? 0;
  if (rowsIn.length === 0 || width === 0 || rowsIn.some((r) => r.length !== width)) {
    return { kind: 'error', code: '#ERROR!', note: `${name} returned a non-rectangular array.` };
  }
  const rows: CellValue[][] = [];
  for (const r of rowsIn) {
    const out: CellValue[] = new Array(width);
    for (let j = 0; j < width; j++) {
      const x = r[j];
      if (typeof x === 'string' && x.length <= 50000) out[j] = x;
      else if (typeof x === 'number' && Number.isFinite(x)) out[j] = x;
      else {
        const v = Array.isArray(x)
          ? ({ kind: 'error', code: '#ERROR!', note: `${name} returned a non-rectangular array.` } as const)
          : scalar(x, name);
        if (typeof v === 'object' && !isDateLike(v)) return v;
        out[j] = v;
      }
    }
    rows.push(out);
  }
  return { kind: 'values', rows };
}

const scriptCache = new Map<string, { source: string; script: vm.Script }>();

/** Compiles a dist file once per content version (shared between emulator instances). */
function cachedScript(file: string): vm.Script {
  const source = fs.readFileSync(file, 'utf8');
  const hit = scriptCache.get(file);
  if (hit && hit.source === source) return hit.script;
  const script = compileScript(source, file);
  scriptCache.set(file, { source, script });
  return script;
}
