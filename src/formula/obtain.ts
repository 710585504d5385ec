/**
 * How a formula gets data without hammering GREEN-API: from what a refresh left in the cache; else fetched once
 * under the document lock, after checking the cache again (another formula may have fetched meanwhile); a
 * failure or empty answer remembered for a minute, so a sheet full of formulas recalculating at once makes one
 * request, not fifty. Before any request, the add-on's own table is read (formula/from-table.ts): data the sheet
 * already holds costs no quota. Everything inside the formula's deadline (formula/budget.ts), the snapshot write
 * too: a write that could not end in time is skipped (the data is still shown). Every failure — syncing, busy,
 * not in the group, an API error — is thrown, so the cell shows #ERROR! with the add-on's words on hover and
 * IFERROR / ISERROR can tell it from data, as with Sheets' own #N/A.
 */
import { type Failure, readFailure, rememberFailure } from '../cache/failure-memo';
import { loadSnapshot, saveSnapshot, snapshotDeps } from '../cache/snapshot';
import type { Contact } from '../contacts/contact';
import { type AddonError, toAddonError } from '../errors/addon-error';
import { isTooManyExecutions } from '../errors/too-many-executions';
import { type ClientDeps, fetchContacts, HURRIED } from '../greenapi/client';
import { errorText, type Translate } from '../i18n/i18n';
import type { Services } from '../platform/services';
import type { Settings } from '../settings/settings';
import { instanceKey, loadSettings } from '../settings/store';
import { lockWithin, type WriteBudget, writeBudget } from './budget';
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
  /** Keeps fetched data for the next formulas, within `budget` (skipped when it cannot end in time). */
  save(value: T, budget: WriteBudget): void;
}

/** The data; throws every failure as an error whose message is the add-on's words (the cell shows #ERROR!). */
export function obtain<T>(services: Services, source: Source<T>, deadline: number, t: Translate): T {
  const cache = services.cache();
  const cached = source.load();
  if (cached) return cached;
  // The sheet already holds what a request would bring: no quota is spent for it.
  const inSheet = source.fromSheet?.() ?? null;
  if (inSheet) {
    try {
      source.save(inSheet, writeBudget(services.clock, deadline));
    } catch (_) {
      // the next formula reads the table again
    }
    return inSheet;
  }
  const remembered = cache ? readFailure(cache, source.instance, source.scope) : null;
  if (remembered) return failureOutcome(remembered, t);
  const lock = services.lock();
  if (lock && !lockWithin(lock, services.clock, deadline)) return source.load() ?? fail(t('formula.busy'));
  try {
    // Disconnect may have run while this formula waited for the lock: nothing is asked with the settings it read.
    if (lock && !loadSettings(services.properties())) return fail(t('formula.noSettings'));
    const again = source.load();
    if (again) return again;
    const failedMeanwhile = cache ? readFailure(cache, source.instance, source.scope) : null;
    if (failedMeanwhile) return failureOutcome(failedMeanwhile, t);
    let value: T | null | 'notInGroup';
    try {
      value = source.fetch();
    } catch (error) {
      const failure: AddonError = toAddonError(error);
      // Apps Script refusing too many executions at once (the client keeps its words as the detail of an
      // unreachable) is not GREEN-API's failure: never remembered for the other formulas; formula/call.ts words it.
      if (isTooManyExecutions(error)) throw error;
      if (isTooManyExecutions(failure.detail)) throw new Error(failure.detail);
      remember(cache, source, { kind: failure.kind, detail: failure.detail });
      return failureOutcome({ kind: failure.kind, detail: failure.detail }, t);
    }
    if (value === null) {
      remember(cache, source, { kind: 'syncing', detail: '' });
      return fail(t('formula.syncing'));
    }
    if (value === 'notInGroup') {
      const failure: Failure = { kind: 'notInGroup', detail: source.label ?? '' };
      remember(cache, source, failure);
      return failureOutcome(failure, t);
    }
    source.save(value, writeBudget(services.clock, deadline));
    return value;
  } finally {
    lock?.releaseLock();
  }
}

function remember<T>(cache: GoogleAppsScript.Cache.Cache | null, source: Source<T>, failure: Failure): void {
  if (cache) rememberFailure(cache, source.instance, failure, source.scope);
}

/** Throws a failure in the add-on's words: the cell shows #ERROR! with them on hover. */
export function failureOutcome(failure: Failure, t: Translate): never {
  if (failure.kind === 'syncing') return fail(t('formula.syncing'));
  if (failure.kind === 'busy') return fail(t('formula.busy'));
  if (failure.kind === 'notInGroup') return fail(t('formula.notInGroup', { group: failure.detail }));
  return fail(errorText(t, failure.kind, failure.detail));
}

/** Throws `message` as the formula's error (Sheets shows `#ERROR!` and the message on hover). */
export function fail(message: string): never {
  throw new Error(message);
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
    save: (list, budget) => {
      if (deps) saveSnapshot(deps, instance, list, services.clock.now(), budget);
    },
  };
}
