/**
 * Everything the add-on keeps in a document, found and forgotten in one place: every document property whose key
 * starts with `wa.` (settings, the token, refresh status, the members job, trigger bookkeeping — whoever adds one
 * uses the prefix), and every document cache entry it writes (the contacts and members snapshots with their
 * chunks, the formulas' failure memos, the spreadsheet's time zone, the requests formulas made that wait for the
 * ledger). Used by Disconnect and by Diagnostics, which
 * shows what is left. The sheets are the person's data and are never touched here.
 */
import { failureKeys } from '../cache/failure-memo';
import { membersKeys } from '../cache/members-snapshot';
import { snapshotKeys } from '../cache/snapshot';
import { ZONE_KEY } from '../platform/gas';
import { LEDGER_CACHE_KEYS } from '../quota/ledger';
import { loadSettings } from './store';

/** The prefix of every document property of the add-on. */
export const PROPERTY_PREFIX = 'wa.';

/** The add-on's document properties (keys). */
export function ownPropertyKeys(properties: GoogleAppsScript.Properties.Properties): string[] {
  return properties.getKeys().filter((key) => key.startsWith(PROPERTY_PREFIX));
}

/** The keys the add-on may be using in the document cache now (present or not). */
export function ownCacheKeys(cache: GoogleAppsScript.Cache.Cache): string[] {
  return [
    ...new Set([
      ...snapshotKeys(cache),
      ...membersKeys(cache),
      ...failureKeys(cache),
      ZONE_KEY,
      ...LEDGER_CACHE_KEYS,
    ]),
  ];
}

/** The add-on's cache entries that are present now. */
export function presentCacheKeys(cache: GoogleAppsScript.Cache.Cache): string[] {
  const keys = ownCacheKeys(cache);
  const found = cache.getAll(keys);
  return keys.filter((key) => typeof found[key] === 'string');
}

/** What is stored, counted. */
export interface Stored {
  properties: number;
  cacheEntries: number;
}

/** Counts what the add-on keeps in this document. */
export function storedHere(
  properties: GoogleAppsScript.Properties.Properties,
  cache: GoogleAppsScript.Cache.Cache | null,
): Stored {
  return {
    properties: ownPropertyKeys(properties).length,
    cacheEntries: cache ? presentCacheKeys(cache).length : 0,
  };
}

/** Deletes every property and cache entry of the add-on in this document; returns what was there. */
export function forgetDocument(
  properties: GoogleAppsScript.Properties.Properties,
  cache: GoogleAppsScript.Cache.Cache | null,
): Stored {
  const before = storedHere(properties, cache);
  // The cache first: its keys are found through index entries, which are cache entries too.
  if (cache) cache.removeAll(ownCacheKeys(cache));
  for (const key of ownPropertyKeys(properties)) properties.deleteProperty(key);
  return before;
}

/**
 * For a sliced job that reads without the document lock (the members import, the number check), asked under the
 * lock before it writes: true when the ground went from under it meanwhile — its stored job or the settings are
 * gone (Disconnect, or settings saved for another instance). The slice then writes nothing; with the settings
 * gone it also forgets what its own requests recorded meanwhile (the ledger), so that nothing of the add-on is
 * left after Disconnect.
 */
export function lostMeanwhile(
  properties: GoogleAppsScript.Properties.Properties,
  cache: GoogleAppsScript.Cache.Cache | null,
  jobStored: boolean,
): boolean {
  const settings = loadSettings(properties) !== null;
  if (jobStored && settings) return false;
  if (!settings) forgetDocument(properties, cache);
  return true;
}
