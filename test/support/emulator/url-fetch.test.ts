// UrlFetchApp against a tiny real HTTP server running in a CHILD process (sync HTTP blocks this process's
// event loop, so the server cannot live in the test process): status handling, muteHttpExceptions, error
// texts, unreachable hosts, URL length and the manifest allowlist.

import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { EmulatorCore } from './core';
import { TEST_SCOPES, writeDist } from './fixture';
import { createEmulator } from './index';
import { URL_FETCH_ERRORS } from './services/url-fetch';

const SERVER = `
const http = require('node:http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/ok') { res.writeHead(200, { 'Content-Type': 'text/plain' }); res.end('hello'); }
    else if (req.url === '/echo') { res.writeHead(200, { 'Content-Type': 'application/json' }); res.end(JSON.stringify({ method: req.method, body, type: req.headers['content-type'] || '' })); }
    else if (req.url === '/redirect') { res.writeHead(302, { Location: '/ok' }); res.end(); }
    else { res.writeHead(404, { 'Content-Type': 'text/plain' }); res.end('x'.repeat(150)); }
  });
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

let child: ChildProcess;
let base = '';
let closedPort = 0;

beforeAll(async () => {
  child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) =>
    child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  base = `http://127.0.0.1:${port}`;
  closedPort = await new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
});

afterAll(() => {
  child?.kill();
});

describe('UrlFetchApp', () => {
  const dist = writeDist();

  it('fetches synchronously, logs the request and counts it', () => {
    const emu = createEmulator({ distDir: dist, allowLoopback: true });
    expect(emu.run('fetchText', `${base}/ok`)).toEqual([200, 'hello', 'text/plain']);
    expect(emu.fetchLog).toEqual([{ url: `${base}/ok`, method: 'GET' }]);
    expect(emu.lastExecution.urlFetchCalls).toBe(1);
    expect(emu.run('fetchText', `${base}/redirect`)).toEqual([200, 'hello', 'text/plain']);
  });

  it('sends payloads with a content type', () => {
    const emu = createEmulator({ distDir: dist, allowLoopback: true });
    const [, text] = emu.run('fetchText', `${base}/echo`, {
      method: 'post',
      payload: '{"a":1}',
      contentType: 'application/json',
    }) as [number, string];
    expect(JSON.parse(text)).toEqual({ method: 'POST', body: '{"a":1}', type: 'application/json' });
  });

  it('throws on status >= 400 with the platform text unless muteHttpExceptions', () => {
    const emu = createEmulator({ distDir: dist, allowLoopback: true });
    expect(emu.run('fetchError', `${base}/missing`)).toBe(
      `Request failed for ${base}/missing returned code 404. Truncated server response: ${'x'.repeat(100)}... (use muteHttpExceptions option to examine full response)`,
    );
    const [code, text] = emu.run('fetchText', `${base}/missing`, { muteHttpExceptions: true }) as [
      number,
      string,
    ];
    expect(code).toBe(404);
    expect(text).toHaveLength(150);
  });

  it('always throws for unreachable hosts, naming the URL', () => {
    const emu = createEmulator({ distDir: dist, allowLoopback: true });
    expect(emu.run('fetchError', `http://127.0.0.1:${closedPort}/x`)).toBe(
      `Address unavailable: http://127.0.0.1:${closedPort}/x`,
    );
    expect(emu.run('fetchError', `http://127.0.0.1:${closedPort}/x?${'q'.repeat(2100)}`)).toBe(
      'Limit Exceeded: URLFetch URL Length.',
    );
  });

  it('works inside custom functions but not in simple triggers', () => {
    const bundle = `function F(u) { return UrlFetchApp.fetch(u).getContentText(); } function onOpen() { UrlFetchApp.fetch('${base}/ok'); }`;
    const emu = createEmulator({ distDir: writeDist({ bundle }) });
    emu.setFormula('Sheet1', 'A1', `=F("${base}/ok")`);
    expect(emu.cell('Sheet1', 'A1').value).toBe('hello');
    expect(() => emu.runOnOpen('LIMITED')).toThrow(/You do not have permission to call UrlFetchApp.fetch/);
  });

  // https://developers.google.com/apps-script/guides/services/quotas (headers 100 / call, 8 KB / call).
  it('refuses more than 100 headers or 8 KB of headers per call, before sending anything', () => {
    const bundle = `function fetchError2(u, o) { try { return UrlFetchApp.fetch(u, o).getContentText(); } catch (e) { return e.message; } }`;
    const emu = createEmulator({ distDir: writeDist({ bundle }) });
    const many: Record<string, string> = {};
    for (let i = 0; i < 101; i++) many[`X-H${i}`] = 'v';
    expect(emu.run('fetchError2', `${base}/ok`, { headers: many })).toBe(URL_FETCH_ERRORS.headers);
    expect(emu.run('fetchError2', `${base}/ok`, { headers: { 'X-Big': 'v'.repeat(8 * 1024) } })).toBe(
      URL_FETCH_ERRORS.headerSize,
    );
    expect(emu.fetchLog).toEqual([]);
    expect(emu.run('fetchError2', `${base}/ok`, { headers: { 'X-Ok': 'v'.repeat(1000) } })).toBe('hello');
  });

  // https://developers.google.com/apps-script/guides/services/quotas — URL Fetch calls 20,000 / day (consumer),
  // reset 24 hours after the first request.
  it('enforces the daily UrlFetch quota on the virtual clock', () => {
    const core = new EmulatorCore({ distDir: dist });
    core.run('fetchText', [`${base}/ok`]);
    core.urlFetchQuota.calls = 20_000;
    expect(() => core.run('fetchText', [`${base}/ok`])).toThrow(
      'Service invoked too many times for one day: urlfetch.',
    );
    expect(core.fetchLog).toHaveLength(1);
    core.advanceTime(24 * 3_600_000);
    expect(core.run('fetchText', [`${base}/ok`])).toEqual([200, 'hello', 'text/plain']);
  });

  it('refuses a URL outside the manifest urlFetchWhitelist, as the platform does', () => {
    const manifest = { oauthScopes: TEST_SCOPES, urlFetchWhitelist: ['https://api.example.com/v1/'] };
    const emu = createEmulator({ distDir: writeDist({ manifest }) });
    expect(emu.run('fetchError', `${base}/ok`)).toBe(
      `Request to ${base}/ok failed because the URL has not been whitelisted in the script manifest.`,
    );
    expect(emu.fetchLog).toEqual([]);
  });

  it('lets the test harness reach its own loopback servers past the allowlist', () => {
    const manifest = { oauthScopes: TEST_SCOPES, urlFetchWhitelist: ['https://api.example.com/v1/'] };
    const emu = createEmulator({ distDir: writeDist({ manifest }), allowLoopback: true });
    expect(emu.run('fetchText', `${base}/ok`)).toEqual([200, 'hello', 'text/plain']);
  });
});
