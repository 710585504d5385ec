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

/** A remembered outcome: an error kind with its token-free detail, or an empty answer ('syncing'). */
export type Failure = { kind: ErrorKind | 'syncing'; detail: string };

/** Remembers a failure of `instance` for FAILURE_MEMO_SECONDS. */
export function rememberFailure(
  cache: GoogleAppsScript.Cache.Cache,
  instance: string,
  failure: Failure,
): void {
  cache.put(FAILURE_KEY, JSON.stringify({ instance, ...failure }), FAILURE_MEMO_SECONDS);
}

/** The remembered failure of `instance`, or null. */
export function readFailure(cache: GoogleAppsScript.Cache.Cache, instance: string): Failure | null {
  const raw = cache.get(FAILURE_KEY);
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

/** Forgets a remembered failure (a refresh or new settings make it stale). */
export function forgetFailure(cache: GoogleAppsScript.Cache.Cache): void {
  cache.remove(FAILURE_KEY);
}
