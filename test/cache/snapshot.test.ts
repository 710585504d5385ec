import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { CHUNK_SIZE, dropSnapshot, loadSnapshot, saveSnapshot, snapshotInfo } from '../../src/cache/snapshot';
import type { Contact } from '../../src/contacts/contact';

/** A document cache that keeps entries in a Map and enforces the 100 KB value limit. */
function memoryCache() {
  const store = new Map<string, string>();
  const cache = {
    store,
    get: (key: string) => store.get(key) ?? null,
    getAll: (keys: string[]) =>
      Object.fromEntries(keys.filter((k) => store.has(k)).map((k) => [k, store.get(k)])),
    putAll(values: Record<string, string>) {
      for (const [key, value] of Object.entries(values)) {
        if (Buffer.byteLength(value) > 100 * 1024) throw new Error('Argument too large: value');
        store.set(key, value);
      }
    },
    removeAll: (keys: string[]) => {
      for (const k of keys) store.delete(k);
    },
  };
  return cache;
}

function deps() {
  const cache = memoryCache();
  return {
    cache,
    deps: {
      cache: cache as unknown as GoogleAppsScript.Cache.Cache,
      gzipBase64: (text: string) => gzipSync(text).toString('base64'),
      gunzipBase64: (b64: string) => gunzipSync(Buffer.from(b64, 'base64')).toString('utf8'),
    },
  };
}

function contacts(n: number): Contact[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${79000000000 + i * 7919}@c.us`,
    name: i % 3 ? `Имя ${i}` : '',
    contactName: i % 5 ? `Contact ${(i * 2654435761) % 1000003}` : '',
    type: i % 10 === 0 ? 'group' : 'user',
  }));
}

describe('snapshot', () => {
  it('round-trips a contact list exactly', () => {
    const { deps: d } = deps();
    const list = contacts(50);
    saveSnapshot(d, 'inst', list, 1000);
    expect(loadSnapshot(d, 'inst')).toEqual({ contacts: list, savedAt: 1000 });
  });

  it('splits 100,000 contacts into chunks under the cache value limit', () => {
    const { cache, deps: d } = deps();
    const list = contacts(100_000);
    const entries = saveSnapshot(d, 'inst', list, 1);
    expect(entries).toBeLessThanOrEqual(50);
    for (const value of cache.store.values()) expect(value.length).toBeLessThanOrEqual(CHUNK_SIZE);
    expect(loadSnapshot(d, 'inst')?.contacts).toEqual(list);
    expect(snapshotInfo(d.cache)).toMatchObject({ count: 100_000, chunks: entries - 1 });
  });

  it('ignores a snapshot of another instance', () => {
    const { deps: d } = deps();
    saveSnapshot(d, 'inst', contacts(3), 1);
    expect(loadSnapshot(d, 'other')).toBeNull();
  });

  it('ignores a damaged or missing chunk', () => {
    const { cache, deps: d } = deps();
    saveSnapshot(d, 'inst', contacts(20_000), 1);
    const chunkKey = [...cache.store.keys()].find((k) => k.endsWith('.1')) as string;
    const original = cache.store.get(chunkKey) as string;
    cache.store.set(chunkKey, `${original.slice(0, 500)}A${original.slice(501)}`);
    expect(loadSnapshot(d, 'inst')).toBeNull();
    cache.store.delete(chunkKey);
    expect(loadSnapshot(d, 'inst')).toBeNull();
  });

  it('replaces the previous version and removes its chunks', () => {
    const { cache, deps: d } = deps();
    saveSnapshot(d, 'inst', contacts(10), 1);
    const first = [...cache.store.keys()];
    saveSnapshot(d, 'inst', contacts(5), 2);
    const second = [...cache.store.keys()];
    expect(second.filter((k) => first.includes(k) && k !== 'wa.snapshot')).toEqual([]);
    expect(loadSnapshot(d, 'inst')?.contacts).toHaveLength(5);
    dropSnapshot(d.cache);
    expect(cache.store.size).toBe(0);
  });
});
