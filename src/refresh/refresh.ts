/**
 * The one refresh, whoever asks (menu, auto-refresh trigger, retry trigger): under the document lock it fetches
 * the contact list once and, only with a non-empty list in hand, writes the table, saves the snapshot for the
 * formulas and makes every WA_CONTACTS cell recalculate. An empty list or a failure changes no data; an empty
 * list schedules a retry (up to 3 empty answers in a row, counted once per 5-minute window). The outcome is
 * recorded for the sidebar; the caller decides how to tell a person.
 */

import { saveSnapshot, snapshotDeps } from '../cache/snapshot';
import { contactRows } from '../contacts/rows';
import { AddonError, type ErrorKind, isAddonError } from '../errors/addon-error';
import { fetchContacts } from '../greenapi/client';
import type { Translate } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { instanceKey, loadSettings } from '../settings/store';
import { writeContactsTable } from '../sheet/contacts-sheet';
import { recalculateFormulas } from '../sheet/formula-cells';
import { cancelRetry, MAX_EMPTY_ANSWERS, type RetryPlan, scheduleRetry } from './schedule';
import { resolveSpreadsheet } from './spreadsheet';
import { type RefreshSource, type RefreshStatus, readStatus, writeStatus } from './status';

/** How long a refresh waits for another one to finish: a person waits less than a trigger. */
export const LOCK_WAIT_MS: Record<RefreshSource, number> = { menu: 10_000, auto: 60_000, retry: 60_000 };
/** Empty answers closer together than this are one sync window: they count once toward giving up. */
export const SAME_WINDOW_MS = 4 * 60_000;

/** What a refresh did. */
export type RefreshResult =
  | {
      outcome: 'ok';
      count: number;
      users: number;
      groups: number;
      formulas: number;
      sheet: GoogleAppsScript.Spreadsheet.Sheet;
    }
  | { outcome: 'syncing'; retry: RetryPlan }
  | { outcome: 'gaveUp' }
  | { outcome: 'busy'; retry?: RetryPlan }
  | { outcome: 'error'; error: AddonError };

/** Runs the refresh. Never throws for API, lock or settings problems: they come back as the outcome. */
export function runRefresh(services: Services, source: RefreshSource, t: Translate): RefreshResult {
  const settings = loadSettings(services.properties());
  if (!settings) return record(services, source, { outcome: 'error', error: new AddonError('noSettings') });
  // Found first: a trigger run that cannot open the spreadsheet should not spend a GREEN-API request.
  const spreadsheet = resolveSpreadsheet(services);
  if (!spreadsheet)
    return record(services, source, { outcome: 'error', error: new AddonError('noSpreadsheet') });
  const lock = services.lock();
  if (lock && !lock.tryLock(LOCK_WAIT_MS[source])) {
    // A retry that finds another refresh running must not be lost: it already deleted its own trigger.
    const retry = source === 'retry' ? retryLater(services, null) : undefined;
    return record(services, source, { outcome: 'busy', retry });
  }
  try {
    let contacts: ReturnType<typeof fetchContacts>;
    try {
      contacts = fetchContacts(services, settings);
    } catch (error) {
      return record(services, source, { outcome: 'error', error: asAddonError(error) });
    }
    if (contacts.length === 0) return onEmpty(services, source);
    const rows = contactRows(contacts);
    const header = [
      t('header.id'),
      t('header.phone'),
      t('header.name'),
      t('header.contactName'),
      t('header.type'),
    ];
    const sheet = writeContactsTable(spreadsheet, header, rows);
    // The table is written: what follows may fail without undoing it, and must not be reported as a failure.
    const deps = snapshotDeps(services);
    if (deps) {
      safely(services, 'snapshot', () =>
        saveSnapshot(deps, instanceKey(settings), contacts, services.clock.now()),
      );
    }
    const formulas =
      safely(services, 'formulas', () => recalculateFormulas(spreadsheet, () => services.flush())) ?? 0;
    safely(services, 'triggers', () => cancelRetry(services.triggers));
    const groups = contacts.filter((c) => c.type === 'group').length;
    return record(services, source, {
      outcome: 'ok',
      count: contacts.length,
      users: contacts.length - groups,
      groups,
      formulas,
      sheet,
    });
  } finally {
    lock?.releaseLock();
  }
}

function onEmpty(services: Services, source: RefreshSource): RefreshResult {
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
  if (streak >= MAX_EMPTY_ANSWERS) {
    safely(services, 'triggers', () => cancelRetry(services.triggers));
    return record(services, source, { outcome: 'gaveUp' }, { streak, lastEmptyAt: counted });
  }
  const retry = retryLater(services, previous?.nextRetryAt ?? null);
  return record(services, source, { outcome: 'syncing', retry }, { streak, lastEmptyAt: counted });
}

function retryLater(services: Services, pendingAt: number | null): RetryPlan {
  return (
    safely(services, 'triggers', () => scheduleRetry(services.triggers, services.clock.now(), pendingAt)) ?? {
      kind: 'none',
    }
  );
}

/** Stores the outcome as the status (keeping the last success) and returns it unchanged. */
function record(
  services: Services,
  source: RefreshSource,
  result: RefreshResult,
  empty?: { streak: number; lastEmptyAt: number },
): RefreshResult {
  const properties = services.properties();
  const previous = readStatus(properties);
  const now = services.clock.now();
  const ok = result.outcome === 'ok';
  const errorKind: ErrorKind | null = result.outcome === 'error' ? result.error.kind : null;
  const retry = result.outcome === 'syncing' || result.outcome === 'busy' ? result.retry : undefined;
  let nextRetryAt: number | null = null;
  if (retry?.kind === 'scheduled') nextRetryAt = retry.at;
  else if (result.outcome === 'busy' || result.outcome === 'error')
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
  };
  writeStatus(properties, status);
  return result;
}

/** Records an unexpected failure of a run that has no one to tell (a trigger), keeping the rest of the status. */
export function recordUnexpected(services: Services, source: RefreshSource): void {
  record(services, source, { outcome: 'error', error: new AddonError('unexpected') });
}

function asAddonError(error: unknown): AddonError {
  if (isAddonError(error)) return error;
  return new AddonError('unexpected');
}

/** Work after the data is safe (snapshot, formulas, trigger bookkeeping): a failure is logged, not thrown. */
function safely<T>(services: Services, what: string, work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    services.log(`${what} step failed: ${(error as Error)?.message ?? error}`);
    return null;
  }
}
