/**
 * The last good contact list, kept in the document cache for formulas to read without calling GREEN-API.
 * Stored as gzip + base64, split into chunks under the cache's 100 KB value limit, with the maximum 6-hour
 * lifetime (https://developers.google.com/apps-script/reference/cache/cache). Chunk keys carry a version so a
 * reader never mixes two lists; anything damaged, partial or from another instance reads as "no snapshot".
 */
import type { Contact } from '../contacts/contact';
import type { Services } from '../platform/services';

/** Cache lifetime: the documented maximum, 6 hours. */
export const SNAPSHOT_TTL_SECONDS = 21_600;
/** Characters per chunk: base64 is ASCII, so this stays under 100 KB with room for the key. */
export const CHUNK_SIZE = 100_000;
const META_KEY = 'wa.snapshot';
const FORMAT = 1;

interface Meta {
  format: number;
  version: string;
  instance: string;
  chunks: number;
  length: number;
  count: number;
  savedAt: number;
}

/** A snapshot read back from the cache. */
export interface Snapshot {
  contacts: Contact[];
  savedAt: number;
}

/** What the snapshot code needs from the platform. */
export interface SnapshotDeps {
  cache: GoogleAppsScript.Cache.Cache;
  gzipBase64(text: string): string;
  gunzipBase64(base64: string): string;
}

/** The snapshot's dependencies from the platform, or null where there is no document cache. */
export function snapshotDeps(services: Services): SnapshotDeps | null {
  const cache = services.cache();
  if (!cache) return null;
  return {
    cache,
    gzipBase64: (text) => services.gzipBase64(text),
    gunzipBase64: (base64) => services.gunzipBase64(base64),
  };
}

/** Saves `contacts` for `instance`; returns the number of cache entries written. */
export function saveSnapshot(
  deps: SnapshotDeps,
  instance: string,
  contacts: readonly Contact[],
  now: number,
): number {
  const json = JSON.stringify(contacts.map((c) => [c.id, c.name, c.contactName, c.type === 'group' ? 1 : 0]));
  const packed = deps.gzipBase64(json);
  const previous = readMeta(deps.cache.get(META_KEY));
  const version = `${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const entries: Record<string, string> = {};
  let chunks = 0;
  for (let at = 0; at < packed.length || chunks === 0; at += CHUNK_SIZE, chunks++) {
    entries[chunkKey(version, chunks)] = packed.slice(at, at + CHUNK_SIZE);
  }
  const meta: Meta = {
    format: FORMAT,
    version,
    instance,
    chunks,
    length: packed.length,
    count: contacts.length,
    savedAt: now,
  };
  entries[META_KEY] = JSON.stringify(meta);
  deps.cache.putAll(entries, SNAPSHOT_TTL_SECONDS);
  if (previous && previous.version !== version) deps.cache.removeAll(chunkKeys(previous));
  return chunks + 1;
}

/** Reads the snapshot of `instance`, or null when there is none or it fails any check. */
export function loadSnapshot(deps: SnapshotDeps, instance: string): Snapshot | null {
  const meta = readMeta(deps.cache.get(META_KEY));
  if (!meta || meta.instance !== instance) return null;
  const keys = chunkKeys(meta);
  const found = deps.cache.getAll(keys);
  const parts: string[] = [];
  for (const key of keys) {
    const part = found[key];
    if (typeof part !== 'string') return null;
    parts.push(part);
  }
  const packed = parts.join('');
  if (packed.length !== meta.length) return null;
  try {
    const rows: unknown = JSON.parse(deps.gunzipBase64(packed));
    if (!Array.isArray(rows) || rows.length !== meta.count) return null;
    const contacts: Contact[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!Array.isArray(row) || row.length !== 4 || typeof row[0] !== 'string' || typeof row[1] !== 'string')
        return null;
      if (typeof row[2] !== 'string' || (row[3] !== 0 && row[3] !== 1)) return null;
      contacts[i] = { id: row[0], name: row[1], contactName: row[2], type: row[3] === 1 ? 'group' : 'user' };
    }
    return { contacts, savedAt: meta.savedAt };
  } catch (_) {
    return null; // corrupt gzip (CRC), broken base64 or JSON: never show it
  }
}

/** Age and size of the stored snapshot, for diagnostics. */
export function snapshotInfo(
  cache: GoogleAppsScript.Cache.Cache,
): { savedAt: number; count: number; chunks: number } | null {
  const meta = readMeta(cache.get(META_KEY));
  return meta ? { savedAt: meta.savedAt, count: meta.count, chunks: meta.chunks } : null;
}

/** Forgets the snapshot (settings changed: it belongs to another instance). */
export function dropSnapshot(cache: GoogleAppsScript.Cache.Cache): void {
  const meta = readMeta(cache.get(META_KEY));
  cache.removeAll(meta ? [META_KEY, ...chunkKeys(meta)] : [META_KEY]);
}

function chunkKey(version: string, index: number): string {
  return `${META_KEY}.${version}.${index}`;
}

function chunkKeys(meta: Meta): string[] {
  return Array.from({ length: meta.chunks }, (_, i) => chunkKey(meta.version, i));
}

function readMeta(raw: string | null): Meta | null {
  if (!raw) return null;
  try {
    const meta = JSON.parse(raw) as Partial<Meta>;
    const ok =
      meta.format === FORMAT &&
      typeof meta.version === 'string' &&
      typeof meta.instance === 'string' &&
      Number.isInteger(meta.chunks) &&
      (meta.chunks as number) > 0 &&
      (meta.chunks as number) <= 500 &&
      Number.isInteger(meta.length) &&
      Number.isInteger(meta.count) &&
      typeof meta.savedAt === 'number';
    return ok ? (meta as Meta) : null;
  } catch (_) {
    return null;
  }
}
