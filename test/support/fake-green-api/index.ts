/**
 * Launcher and control client for the fake GREEN-API server used by tests. The server must live in another
 * process because the emulator's UrlFetchApp (synchronous HTTP) blocks the test process; this module bundles server.ts
 * with esbuild (once per process), spawns it with node and talks to its `/__control/*` endpoints, both
 * asynchronously (fetch) and synchronously (../sync-http) so scenarios can change between synchronous emulator calls.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { syncHttp } from '../sync-http';
import type { FakeConfig, FakeRequest } from './types';

export type { ErrorBodyOptions } from './responses';
export { responses } from './responses';
export {
  type Contact,
  generateContacts,
  generateParticipants,
  LONG_NAME,
  SAMPLE_CONTACTS,
} from './sample-contacts';
export type {
  ContactsSource,
  FakeConfig,
  FakeRequest,
  GroupSpec,
  GroupsSource,
  InstanceConfig,
  InstanceState,
  ScriptedResponse,
} from './types';

/** idInstance of the instance that exists unless `defaultInstance: false` (the docs' sample id). */
export const DEFAULT_ID_INSTANCE = '1101000001';
/** Token of the default instance (50 lower-case hex characters, like real tokens). */
export const DEFAULT_API_TOKEN = '0123456789abcdef0123456789abcdef0123456789abcdef01';

/** Options of `startFakeGreenApi`. */
export interface StartOptions {
  /** Baseline scenario, merged over the default instance; `reset()` returns to it. */
  config?: FakeConfig;
  /** Create instance DEFAULT_ID_INSTANCE/DEFAULT_API_TOKEN (authorized, SAMPLE_CONTACTS). Default true. */
  defaultInstance?: boolean;
  /** Fixed port; default 0 (any free port). */
  port?: number;
  /** Give up waiting for `LISTENING` after this many ms. Default 15000. */
  startTimeoutMs?: number;
}

/** A running fake server. */
export interface FakeGreenApi {
  /** `http://127.0.0.1:PORT` — use as apiUrl. */
  readonly url: string;
  readonly port: number;
  /** Process id of the server. */
  readonly pid: number;
  /** Full API URL for a method on an instance (defaults: the default instance and token). */
  urlFor(apiMethod: string, opts?: { idInstance?: string; token?: string; query?: string }): string;
  /** Merges `cfg` into the current scenario. */
  configure(cfg: FakeConfig): Promise<void>;
  /** Synchronous `configure` (blocks the calling thread until the server answers). */
  configureSync(cfg: FakeConfig): void;
  /** API requests received so far, oldest first. */
  requests(): Promise<FakeRequest[]>;
  /** Synchronous `requests`. */
  requestsSync(): FakeRequest[];
  /** Empties the request log only. */
  clearRequests(): Promise<void>;
  /** Synchronous `clearRequests`. */
  clearRequestsSync(): void;
  /** Back to the baseline scenario, with an empty log, fresh counters, scripts and rate windows. */
  reset(): Promise<void>;
  /** Synchronous `reset`. */
  resetSync(): void;
  /** Kills the server and waits until it has exited; safe to call twice. */
  stop(): Promise<void>;
  /** The last 10,000 characters the server wrote to stderr (for debugging). */
  stderr(): string;
}

let bundlePath: string | undefined;

/** This folder; when this module is bundled into a script (npm start, npm run bench), found from the project root. */
const HERE = fs.existsSync(path.join(__dirname, 'server.ts'))
  ? __dirname
  : path.resolve(process.cwd(), 'test', 'support', 'fake-green-api');

/**
 * Bundles server.ts once per process and returns the path of the runnable CommonJS file. The file lives in a
 * temp directory named after a hash of the sources, so runs reuse it and nothing piles up; it is written to a
 * unique name and renamed, so parallel Jest workers cannot see a half-written bundle.
 */
export function serverBundle(): string {
  if (bundlePath && fs.existsSync(bundlePath)) return bundlePath;
  const hash = crypto.createHash('sha256');
  for (const f of ['server.ts', 'sample-contacts.ts', 'types.ts'])
    hash.update(fs.readFileSync(path.join(HERE, f)));
  const dir = path.join(os.tmpdir(), `fake-green-api-${hash.digest('hex').slice(0, 16)}`);
  const outfile = path.join(dir, 'server.cjs');
  if (!fs.existsSync(outfile)) {
    fs.mkdirSync(dir, { recursive: true });
    const tmp = path.join(dir, `server.${process.pid}.${Date.now()}.tmp.cjs`);
    buildSync({
      entryPoints: [path.join(HERE, 'server.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile: tmp,
      logLevel: 'silent',
    });
    fs.renameSync(tmp, outfile);
  }
  bundlePath = outfile;
  return outfile;
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const fail = (why: string): void => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`fake GREEN-API server did not start: ${why}${err ? `\nstderr: ${err}` : ''}`));
    };
    const onOut = (c: Buffer): void => {
      out += c.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        cleanup();
        resolve(Number(m[1]));
      }
    };
    const onErr = (c: Buffer): void => {
      err += c.toString();
    };
    const onExit = (code: number | null, signal: string | null): void => fail(`exited (${code ?? signal})`);
    const onError = (e: Error): void => fail(e.message);
    const timer = setTimeout(() => fail(`no LISTENING line within ${timeoutMs} ms`), timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onOut);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    child.stdout?.on('data', onOut);
    child.stderr?.on('data', onErr);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

async function control(base: string, method: string, route: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${base}/__control/${route}`, {
    method,
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`fake GREEN-API ${method} ${route} failed: ${res.status} ${text}`);
  return JSON.parse(text);
}

function controlSync(base: string, method: string, route: string, body?: unknown): unknown {
  const res = syncHttp(`${base}/__control/${route}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    followRedirects: false,
    timeoutMs: 30_000,
  });
  const text = res.body.toString('utf8');
  if (res.status < 200 || res.status >= 300)
    throw new Error(`fake GREEN-API ${method} ${route} failed: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** Starts a fake GREEN-API server in a child process and resolves once it listens and has its baseline. */
export async function startFakeGreenApi(options: StartOptions = {}): Promise<FakeGreenApi> {
  const outfile = serverBundle();
  const child = spawn(process.execPath, [outfile, String(options.port ?? 0)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const port = await waitForPort(child, options.startTimeoutMs ?? 15000);
  const url = `http://127.0.0.1:${port}`;
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-10000);
  });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  // Let a test process that forgets stop() still exit; the server quits when its stdin closes.
  child.unref();
  for (const s of [child.stdin, child.stdout, child.stderr])
    (s as unknown as { unref?: () => void })?.unref?.();

  // Baseline = default instance, then options.config shallow-merged per instance (null removes one).
  const base: NonNullable<FakeConfig['instances']> =
    options.defaultInstance === false
      ? {}
      : { [DEFAULT_ID_INSTANCE]: { token: DEFAULT_API_TOKEN, state: 'authorized' } };
  for (const [id, p] of Object.entries(options.config?.instances ?? {})) {
    base[id] = p === null ? null : { ...(base[id] ?? {}), ...p };
  }
  const baseline: FakeConfig = { instances: base };
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.ref();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await control(url, 'PUT', 'baseline', baseline);
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    url,
    port,
    pid: child.pid ?? -1,
    urlFor(apiMethod, opts = {}) {
      const id = opts.idInstance ?? DEFAULT_ID_INSTANCE;
      const token = opts.token ?? DEFAULT_API_TOKEN;
      const query = opts.query ? `?${opts.query.replace(/^\?/, '')}` : '';
      return `${url}/waInstance${id}/${apiMethod}/${token}${query}`;
    },
    async configure(cfg) {
      await control(url, 'PUT', 'config', cfg);
    },
    configureSync(cfg) {
      controlSync(url, 'PUT', 'config', cfg);
    },
    async requests() {
      return (await control(url, 'GET', 'requests')) as FakeRequest[];
    },
    requestsSync() {
      return controlSync(url, 'GET', 'requests') as FakeRequest[];
    },
    async clearRequests() {
      await control(url, 'DELETE', 'requests');
    },
    clearRequestsSync() {
      controlSync(url, 'DELETE', 'requests');
    },
    async reset() {
      await control(url, 'POST', 'reset');
    },
    resetSync() {
      controlSync(url, 'POST', 'reset');
    },
    stop,
    stderr: () => stderr,
  };
}
