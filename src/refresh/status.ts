/**
 * The record of the last refresh — when, from where, what came of it, the run of empty answers and the pending
 * retry — kept in document properties for the sidebar and Diagnostics. Trigger runs have no one to tell, so
 * this record is how their outcome reaches a person. Holds no token: errors are stored as kinds.
 */
import type { ErrorKind } from '../errors/addon-error';

/** Who started a refresh. */
export type RefreshSource = 'menu' | 'auto' | 'retry';

/** How a refresh ended. */
export type RefreshOutcome = 'ok' | 'syncing' | 'gaveUp' | 'error' | 'busy' | 'heldBack';

/** The stored status. */
export interface RefreshStatus {
  at: number;
  source: RefreshSource;
  outcome: RefreshOutcome;
  count: number;
  errorKind: ErrorKind | null;
  errorDetail: string;
  emptyStreak: number;
  /** When the last counted empty answer came (a retry less than 4 minutes later is the same window). */
  lastEmptyAt: number | null;
  nextRetryAt: number | null;
  lastSuccessAt: number | null;
  lastSuccessCount: number;
  /** A list an automatic refresh did not apply: it held `count` contacts and would have removed `removed` of `live`. */
  heldBack?: { count: number; removed: number; live: number } | null;
  /** Group rows the last successful refresh left as they were: its list had no groups (GREEN-API issue 919). */
  groupsHeldBack?: number;
}

const KEY = 'wa.status';

/** The last status, or null before the first refresh. */
export function readStatus(properties: GoogleAppsScript.Properties.Properties): RefreshStatus | null {
  const raw = properties.getProperty(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as RefreshStatus;
    return typeof parsed.at === 'number' ? parsed : null;
  } catch (_) {
    return null;
  }
}

/** Stores a status. */
export function writeStatus(properties: GoogleAppsScript.Properties.Properties, status: RefreshStatus): void {
  properties.setProperty(KEY, JSON.stringify(status));
}

/** Forgets the status (settings now point at another instance). */
export function clearStatus(properties: GoogleAppsScript.Properties.Properties): void {
  properties.deleteProperty(KEY);
}

/** Forgets a pending contacts retry (scheduled work is paused by the quota: it would only come back to wait). */
export function dropRetry(properties: GoogleAppsScript.Properties.Properties): void {
  const status = readStatus(properties);
  if (status?.nextRetryAt == null) return;
  writeStatus(properties, { ...status, nextRetryAt: null });
}
