/**
 * How a formula gets data without hammering GREEN-API: from what a refresh left in the cache; else fetched once
 * under the document lock, after checking the cache again (another formula may have fetched meanwhile); a
 * failure or empty answer remembered for a minute, so a sheet full of formulas recalculating at once makes one
 * request, not fifty. Before any request, the add-on's own table is read (formula/from-table.ts): data the sheet
 * already holds costs no quota. Everything inside the formula's deadline (formula/budget.ts). A string result is
 * the one-cell message to show; an API failure is thrown, so the cell shows #ERROR! with the add-on's words.
 */
import { type Failure, readFailure, rememberFailure } from '../cache/failure-memo';
import { loadSnapshot, saveSnapshot, snapshotDeps } from '../cache/snapshot';
import type { Contact } from '../contacts/contact';
import { type AddonError, toAddonError } from '../errors/addon-error';
import { type ClientDeps, fetchContacts, HURRIED } from '../greenapi/client';
import { errorText, type Translate } from '../i18n/i18n';
import type { Services } from '../platform/services';
import type { Settings } from '../settings/settings';
import { instanceKey } from '../settings/store';
import { lockWithin } from './budget';
import { contactsFromTable } from './from-table';

/** Where a formula's data comes from. */
export interface Source<T> {
  /** The instance (apiUrl|idInstance) the data belongs to. */
  instance: string;
  /** What the failure memo is about within the instance ('' = the contact list; a group id). */
  scope: string;
  /** The data from the cache, or null. */
  load(): T | null;
  /** The data from the add-on's own table (formula/from-table.ts), or null: read before any request. */
  fromSheet?(): T | null;
  /** Fetches the data; null for an empty answer (still syncing), `notInGroup` for a group the account is not in. */
  fetch(): T | null | 'notInGroup';
  /** How the person named what was asked for (a group's name or id), for messages. */
  label?: string;
  /** Keeps fetched data for the next formulas. */
  save(value: T): void;
}

/** The data, or a one-cell message; throws for an API failure (the cell shows #ERROR! with the words). */
export function obtain<T>(services: Services, source: Source<T>, deadline: number, t: Translate): T | string {
  const cache = services.cache();
  const cached = source.load();
  if (cached) return cached;
  // The sheet already holds what a request would bring: no quota is spent for it.
  const inSheet = source.fromSheet?.() ?? null;
  if (inSheet) {
    try {
      source.save(inSheet);
    } catch (_) {
      // the next formula reads the table again
    }
    return inSheet;
  }
  const remembered = cache ? readFailure(cache, source.instance, source.scope) : null;
  if (remembered) return failureOutcome(remembered, t);
  const lock = services.lock();
  if (lock && !lockWithin(lock, services.clock, deadline)) return source.load() ?? t('formula.busy');
  try {
    const again = source.load();
    if (again) return again;
    const failedMeanwhile = cache ? readFailure(cache, source.instance, source.scope) : null;
    if (failedMeanwhile) return failureOutcome(failedMeanwhile, t);
    let value: T | null | 'notInGroup';
    try {
      value = source.fetch();
    } catch (error) {
      const failure: AddonError = toAddonError(error);
      remember(cache, source, { kind: failure.kind, detail: failure.detail });
      return failureOutcome({ kind: failure.kind, detail: failure.detail }, t);
    }
    if (value === null) {
      remember(cache, source, { kind: 'syncing', detail: '' });
      return t('formula.syncing');
    }
    if (value === 'notInGroup') {
      const failure: Failure = { kind: 'notInGroup', detail: source.label ?? '' };
      remember(cache, source, failure);
      return failureOutcome(failure, t);
    }
    source.save(value);
    return value;
  } finally {
    lock?.releaseLock();
  }
}

function remember<T>(cache: GoogleAppsScript.Cache.Cache | null, source: Source<T>, failure: Failure): void {
  if (cache) rememberFailure(cache, source.instance, failure, source.scope);
}

/** Syncing and busy are messages in the cell; an API failure is thrown, so the cell shows #ERROR! with words. */
export function failureOutcome(failure: Failure, t: Translate): string {
  if (failure.kind === 'syncing') return t('formula.syncing');
  if (failure.kind === 'busy') return t('formula.busy');
  if (failure.kind === 'notInGroup') return t('formula.notInGroup', { group: failure.detail });
  throw new Error(errorText(t, failure.kind, failure.detail));
}

/**
 * The contact list for a formula: the snapshot a refresh left, else fetched (HURRIED, within `client.deadline`)
 * and kept as the snapshot for the next formulas.
 */
export function contactsSource(
  services: Services,
  settings: Settings,
  client: ClientDeps,
): Source<Contact[]> {
  const instance = instanceKey(settings);
  const deps = snapshotDeps(services);
  return {
    instance,
    scope: '',
    load: () => (deps ? (loadSnapshot(deps, instance)?.contacts ?? null) : null),
    fromSheet: () => contactsFromTable(services),
    fetch: () => {
      const list = fetchContacts(client, settings, HURRIED);
      return list.length ? list : null;
    },
    save: (list) => {
      if (deps) saveSnapshot(deps, instance, list, services.clock.now());
    },
  };
}
