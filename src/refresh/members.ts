/**
 * The members import, one slice at a time. getGroupData reads one group per request, one request a second
 * (https://green-api.com/en/docs/api/ratelimiter/), so 400 groups do not fit in one 6-minute execution: a slice
 * reads groups within a time budget of 4½ minutes from the start of its execution, writes what it read (the
 * members sheet merged for those groups, the log, the formula snapshot), moves the job's cursor on and leaves the
 * rest to a follow-up (refresh/follow-up.ts). The job's groups are fixed when it starts: the groups of the
 * contact list and those with live rows in the members sheet (so a group that vanished from the list is still
 * asked about, and marked left when the account is not in it). One members import runs at a time: a lease in
 * document properties, taken under the document lock, which the slice does not hold while it reads (contacts
 * refreshes and formulas go on meanwhile). A 466 (the plan's monthly quota for getGroupData) stops the job at
 * once: what was read is written, and no further request is made until a person starts the import again or the
 * next scheduled refresh comes.
 */
import { type CacheDeps, cacheDeps } from '../cache/chunked';
import { membersHash, updateMembers } from '../cache/members-snapshot';
import { loadSnapshot, saveSnapshot } from '../cache/snapshot';
import type { Contact } from '../contacts/contact';
import { AddonError, type ErrorKind, toAddonError } from '../errors/addon-error';
import { contactsFromTable } from '../formula/from-table';
import { type ClientDeps, fetchContacts, fetchGroup } from '../greenapi/client';
import { PACE_MS } from '../greenapi/pacer';
import type { Translate } from '../i18n/i18n';
import {
  failedSlice,
  postponeJob,
  SLICE_BUDGET_MS,
  SLICE_HARD_MS,
  settleSlice,
  walkItems,
} from '../job/sliced';
import { GROUP_ID, type Group } from '../members/group';
import {
  isPending,
  isUnfinished,
  loadJob,
  MEMBERS_SLOT,
  type MembersJob,
  type MembersSource,
  saveJob,
} from '../members/job';
import { memberRows, namesOf } from '../members/rows';
import type { Services } from '../platform/services';
import { monthOf } from '../quota/calendar';
import { scheduledMayAsk } from '../quota/pause';
import { lostMeanwhile } from '../settings/forget';
import type { Settings } from '../settings/settings';
import { instanceKey, loadSettings } from '../settings/store';
import { groupsInSheet, MEMBERS_SHEET, MEMBERS_TABLE } from '../sheet/members-sheet';
import { applyTable, logTable, planTable, tableContext } from '../sheet/sheet-table';
import { columnLetter } from '../table/keyed-table';
import { settleFollowUp } from './follow-up';
import { MEMBERS_SHOWN_KEY, recalculateShown } from './formula-gate';
import { safely } from './safely';
import type { RetryPlan } from './schedule';
import { onGround, sliceClient } from './slice-ground';
import { resolveSpreadsheet } from './spreadsheet';

export { SLICE_BUDGET_MS };

/** Time kept free for one more group: the pace, the request and a retry after a 429. */
const PER_GROUP_MS = PACE_MS + 5_000;
/** An unfinished job is resumed when its last slice ran within this; an older one is started afresh. */
const RESUME_WITHIN_MS = 7 * 24 * 60 * 60_000;
/** A scheduled refresh starts a new members import at most this often (each reads every group once). */
export const SCHEDULED_EVERY_MS = 24 * 60 * 60_000;
/** Errors about one group only: the group is skipped and the import goes on. */
const GROUP_ERRORS: ReadonlySet<ErrorKind> = new Set(['badRequest', 'unexpected']);
/** Errors after which the job waits for its next slice; any other error stops it. */
const TRANSIENT: ReadonlySet<ErrorKind> = new Set(['unavailable', 'rateLimited', 'unreachable', 'busy']);

/** What one slice did. */
export type MembersResult =
  | {
      outcome: 'done' | 'pending' | 'stopped';
      done: number;
      total: number;
      members: number;
      changes: { added: number; removed: number; returned: number; changed: number };
      /** Where the slice found the table: its header row, own columns it added, a person's namesakes it left. */
      table?: TableFound;
      error: AddonError | null;
      next: RetryPlan;
    }
  | { outcome: 'syncing' | 'busy' | 'noGroups' }
  | { outcome: 'error'; error: AddonError };

/** What a write found of the table, for the person's message. */
export interface TableFound {
  headerRow: number;
  added: string[];
  declined: string[];
}

/** Options of a slice. */
export interface SliceOptions {
  /** When the execution started (the budget counts from there); default: now. */
  startedAt?: number;
  /** Start a new job even when one is unfinished (a scheduled refresh's daily import). */
  fresh?: boolean;
  /** Tells a person how far the slice got (menu runs), at most every 30 seconds. */
  progress?: (done: number, total: number) => void;
}

/** True when `job` is an unfinished job of `instance` recent enough to resume. */
function resumable(job: MembersJob | null, instance: string, now: number): boolean {
  return isUnfinished(job) && job.instance === instance && now - job.lastRunAt < RESUME_WITHIN_MS;
}

/**
 * The members part of a scheduled refresh: continues an unfinished import of this instance (one a person
 * started, or one stopped by an error such as the quota: "the next scheduled refresh" may try again, once a
 * day for a stopped one), else, when Settings ask for members on schedule, starts a new import once a day.
 */
export function scheduledMembers(services: Services, t: Translate, startedAt: number): MembersResult | null {
  const properties = services.properties();
  const settings = loadSettings(properties);
  if (!settings) return null;
  const job = loadJob(properties);
  const now = services.clock.now();
  const resume = job && resumable(job, instanceKey(settings), now);
  if (membersPaused(services, !resume)) return null;
  if (job && resumable(job, instanceKey(settings), now)) {
    // A job stopped by the quota goes on with the first scheduled run of the new month (UTC), not a day later.
    const quotaRenewed = job.errorKind === 'quota' && monthOf(job.lastRunAt) !== monthOf(now);
    if (job.state === 'stopped' && now - job.lastRunAt < SCHEDULED_EVERY_MS && !quotaRenewed) return null;
    return runMembers(services, 'auto', t, { startedAt });
  }
  if (settings.membersOnSchedule && (!job || now - job.startedAt >= SCHEDULED_EVERY_MS))
    return runMembers(services, 'auto', t, { startedAt, fresh: true });
  return null;
}

/**
 * True when scheduled members work must wait for the quota (quota/pause.ts): getGroupData — and getContacts for a
 * `fresh` job, which starts with the contact list — answered 466 this month and this is not the day's probe.
 * A pending job is then stopped with the quota as its error, so no follow-up comes back for it; the next
 * scheduled refresh tries it again once a day, and a person's Import group members at once.
 */
export function membersPaused(services: Services, fresh: boolean): boolean {
  const properties = services.properties();
  const settings = loadSettings(properties);
  if (!settings) return false;
  const methods = fresh ? ['getGroupData', 'getContacts'] : ['getGroupData'];
  const instance = instanceKey(settings);
  const now = services.clock.now();
  // A job that goes on needs the contact list only for names: from the snapshot or the contacts table, else it
  // asks getContacts, which then must not be an exhausted method's second request of the day.
  const mayAsk =
    scheduledMayAsk(services, instance, methods, now) &&
    (fresh ||
      scheduledMayAsk(services, instance, ['getContacts'], now) ||
      knownContacts(services, cacheDeps(services), instance, resolveSpreadsheet(services)) !== null);
  if (mayAsk) return false;
  const job = loadJob(properties);
  if (isPending(job)) {
    job.state = 'stopped';
    job.nextAt = null;
    job.errorKind = 'quota';
    job.errorDetail = '';
    saveJob(properties, job);
    safely(services, 'triggers', () => settleFollowUp(services));
  }
  return true;
}

/** Runs one slice of the members import (starting a job, or continuing the unfinished one). */
export function runMembers(
  services: Services,
  source: MembersSource,
  t: Translate,
  options: SliceOptions = {},
): MembersResult {
  const result = runSlice(services, source, t, options);
  // A slice that could not read at all leaves a waiting job waiting a little longer each time, then stopped:
  // a follow-up that keeps failing must not come back every minute for ever.
  if (result.outcome === 'error' || result.outcome === 'busy' || result.outcome === 'syncing')
    safely(services, 'members job', () =>
      postpone(services, result.outcome === 'error' ? result.error.kind : 'busy'),
    );
  return result;
}

function runSlice(
  services: Services,
  source: MembersSource,
  t: Translate,
  options: SliceOptions,
): MembersResult {
  const startedAt = options.startedAt ?? services.clock.now();
  return onGround(services, MEMBERS_SLOT, source === 'menu', (settings, spreadsheet) =>
    slice(services, source, t, settings, spreadsheet, startedAt, options),
  );
}

/** A waiting job whose slice could not run: due later (doubling), stopped after MAX_FAILURES in a row. */
function postpone(services: Services, kind: ErrorKind): void {
  const properties = services.properties();
  const job = loadJob(properties);
  if (!job || !postponeJob(job, services.clock, kind)) return;
  saveJob(properties, job);
  settleFollowUp(services);
}

function slice(
  services: Services,
  source: MembersSource,
  t: Translate,
  settings: Settings,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  startedAt: number,
  options: SliceOptions,
): MembersResult {
  const properties = services.properties();
  const clock = services.clock;
  const deps = sliceClient(services, startedAt);
  const instance = instanceKey(settings);
  const locale = services.locale();
  const cache = cacheDeps(services);

  // The job: the unfinished one of this instance, else a new one over every known group.
  let job = loadJob(properties);
  let contacts: Contact[] | null = null;
  const resume = !options.fresh && resumable(job, instance, clock.now());
  try {
    if (!resume || !job) {
      // The contact list this execution already fetched (a scheduled run's contacts refresh just before) is not
      // asked for again: a daily members import costs getGroupData only. A person's click asks afresh.
      const fetchedNow = cache && source === 'auto' ? loadSnapshot(cache, instance) : null;
      contacts =
        fetchedNow && fetchedNow.savedAt >= startedAt ? fetchedNow.contacts : fetchContacts(deps, settings);
      if (contacts.length === 0) return { outcome: 'syncing' };
      // The freshest contact list: formulas may read it too (WA_GROUP_MEMBERS names members from it).
      const fetched = contacts;
      if (cache) safely(services, 'snapshot', () => saveSnapshot(cache, instance, fetched, clock.now()));
      const groups = new Set(contacts.filter((c) => GROUP_ID.test(c.id)).map((c) => c.id));
      for (const id of groupsInSheet(spreadsheet, locale, tableContext(services, t))) groups.add(id);
      if (groups.size === 0) return { outcome: 'noGroups' };
      const before = job;
      job = newJob(instance, [...groups].sort(), clock.now(), source);
      // The table still holds what the jobs before wrote (formula/from-table.ts reads it for cold formulas).
      if (before && before.instance === instance && (before.done > 0 || before.wroteBefore))
        job.wroteBefore = true;
    }
    contacts ??= knownContacts(services, cache, instance, spreadsheet) ?? fetchContacts(deps, settings);
  } catch (error) {
    return { outcome: 'error', error: toAddonError(error) };
  }
  const current = job;
  current.state = 'running';
  current.source = source;
  current.lastRunAt = clock.now();
  saveJob(properties, current);
  try {
    return readAndWrite(services, t, settings, spreadsheet, startedAt, options, current, contacts, deps);
  } catch (error) {
    // Whatever failed, the job is never left "running": the next slice resumes where this one was.
    failedSlice(current, clock, toAddonError(error).kind);
    safely(services, 'members job', () => saveJob(properties, current));
    throw error;
  }
}

/** Reads groups while the budget lasts, writes what was read, moves the job on. */
function readAndWrite(
  services: Services,
  t: Translate,
  settings: Settings,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  startedAt: number,
  options: SliceOptions,
  job: MembersJob,
  contacts: Contact[],
  deps: ClientDeps,
): MembersResult {
  const clock = services.clock;
  const instance = instanceKey(settings);
  const cache = cacheDeps(services);
  const read: Group[] = [];
  const gone: string[] = [];
  const total = job.groups.length;
  const walk = walkItems(clock, job.groups, job.done, {
    startedAt,
    perItemMs: PER_GROUP_MS,
    progress: options.progress,
    step: (groupId) => {
      try {
        const group = fetchGroup(deps, settings, groupId);
        if (group === 'notInGroup') gone.push(groupId);
        else read.push(group);
        return 'next';
      } catch (e) {
        const failure = toAddonError(e);
        // GREEN-API refused this one group: the others are still worth reading.
        return GROUP_ERRORS.has(failure.kind) ? 'skipped' : { stop: failure };
      }
    },
  });
  let error = walk.stop as AddonError | null;
  let done = walk.done;
  let skipped = walk.skipped;

  // Write what was read, under the document lock; if that is impossible the cursor stays (read again later).
  const names = namesOf(contacts);
  const rows = read.flatMap((group) => memberRows(group, names));
  const scope = new Set([...read.map((g) => g.id), ...gone]);
  let changes = { added: 0, removed: 0, returned: 0, changed: 0 };
  let table: TableFound | undefined;
  if (scope.size === 0 && disconnectedMeanwhile(services))
    return { outcome: 'error', error: new AddonError('noSettings') };
  if (scope.size > 0) {
    const lockWait = Math.max(1000, Math.min(30_000, startedAt + SLICE_HARD_MS - clock.now()));
    const written = writeSlice(services, spreadsheet, rows, scope, t, lockWait);
    if (written === 'disconnected') return { outcome: 'error', error: new AddonError('noSettings') };
    if (written instanceof AddonError) {
      error = written;
      done = job.done;
      skipped = 0;
    } else {
      changes = written.changes;
      table = written.table;
      job.members += rows.length;
      job.notInGroup += gone.length;
      const before = cache ? safely(services, 'members snapshot', () => membersHash(cache.cache)) : null;
      const saved =
        cache &&
        safely(services, 'members snapshot', () => updateMembers(cache, instance, read, gone, clock.now()));
      const after =
        cache && saved ? safely(services, 'members snapshot', () => membersHash(cache.cache)) : null;
      // Formula cells recalculate only when the members they show changed.
      safely(services, 'formulas', () =>
        recalculateShown(services, spreadsheet, MEMBERS_SHOWN_KEY, before, after, 'WA_GROUP_MEMBERS'),
      );
    }
  }

  // Where the job stands now, and its follow-up.
  job.skipped += skipped;
  settleSlice(job, clock, done, total, error, TRANSIENT);
  saveJob(services.properties(), job);
  const next = safely(services, 'triggers', () => settleFollowUp(services)) ?? { kind: 'none' };
  return {
    outcome: job.state === 'done' ? 'done' : job.state === 'stopped' ? 'stopped' : 'pending',
    done,
    total,
    members: job.members,
    changes,
    table,
    error,
    next,
  };
}

/** Merges the slice's rows into the members sheet and logs the changes; an AddonError when it cannot. */
function writeSlice(
  services: Services,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  rows: string[][],
  scope: ReadonlySet<string>,
  t: Translate,
  lockWait: number,
):
  | { changes: { added: number; removed: number; returned: number; changed: number }; table: TableFound }
  | AddonError
  | 'disconnected' {
  const locale = services.locale();
  const lock = services.lock();
  if (lock && !lock.tryLock(lockWait)) return new AddonError('busy');
  try {
    if (checkDisconnected(services)) return 'disconnected';
    const now = services.clock.now();
    const day = services.formatDay(now);
    const context = tableContext(services, t);
    const inScope = (key: readonly string[]) => scope.has(key[0]);
    const merge = planTable(spreadsheet, MEMBERS_TABLE, rows, locale, t, day, inScope, context);
    if ('error' in merge) return new AddonError('membersNoKey', merge.missing.join('", "'));
    applyTable(spreadsheet, MEMBERS_TABLE, merge, context);
    // The members are written: a log that cannot be written is no reason to read them again.
    safely(services, 'changes log', () =>
      logTable(spreadsheet, MEMBERS_TABLE, merge, t, services.formatTime(now)),
    );
    const { plan } = merge;
    const { added, removed, returned, changed } = plan.counts;
    const table = {
      headerRow: plan.headerRow,
      added: plan.fresh ? [] : plan.addedColumns.map((a) => `"${a.header}" (${columnLetter(a.column)})`),
      declined: plan.declined.map((d) => `"${d.header}" (${columnLetter(d.column)})`),
    };
    return { changes: { added, removed, returned, changed }, table };
  } finally {
    lock?.releaseLock();
  }
}

function newJob(instance: string, groups: string[], now: number, source: MembersSource): MembersJob {
  return {
    instance,
    startedAt: now,
    groups,
    done: 0,
    state: 'running',
    nextAt: null,
    lastRunAt: now,
    source,
    errorKind: null,
    errorDetail: '',
    members: 0,
    notInGroup: 0,
    skipped: 0,
    failures: 0,
  };
}

/**
 * The contact list for names without a request: the formula snapshot of this instance, else the contacts table
 * the last refresh wrote (formula/from-table.ts). Only when neither holds it does a slice ask getContacts.
 */
function knownContacts(
  services: Services,
  cache: CacheDeps | null,
  instance: string,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | null,
): Contact[] | null {
  const cached = cache ? (loadSnapshot(cache, instance)?.contacts ?? null) : null;
  return cached ?? (spreadsheet ? contactsFromTable(services, spreadsheet) : null);
}

/**
 * Whether the person disconnected this spreadsheet (or saved other settings) while the slice was reading, which
 * it does without the document lock: the job it saved before reading is gone. Then the slice writes nothing —
 * no rows, no job, no follow-up — and, the settings being gone, forgets what its own requests recorded meanwhile
 * (the ledger), so that nothing of the add-on is left after Disconnect (ui/disconnect.ts).
 */
function disconnectedMeanwhile(services: Services): boolean {
  const lock = services.lock();
  // Without the lock the slice cannot tell: it goes on, and the next slice decides.
  if (lock && !lock.tryLock(10_000)) return false;
  try {
    return checkDisconnected(services);
  } finally {
    lock?.releaseLock();
  }
}

/** The check itself (settings/forget.ts lostMeanwhile), for a caller that holds the document lock. */
function checkDisconnected(services: Services): boolean {
  const properties = services.properties();
  return lostMeanwhile(properties, services.cache(), loadJob(properties) !== null);
}

export { MEMBERS_SHEET };
