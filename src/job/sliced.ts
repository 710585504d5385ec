/**
 * A job that outlives one execution, worked in slices: the members import (refresh/members.ts) and the number
 * check (refresh/checks.ts) are both one. Knows Apps Script only through the ports (properties, lock, clock). The pieces they share live here, once:
 * - **the stored job**: its state, cursor and error in one document property, its list of items (group ids,
 *   numbers) split over several properties under the 9 KB value limit
 *   (https://developers.google.com/apps-script/guides/services/quotas);
 * - **the lease**: one slice of a kind at a time, taken under the document lock, which the slice does not hold
 *   while it asks GREEN-API;
 * - **the walk**: items one by one while the slice's time budget lasts (4½ minutes from the execution's start;
 *   the limit is 6), stopping at the first error that is not about one item;
 * - **where the job stands after a slice** (done, waiting for its next slice, stopped), and a slice that could
 *   not run at all pushing the next one further out each time, stopped after five in a row.
 * Holds no token.
 */
import type { ErrorKind } from '../errors/addon-error';
import type { Clock, Services } from '../platform/services';

/** The next slice of a job: a minute after the last one (a follow-up is never asked for sooner). */
export const CONTINUE_AFTER_MS = 60_000;

/** Where a job stands. */
export type JobState = 'running' | 'pending' | 'done' | 'stopped';

/** What every sliced job holds besides its own counters; its list of items has a name of its own. */
export interface SlicedJob {
  /** The instance it asks (apiUrl|idInstance): a job of another instance is not continued. */
  instance: string;
  startedAt: number;
  done: number;
  state: JobState;
  /** When the next slice is due (pending jobs). */
  nextAt: number | null;
  lastRunAt: number;
  errorKind: ErrorKind | null;
  errorDetail: string;
  /** Slices in a row that could not run (another running, GREEN-API unavailable…): the next waits longer. */
  failures: number;
}

/** Where a kind of job is kept: its property, the prefix of its list's parts, its lease, its list's field. */
export interface JobSlot<F extends string> {
  key: string;
  listPrefix: string;
  lease: string;
  field: F;
}

/** A slice reads for at most this long after its execution started (the limit is 6 minutes). */
export const SLICE_BUDGET_MS = 4.5 * 60_000;
/** No request pause or retry starts past this, and the write must be under way by then. */
export const SLICE_HARD_MS = 5.5 * 60_000;
/** How long the lease of a running slice lasts (past any execution's 6 minutes). */
const LEASE_MS = 6.5 * 60_000;
/** Slices in a row that fail before the job stops and waits for a person or the next day. */
const MAX_FAILURES = 5;
/** Characters of list items per property (items are ASCII; the value limit is 9 KB with the key). */
const CHUNK = 8000;

type WithList<F extends string> = SlicedJob & { [K in F]: string[] };

/** The stored job, or null (none, or unreadable). `defaults` fills fields an older version did not store. */
export function loadSlicedJob<F extends string, J extends WithList<F>>(
  properties: GoogleAppsScript.Properties.Properties,
  slot: JobSlot<F>,
  defaults: Partial<J> = {},
): J | null {
  const all = properties.getProperties();
  const raw = all[slot.key];
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Record<string, unknown> & { chunks: number; count: number };
    let text = '';
    for (let i = 0; i < stored.chunks; i++) text += all[`${slot.listPrefix}${i}`] ?? '';
    const list = text ? text.split('\n') : [];
    if (list.length !== stored.count || typeof stored.done !== 'number') return null;
    const { chunks: _c, count: _n, ...rest } = stored;
    return { failures: 0, ...defaults, ...rest, [slot.field]: list } as unknown as J;
  } catch (_) {
    return null;
  }
}

/** Stores the job in one write (its list split over several properties; stale parts deleted). */
export function saveSlicedJob<F extends string>(
  properties: GoogleAppsScript.Properties.Properties,
  slot: JobSlot<F>,
  job: WithList<F>,
): void {
  const text = job[slot.field].join('\n');
  const values: Record<string, string> = {};
  let chunks = 0;
  for (let at = 0; at < text.length; at += CHUNK, chunks++)
    values[`${slot.listPrefix}${chunks}`] = text.slice(at, at + CHUNK);
  const { [slot.field]: list, ...rest } = job;
  values[slot.key] = JSON.stringify({ ...rest, chunks, count: list.length });
  const stale = properties.getKeys().filter((k) => k.startsWith(slot.listPrefix) && !(k in values));
  properties.setProperties(values);
  for (const key of stale) properties.deleteProperty(key);
}

/** Forgets the job. */
export function clearSlicedJob(
  properties: GoogleAppsScript.Properties.Properties,
  slot: JobSlot<string>,
): void {
  for (const key of properties.getKeys())
    if (key === slot.key || key.startsWith(slot.listPrefix)) properties.deleteProperty(key);
}

/** Takes the slot's lease (under the document lock, briefly); false when another slice holds it. */
export function takeLease(services: Services, slot: JobSlot<string>, waitMs: number): boolean {
  const lock = services.lock();
  if (lock && !lock.tryLock(waitMs)) return false;
  try {
    const properties = services.properties();
    const until = Number(properties.getProperty(slot.lease));
    const now = services.clock.now();
    if (until > now) return false;
    properties.setProperty(slot.lease, String(now + LEASE_MS));
    return true;
  } finally {
    lock?.releaseLock();
  }
}

/** Gives the lease back. */
export function releaseLease(services: Services, slot: JobSlot<string>): void {
  try {
    services.properties().deleteProperty(slot.lease);
  } catch (_) {
    services.log('lease failed'); // it runs out by itself after LEASE_MS
  }
}

/** What one item's step says: go on, skip it (counted), try it again in a later slice, or stop the walk. */
export type StepOutcome = 'next' | 'skipped' | 'later' | { stop: unknown };

/** How a walk ended: the cursor, items skipped, items left for later, the error that stopped it. */
export interface Walk {
  done: number;
  skipped: number;
  later: string[];
  stop: unknown;
}

/**
 * Steps through `items` from `from` while one more item fits before `startedAt + SLICE_BUDGET_MS` (`perItemMs`
 * kept free for it), reporting progress at most every 30 seconds.
 */
export function walkItems(
  clock: Clock,
  items: readonly string[],
  from: number,
  options: {
    startedAt: number;
    perItemMs: number;
    step(item: string): StepOutcome;
    progress?: (done: number, total: number) => void;
  },
): Walk {
  const walk: Walk = { done: from, skipped: 0, later: [], stop: null };
  let lastProgress = clock.now();
  while (walk.done < items.length && clock.now() + options.perItemMs <= options.startedAt + SLICE_BUDGET_MS) {
    const item = items[walk.done];
    const outcome = options.step(item);
    if (typeof outcome === 'object') {
      walk.stop = outcome.stop;
      break;
    }
    if (outcome === 'skipped') walk.skipped++;
    if (outcome === 'later') walk.later.push(item);
    walk.done++;
    if (options.progress && clock.now() - lastProgress >= 30_000) {
      lastProgress = clock.now();
      options.progress(walk.done, items.length);
    }
  }
  return walk;
}

/**
 * Where the job stands after a slice that reached `done` of `total` with `error` (null: none): done, stopped by
 * an error that is not `transient`, else waiting for its next slice a minute out (longer after failures).
 */
export function settleSlice(
  job: SlicedJob,
  clock: Clock,
  done: number,
  total: number,
  error: { kind: ErrorKind; detail: string } | null,
  transient: ReadonlySet<ErrorKind>,
  laterMs = 0,
): void {
  job.done = done;
  job.errorKind = error?.kind ?? null;
  job.errorDetail = error?.detail ?? '';
  if (done >= total) job.state = 'done';
  else if (error && !transient.has(error.kind)) job.state = 'stopped';
  else job.state = 'pending';
  job.failures = error && job.state === 'pending' ? job.failures + 1 : 0;
  job.nextAt =
    job.state === 'pending'
      ? clock.now() + Math.max(laterMs, CONTINUE_AFTER_MS * 2 ** Math.min(job.failures, 6))
      : null;
}

/** A slice that failed while working: the job is never left "running"; the next slice resumes where it was. */
export function failedSlice(job: SlicedJob, clock: Clock, kind: ErrorKind): void {
  job.state = 'pending';
  job.failures += 1;
  job.nextAt = clock.now() + CONTINUE_AFTER_MS * 2 ** job.failures;
  job.errorKind = kind;
}

/**
 * A waiting job whose slice could not run at all (no spreadsheet, the lease held, a wrong token): due later,
 * doubling, stopped after five in a row. Returns false when the job is not waiting (a running job belongs to the
 * slice that runs it).
 */
export function postponeJob(job: SlicedJob | null, clock: Clock, kind: ErrorKind): boolean {
  if (job?.state !== 'pending') return false;
  job.failures += 1;
  if (job.failures >= MAX_FAILURES) {
    job.state = 'stopped';
    job.nextAt = null;
    job.errorKind = kind;
    job.errorDetail = '';
  } else {
    job.nextAt = clock.now() + Math.min(60 * 60_000, CONTINUE_AFTER_MS * 2 ** job.failures);
  }
  return true;
}
