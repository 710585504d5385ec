/**
 * The one refresh, whoever asks (menu, auto-refresh trigger, retry trigger): under the document lock it fetches
 * the contact list once and, only with a non-empty list in hand, writes the table, saves the snapshot for the
 * formulas and makes every WA_CONTACTS cell recalculate. An empty list or a failure changes no data; an empty
 * list schedules a retry (up to 3 empty answers in a row). The outcome is recorded for the sidebar; the caller
 * decides how to tell a person.
 */
import type { Contact } from '../contacts/contact';
import { contactRows } from '../contacts/rows';
import { fetchContacts } from '../greenapi/client';
import { AddonError, type ErrorKind, isAddonError } from '../greenapi/errors';
import type { Services } from '../platform/services';
import { instanceKey, loadSettings } from '../settings/store';
import { writeContactsTable } from '../sheet/contacts-sheet';
import { recalculateFormulas } from '../sheet/formula-cells';
import type { Translate } from '../ui/i18n';
import { cancelRetry, MAX_EMPTY_ANSWERS, type RetryPlan, scheduleRetry } from './schedule';
import { saveSnapshot } from './snapshot';
import { resolveSpreadsheet } from './spreadsheet';
import { type RefreshSource, type RefreshStatus, readStatus, writeStatus } from './status';

/** How long a refresh waits for another one to finish: a person waits less than a trigger. */
export const LOCK_WAIT_MS: Record<RefreshSource, number> = { menu: 10_000, auto: 60_000, retry: 60_000 };

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
  | { outcome: 'busy' }
  | { outcome: 'error'; error: AddonError };

/** Runs the refresh. Never throws for API, lock or settings problems: they come back as the outcome. */
export function runRefresh(services: Services, source: RefreshSource, t: Translate): RefreshResult {
  const properties = services.properties();
  const settings = loadSettings(properties);
  if (!settings) return record(services, source, { outcome: 'error', error: new AddonError('noSettings') });
  const lock = services.lock();
  if (lock && !lock.tryLock(LOCK_WAIT_MS[source])) return record(services, source, { outcome: 'busy' });
  try {
    let contacts: Contact[];
    try {
      contacts = fetchContacts(services, settings);
    } catch (error) {
      return record(services, source, { outcome: 'error', error: asAddonError(error) });
    }
    if (contacts.length === 0) return onEmpty(services, source);
    const spreadsheet = resolveSpreadsheet(services);
    if (!spreadsheet)
      return record(services, source, { outcome: 'error', error: new AddonError('noSpreadsheet') });
    const rows = contactRows(contacts);
    const header = [
      t('header.id'),
      t('header.phone'),
      t('header.name'),
      t('header.contactName'),
      t('header.type'),
    ];
    const sheet = writeContactsTable(spreadsheet, header, rows);
    const cache = services.cache();
    if (cache)
      saveSnapshot({ cache, ...codec(services) }, instanceKey(settings), contacts, services.clock.now());
    const formulas = recalculateFormulas(spreadsheet, () => services.flush());
    safely(services, () => cancelRetry(services.triggers));
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
  const streak = (previous?.emptyStreak ?? 0) + 1;
  if (streak >= MAX_EMPTY_ANSWERS) {
    safely(services, () => cancelRetry(services.triggers));
    return record(services, source, { outcome: 'gaveUp' }, streak);
  }
  const pendingAt = previous?.nextRetryAt ?? null;
  const retry =
    safely(services, () => scheduleRetry(services.triggers, services.clock.now(), pendingAt)) ??
    ({ kind: 'none' } as RetryPlan);
  return record(services, source, { outcome: 'syncing', retry }, streak);
}

/** Stores the outcome as the status (keeping the last success) and returns it unchanged. */
function record(
  services: Services,
  source: RefreshSource,
  result: RefreshResult,
  emptyStreak?: number,
): RefreshResult {
  const properties = services.properties();
  const previous = readStatus(properties);
  const now = services.clock.now();
  const ok = result.outcome === 'ok';
  const errorKind: ErrorKind | null = result.outcome === 'error' ? result.error.kind : null;
  const status: RefreshStatus = {
    at: now,
    source,
    outcome: result.outcome,
    count: ok ? result.count : 0,
    errorKind,
    errorDetail: result.outcome === 'error' ? result.error.detail : '',
    emptyStreak: ok ? 0 : (emptyStreak ?? previous?.emptyStreak ?? 0),
    nextRetryAt: result.outcome === 'syncing' && result.retry.kind === 'scheduled' ? result.retry.at : null,
    lastSuccessAt: ok ? now : (previous?.lastSuccessAt ?? null),
    lastSuccessCount: ok ? result.count : (previous?.lastSuccessCount ?? 0),
  };
  // A busy run says nothing new about GREEN-API: keep the pending retry visible.
  if (result.outcome === 'busy' && previous) status.nextRetryAt = previous.nextRetryAt;
  writeStatus(properties, status);
  return result;
}

function asAddonError(error: unknown): AddonError {
  if (isAddonError(error)) return error;
  return new AddonError('unexpected');
}

/** Trigger bookkeeping must never undo a refresh that already wrote data: failures are logged, not thrown. */
function safely<T>(services: Services, work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    services.log(`trigger bookkeeping failed: ${(error as Error)?.message ?? error}`);
    return null;
  }
}

/** The gzip+base64 pair of the platform, for the snapshot. */
export function codec(services: Services): {
  gzipBase64(t: string): string;
  gunzipBase64(b: string): string;
} {
  return {
    gzipBase64: (text) => services.gzipBase64(text),
    gunzipBase64: (b64) => services.gunzipBase64(b64),
  };
}
