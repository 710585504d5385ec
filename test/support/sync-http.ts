/**
 * Synchronous HTTP for the emulator's UrlFetchApp and the fake server's control calls. Apps Script's
 * UrlFetchApp.fetch blocks; Node has no blocking HTTP client, so one worker thread does the request and the
 * calling thread waits on a shared Atomics flag, then takes the answer with receiveMessageOnPort. One
 * long-lived worker serves every call (about a millisecond each on loopback), where spawning a process per
 * request (sync-fetch) costs hundreds. The server must not run on the calling thread, which is blocked.
 */
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';

/** A request: method, headers, optional body, redirects followed or not, timeout. */
export interface SyncRequest {
  method: string;
  headers: Record<string, string>;
  body?: Buffer | string;
  followRedirects: boolean;
  timeoutMs: number;
}

/** An answer; `headers` keep every value of repeated headers. */
export interface SyncResponse {
  status: number;
  url: string;
  headers: Record<string, string[]>;
  body: Buffer;
}

/** Thrown when no answer came: `code` is the Node error code (ECONNREFUSED, ENOTFOUND, ETIMEDOUT, …). */
export class SyncHttpError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SyncHttpError';
    this.code = code;
  }
}

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const http = require('node:http');
const https = require('node:https');
const port = workerData.port;
function once(url, req, hops, done) {
  let target;
  try { target = new URL(url); } catch (e) { return done({ error: 'EINVALIDURL', message: String(e && e.message) }); }
  const lib = target.protocol === 'https:' ? https : target.protocol === 'http:' ? http : null;
  if (!lib) return done({ error: 'EPROTO', message: 'unsupported protocol ' + target.protocol });
  const r = lib.request(target, { method: req.method, headers: req.headers, agent: false }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('error', (e) => done({ error: e.code || 'ERESPONSE', message: e.message }));
    res.on('end', () => {
      const loc = res.headers.location;
      if (req.followRedirects && loc && [301, 302, 303, 307, 308].includes(res.statusCode) && hops < 10) {
        const next = new URL(loc, target).toString();
        const again = res.statusCode === 303 ? { ...req, method: 'GET', body: undefined } : req;
        return once(next, again, hops + 1, done);
      }
      const headers = {};
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const k = res.rawHeaders[i];
        (headers[k.toLowerCase()] = headers[k.toLowerCase()] || []).push(res.rawHeaders[i + 1]);
      }
      const body = Buffer.concat(chunks);
      done({ status: res.statusCode, url, headers, body: new Uint8Array(body.buffer, body.byteOffset, body.length) });
    });
  });
  r.setTimeout(req.timeoutMs, () => r.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
  r.on('error', (e) => done({ error: e.code || 'ENETWORK', message: e.message }));
  if (req.body !== undefined) r.write(req.body);
  r.end();
}
port.on('message', ({ url, req, signal }) => {
  once(url, req, 0, (answer) => {
    port.postMessage(answer);
    Atomics.store(signal, 0, 1);
    Atomics.notify(signal, 0);
  });
});
`;

let channel: { worker: Worker; port: MessagePort } | null = null;

function connect(): { worker: Worker; port: MessagePort } {
  if (!channel) {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { port: port2 },
      transferList: [port2],
    });
    worker.unref();
    port1.unref();
    channel = { worker, port: port1 };
  }
  return channel;
}

/** Performs one HTTP request and blocks until the answer (or a network failure) arrives. */
export function syncHttp(url: string, req: SyncRequest): SyncResponse {
  const { port } = connect();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const body = typeof req.body === 'string' ? Buffer.from(req.body) : req.body;
  port.postMessage({ url, req: { ...req, body }, signal });
  if (Atomics.wait(signal, 0, 0, req.timeoutMs + 5_000) === 'timed-out') {
    throw new SyncHttpError('ETIMEDOUT', `no answer from ${url}`);
  }
  const received = receiveMessageOnPort(port);
  if (!received) throw new SyncHttpError('ENOANSWER', 'the HTTP worker sent nothing');
  const answer = received.message as
    | { error: string; message: string }
    | { status: number; url: string; headers: Record<string, string[]>; body: Uint8Array };
  if ('error' in answer) throw new SyncHttpError(answer.error, answer.message);
  return { status: answer.status, url: answer.url, headers: answer.headers, body: Buffer.from(answer.body) };
}
