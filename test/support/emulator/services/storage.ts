// PropertiesService, CacheService and LockService over the emulator's persistent stores, with the documented
// limits (9 KB per property value, 500 KB per store; cache keys ≤ 250 chars, values ≤ 100 KB, TTL ≤ 6 h,
// ~1000 items keeping the 900 farthest from expiry) and the virtual clock for expiry and lock waits.
// References: https://developers.google.com/apps-script/guides/services/quotas ,
// https://developers.google.com/apps-script/reference/cache/cache ,
// https://developers.google.com/apps-script/reference/lock/lock

import type { CacheEntry, EmulatorCore } from '../core';
import { classFactory, type Exec, STATE, type WithState } from '../runtime';
import { AppsError, permissionError } from '../types';

const PROP_VALUE_MAX = 9 * 1024;
const PROP_STORE_MAX = 500 * 1024;
const CACHE_VALUE_MAX = 100 * 1024;
const CACHE_KEY_MAX = 250;
const CACHE_TTL_DEFAULT = 600;
const CACHE_TTL_MAX = 21600;
const CACHE_CAP = 1000;
const CACHE_KEEP = 900;

/** Chosen text (UNVERIFIED) for an expiration outside [1, 21600] s. */
export const CACHE_TTL_ERROR =
  'Invalid argument: expirationInSeconds. The minimum is 1 second and the maximum is 21600 seconds.';

type StoreKind = 'document' | 'script' | 'user';
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

type PropStore = Record<string, string>;

/** Sets a key on a plain-object store (defineProperty so that "__proto__" is an ordinary key). */
function setKey(store: PropStore, k: string, v: string): void {
  Object.defineProperty(store, k, { value: v, enumerable: true, configurable: true, writable: true });
}

const own = (store: PropStore, k: string): string | null =>
  (Object.getOwnPropertyDescriptor(store, k)?.value as string | undefined) ?? null;

/** Builds PropertiesService for an execution. */
export function propertiesService(core: EmulatorCore, exec: Exec): Record<string, unknown> {
  type PS = WithState<{ store: PropStore }>;
  const R = exec.realm;
  const denyWrite = (method: string): void => {
    // Custom functions: editors cannot set user properties; stricter reading — no property writes at all.
    if (exec.authMode === 'CUSTOM_FUNCTION') throw permissionError(`Properties.${method}`);
  };
  const checkedSet = (store: PropStore, entries: Array<[string, string]>, replaceAll: boolean): void => {
    const next = new Map<string, string>(replaceAll ? [] : Object.entries(store));
    for (const [k, v] of entries) {
      if (bytes(k) + bytes(v) > PROP_VALUE_MAX) throw new AppsError('Argument too large: value');
      next.set(k, v);
    }
    let total = 0;
    for (const [k, v] of next) total += bytes(k) + bytes(v);
    if (total > PROP_STORE_MAX) {
      throw new AppsError(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    for (const k of Object.keys(store)) if (!next.has(k)) delete store[k];
    for (const [k, v] of next) setKey(store, k, v);
  };
  const methods = {
    getProperty(this: PS, key: unknown): string | null {
      return own(this[STATE].store, String(key));
    },
    setProperty(this: PS, key: unknown, value: unknown): PS {
      denyWrite('setProperty');
      checkedSet(this[STATE].store, [[String(key), String(value)]], false);
      return this;
    },
    setProperties(this: PS, properties: unknown, deleteAllOthers?: unknown): PS {
      denyWrite('setProperties');
      if (typeof properties !== 'object' || properties === null)
        throw new AppsError('Invalid argument: properties');
      const entries = Object.entries(properties).map(([k, v]) => [k, String(v)] as [string, string]);
      checkedSet(this[STATE].store, entries, !!deleteAllOthers);
      return this;
    },
    getProperties(this: PS): Record<string, string> {
      const o = new R.Object() as Record<string, string>;
      for (const [k, v] of Object.entries(this[STATE].store)) setKey(o, k, v);
      return o;
    },
    getKeys(this: PS): string[] {
      const a = new R.Array<string>();
      for (const k of Object.keys(this[STATE].store)) a.push(k);
      return a;
    },
    deleteProperty(this: PS, key: unknown): PS {
      denyWrite('deleteProperty');
      delete this[STATE].store[String(key)];
      return this;
    },
    deleteAllProperties(this: PS): PS {
      denyWrite('deleteAllProperties');
      for (const k of Object.keys(this[STATE].store)) delete this[STATE].store[k];
      return this;
    },
  };
  const make = classFactory<{ store: PropStore }, typeof methods>(exec, methods, 'none');
  const getter = (kind: StoreKind, name: string) => (): unknown => {
    // AuthMode.NONE: stricter reading — no property access at all.
    if (exec.authMode === 'NONE') throw permissionError(`PropertiesService.${name}`);
    // Document properties exist for bound scripts and add-ons ("null if the script is neither"):
    // https://developers.google.com/apps-script/reference/properties/properties-service — in an add-on's
    // time-driven trigger it is not documented (EmulatorOptions.addonTriggers).
    if (kind === 'document' && !exec.documentStores) return null;
    return make({ store: core.properties[kind] });
  };
  const service = {
    getDocumentProperties: getter('document', 'getDocumentProperties'),
    getScriptProperties: getter('script', 'getScriptProperties'),
    getUserProperties: getter('user', 'getUserProperties'),
  };
  return classFactory<null, typeof service>(exec, service, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}

/** Drops expired entries and, above the cap, keeps the 900 entries farthest from expiration (documented rule). */
function enforceCap(store: Map<string, CacheEntry>, now: number): void {
  if (store.size <= CACHE_CAP) return;
  for (const [k, e] of store) if (e.expiresAt <= now) store.delete(k);
  if (store.size <= CACHE_CAP) return;
  const sorted = [...store.entries()].sort((a, b) => b[1].expiresAt - a[1].expiresAt);
  store.clear();
  for (const [k, e] of sorted.slice(0, CACHE_KEEP)) store.set(k, e);
}

/** Builds CacheService for an execution. */
export function cacheService(core: EmulatorCore, exec: Exec): Record<string, unknown> {
  type CS = WithState<{ store: Map<string, CacheEntry> }>;
  const R = exec.realm;
  const ttlOf = (seconds: unknown): number => {
    if (seconds === undefined || seconds === null) return CACHE_TTL_DEFAULT;
    const n = Number(seconds);
    // "The minimum is 1 second and the maximum is 21600 seconds (6 hours)":
    // https://developers.google.com/apps-script/reference/cache/cache#putkey,-value,-expirationinseconds
    // What the platform does outside that range is UNVERIFIED: stricter reading — refuse instead of clamping.
    if (!Number.isFinite(n) || n < 1 || n > CACHE_TTL_MAX) throw new AppsError(CACHE_TTL_ERROR);
    return n;
  };
  const checkKey = (key: unknown): string => {
    const k = String(key);
    if (k.length > CACHE_KEY_MAX) throw new AppsError('Argument too large: key'); // chosen text
    return k;
  };
  const checkValue = (value: unknown): string => {
    const v = String(value);
    if (bytes(v) > CACHE_VALUE_MAX) throw new AppsError('Argument too large: value');
    return v;
  };
  const live = (store: Map<string, CacheEntry>, key: string): CacheEntry | undefined => {
    const e = store.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= core.clock) {
      store.delete(key);
      return undefined;
    }
    return e;
  };
  // A write takes time on the clock when a test says so (EmulatorOptions.cacheWriteMsPerKChar).
  const spend = (chars: number): void => {
    const ms = (chars / 1000) * core.options.cacheWriteMsPerKChar;
    if (ms <= 0) return;
    core.clock += ms;
    exec.virtualMs += ms;
    exec.rec.serviceMs += ms;
  };
  const methods = {
    get(this: CS, key: unknown): string | null {
      return live(this[STATE].store, String(key))?.value ?? null;
    },
    getAll(this: CS, keys: unknown): Record<string, string> {
      if (!Array.isArray(keys)) throw new AppsError('Invalid argument: keys');
      const o = new R.Object() as Record<string, string>;
      for (const k of keys) {
        const e = live(this[STATE].store, String(k));
        if (e) o[String(k)] = e.value;
      }
      return o;
    },
    put(this: CS, key: unknown, value: unknown, expirationInSeconds?: unknown): void {
      const k = checkKey(key);
      const v = checkValue(value);
      const store = this[STATE].store;
      store.delete(k);
      spend(k.length + v.length);
      store.set(k, { value: v, expiresAt: core.clock + ttlOf(expirationInSeconds) * 1000 });
      exec.rec.cacheEntriesWritten++;
      enforceCap(store, core.clock);
    },
    putAll(this: CS, values: unknown, expirationInSeconds?: unknown): void {
      if (typeof values !== 'object' || values === null) throw new AppsError('Invalid argument: values');
      const entries = Object.entries(values).map(([k, v]) => [checkKey(k), checkValue(v)] as const);
      const store = this[STATE].store;
      spend(entries.reduce((sum, [k, v]) => sum + k.length + v.length, 0));
      const expiresAt = core.clock + ttlOf(expirationInSeconds) * 1000;
      for (const [k, v] of entries) {
        store.delete(k);
        store.set(k, { value: v, expiresAt });
      }
      exec.rec.cacheEntriesWritten += entries.length;
      enforceCap(store, core.clock);
    },
    remove(this: CS, key: unknown): void {
      this[STATE].store.delete(String(key));
    },
    removeAll(this: CS, keys: unknown): void {
      if (!Array.isArray(keys)) throw new AppsError('Invalid argument: keys');
      for (const k of keys) this[STATE].store.delete(String(k));
    },
  };
  const make = classFactory<{ store: Map<string, CacheEntry> }, typeof methods>(exec, methods, 'none');
  const getter = (kind: StoreKind, name: string) => (): unknown => {
    if (exec.authMode === 'NONE') throw permissionError(`CacheService.${name}`); // stricter reading
    // Like document properties: available to bound scripts and add-ons (the emulator is always one of them).
    if (kind === 'document' && !exec.documentStores) return null;
    return make({ store: core.caches[kind] });
  };
  const service = {
    getDocumentCache: getter('document', 'getDocumentCache'),
    getScriptCache: getter('script', 'getScriptCache'),
    getUserCache: getter('user', 'getUserCache'),
  };
  return classFactory<null, typeof service>(exec, service, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}

/** Builds LockService for an execution (locks held by an execution are released when it ends). */
export function lockService(core: EmulatorCore, exec: Exec): Record<string, unknown> {
  type LS = WithState<{ kind: StoreKind }>;
  const acquire = (kind: StoreKind, timeoutMs: unknown): boolean => {
    const lock = core.locks[kind];
    if (lock.holder === null || lock.holder === exec.id) {
      lock.holder = exec.id;
      return true;
    }
    // Another execution holds it: nothing can release it while this one blocks, so the whole timeout elapses.
    const wait = Math.max(0, Number(timeoutMs) || 0);
    core.clock += wait;
    exec.virtualMs += wait;
    exec.rec.serviceMs += wait;
    return false;
  };
  const methods = {
    tryLock(this: LS, timeoutInMillis: unknown): boolean {
      return acquire(this[STATE].kind, timeoutInMillis);
    },
    waitLock(this: LS, timeoutInMillis: unknown): void {
      if (!acquire(this[STATE].kind, timeoutInMillis)) {
        throw new AppsError('Lock timeout: another process was holding the lock for too long.');
      }
    },
    releaseLock(this: LS): void {
      const lock = core.locks[this[STATE].kind];
      if (lock.holder === exec.id) lock.holder = null;
    },
    hasLock(this: LS): boolean {
      return core.locks[this[STATE].kind].holder === exec.id;
    },
  };
  const make = classFactory<{ kind: StoreKind }, typeof methods>(exec, methods, 'none');
  const getter = (kind: StoreKind, name: string) => (): unknown => {
    if (exec.authMode === 'NONE') throw permissionError(`LockService.${name}`); // stricter reading
    // Like document properties: available to bound scripts and add-ons (the emulator is always one of them).
    if (kind === 'document' && !exec.documentStores) return null;
    return make({ kind });
  };
  const service = {
    getDocumentLock: getter('document', 'getDocumentLock'),
    getScriptLock: getter('script', 'getScriptLock'),
    getUserLock: getter('user', 'getUserLock'),
  };
  return classFactory<null, typeof service>(exec, service, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}
