/**
 * A custom function's 30 seconds (https://developers.google.com/apps-script/guides/sheets/functions: "A custom
 * function call must return within 30 seconds"), whatever GREEN-API does: the formula works to a deadline 3
 * seconds short of it, measured on the clock, and neither waits for the lock past what leaves time for a
 * request, nor starts a pause or a retry that could not end by then (the client judges a retry by how long the
 * last attempt took; UrlFetchApp has no timeout to set, so a first request that hangs is beyond its reach), nor
 * a snapshot write (gzip and cache puts, chunk by chunk) that could not end by then — that write is skipped. A
 * cell then says GREEN-API is unavailable, or that a refresh is running, instead of Sheets' "Exceeded maximum
 * execution time".
 */
import type { WriteBudget } from '../cache/chunked';
import type { Clock } from '../platform/services';

export type { WriteBudget };

/** The platform's limit for one custom function call. */
export const FORMULA_LIMIT_MS = 30_000;
/** Kept free at the end for building the result. */
export const FORMULA_MARGIN_MS = 3_000;
/** The longest a formula waits for another execution that is fetching. */
export const FORMULA_LOCK_WAIT_MS = 12_000;
/** Time a formula keeps for its own request after waiting for the lock. */
export const FETCH_RESERVE_MS = 8_000;

/** The deadline of a formula starting now. */
export function formulaDeadline(clock: Clock): number {
  return clock.now() + FORMULA_LIMIT_MS - FORMULA_MARGIN_MS;
}

/** Takes the lock, waiting no longer than leaves FETCH_RESERVE_MS before the deadline; false when not taken. */
export function lockWithin(lock: GoogleAppsScript.Lock.Lock, clock: Clock, deadline: number): boolean {
  const wait = Math.min(FORMULA_LOCK_WAIT_MS, deadline - FETCH_RESERVE_MS - clock.now());
  return wait > 0 && lock.tryLock(wait);
}

/**
 * What a cache write of one chunk (100,000 characters) is assumed to take before one has been measured: Google
 * documents no duration, so a generous guess; the save then goes by what its own chunks took.
 */
export const CACHE_WRITE_GUESS_MS = 2_000;

/** The budget for a formula's snapshot write: it must end by the formula's deadline. */
export function writeBudget(clock: Clock, deadline: number): WriteBudget {
  return { now: () => clock.now(), deadline, guessMsPerChunk: CACHE_WRITE_GUESS_MS };
}
