/**
 * The formulas' memory of a failed or empty GREEN-API answer: kept in the document cache for a minute, keyed by
 * instance, so a sheet full of formulas recalculating after a failure does not call GREEN-API once per cell. A
 * refresh or new settings make it stale, so they forget it. Lives below both the formula (which writes it) and
 * the sidebar (which clears it on save).
 */
import type { ErrorKind } from '../errors/addon-error';

/** How long formulas reuse a failed or empty answer instead of asking again. */
export const FAILURE_MEMO_SECONDS = 60;
const FAILURE_KEY = 'wa.formulaFailure';

/**
 * A remembered outcome: an error kind with its token-free detail, an empty answer ('syncing'), or a group the
 * account is not in ('notInGroup').
 */
export type Failure = { kind: ErrorKind | 'syncing' | 'notInGroup'; detail: string };

/** Remembers a failure of `instance` (of one `scope` of it, such as a group) for FAILURE_MEMO_SECONDS. */
export function rememberFailure(
  cache: GoogleAppsScript.Cache.Cache,
  instance: string,
  failure: Failure,
  scope = '',
): void {
  cache.put(keyOf(scope), JSON.stringify({ instance, ...failure }), FAILURE_MEMO_SECONDS);
  if (scope) {
    // A cache cannot list its keys: the scoped memos are listed under SCOPES_KEY, so all can be forgotten
    // (Disconnect). Formulas remember under the document lock, so the list is not written by two at once.
    const scopes = new Set(readScopes(cache));
    scopes.add(keyOf(scope));
    cache.put(SCOPES_KEY, JSON.stringify([...scopes].slice(-MAX_SCOPES)), FAILURE_MEMO_SECONDS);
  }
}

/** The remembered failure of `instance` (and `scope`), or null. */
export function readFailure(
  cache: GoogleAppsScript.Cache.Cache,
  instance: string,
  scope = '',
): Failure | null {
  const raw = cache.get(keyOf(scope));
  if (!raw) return null;
  try {
    const memo = JSON.parse(raw) as Failure & { instance: string };
    return memo.instance === instance && typeof memo.kind === 'string'
      ? { kind: memo.kind, detail: String(memo.detail ?? '') }
      : null;
  } catch (_) {
    return null;
  }
}

/** Forgets the remembered failure of the contact list (a refresh or new settings make it stale). */
export function forgetFailure(cache: GoogleAppsScript.Cache.Cache): void {
  cache.remove(FAILURE_KEY);
}

const SCOPES_KEY = `${FAILURE_KEY}:scopes`;
const MAX_SCOPES = 200;

function readScopes(cache: GoogleAppsScript.Cache.Cache): string[] {
  try {
    const list: unknown = JSON.parse(cache.get(SCOPES_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];
  } catch (_) {
    return [];
  }
}

/** Every cache key the failure memos may be using now (the contact list's, each scoped one, their list). */
export function failureKeys(cache: GoogleAppsScript.Cache.Cache): string[] {
  return [FAILURE_KEY, SCOPES_KEY, ...readScopes(cache)];
}

function keyOf(scope: string): string {
  return scope ? `${FAILURE_KEY}.${scope}`.slice(0, 250) : FAILURE_KEY;
}
