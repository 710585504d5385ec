/**
 * A JSON value kept in the document cache past its 100 KB value limit: gzip + base64, split into chunks, kept
 * for the maximum 6 hours (https://developers.google.com/apps-script/reference/cache/cache), under an index
 * entry that names the chunks, the instance the value belongs to and when it was saved. Chunk keys carry a
 * version, so a reader never mixes two values; anything damaged, partial or from another instance reads as
 * nothing. The contacts snapshot and the group members snapshot are two such values.
 */
import type { Services } from '../platform/services';

/** Cache lifetime: the documented maximum, 6 hours. */
export const TTL_SECONDS = 21_600;
/** Characters per chunk: base64 is ASCII, so this stays under 100 KB with room for the key. */
export const CHUNK_SIZE = 100_000;
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

/** What a chunked value needs from the platform. */
export interface CacheDeps {
  cache: GoogleAppsScript.Cache.Cache;
  gzipBase64(text: string): string;
  gunzipBase64(base64: string): string;
}

/** The dependencies from the platform, or null where there is no document cache. */
export function cacheDeps(services: Services): CacheDeps | null {
  const cache = services.cache();
  if (!cache) return null;
  return {
    cache,
    gzipBase64: (text) => services.gzipBase64(text),
    gunzipBase64: (base64) => services.gunzipBase64(base64),
  };
}

/** A value read back: its JSON text, the item count saved with it, and when it was saved. */
export interface Stored {
  json: string;
  count: number;
  savedAt: number;
}

/** Saves `json` (holding `count` items) as `name` for `instance`; returns the number of cache entries written. */
export function saveChunked(
  deps: CacheDeps,
  name: string,
  instance: string,
  json: string,
  count: number,
  now: number,
): number {
  const packed = deps.gzipBase64(json);
  const previous = readMeta(deps.cache.get(name));
  const version = `${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const entries: Record<string, string> = {};
  let chunks = 0;
  for (let at = 0; at < packed.length || chunks === 0; at += CHUNK_SIZE, chunks++) {
    entries[chunkKey(name, version, chunks)] = packed.slice(at, at + CHUNK_SIZE);
  }
  const meta: Meta = {
    format: FORMAT,
    version,
    instance,
    chunks,
    length: packed.length,
    count,
    savedAt: now,
  };
  entries[name] = JSON.stringify(meta);
  deps.cache.putAll(entries, TTL_SECONDS);
  if (previous && previous.version !== version) deps.cache.removeAll(chunkKeys(name, previous));
  return chunks + 1;
}

/** Reads `name` of `instance`, or null when there is none or it fails any check. */
export function loadChunked(deps: CacheDeps, name: string, instance: string): Stored | null {
  const meta = readMeta(deps.cache.get(name));
  if (!meta || meta.instance !== instance) return null;
  const keys = chunkKeys(name, meta);
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
    return { json: deps.gunzipBase64(packed), count: meta.count, savedAt: meta.savedAt };
  } catch (_) {
    return null; // corrupt gzip (CRC) or broken base64: never show it
  }
}

/** Age and size of `name`, for diagnostics. */
export function chunkedInfo(
  cache: GoogleAppsScript.Cache.Cache,
  name: string,
): { savedAt: number; count: number; chunks: number } | null {
  const meta = readMeta(cache.get(name));
  return meta ? { savedAt: meta.savedAt, count: meta.count, chunks: meta.chunks } : null;
}

/** The cache keys `name` uses now: its index entry and its chunks. */
export function chunkedKeys(cache: GoogleAppsScript.Cache.Cache, name: string): string[] {
  const meta = readMeta(cache.get(name));
  return meta ? [name, ...chunkKeys(name, meta)] : [name];
}

/** Forgets `name` (settings changed: it belongs to another instance). */
export function dropChunked(cache: GoogleAppsScript.Cache.Cache, name: string): void {
  const meta = readMeta(cache.get(name));
  cache.removeAll(meta ? [name, ...chunkKeys(name, meta)] : [name]);
}

function chunkKey(name: string, version: string, index: number): string {
  return `${name}.${version}.${index}`;
}

function chunkKeys(name: string, meta: Meta): string[] {
  return Array.from({ length: meta.chunks }, (_, i) => chunkKey(name, meta.version, i));
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
