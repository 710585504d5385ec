// UrlFetchApp doing REAL synchronous HTTP through ../../sync-http (the server under test must run in another
// process). Platform behaviour: status >= 400 throws unless muteHttpExceptions; network failures always throw
// with the URL in the message; 2 KB URL limit; 50 MB response limit; optional urlFetchWhitelist enforcement.
// Reference: https://developers.google.com/apps-script/reference/url-fetch/url-fetch-app

import { SyncHttpError, type SyncResponse, syncHttp } from '../../sync-http';
import type { EmulatorCore } from '../core';
import { classFactory, type Exec, STATE, type WithState } from '../runtime';
import { AppsError, permissionError, SCOPES } from '../types';
import { type BlobState, blobStateOf, bytesOf, encodingOf } from './utilities';

const URL_MAX = 2 * 1024;
const RESPONSE_MAX = 50 * 1024 * 1024;
const FETCH_TIMEOUT_MS = 60_000; // observed ~60 s on the platform (UNVERIFIED, reference §3.1)
// Quotas table, https://developers.google.com/apps-script/guides/services/quotas : "URL Fetch headers 100 / call",
// "URL Fetch header size 8 KB / call", "URL Fetch POST size 50 MB / call", "URL Fetch calls 20,000 / day"
// (consumer accounts; Workspace 100,000 — the stricter consumer figure is used). "Quotas ... reset 24 hours after
// the first request." The daily-quota text is the platform's well-known one; the other texts are chosen (UNVERIFIED).
/** Request header carrying the emulator's clock (ms) to test servers; not the script's, not counted. */
export const CLOCK_HEADER = 'x-emulator-time';
/** Response header by which a test server declares how long its answer took (ms, simulated). */
export const LATENCY_HEADER = 'x-simulated-latency-ms';
const HEADERS_MAX = 100;
const HEADERS_BYTES_MAX = 8 * 1024;
const PAYLOAD_MAX = 50 * 1024 * 1024;
const DAILY_CALLS_MAX = 20_000;
const DAY_MS = 24 * 3_600_000;
export const URL_FETCH_ERRORS = {
  daily: 'Service invoked too many times for one day: urlfetch.',
  headers: 'Limit Exceeded: URLFetch headers.',
  headerSize: 'Limit Exceeded: URLFetch header size.',
  payload: 'Limit Exceeded: URLFetch POST size.',
};

/** True when `url` matches a urlFetchWhitelist prefix (https only, leading "*." wildcard for subdomains). */
export function matchesWhitelist(url: string, prefixes: string[]): boolean {
  return prefixes.some((prefix) => {
    const wild = /^https:\/\/\*\.(.+)$/.exec(prefix);
    if (!wild)
      return (
        url === prefix ||
        (url.startsWith(prefix) && (prefix.endsWith('/') || /^[/?#]/.test(url.slice(prefix.length))))
      );
    const m = /^https:\/\/([^/?#]+)(.*)$/.exec(url);
    if (!m) return false;
    const slash = wild[1].indexOf('/');
    const domain = slash < 0 ? wild[1] : wild[1].slice(0, slash);
    const rest = slash < 0 ? '' : wild[1].slice(slash);
    if (!m[1].endsWith(`.${domain}`)) return false;
    return (
      m[2] === rest ||
      (m[2].startsWith(rest) && (rest.endsWith('/') || /^[/?#]/.test(m[2].slice(rest.length))))
    );
  });
}

interface ResponseState {
  status: number;
  headers: Record<string, string[]>;
  body: Buffer;
}

/** Builds UrlFetchApp for an execution. */
export function urlFetchService(
  core: EmulatorCore,
  exec: Exec,
  newBlob: (st: BlobState) => unknown,
): Record<string, unknown> {
  const R = exec.realm;
  type RS = WithState<ResponseState>;
  const responseMethods = {
    getResponseCode(this: RS): number {
      return this[STATE].status;
    },
    getContentText(this: RS, charset?: unknown): string {
      return this[STATE].body.toString(encodingOf(charset));
    },
    getContent(this: RS): number[] {
      const b = this[STATE].body;
      return R.Array.from(new Int8Array(b.buffer, b.byteOffset, b.length));
    },
    getBlob(this: RS): unknown {
      const ct = this[STATE].headers['content-type']?.[0] ?? null;
      return newBlob({ bytes: Buffer.from(this[STATE].body), contentType: ct, name: null });
    },
    getAs(this: RS, contentType: unknown): unknown {
      return newBlob({ bytes: Buffer.from(this[STATE].body), contentType: String(contentType), name: null });
    },
    getHeaders(this: RS): Record<string, string> {
      const o = new R.Object() as Record<string, string>;
      for (const [k, v] of Object.entries(this[STATE].headers)) o[k] = v[v.length - 1];
      return o;
    },
    getAllHeaders(this: RS): Record<string, unknown> {
      const o = new R.Object() as Record<string, unknown>;
      for (const [k, v] of Object.entries(this[STATE].headers))
        o[k] = v.length === 1 ? v[0] : R.Array.from(v);
      return o;
    },
  };
  const makeResponse = classFactory<ResponseState, typeof responseMethods>(exec, responseMethods, 'none');

  const access = (method: string): void => {
    // Needs authorization: refused in simple triggers / NONE; custom functions may fetch (documented).
    if (exec.authMode === 'NONE' || exec.authMode === 'LIMITED') {
      throw permissionError(`UrlFetchApp.${method}`, [SCOPES.externalRequest]);
    }
    core.requireScope(`UrlFetchApp.${method}`, [SCOPES.externalRequest]);
  };

  const doFetch = (urlArg: unknown, paramsArg: unknown): unknown => {
    const url = String(urlArg);
    if (url.length > URL_MAX) throw new AppsError('Limit Exceeded: URLFetch URL Length.');
    if (!/^https?:\/\/[^/?#\s]+/i.test(url)) throw new AppsError(`Invalid argument: ${url}`);
    const wl = core.manifest.urlFetchWhitelist;
    const loopback = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//i.test(url);
    if (
      core.options.enforceUrlWhitelist &&
      wl &&
      !matchesWhitelist(url, wl) &&
      !(loopback && core.options.allowLoopback)
    ) {
      // "If present, any URL endpoint fetched must match a prefix in this list":
      // https://developers.google.com/apps-script/manifest — the text as reported by users of a bound script
      // (diegomanuel/binance-to-google-sheets issue 82; Google does not document it).
      throw new AppsError(
        `Request to ${url} failed because the URL has not been whitelisted in the script manifest.`,
      );
    }
    const params = (typeof paramsArg === 'object' && paramsArg !== null ? paramsArg : {}) as Record<
      string,
      unknown
    >;
    const method = String(params.method ?? 'get').toUpperCase();
    const headers: Record<string, string> = {};
    if (typeof params.headers === 'object' && params.headers !== null) {
      for (const [k, v] of Object.entries(params.headers)) headers[k] = String(v);
    }
    let body: Buffer | string | undefined;
    const payload = params.payload;
    if (payload !== undefined && payload !== null && method !== 'GET') {
      const blob = blobStateOf(payload);
      if (typeof payload === 'string') body = payload;
      else if (blob) {
        body = blob.bytes;
        if (blob.contentType && !params.contentType) headers['Content-Type'] = blob.contentType;
      } else if (Array.isArray(payload)) body = bytesOf(payload);
      else if (typeof payload === 'object') {
        body = Object.entries(payload)
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
          .join('&');
      } else body = String(payload);
      if (params.contentType) headers['Content-Type'] = String(params.contentType);
      else if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
        headers['Content-Type'] = 'application/x-www-form-urlencoded';
      }
    }
    const headerNames = Object.keys(headers);
    if (headerNames.length > HEADERS_MAX) throw new AppsError(URL_FETCH_ERRORS.headers);
    let headerBytes = 0;
    for (const h of headerNames) headerBytes += Buffer.byteLength(`${h}: ${headers[h]}`, 'utf8');
    if (headerBytes > HEADERS_BYTES_MAX) throw new AppsError(URL_FETCH_ERRORS.headerSize);
    if (body !== undefined && Buffer.byteLength(body) > PAYLOAD_MAX)
      throw new AppsError(URL_FETCH_ERRORS.payload);
    const quota = core.urlFetchQuota;
    if (quota.windowStart === null || core.clock - quota.windowStart >= DAY_MS) {
      quota.windowStart = core.clock;
      quota.calls = 0;
    }
    if (quota.calls >= DAILY_CALLS_MAX) throw new AppsError(URL_FETCH_ERRORS.daily);
    quota.calls++;
    core.fetchLog.push({ url, method });
    exec.rec.urlFetchCalls++;
    let res: SyncResponse;
    const started = performance.now();
    try {
      res = syncHttp(url, {
        method,
        // The emulator's clock travels with the request, so a test server can keep time with the script.
        headers: { ...headers, [CLOCK_HEADER]: String(core.clock) },
        body,
        followRedirects: params.followRedirects !== false,
        timeoutMs: FETCH_TIMEOUT_MS,
      });
    } catch (e) {
      core.clock += performance.now() - started;
      const code = e instanceof SyncHttpError ? e.code : '';
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') throw new AppsError(`DNS error: ${url}`);
      if (code === 'ETIMEDOUT') throw new AppsError(`Timeout: ${url}`); // chosen text
      throw new AppsError(`Address unavailable: ${url}`);
    }
    // On the platform a fetch takes time like anything else: the clock moves on by what it took, or by the
    // latency a test server declares for its answer (simulated, so a slow answer costs no real time).
    const took = performance.now() - started;
    const declared = Number(res.headers[LATENCY_HEADER]?.[0] ?? 0);
    delete res.headers[LATENCY_HEADER];
    core.clock += took;
    if (declared > took) {
      const extra = declared - took;
      core.clock += extra;
      exec.virtualMs += extra;
      exec.rec.serviceMs += extra;
    }
    const bytes = res.body;
    if (bytes.length > RESPONSE_MAX)
      throw new AppsError('Exceeded maximum response size of 50 MB for URL fetch.'); // chosen
    const state: ResponseState = { status: res.status, headers: res.headers, body: bytes };
    if (res.status >= 400 && params.muteHttpExceptions !== true) {
      const text = bytes.toString('utf8');
      const shown = text.length > 100 ? `${text.slice(0, 100)}...` : text;
      // Observed platform messages often show only the origin; the full URL is the stricter reading (spec).
      throw new AppsError(
        `Request failed for ${url} returned code ${res.status}. Truncated server response: ${shown} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return makeResponse(state);
  };

  const methods = {
    fetch(url: unknown, params?: unknown): unknown {
      access('fetch');
      return doFetch(url, params);
    },
    fetchAll(requests: unknown): unknown[] {
      access('fetchAll');
      if (!Array.isArray(requests)) throw new AppsError('Invalid argument: requests');
      const out = new R.Array<unknown>();
      for (const r of requests) {
        if (typeof r === 'string') out.push(doFetch(r, undefined));
        else out.push(doFetch((r as { url?: unknown }).url, r));
      }
      return out;
    },
    getRequest(url: unknown, params?: unknown): unknown {
      const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
      const o = new R.Object() as Record<string, unknown>;
      o.url = String(url);
      o.method = String(p.method ?? 'get');
      o.headers = p.headers ?? new R.Object();
      o.payload = p.payload ?? '';
      o.contentType = p.contentType ?? null;
      o.followRedirects = p.followRedirects ?? true;
      o.muteHttpExceptions = p.muteHttpExceptions ?? false;
      return o;
    },
  };
  return classFactory<null, typeof methods>(exec, methods, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}
