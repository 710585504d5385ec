// Utilities (blobs with Java signed bytes, gzip, base64, digests, formatDate, uuid, a virtual-clock sleep),
// Logger, console and Session for one execution. Byte conversions go through typed arrays so large payloads
// (≈2 MB gzip) stay fast. Reference: https://developers.google.com/apps-script/reference/utilities/utilities

import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { EmulatorCore } from '../core';
import { formatJavaDate, isValidTimeZone } from '../format';
import { classFactory, type Exec, STATE, type WithState } from '../runtime';
import { AppsError, isDateLike, SCOPES } from '../types';

/** Internal state of a Blob. */
export interface BlobState {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
}

const CHARSETS: Record<string, BufferEncoding> = {
  'UTF-8': 'utf8',
  UTF8: 'utf8',
  'US-ASCII': 'ascii',
  'ISO-8859-1': 'latin1',
  'UTF-16LE': 'utf16le',
};

/** Node encoding for a Java charset name (UTF-8 by default). */
export function encodingOf(charset: unknown): BufferEncoding {
  if (charset === undefined || charset === null) return 'utf8';
  const enc = CHARSETS[String(charset).toUpperCase()];
  if (!enc) throw new AppsError(`Invalid argument: charset`);
  return enc;
}

/** Bytes from a script value: string (UTF-8 / charset), Java byte array, or Blob. */
export function bytesOf(v: unknown, charset?: unknown): Buffer {
  if (typeof v === 'string') return Buffer.from(v, encodingOf(charset));
  if (Array.isArray(v)) return Buffer.from(Int8Array.from(v as number[]).buffer);
  const st = blobStateOf(v);
  if (st) return st.bytes;
  return Buffer.from(String(v), encodingOf(charset));
}

const BLOB_STATES = new WeakMap<object, BlobState>();

/** Blob state of a script value, or null when it is not a Blob made by the emulator. */
export function blobStateOf(v: unknown): BlobState | null {
  if (typeof v !== 'object' || v === null) return null;
  return BLOB_STATES.get(v) ?? null;
}

/** Factory for Blob objects of an execution. */
export function blobFactory(exec: Exec): (st: BlobState) => unknown {
  type BS = WithState<BlobState>;
  const R = exec.realm;
  const methods = {
    getBytes(this: BS): number[] {
      const b = this[STATE].bytes;
      return R.Array.from(new Int8Array(b.buffer, b.byteOffset, b.length));
    },
    getDataAsString(this: BS, charset?: unknown): string {
      return this[STATE].bytes.toString(encodingOf(charset));
    },
    getContentType(this: BS): string | null {
      return this[STATE].contentType;
    },
    setContentType(this: BS, t: unknown): BS {
      this[STATE].contentType = t == null ? null : String(t);
      return this;
    },
    getName(this: BS): string | null {
      return this[STATE].name;
    },
    setName(this: BS, n: unknown): BS {
      this[STATE].name = n == null ? null : String(n);
      return this;
    },
    setBytes(this: BS, data: unknown): BS {
      this[STATE].bytes = bytesOf(data);
      return this;
    },
    setDataFromString(this: BS, s: unknown, charset?: unknown): BS {
      this[STATE].bytes = Buffer.from(String(s), encodingOf(charset));
      return this;
    },
    copyBlob(this: BS): unknown {
      const st = this[STATE];
      return make({ bytes: Buffer.from(st.bytes), contentType: st.contentType, name: st.name });
    },
    getAs(this: BS, contentType: unknown): unknown {
      const st = this[STATE];
      return make({ bytes: Buffer.from(st.bytes), contentType: String(contentType), name: st.name });
    },
    getBlob(this: BS): BS {
      return this;
    },
    isGoogleType(): boolean {
      return false;
    },
  };
  const factory = classFactory<BlobState, typeof methods>(exec, methods, 'none');
  const make = (st: BlobState): unknown => {
    const b = factory(st);
    BLOB_STATES.set(b, st);
    return b;
  };
  return make;
}

const SLEEP_MAX_MS = 300_000;
/** Chosen text (UNVERIFIED): the limit is documented, the message is not. */
export const SLEEP_TOO_LONG = 'Invalid argument: milliseconds. The maximum allowed value is 300000.';

const DIGESTS: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const HMACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Formats Logger/console arguments (%s/%d/%f/%o substitution, objects as JSON). */
function formatArgs(args: unknown[]): string {
  const show = (v: unknown): string => {
    if (typeof v === 'string') return v;
    if (typeof v === 'object' && v !== null && 'message' in v && 'stack' in v) {
      return `${String((v as { name?: unknown }).name ?? 'Error')}: ${String((v as { message: unknown }).message)}`;
    }
    if (isDateLike(v)) return v.toString();
    if (typeof v === 'object' && v !== null) {
      try {
        return JSON.stringify(v);
      } catch {
        return String(v);
      }
    }
    return String(v);
  };
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  if (typeof first === 'string' && /%[sdfoOj]/.test(first)) {
    let i = 0;
    const text = first.replace(/%[sdfoOj]/g, (m) => (i < rest.length ? show(rest[i++]) : m));
    return [text, ...rest.slice(i).map(show)].join(' ');
  }
  return args.map(show).join(' ');
}

/** Builds Utilities for an execution. */
export function utilitiesService(
  core: EmulatorCore,
  exec: Exec,
  newBlob: (st: BlobState) => unknown,
): Record<string, unknown> {
  const R = exec.realm;
  const signed = (b: Buffer): number[] => R.Array.from(new Int8Array(b.buffer, b.byteOffset, b.length));
  const decode = (s: unknown, webSafe: boolean): Buffer => {
    const str = String(s).replace(/\s+$/, '');
    const re = webSafe ? /^[A-Za-z0-9_-]*={0,2}$/ : /^[A-Za-z0-9+/]*={0,2}$/;
    if (!re.test(str) || str.replace(/=+$/, '').length % 4 === 1)
      throw new AppsError('Could not decode string.');
    return Buffer.from(str, webSafe ? 'base64url' : 'base64');
  };
  const methods = {
    sleep(milliseconds: unknown): void {
      // Virtual: advances the emulator clock instead of blocking.
      const ms = Math.max(0, Number(milliseconds) || 0);
      // "The maximum allowed value is 300000 (or 5 minutes)":
      // https://developers.google.com/apps-script/reference/utilities/utilities#sleep(Integer)
      // The exception text is not documented (chosen).
      if (ms > SLEEP_MAX_MS) throw new AppsError(SLEEP_TOO_LONG);
      core.clock += ms;
      exec.virtualMs += ms;
      exec.rec.serviceMs += ms;
    },
    newBlob(data: unknown, contentType?: unknown, name?: unknown): unknown {
      return newBlob({
        bytes: Buffer.from(bytesOf(data ?? '')),
        contentType: contentType == null ? null : String(contentType),
        name: name == null ? null : String(name),
      });
    },
    gzip(blob: unknown, name?: unknown): unknown {
      const st = blobStateOf(blob);
      if (!st) throw new AppsError('Invalid argument: blob');
      const outName = name != null ? String(name) : st.name ? `${st.name}.gz` : null;
      return newBlob({ bytes: zlib.gzipSync(st.bytes), contentType: 'application/x-gzip', name: outName });
    },
    ungzip(blob: unknown): unknown {
      const st = blobStateOf(blob);
      if (!st) throw new AppsError('Invalid argument: blob');
      let bytes: Buffer;
      try {
        bytes = zlib.gunzipSync(st.bytes);
      } catch {
        throw new AppsError('Invalid argument: blob'); // chosen text (UNVERIFIED)
      }
      const name = st.name?.endsWith('.gz') ? st.name.slice(0, -3) : st.name;
      return newBlob({ bytes, contentType: null, name });
    },
    base64Encode(data: unknown, charset?: unknown): string {
      return bytesOf(data, charset).toString('base64');
    },
    base64EncodeWebSafe(data: unknown, charset?: unknown): string {
      return bytesOf(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
    },
    base64Decode(encoded: unknown, charset?: unknown): number[] {
      if (charset !== undefined) encodingOf(charset);
      return signed(decode(encoded, false));
    },
    base64DecodeWebSafe(encoded: unknown, charset?: unknown): number[] {
      if (charset !== undefined) encodingOf(charset);
      return signed(decode(encoded, true));
    },
    computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
      const alg = DIGESTS[String(algorithm)];
      if (!alg) throw new AppsError('Invalid argument: algorithm');
      return signed(crypto.createHash(alg).update(bytesOf(value, charset)).digest());
    },
    computeHmacSignature(algorithm: unknown, value: unknown, key: unknown, charset?: unknown): number[] {
      const alg = HMACS[String(algorithm)];
      if (!alg) throw new AppsError('Invalid argument: algorithm');
      return signed(crypto.createHmac(alg, bytesOf(key, charset)).update(bytesOf(value, charset)).digest());
    },
    computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
      return signed(
        crypto.createHmac('sha256', bytesOf(key, charset)).update(bytesOf(value, charset)).digest(),
      );
    },
    formatDate(date: unknown, timeZone: unknown, format: unknown): string {
      if (!isDateLike(date)) throw new AppsError('Invalid argument: date');
      const tz = String(timeZone);
      if (!isValidTimeZone(tz)) throw new AppsError('Invalid argument: timeZone');
      return formatJavaDate(date.getTime(), tz, String(format));
    },
    formatString(template: unknown, ...args: unknown[]): string {
      return formatArgs([String(template), ...args]);
    },
    getUuid(): string {
      return crypto.randomUUID();
    },
    DigestAlgorithm: {
      MD2: 'MD2',
      MD5: 'MD5',
      SHA_1: 'SHA_1',
      SHA_256: 'SHA_256',
      SHA_384: 'SHA_384',
      SHA_512: 'SHA_512',
    },
    MacAlgorithm: {
      HMAC_MD5: 'HMAC_MD5',
      HMAC_SHA_1: 'HMAC_SHA_1',
      HMAC_SHA_256: 'HMAC_SHA_256',
      HMAC_SHA_384: 'HMAC_SHA_384',
      HMAC_SHA_512: 'HMAC_SHA_512',
    },
    Charset: { US_ASCII: 'US-ASCII', UTF_8: 'UTF-8' },
  };
  return classFactory<null, typeof methods>(exec, methods, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}

/** Builds Logger and console for an execution (both write to emu.logs). */
export function loggingServices(core: EmulatorCore, exec: Exec): { Logger: unknown; console: unknown } {
  const own: string[] = [];
  const write = (line: string): void => {
    own.push(line);
    core.logs.push(line);
  };
  const loggerMethods = {
    log(...args: unknown[]): unknown {
      write(formatArgs(args));
      return logger;
    },
    getLog(): string {
      return own.join('\n');
    },
    clear(): void {
      own.length = 0;
    },
  };
  const logger: unknown = classFactory<null, typeof loggerMethods>(exec, loggerMethods, 'none')(null);
  const consoleObj = new exec.realm.Object() as Record<string, unknown>;
  for (const level of ['log', 'info', 'warn', 'error', 'debug']) {
    consoleObj[level] = (...args: unknown[]): void => write(formatArgs(args));
  }
  consoleObj.time = (): void => {};
  consoleObj.timeEnd = (): void => {};
  return { Logger: logger, console: consoleObj };
}

/** Builds Session for an execution. */
export function sessionService(core: EmulatorCore, exec: Exec): Record<string, unknown> {
  const email = (): string => {
    // Blank in custom functions and simple triggers (documented); also blank without the email scope (chosen).
    if (exec.authMode !== 'FULL') return '';
    if (core.missingScope([SCOPES.email])) return '';
    return core.options.userEmail;
  };
  const userMethods = {
    getEmail(): string {
      return email();
    },
    getUsername(): string {
      return email().split('@')[0] ?? '';
    },
    toString(): string {
      return email();
    },
  };
  const user = classFactory<null, typeof userMethods>(exec, userMethods, 'none');
  const methods = {
    getActiveUserLocale(): string {
      // In AuthMode.NONE the locale is UNVERIFIED; stricter reading: ''.
      return exec.authMode === 'NONE' ? '' : core.options.locale;
    },
    getScriptTimeZone(): string {
      return core.scriptTimeZone;
    },
    getTimeZone(): string {
      return core.scriptTimeZone;
    },
    getActiveUser(): unknown {
      return user(null);
    },
    getEffectiveUser(): unknown {
      return user(null);
    },
    getTemporaryActiveUserKey(): string {
      return exec.authMode === 'FULL' ? 'temporary-active-user-key' : '';
    },
  };
  return classFactory<null, typeof methods>(exec, methods, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}
