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
  /** contentHash of the JSON (absent in values saved by an older version). */
  hash?: string;
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

/**
 * A deadline for a save (a custom function's 30 seconds): the save gives up rather than run past it. Google
 * documents no duration for a cache write, so until one chunk has been written it is guessed at
 * `guessMsPerChunk`, then at the slower of that and what the chunks written so far took.
 */
export interface WriteBudget {
  now(): number;
  deadline: number;
  guessMsPerChunk: number;
}

/**
 * Saves `json` (holding `count` items) as `name` for `instance`; returns the number of cache entries written.
 * With a budget the chunks are written one by one, the index last, and the save stops — removing what it wrote,
 * keeping the previous value — before a write that could not end by the deadline; it then returns 0.
 */
export function saveChunked(
  deps: CacheDeps,
  name: string,
  instance: string,
  json: string,
  count: number,
  now: number,
  budget?: WriteBudget,
): number {
  if (budget && budget.now() + budget.guessMsPerChunk > budget.deadline) return 0;
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
    hash: contentHash(packed, json),
  };
  if (budget && !writeWithin(deps.cache, entries, budget)) return 0;
  entries[name] = JSON.stringify(meta);
  if (budget) deps.cache.put(name, entries[name], TTL_SECONDS);
  else deps.cache.putAll(entries, TTL_SECONDS);
  if (previous && previous.version !== version) deps.cache.removeAll(chunkKeys(name, previous));
  return chunks + 1;
}

/** Writes the chunks one by one while each can end by the deadline; on stopping removes them, false. */
function writeWithin(
  cache: GoogleAppsScript.Cache.Cache,
  entries: Record<string, string>,
  budget: WriteBudget,
) {
  const written: string[] = [];
  let perChunk = budget.guessMsPerChunk;
  for (const [key, value] of Object.entries(entries)) {
    const start = budget.now();
    if (start + perChunk > budget.deadline) {
      if (written.length) cache.removeAll(written);
      return false;
    }
    cache.put(key, value, TTL_SECONDS);
    written.push(key);
    perChunk = Math.max(perChunk, budget.now() - start);
  }
  return true;
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

/** The content hash of the value saved as `name` (null when there is none, or it has no hash). */
export function chunkedHash(cache: GoogleAppsScript.Cache.Cache, name: string): string | null {
  return readMeta(cache.get(name))?.hash ?? null;
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

/**
 * A content hash for free: a gzip stream ends with the CRC-32 and the size of the text it holds (RFC 1952,
 * https://www.rfc-editor.org/rfc/rfc1952#section-2.3.1), so the last 12 base64 characters of the packed value,
 * with the text's length, change when the text does (not a secret, and not meant to be one).
 */
function contentHash(packed: string, json: string): string {
  return `${packed.slice(-12)}.${json.length.toString(36)}`;
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
