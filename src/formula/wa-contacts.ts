/**
 * `=WA_CONTACTS(type, header)`: the contact table as a custom function. Custom functions run unauthorized,
 * within 30 s, and may fetch and read properties and cache but not write cells or create triggers
 * (https://developers.google.com/apps-script/guides/sheets/functions). So formulas read the snapshot the last
 * refresh left in the document cache; only without one does a formula fetch, under the document lock, and
 * re-check the snapshot first, so a sheet full of formulas recalculating at once makes one request. A failure
 * is remembered for a minute so those formulas don't hammer GREEN-API either.
 */

import { type Failure, readFailure, rememberFailure } from '../cache/failure-memo';
import { loadSnapshot, saveSnapshot, snapshotDeps } from '../cache/snapshot';
import type { Contact } from '../contacts/contact';
import { type ContactFilter, contactRows } from '../contacts/rows';
import { AddonError, isAddonError } from '../errors/addon-error';
import { fetchContacts, HURRIED } from '../greenapi/client';
import { errorText, type Translate, translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { instanceKey, loadSettings } from '../settings/store';
import { fitCell } from '../table/cell-text';

/**
 * How long a formula waits for another execution that is fetching. With one fetch and one 1-second retry
 * after it (HURRIED), a formula stays well inside the 30 s custom-function limit.
 */
export const FORMULA_LOCK_WAIT_MS = 12_000;

/** Evaluates WA_CONTACTS for the given arguments; returns a rectangular 2-D array of plain values. */
export function waContacts(services: Services, type: unknown, header: unknown): string[][] {
  const t = translator(services.locale());
  const filter = parseType(type, t);
  const withHeader = parseHeader(header, t);
  const settings = loadSettings(services.properties());
  if (!settings) return [[t('formula.noSettings')]];
  const contacts = obtainContacts(
    services,
    instanceKey(settings),
    () => fetchContacts(services, settings, HURRIED),
    t,
  );
  if (typeof contacts === 'string') return [[contacts]];
  const rows = contactRows(contacts, filter);
  for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = fitCell(row[i]);
  if (!withHeader) return rows.length ? rows : [[t('formula.none')]];
  return [
    [t('header.id'), t('header.phone'), t('header.name'), t('header.contactName'), t('header.type')],
    ...rows,
  ];
}

/** Contacts from the snapshot, or fetched once under the lock; a string is a one-cell message. */
function obtainContacts(
  services: Services,
  instance: string,
  fetch: () => Contact[],
  t: Translate,
): Contact[] | string {
  const cache = services.cache();
  const deps = snapshotDeps(services);
  const cached = deps ? loadSnapshot(deps, instance) : null;
  if (cached) return cached.contacts;
  const remembered = cache ? readFailure(cache, instance) : null;
  if (remembered) return failureOutcome(remembered, t);
  const lock = services.lock();
  if (lock && !lock.tryLock(FORMULA_LOCK_WAIT_MS)) {
    return (deps && loadSnapshot(deps, instance)?.contacts) || t('formula.busy');
  }
  try {
    const again = deps ? loadSnapshot(deps, instance) : null;
    if (again) return again.contacts;
    const failedMeanwhile = cache ? readFailure(cache, instance) : null;
    if (failedMeanwhile) return failureOutcome(failedMeanwhile, t);
    let contacts: Contact[];
    try {
      contacts = fetch();
    } catch (error) {
      const failure = isAddonError(error) ? error : new AddonError('unexpected');
      if (cache) rememberFailure(cache, instance, { kind: failure.kind, detail: failure.detail });
      return failureOutcome({ kind: failure.kind, detail: failure.detail }, t);
    }
    if (contacts.length === 0) {
      if (cache) rememberFailure(cache, instance, { kind: 'syncing', detail: '' });
      return t('formula.syncing');
    }
    if (deps) saveSnapshot(deps, instance, contacts, services.clock.now());
    return contacts;
  } finally {
    lock?.releaseLock();
  }
}

/** Syncing is a message in the cell; an API failure is thrown, so the cell shows #ERROR! with the words. */
function failureOutcome(failure: Failure, t: Translate): string {
  if (failure.kind === 'syncing') return t('formula.syncing');
  if (failure.kind === 'busy') return t('formula.busy');
  throw new Error(errorText(t, failure.kind, failure.detail));
}

/** `type`: "all" (also empty), "user" or "group", any case. */
export function parseType(value: unknown, t: Translate): ContactFilter {
  if (value === undefined || value === null || value === '') return 'all';
  if (typeof value === 'string') {
    const type = value.trim().toLowerCase();
    if (type === 'all' || type === 'user' || type === 'group') return type;
  }
  throw new Error(t('formula.badType', { value: describe(value) }));
}

/** `header`: TRUE (also empty) or FALSE. */
export function parseHeader(value: unknown, t: Translate): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  throw new Error(t('formula.badHeader', { value: describe(value) }));
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a range';
  const text = typeof value === 'string' ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
