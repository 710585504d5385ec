/**
 * The one refresh, whoever asks (menu, auto-refresh trigger, retry trigger): under the document lock it fetches
 * the contact list once and, only with a non-empty list in hand, merges it into the contacts sheet (rows matched
 * by ID; sheet/contacts-sheet.ts), logs the changes, saves the snapshot for the formulas and makes every
 * WA_CONTACTS cell recalculate. An empty list or a failure changes no data; an empty list schedules a retry (up
 * to 3 empty answers in a row, counted once per 5-minute window). A list that would mark more than half of the
 * live rows removed is not applied by a trigger (GREEN-API sometimes answers with an incomplete list for a
 * while): it is held back like an empty answer, and a person is asked before it is applied. A list without a
 * single group while the table has live group rows is not "all groups left": GREEN-API sometimes answers
 * getContacts without the groups for a while after authorization (https://github.com/green-api/issues/issues/919,
 * GREEN-API's tracker, issue 919). A trigger applies the user rows and leaves the group rows as they are (the
 * status says so); a person is asked first. The outcome is recorded for the sidebar; the caller decides how to
 * tell a person.
 */

import { saveSnapshot, snapshotDeps, snapshotHash } from '../cache/snapshot';
import type { Contact } from '../contacts/contact';
import { unsortedRows } from '../contacts/rows';
import { AddonError, type ErrorKind, toAddonError } from '../errors/addon-error';
import { fetchContacts } from '../greenapi/client';
import type { Translate } from '../i18n/i18n';
import { GROUP_ID } from '../members/group';
import type { Services } from '../platform/services';
import { instanceKey, loadSettings } from '../settings/store';
import { CONTACTS_TABLE } from '../sheet/contacts-sheet';
import { applyTable, logTable, planRead, planTable, tableContext } from '../sheet/sheet-table';
import { columnLetter } from '../table/keyed-table';
import { settleFollowUp } from './follow-up';
import { CONTACTS_SHOWN_KEY, recalculateShown } from './formula-gate';
import { safely } from './safely';
import { MAX_EMPTY_ANSWERS, RETRY_AFTER_MS, type RetryPlan, scheduleFollowUp } from './schedule';
import { resolveSpreadsheet } from './spreadsheet';
import { type RefreshSource, type RefreshStatus, readStatus, writeStatus } from './status';

/** How long a refresh waits for another one to finish: a person waits less than a trigger. */
export const LOCK_WAIT_MS: Record<RefreshSource, number> = { menu: 10_000, auto: 60_000, retry: 60_000 };
/** Empty answers closer together than this are one sync window: they count once toward giving up. */
export const SAME_WINDOW_MS = 4 * 60_000;

/** What a refresh changed in the sheet. */
export interface Changes {
  added: number;
  removed: number;
  returned: number;
  renamed: number;
}

/** A list that would mark many rows removed: `removed` of the `live` rows, with `count` contacts in the list. */
export interface ShortList {
  count: number;
  removed: number;
  live: number;
}

/** What a refresh did. */
export type RefreshResult =
  | {
      outcome: 'ok';
      count: number;
      users: number;
      groups: number;
      formulas: number;
      changes: Changes;
      /** Nothing in the sheet differed from the list: nothing was written. */
      unchanged: boolean;
      sheet: GoogleAppsScript.Spreadsheet.Sheet;
      /** Group rows left as they were because the list had no groups (a trigger's refresh). */
      groupsHeldBack: number;
      /** The table's own columns the refresh added, and the person's columns of the same names it left. */
      columns: { added: string[]; declined: string[] };
      /** 1-based row of the table's header (above 1: a title of the person's above it). */
      headerRow: number;
    }
  | { outcome: 'syncing'; retry: RetryPlan }
  | { outcome: 'gaveUp' }
  | { outcome: 'busy'; retry?: RetryPlan }
  | { outcome: 'heldBack'; list: ShortList; retry: RetryPlan }
  | { outcome: 'confirm'; list: ShortList; contacts: Contact[]; groups?: number }
  | { outcome: 'error'; error: AddonError };

/** Options of a refresh a person confirmed: the list already fetched, and removals accepted. */
export interface RefreshOptions {
  contacts?: Contact[];
  /** The person agreed to mark this many rows removed: a plan that would mark more asks again. */
  acceptRemovals?: number;
  /** The person agreed that a list without groups marks the group rows removed. */
  acceptNoGroups?: boolean;
}

/**
 * Runs the refresh. Never throws for API, lock or settings problems: they come back as the outcome. From the
 * menu, a list that would mark most rows removed comes back as `confirm` (nothing written, lock released):
 * ask the person, then run again with that list and the number they accepted as `acceptRemovals`.
 */
export function runRefresh(
  services: Services,
  source: RefreshSource,
  t: Translate,
  options: RefreshOptions = {},
): RefreshResult {
  const settings = loadSettings(services.properties());
  if (!settings) return record(services, source, { outcome: 'error', error: new AddonError('noSettings') });
  // Found first: a trigger run that cannot open the spreadsheet should not spend a GREEN-API request.
  const spreadsheet = resolveSpreadsheet(services);
  if (!spreadsheet)
    return record(services, source, { outcome: 'error', error: new AddonError('noSpreadsheet') });
  const lock = services.lock();
  if (lock && !lock.tryLock(LOCK_WAIT_MS[source])) {
    // A retry that finds another refresh running must not be lost: it already deleted its own trigger.
    const retry = source === 'retry' ? retryLater(services) : undefined;
    return record(services, source, { outcome: 'busy', retry });
  }
  try {
    // Read again under the lock: Disconnect (or new settings) may have run while this waited for it. Disconnected,
    // the refresh asks nothing and records nothing (ui/disconnect.ts leaves nothing of the add-on).
    const current = loadSettings(services.properties());
    if (!current) return { outcome: 'error', error: new AddonError('noSettings') };
    let contacts: Contact[];
    try {
      contacts = options.contacts ?? fetchContacts(services, current);
    } catch (error) {
      return record(services, source, { outcome: 'error', error: toAddonError(error) });
    }
    if (contacts.length === 0) return notApplied(services, source, null);
    const now = services.clock.now();
    const locale = services.locale();
    const context = tableContext(services, t);
    const day = services.formatDay(now);
    const rows = unsortedRows(contacts);
    // Matched rows keep their place, so only the appended ones need the table's order.
    let merge = planTable(spreadsheet, CONTACTS_TABLE, rows, locale, t, day, undefined, context);
    if ('error' in merge) {
      const error = new AddonError('contactsNoKey', merge.missing.join('", "'));
      return record(services, source, { outcome: 'error', error });
    }
    // A list without groups: the group rows it would mark removed are held back (a trigger) or asked about.
    let groupsHeldBack = 0;
    const groupsGone = contacts.some((c) => GROUP_ID.test(c.id))
      ? 0
      : merge.plan.changes.filter((c) => c.change === 'removed' && GROUP_ID.test(c.key[0] ?? '')).length;
    if (groupsGone > 0 && !options.acceptNoGroups) {
      if (source === 'menu') {
        const list = {
          count: contacts.length,
          removed: merge.plan.counts.removed,
          live: merge.plan.counts.liveBefore,
        };
        return { outcome: 'confirm', list, contacts, groups: groupsGone };
      }
      const held = planRead(
        CONTACTS_TABLE,
        merge.read,
        rows,
        locale,
        t,
        day,
        (key) => !GROUP_ID.test(key[0]),
      );
      if ('error' in held)
        return record(services, source, { outcome: 'error', error: new AddonError('contactsNoKey') });
      merge = held;
      groupsHeldBack = groupsGone;
    }
    const { counts } = merge.plan;
    const list: ShortList = { count: contacts.length, removed: counts.removed, live: counts.liveBefore };
    const accepted = options.acceptRemovals !== undefined && list.removed <= options.acceptRemovals;
    if (!accepted && list.removed * 2 > list.live && list.live > 0) {
      if (source === 'menu') return { outcome: 'confirm', list, contacts };
      return notApplied(services, source, list);
    }
    const sheet = applyTable(spreadsheet, CONTACTS_TABLE, merge, context);
    const plan = merge.plan;
    // The table is written: what follows may fail without undoing it, and must not be reported as a failure.
    const time = services.formatTime(now);
    safely(services, 'changes log', () => logTable(spreadsheet, CONTACTS_TABLE, merge, t, time));
    const deps = snapshotDeps(services);
    const cache = deps?.cache;
    const before = cache ? safely(services, 'snapshot', () => snapshotHash(cache)) : null;
    const saved =
      deps && safely(services, 'snapshot', () => saveSnapshot(deps, instanceKey(current), contacts, now));
    // A snapshot that could not be saved says nothing of what the formulas show: they are re-entered.
    const after = cache && saved ? safely(services, 'snapshot', () => snapshotHash(cache)) : null;
    // Formula cells recalculate only when the list they show changed.
    const formulas =
      safely(services, 'formulas', () =>
        recalculateShown(services, spreadsheet, CONTACTS_SHOWN_KEY, before, after),
      ) ?? 0;
    const groups = contacts.filter((c) => c.type === 'group').length;
    const result = record(services, source, {
      outcome: 'ok',
      count: contacts.length,
      users: contacts.length - groups,
      groups,
      formulas,
      changes: {
        added: counts.added,
        removed: counts.removed,
        returned: counts.returned,
        renamed: counts.changed,
      },
      unchanged: merge.plan.blocks.length === 0 && merge.plan.marks === null,
      sheet,
      groupsHeldBack,
      columns: {
        added: plan.fresh ? [] : plan.addedColumns.map((a) => `"${a.header}" (${columnLetter(a.column)})`),
        declined: plan.declined.map((d) => `"${d.header}" (${columnLetter(d.column)})`),
      },
      headerRow: plan.headerRow,
    });
    // No contacts retry is pending any more: the follow-up stays only for a members import's next slice.
    safely(services, 'triggers', () => settleFollowUp(services));
    return result;
  } finally {
    lock?.releaseLock();
  }
}

/**
 * An answer that changes nothing: empty (`list` null: GREEN-API is syncing) or held back (a trigger's short
 * list). Either schedules one retry; empty answers in the same few minutes count once, and after
 * MAX_EMPTY_ANSWERS in a row the retries stop.
 */
function notApplied(services: Services, source: RefreshSource, list: ShortList | null): RefreshResult {
  const previous = readStatus(services.properties());
  const now = services.clock.now();
  const before = previous?.emptyStreak ?? 0;
  let streak: number;
  if (before >= MAX_EMPTY_ANSWERS && source === 'menu')
    streak = 1; // a person asks again (say, after a rescan)
  else if (previous?.lastEmptyAt != null && now - previous.lastEmptyAt < SAME_WINDOW_MS)
    streak = Math.max(1, before);
  else streak = before + 1;
  const counted = streak !== before || previous?.lastEmptyAt == null ? now : previous.lastEmptyAt;
  const empty = { streak, lastEmptyAt: counted };
  if (streak >= MAX_EMPTY_ANSWERS) {
    const result: RefreshResult = list
      ? { outcome: 'heldBack', list, retry: { kind: 'none' } }
      : { outcome: 'gaveUp' };
    record(services, source, result, empty);
    safely(services, 'triggers', () => settleFollowUp(services));
    return result;
  }
  const retry = retryLater(services);
  const result: RefreshResult = list ? { outcome: 'heldBack', list, retry } : { outcome: 'syncing', retry };
  return record(services, source, result, empty);
}

function retryLater(services: Services): RetryPlan {
  const now = services.clock.now();
  return (
    safely(services, 'triggers', () =>
      scheduleFollowUp(services.triggers, services.properties(), now, now + RETRY_AFTER_MS),
    ) ?? { kind: 'none' }
  );
}

/** Stores the outcome as the status (keeping the last success) and returns it unchanged. */
function record(
  services: Services,
  source: RefreshSource,
  result: RefreshResult,
  empty?: { streak: number; lastEmptyAt: number },
): RefreshResult {
  if (result.outcome === 'confirm') return result;
  const properties = services.properties();
  const previous = readStatus(properties);
  const now = services.clock.now();
  const ok = result.outcome === 'ok';
  const errorKind: ErrorKind | null = result.outcome === 'error' ? result.error.kind : null;
  const retry =
    result.outcome === 'syncing' || result.outcome === 'busy' || result.outcome === 'heldBack'
      ? result.retry
      : undefined;
  let nextRetryAt: number | null = null;
  if (retry?.kind === 'scheduled') nextRetryAt = retry.at;
  // A menu or scheduled run that fails leaves a pending retry pending; a retry that fails is done with: a lasting
  // error (a wrong token, say) must not make the follow-up come back at once, again and again.
  else if (result.outcome === 'busy' || (result.outcome === 'error' && source !== 'retry'))
    nextRetryAt = previous?.nextRetryAt ?? null;
  const status: RefreshStatus = {
    at: now,
    source,
    outcome: result.outcome,
    count: ok ? result.count : 0,
    errorKind,
    errorDetail: result.outcome === 'error' ? result.error.detail : '',
    emptyStreak: ok ? 0 : (empty?.streak ?? previous?.emptyStreak ?? 0),
    lastEmptyAt: ok ? null : (empty?.lastEmptyAt ?? previous?.lastEmptyAt ?? null),
    nextRetryAt,
    lastSuccessAt: ok ? now : (previous?.lastSuccessAt ?? null),
    lastSuccessCount: ok ? result.count : (previous?.lastSuccessCount ?? 0),
    heldBack: result.outcome === 'heldBack' ? result.list : null,
    groupsHeldBack: ok ? result.groupsHeldBack : (previous?.groupsHeldBack ?? 0),
  };
  writeStatus(properties, status);
  return result;
}

/** Records an unexpected failure of a run that has no one to tell (a trigger), keeping the rest of the status. */
export function recordUnexpected(services: Services, source: RefreshSource): void {
  record(services, source, { outcome: 'error', error: new AddonError('unexpected') });
}
