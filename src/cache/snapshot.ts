/**
 * The last good contact list, kept in the document cache (a chunked value: cache/chunked.ts) for formulas to
 * read without calling GREEN-API. Each contact is stored as [id, name, contactName, isGroup]; a snapshot that
 * does not read back as exactly that, or belongs to another instance, is "no snapshot".
 */
import type { Contact } from '../contacts/contact';
import {
  type CacheDeps,
  CHUNK_SIZE,
  cacheDeps,
  chunkedHash,
  chunkedInfo,
  chunkedKeys,
  dropChunked,
  loadChunked,
  saveChunked,
  TTL_SECONDS,
  type WriteBudget,
} from './chunked';

export { CHUNK_SIZE, TTL_SECONDS as SNAPSHOT_TTL_SECONDS };
/** What the snapshot needs from the platform. */
export type SnapshotDeps = CacheDeps;
/** The snapshot's dependencies from the platform, or null where there is no document cache. */
export const snapshotDeps = cacheDeps;

const NAME = 'wa.snapshot';

/** A snapshot read back from the cache. */
export interface Snapshot {
  contacts: Contact[];
  savedAt: number;
}

/** Saves `contacts` for `instance`; returns the number of cache entries written. */
export function saveSnapshot(
  deps: SnapshotDeps,
  instance: string,
  contacts: readonly Contact[],
  now: number,
  budget?: WriteBudget,
): number {
  const json = JSON.stringify(contacts.map((c) => [c.id, c.name, c.contactName, c.type === 'group' ? 1 : 0]));
  return saveChunked(deps, NAME, instance, json, contacts.length, now, budget);
}

/** Reads the snapshot of `instance`, or null when there is none or it fails any check. */
export function loadSnapshot(deps: SnapshotDeps, instance: string): Snapshot | null {
  const stored = loadChunked(deps, NAME, instance);
  if (!stored) return null;
  try {
    const rows: unknown = JSON.parse(stored.json);
    if (!Array.isArray(rows) || rows.length !== stored.count) return null;
    const contacts: Contact[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!Array.isArray(row) || row.length !== 4 || typeof row[0] !== 'string' || typeof row[1] !== 'string')
        return null;
      if (typeof row[2] !== 'string' || (row[3] !== 0 && row[3] !== 1)) return null;
      contacts[i] = { id: row[0], name: row[1], contactName: row[2], type: row[3] === 1 ? 'group' : 'user' };
    }
    return { contacts, savedAt: stored.savedAt };
  } catch (_) {
    return null; // broken JSON: never show it
  }
}

/** Age and size of the stored snapshot, for diagnostics. */
export function snapshotInfo(
  cache: GoogleAppsScript.Cache.Cache,
): { savedAt: number; count: number; chunks: number } | null {
  return chunkedInfo(cache, NAME);
}

/** The content hash of the stored snapshot (null when there is none). */
export function snapshotHash(cache: GoogleAppsScript.Cache.Cache): string | null {
  return chunkedHash(cache, NAME);
}

/** The cache keys the snapshot uses now. */
export function snapshotKeys(cache: GoogleAppsScript.Cache.Cache): string[] {
  return chunkedKeys(cache, NAME);
}

/** Forgets the snapshot (settings changed: it belongs to another instance). */
export function dropSnapshot(cache: GoogleAppsScript.Cache.Cache): void {
  dropChunked(cache, NAME);
}
