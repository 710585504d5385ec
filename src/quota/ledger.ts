/**
 * The request ledger: every request the add-on sends to GREEN-API, counted by the client (greenapi/client.ts,
 * the one place every path goes through — menu, triggers, formulas, the connection test) per instance, method
 * and calendar month (UTC), with the last 466 answer per method; and Apps Script's side for the meter: the
 * UrlFetch calls of today and the add-on's own trigger runtime of today (UTC day). All of it is one small
 * document property. Custom functions may not write properties (the emulator takes Google's stricter reading),
 * so a formula's requests wait in the document cache as events and are folded into the property by the next
 * execution that records anything (a trigger, a menu run, the sidebar); an event lost to a cache eviction or
 * two formulas writing at once is the known limit of the meter, which only ever counts low. Requests other
 * tools make to the same instance are not seen here.
 */
import { dayOf, monthOf } from './calendar';

/** The last 466 of a method: when, the numbers of its body (null when absent), and the body itself (short). */
export interface QuotaAnswer {
  at: number;
  used: number | null;
  total: number | null;
  body: string;
}

/** One instance's counts. */
export interface InstanceLedger {
  /** The UTC month `n` counts (yyyy-MM). */
  month: string;
  /** Requests this month per method. */
  n: Record<string, number>;
  /** The last 466 per method. */
  q: Record<string, QuotaAnswer>;
  /** The last request per method (ms). */
  t: Record<string, number>;
  /** The last success per method (ms). */
  ok: Record<string, number>;
}

/** The whole ledger. */
export interface Ledger {
  /** Per instance (apiUrl|idInstance): at most MAX_INSTANCES, the least recently used dropped. */
  i: Record<string, InstanceLedger>;
  /** The UTC day of the daily figures. */
  day: string;
  /** UrlFetch calls today (by this add-on in this document). */
  fetches: number;
  /** The add-on's trigger runtime today (ms) and its trigger executions today. */
  triggerMs: number;
  runs: number;
  /** A running average of the auto-refresh's own executions (ms); 0 before the first. */
  avgRunMs: number;
}

/** A request as recorded: the instance, method, when, and the answer's status (0: no answer came). */
export interface RequestEvent {
  i: string;
  m: string;
  at: number;
  s: number;
  /** The body of a 466 (cut short). */
  b?: string;
}

/** Where the ledger lives: document properties, and the document cache for a formula's events. */
export interface LedgerStore {
  properties(): GoogleAppsScript.Properties.Properties;
  cache(): GoogleAppsScript.Cache.Cache | null;
}

const KEY = 'wa.ledger';
const PENDING_KEY = 'wa.ledger.pending';
/** The document cache entries of the ledger (a formula's requests wait there): Disconnect removes them. */
export const LEDGER_CACHE_KEYS: readonly string[] = [PENDING_KEY];
const PENDING_TTL_S = 21_600;
const MAX_PENDING = 300;
const MAX_INSTANCES = 4;
/** A 466 body is kept this short: 3 methods × 4 instances stay far under the 9 KB a property value may hold. */
const BODY_MAX = 300;

function empty(now: number): Ledger {
  return { i: {}, day: dayOf(now), fetches: 0, triggerMs: 0, runs: 0, avgRunMs: 0 };
}

/** Counts one request (answered with `status`, 0 when no answer came; `body` kept for a 466). Never throws. */
export function countRequest(
  store: LedgerStore,
  instance: string,
  method: string,
  now: number,
  status: number,
  body = '',
): void {
  const event: RequestEvent = { i: instance, m: method, at: now, s: status };
  if (status === 466) event.b = body.slice(0, BODY_MAX);
  try {
    update(store, now, (ledger) => apply(ledger, event));
  } catch (_) {
    // A custom function: no property writes. The event waits in the cache for the next execution.
    try {
      const cache = store.cache();
      if (!cache) return;
      const pending = readPending(cache);
      pending.push(event);
      cache.put(PENDING_KEY, JSON.stringify(pending.slice(-MAX_PENDING)), PENDING_TTL_S);
    } catch (_e) {
      // nothing more can be done: the meter counts low
    }
  }
}

/** Records one trigger execution of the add-on (`ms` long; `auto`: the recurring auto-refresh). Never throws. */
export function countTriggerRun(store: LedgerStore, now: number, ms: number, auto: boolean): void {
  try {
    update(store, now, (ledger) => {
      ledger.triggerMs += ms;
      ledger.runs += 1;
      if (auto) ledger.avgRunMs = ledger.avgRunMs > 0 ? Math.round(ledger.avgRunMs * 0.7 + ms * 0.3) : ms;
    });
  } catch (_) {
    // no document properties in this run: not measured
  }
}

/** The ledger as of `now` (formula events still in the cache included); writes nothing. */
export function readLedger(store: LedgerStore, now: number): Ledger {
  const ledger = rollDay(parse(store.properties().getProperty(KEY), now), now);
  const cache = safeCache(store);
  if (cache) for (const event of readPending(cache)) apply(ledger, event);
  return ledger;
}

/** One instance's counts for the month of `now` (zeros when nothing was counted this month). */
export function instanceLedger(ledger: Ledger, instance: string, now: number): InstanceLedger {
  const entry = ledger.i[instance];
  const month = monthOf(now);
  if (!entry) return { month, n: {}, q: {}, t: {}, ok: {} };
  return entry.month === month ? entry : { ...entry, month, n: {} };
}

/**
 * True once this execution has folded the formulas' waiting events into the ledger: later counts of the same
 * execution (a members slice makes hundreds) skip the cache read; events a formula adds meanwhile wait for the
 * next execution. Apps Script loads the script afresh for every execution.
 */
let pendingFolded = false;

function update(store: LedgerStore, now: number, change: (ledger: Ledger) => void): void {
  const properties = store.properties();
  const ledger = rollDay(parse(properties.getProperty(KEY), now), now);
  const cache = pendingFolded ? null : safeCache(store);
  const pending = cache ? readPending(cache) : [];
  for (const event of pending) apply(ledger, event);
  change(ledger);
  properties.setProperty(KEY, JSON.stringify(ledger));
  if (pending.length && cache) cache.remove(PENDING_KEY);
  pendingFolded = true;
}

function apply(ledger: Ledger, event: RequestEvent): void {
  rollDay(ledger, event.at);
  if (dayOf(event.at) === ledger.day) ledger.fetches += 1;
  if (event.s === 0) return; // no answer: a UrlFetch call, not a GREEN-API request
  const month = monthOf(event.at);
  let entry = ledger.i[event.i];
  if (!entry) {
    entry = { month, n: {}, q: {}, t: {}, ok: {} };
    ledger.i[event.i] = entry;
    const names = Object.keys(ledger.i);
    if (names.length > MAX_INSTANCES) {
      const last = (name: string) => Math.max(0, ...Object.values(ledger.i[name].t));
      const oldest = names.filter((n) => n !== event.i).sort((a, b) => last(a) - last(b))[0];
      delete ledger.i[oldest];
    }
  }
  if (entry.month < month) {
    entry.month = month;
    entry.n = {};
  }
  if (entry.month === month) entry.n[event.m] = (entry.n[event.m] ?? 0) + 1;
  entry.t[event.m] = Math.max(entry.t[event.m] ?? 0, event.at);
  if (event.s >= 200 && event.s < 300) entry.ok[event.m] = Math.max(entry.ok[event.m] ?? 0, event.at);
  if (event.s === 466) {
    const numbers = parseQuotaBody(event.b ?? '');
    // The chat limit's numbers are chats, not this method's requests: none are kept for the meter.
    const [used, total] = numbers.chats ? [null, null] : [numbers.used, numbers.total];
    entry.q[event.m] = { at: event.at, used, total, body: event.b ?? '' };
  }
}

function rollDay(ledger: Ledger, now: number): Ledger {
  const day = dayOf(now);
  if (ledger.day < day) {
    ledger.day = day;
    ledger.fetches = 0;
    ledger.triggerMs = 0;
    ledger.runs = 0;
  }
  return ledger;
}

function parse(raw: string | null, now: number): Ledger {
  if (!raw) return empty(now);
  try {
    const parsed = JSON.parse(raw) as Ledger;
    if (parsed && typeof parsed === 'object' && parsed.i && typeof parsed.day === 'string')
      return { ...empty(now), ...parsed };
  } catch (_) {
    // a damaged ledger starts again
  }
  return empty(now);
}

function readPending(cache: GoogleAppsScript.Cache.Cache): RequestEvent[] {
  try {
    const parsed = JSON.parse(cache.get(PENDING_KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RequestEvent[]) : [];
  } catch (_) {
    return [];
  }
}

function safeCache(store: LedgerStore): GoogleAppsScript.Cache.Cache | null {
  try {
    return store.cache();
  } catch (_) {
    return null;
  }
}

/** What a 466 body says (https://green-api.com/en/docs/api/466-error-example-body/). */
export interface QuotaBody {
  /** The method as the body names it, in lower case ("getcontacts"); '' when absent. */
  method: string;
  /** The numbers of the limit that was reached: the method's requests, or the chats of `chats`. */
  used: number | null;
  total: number | null;
  /**
   * True when the limit reached is the Developer plan's number of chats (`correspondentsStatus`), not the
   * method's requests: the example body then carries an `invokeStatus` of another method with status
   * QUOTE_ALLOWED and total 0, whose numbers say nothing of this request.
   */
  chats: boolean;
}

/**
 * Reads a 466 body: `{"invokeStatus":{"method":"checkwhatsapp","used":100,"total":100,…}}`. The docs type `used`
 * and `total` as strings while the example shows numbers: both are accepted. The chat limit's body (an
 * `invokeStatus` not QUOTE_EXCEEDED beside a `correspondentsStatus` that is) gives the chats' numbers. Anything
 * else gives nulls.
 */
export function parseQuotaBody(body: string): QuotaBody {
  let parsed: Record<string, unknown> = {};
  try {
    const value = JSON.parse(body) as unknown;
    if (value && typeof value === 'object') parsed = value as Record<string, unknown>;
  } catch (_) {
    // not JSON: no numbers
  }
  const part = (name: string): Record<string, unknown> =>
    parsed[name] && typeof parsed[name] === 'object' ? (parsed[name] as Record<string, unknown>) : {};
  const count = (value: unknown): number | null => {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value;
    return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : null;
  };
  const exceeded = (status: unknown) => typeof status === 'string' && /EXCEEDED/i.test(status);
  const invoke = part('invokeStatus');
  const correspondents = part('correspondentsStatus');
  const method = typeof invoke.method === 'string' ? invoke.method.toLowerCase() : '';
  if (exceeded(correspondents.status) && !exceeded(invoke.status))
    return { method, used: count(correspondents.used), total: count(correspondents.total), chats: true };
  // An invokeStatus that says the method is still allowed: its numbers are not this limit's.
  if (invoke.status !== undefined && !exceeded(invoke.status))
    return { method, used: null, total: null, chats: false };
  return { method, used: count(invoke.used), total: count(invoke.total), chats: false };
}
