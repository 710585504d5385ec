// UrlFetchApp against a tiny real HTTP server running in a CHILD process (sync HTTP blocks this process's
// event loop, so the server cannot live in the test process): status handling, muteHttpExceptions, error
// texts, unreachable hosts, URL length and the manifest allowlist.

import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { TEST_SCOPES, writeDist } from './fixture';
import { createEmulator } from './index';

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
    const emu = createEmulator({ distDir: dist });
    expect(emu.run('fetchText', `${base}/ok`)).toEqual([200, 'hello', 'text/plain']);
    expect(emu.fetchLog).toEqual([{ url: `${base}/ok`, method: 'GET' }]);
    expect(emu.lastExecution.urlFetchCalls).toBe(1);
    expect(emu.run('fetchText', `${base}/redirect`)).toEqual([200, 'hello', 'text/plain']);
  });

  it('sends payloads with a content type', () => {
    const emu = createEmulator({ distDir: dist });
    const [, text] = emu.run('fetchText', `${base}/echo`, {
      method: 'post',
      payload: '{"a":1}',
      contentType: 'application/json',
    }) as [number, string];
    expect(JSON.parse(text)).toEqual({ method: 'POST', body: '{"a":1}', type: 'application/json' });
  });

  it('throws on status >= 400 with the platform text unless muteHttpExceptions', () => {
    const emu = createEmulator({ distDir: dist });
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
    const emu = createEmulator({ distDir: dist });
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

  it('enforces the manifest urlFetchWhitelist when asked to', () => {
    const manifest = { oauthScopes: TEST_SCOPES, urlFetchWhitelist: ['https://api.example.com/v1/'] };
    const emu = createEmulator({ distDir: writeDist({ manifest }), enforceUrlWhitelist: true });
    expect(emu.run('fetchError', `${base}/ok`)).toMatch(/urlFetchWhitelist/);
    expect(emu.fetchLog).toEqual([]);
  });
});
