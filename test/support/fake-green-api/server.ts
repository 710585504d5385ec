/**
 * The fake GREEN-API server program. It runs in its own process (the launcher in index.ts bundles this file with
 * esbuild and spawns `node`), because the emulator's UrlFetchApp is synchronous and blocks the test process.
 * It serves `getContacts` and `getStateInstance` as documented, is steered through `/__control/*` endpoints,
 * logs every API request, prints `LISTENING <port>` once ready and exits when its stdin closes or on SIGTERM.
 */
import * as http from 'node:http';
import {
  type Contact,
  churnContacts,
  generateContacts,
  generateParticipants,
  SAMPLE_CONTACTS,
} from './sample-contacts';
import type {
  ContactsSource,
  FakeConfig,
  FakeRequest,
  GroupSpec,
  InstanceConfig,
  ScriptedResponse,
} from './types';

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const NOT_AUTHORIZED_TEXT = 'instance is starting or not authorized';
const KNOWN_METHODS: Record<string, string> = {
  getcontacts: 'getContacts',
  getstateinstance: 'getStateInstance',
  getgroupdata: 'getGroupData',
  checkwhatsapp: 'checkWhatsapp',
};
/** The HTTP method each API method takes (GREEN-API's docs): getGroupData is a POST with a JSON body. */
const HTTP_METHOD: Record<string, string> = {
  getContacts: 'GET',
  getStateInstance: 'GET',
  getGroupData: 'POST',
  checkWhatsapp: 'POST',
};
/** Request header carrying the emulator's clock; the server keeps time by it when present. */
const CLOCK_HEADER = 'x-emulator-time';
const LATENCY_HEADER = 'x-simulated-latency-ms';
const MAX_LOG = 100000;

type Answer = ScriptedResponse;

interface Instance {
  cfg: InstanceConfig;
  script: ScriptedResponse[];
  stateScript: ScriptedResponse[];
  groupScript: ScriptedResponse[];
  checkScript: ScriptedResponse[];
  /** Answered calls per UTC month and API method (`yyyy-MM|method`), for the monthly quota. */
  used: Map<string, number>;
  emptyLeft: number;
  /** JSON bodies by query key ('' = full list), built lazily. */
  bodies: Map<string, string>;
  list: ReadonlyArray<Contact | Record<string, unknown>> | null;
  /** Arrival times of accepted requests, by limiter key. */
  hits: Map<string, number[]>;
}

let baseline: FakeConfig = {};
let instances = new Map<string, Instance>();
let log: FakeRequest[] = [];

/** Generated lists are expensive to stringify; keep the last few full-list JSON strings across configs. */
const generatedCache = new Map<string, { list: Contact[]; json: string }>();

function text(status: number, body: string): Answer {
  return { status, body, contentType: TEXT };
}

function json(status: number, value: unknown): Answer {
  return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkScript(v: unknown, where: string): ScriptedResponse[] {
  if (!Array.isArray(v)) throw new Error(`${where} must be an array`);
  return v.map((item, i) => {
    if (!isObject(item)) throw new Error(`${where}[${i}] must be an object`);
    const status = item.status;
    if (
      !item.drop &&
      (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 999)
    ) {
      throw new Error(`${where}[${i}].status must be an integer 100..999`);
    }
    if (typeof item.body !== 'string' && !item.drop) throw new Error(`${where}[${i}].body must be a string`);
    return { ...(item as unknown as ScriptedResponse) };
  });
}

function checkNumber(v: unknown, where: string): void {
  if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) {
    throw new Error(`${where} must be a non-negative number`);
  }
}

function checkContacts(v: unknown, where: string): void {
  if (v === undefined || Array.isArray(v)) return;
  if (isObject(v) && typeof v.generate === 'number' && v.generate >= 0) {
    checkNumber(v.seed, `${where}.seed`);
    checkNumber(v.churn, `${where}.churn`);
    return;
  }
  throw new Error(`${where} must be an array or { generate: number, seed?: number, churn?: number }`);
}

/** Validates a config patch and applies it to `target` (all-or-nothing). */
function applyConfig(target: Map<string, Instance>, patch: unknown): void {
  if (!isObject(patch)) throw new Error('config must be a JSON object');
  const insts = patch.instances;
  if (insts === undefined) return;
  if (!isObject(insts)) throw new Error('config.instances must be an object');
  const next = new Map<string, Instance>();
  for (const [id, p] of Object.entries(insts)) {
    if (p === null) continue;
    const where = `instances.${id}`;
    if (!isObject(p)) throw new Error(`${where} must be an object or null`);
    const old = target.get(id);
    const cfg = { ...(old?.cfg ?? {}), ...p } as InstanceConfig;
    if (typeof cfg.token !== 'string') throw new Error(`${where}.token must be a string`);
    if (cfg.state !== undefined && typeof cfg.state !== 'string')
      throw new Error(`${where}.state must be a string`);
    checkContacts(cfg.contacts, `${where}.contacts`);
    checkNumber(cfg.emptyResponses, `${where}.emptyResponses`);
    checkNumber(cfg.rateLimitPerSecond, `${where}.rateLimitPerSecond`);
    checkNumber(cfg.delayMs, `${where}.delayMs`);
    if (
      cfg.rateLimitScope !== undefined &&
      cfg.rateLimitScope !== 'method' &&
      cfg.rateLimitScope !== 'instance'
    ) {
      throw new Error(`${where}.rateLimitScope must be 'method' or 'instance'`);
    }
    const script = 'script' in p ? checkScript(p.script ?? [], `${where}.script`) : (old?.script ?? []);
    const stateScript =
      'stateScript' in p
        ? checkScript(p.stateScript ?? [], `${where}.stateScript`)
        : (old?.stateScript ?? []);
    const groupScript =
      'groupScript' in p
        ? checkScript(p.groupScript ?? [], `${where}.groupScript`)
        : (old?.groupScript ?? []);
    const checks =
      'checkScript' in p
        ? checkScript(p.checkScript ?? [], `${where}.checkScript`)
        : (old?.checkScript ?? []);
    if (cfg.whatsappNumbers !== undefined && !Array.isArray(cfg.whatsappNumbers))
      throw new Error(`${where}.whatsappNumbers must be an array`);
    if (cfg.groups !== undefined && !isObject(cfg.groups))
      throw new Error(`${where}.groups must be an object`);
    if (cfg.leftGroups !== undefined && !Array.isArray(cfg.leftGroups))
      throw new Error(`${where}.leftGroups must be an array`);
    if (cfg.quota !== undefined && !isObject(cfg.quota)) throw new Error(`${where}.quota must be an object`);
    const contactsChanged = !old || 'contacts' in p;
    next.set(id, {
      cfg,
      script,
      stateScript,
      groupScript,
      checkScript: checks,
      used: 'quota' in p ? new Map() : (old?.used ?? new Map()),
      emptyLeft: 'emptyResponses' in p || !old ? Math.floor(cfg.emptyResponses ?? 0) : old.emptyLeft,
      bodies: contactsChanged ? new Map() : old.bodies,
      list: contactsChanged ? null : old.list,
      hits: old?.hits ?? new Map(),
    });
  }
  for (const [id, p] of Object.entries(insts)) {
    if (p === null) target.delete(id);
  }
  for (const [id, inst] of next) target.set(id, inst);
}

function contactsOf(inst: Instance): {
  list: ReadonlyArray<Contact | Record<string, unknown>>;
  json?: string;
} {
  const src: ContactsSource = inst.cfg.contacts ?? SAMPLE_CONTACTS;
  if (Array.isArray(src)) {
    inst.list ??= src;
    return { list: inst.list };
  }
  const { generate, seed = 1, churn = 0 } = src as { generate: number; seed?: number; churn?: number };
  const key = `${generate}:${seed}:${churn}`;
  let hit = generatedCache.get(key);
  if (!hit) {
    const base = generateContacts(generate, seed);
    const list = churn > 0 ? churnContacts(base, churn, seed) : base;
    hit = { list, json: JSON.stringify(list) };
    if (generatedCache.size >= 4) generatedCache.delete(generatedCache.keys().next().value as string);
    generatedCache.set(key, hit);
  }
  inst.list = hit.list;
  return hit;
}

/** The getContacts body for the `group`/`count` query (documented filters; invalid values are ignored). */
function contactsBody(inst: Instance, query: URLSearchParams): string {
  const g = query.get('group');
  const group = g === 'true' ? true : g === 'false' ? false : undefined;
  const c = Number(query.get('count'));
  const count = query.has('count') && Number.isInteger(c) && c > 0 ? c : undefined;
  const key = `${group ?? ''}|${count ?? ''}`;
  const cached = inst.bodies.get(key);
  if (cached !== undefined) return cached;
  const { list, json: full } = contactsOf(inst);
  let body: string;
  if (group === undefined && count === undefined) {
    body = full ?? JSON.stringify(list);
  } else {
    let items = group === undefined ? list : list.filter((x) => (x.type === 'group') === group);
    if (count !== undefined) items = items.slice(0, count);
    body = JSON.stringify(items);
  }
  if (inst.bodies.size > 32) inst.bodies.clear();
  inst.bodies.set(key, body);
  return body;
}

function rateLimited(inst: Instance, id: string, apiMethod: string, now: number): boolean {
  const limit = inst.cfg.rateLimits?.[apiMethod] ?? inst.cfg.rateLimitPerSecond ?? 0;
  if (!(limit > 0)) return false;
  const key = inst.cfg.rateLimitScope === 'instance' ? id : `${id}|${apiMethod}`;
  const recent = (inst.hits.get(key) ?? []).filter((t) => now - t < 1000);
  inst.hits.set(key, recent);
  if (recent.length >= limit) return true;
  recent.push(now);
  return false;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Routes one API request to an answer; `entry` gets idInstance/apiMethod filled in. */
function answerApi(method: string, rawPath: string, query: URLSearchParams, entry: FakeRequest): Answer {
  const m = /^\/waInstance([^/]*)\/([^/]+)\/([^/]*)\/?$/.exec(rawPath);
  if (!m) return text(404, 'Not Found');
  const id = safeDecode(m[1] ?? '');
  const rawMethod = safeDecode(m[2] ?? '');
  const token = safeDecode(m[3] ?? '');
  const apiMethod = KNOWN_METHODS[rawMethod.toLowerCase()];
  entry.idInstance = id;
  entry.apiMethod = apiMethod ?? rawMethod;
  if (method === 'OPTIONS') return { status: 204, body: '' };
  const inst = instances.get(id);
  if (!inst) return text(403, 'Forbidden');
  if (token !== inst.cfg.token) return text(401, 'Unauthorized');
  if (!apiMethod || method !== HTTP_METHOD[apiMethod]) return text(404, 'Not Found');
  if (rateLimited(inst, id, apiMethod, entry.at)) return text(429, 'Too Many Requests');
  const limit = inst.cfg.quota?.[apiMethod];
  const counter = `${new Date(entry.at).toISOString().slice(0, 7)}|${apiMethod}`;
  if (limit !== undefined && (inst.used.get(counter) ?? 0) >= limit)
    return quotaAnswer(apiMethod, limit, inst.cfg.quotaAsText === true);
  inst.used.set(counter, (inst.used.get(counter) ?? 0) + 1);
  if (apiMethod === 'getStateInstance') {
    const scripted = inst.stateScript.shift();
    if (scripted) return scripted;
    return json(200, { stateInstance: inst.cfg.state ?? 'authorized' });
  }
  if (apiMethod === 'getGroupData') return groupAnswer(inst, entry.body);
  if (apiMethod === 'checkWhatsapp') return checkAnswer(inst, entry.body);
  const scripted = inst.script.shift();
  if (scripted) return scripted;
  const state = inst.cfg.state ?? 'authorized';
  if (state === 'notAuthorized' || state === 'starting') return text(400, NOT_AUTHORIZED_TEXT);
  if (inst.emptyLeft > 0) {
    inst.emptyLeft--;
    return { status: 200, body: '[]', contentType: JSON_TYPE };
  }
  return { status: 200, body: contactsBody(inst, query), contentType: JSON_TYPE };
}

/** 466 as GREEN-API's documented example body, the method name lower-case. */
function quotaAnswer(apiMethod: string, total: number, asText: boolean): Answer {
  return json(466, {
    invokeStatus: {
      method: apiMethod.toLowerCase(),
      used: asText ? String(total) : total,
      total: asText ? String(total) : total,
      status: 'QUOTE_EXCEEDED',
      description:
        'Monthly quota has been exceeded. Please go to your personal account and change the tariff to business https://console.green-api.com',
    },
  });
}

/** The getGroupData answer for the JSON body `{"groupId": "…@g.us"}`. */
function groupAnswer(inst: Instance, body: unknown): Answer {
  const scripted = inst.groupScript.shift();
  if (scripted) return scripted;
  const state = inst.cfg.state ?? 'authorized';
  if (state === 'notAuthorized' || state === 'starting') return text(400, NOT_AUTHORIZED_TEXT);
  const groupId = isObject(body) && typeof body.groupId === 'string' ? body.groupId : '';
  if (!/@g\.us$/.test(groupId)) return json(400, { message: 'bad request data' });
  const left = { groupId: '', owner: '', subject: '', creation: 0, participants: [] };
  if (inst.cfg.leftGroups?.includes(groupId)) return json(200, left);
  const spec = groupSpec(inst, groupId);
  if (!spec) return json(200, left);
  return json(200, {
    groupId,
    owner: spec.owner ?? spec.participants.find((p) => p.isSuperAdmin)?.id ?? '',
    subject: spec.subject ?? '',
    creation: 1587570015,
    participants: spec.participants.map((p) => ({
      id: p.id,
      isAdmin: Boolean(p.isAdmin || p.isSuperAdmin),
      isSuperAdmin: Boolean(p.isSuperAdmin),
    })),
    subjectTime: 1587737715,
    subjectOwner: '',
    groupInviteLink: '',
  });
}

/**
 * The checkWhatsapp answer for either documented body (https://green-api.com/en/docs/api/service/CheckWhatsapp/,
 * https://green-api.com/he/docs/api/service/CheckWhatsapp): the newer `{"chatId": "79001234567"}` (digits or
 * `…@c.us`) answers `existsWhatsapp` and the `chatId`; the older `{"phoneNumber": 79001234567}` (an integer of
 * 11–16 digits) answers `existsWhatsapp` only. Both fields, or neither, is "Validation failed".
 */
function checkAnswer(inst: Instance, body: unknown): Answer {
  const scripted = inst.checkScript.shift();
  if (scripted) return scripted;
  const state = inst.cfg.state ?? 'authorized';
  if (state === 'notAuthorized' || state === 'starting') return text(400, NOT_AUTHORIZED_TEXT);
  const fields = isObject(body) ? body : {};
  const hasChat = 'chatId' in fields;
  if (hasChat === 'phoneNumber' in fields) return json(400, { message: 'Validation failed' });
  let digits: string;
  if (hasChat) {
    const m = typeof fields.chatId === 'string' ? /^(\d+)(@c\.us)?$/.exec(fields.chatId) : null;
    if (!m)
      return json(400, {
        message: "Validation failed. Details: Wrong format. 'chatId' must contain only digits",
      });
    digits = m[1];
  } else {
    if (typeof fields.phoneNumber !== 'number' || !Number.isInteger(fields.phoneNumber))
      return json(400, {
        message: "Validation failed. Details: Wrong format. 'phoneNumber' must contain only digits",
      });
    digits = String(fields.phoneNumber);
  }
  if (digits.length < 11 || digits.length > 16)
    return json(400, { message: 'bad phone number, valid from 11 to 16 digits' });
  const exists = (inst.cfg.whatsappNumbers ?? []).some((n) => n.replace(/\D/g, '') === digits);
  return json(
    200,
    hasChat ? { existsWhatsapp: exists, chatId: `${digits}@c.us` } : { existsWhatsapp: exists },
  );
}

/** A group's spec: listed, or generated for a group the instance's contact list has. */
function groupSpec(inst: Instance, groupId: string): GroupSpec | null {
  const groups = inst.cfg.groups;
  if (!groups) return null;
  if (typeof (groups as { generate?: unknown }).generate === 'number') {
    const { generate, seed = 1 } = groups as { generate: number; seed?: number };
    const group = contactsOf(inst).list.find((c) => c.id === groupId);
    if (!group) return null;
    return {
      subject: typeof group.name === 'string' ? group.name : '',
      participants: generateParticipants(groupId, generate, seed),
    };
  }
  return (groups as Record<string, GroupSpec>)[groupId] ?? null;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function resetState(): void {
  instances = new Map();
  log = [];
  applyConfig(instances, baseline);
}

/** Handles `/__control/*`: config (PUT, merge), baseline (PUT, set + reset), reset, requests (GET/DELETE). */
async function answerControl(req: http.IncomingMessage, path: string): Promise<Answer> {
  const method = req.method ?? 'GET';
  const body = method === 'PUT' || method === 'POST' ? await readBody(req) : '';
  const parse = (): unknown => (body.trim() === '' ? {} : JSON.parse(body));
  try {
    switch (`${method} ${path}`) {
      case 'GET /__control/health':
        return json(200, { ok: true, pid: process.pid });
      case 'PUT /__control/config':
        applyConfig(instances, parse());
        return json(200, { ok: true });
      case 'PUT /__control/baseline': {
        const cfg = parse();
        applyConfig(new Map(), cfg);
        baseline = cfg as FakeConfig;
        resetState();
        return json(200, { ok: true });
      }
      case 'POST /__control/reset':
        resetState();
        return json(200, { ok: true });
      case 'GET /__control/requests':
        return json(200, log);
      case 'DELETE /__control/requests':
        log = [];
        return json(200, { ok: true });
      default:
        return json(404, { error: `unknown control endpoint ${method} ${path}` });
    }
  } catch (e) {
    return json(400, { error: e instanceof Error ? e.message : String(e) });
  }
}

function send(req: http.IncomingMessage, res: http.ServerResponse, a: Answer): void {
  if (a.drop) {
    req.socket.destroy();
    return;
  }
  const headers: Record<string, string | number> = {};
  if (a.contentType) headers['Content-Type'] = a.contentType;
  if (a.simulatedDelayMs) headers[LATENCY_HEADER] = a.simulatedDelayMs;
  headers['Content-Length'] = Buffer.byteLength(a.body ?? '');
  Object.assign(headers, a.headers ?? {});
  res.writeHead(a.status, headers);
  res.end(a.body ?? '');
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
  if (path.startsWith('/__control/')) {
    send(req, res, await answerControl(req, path));
    return;
  }
  const method = req.method ?? 'GET';
  if (method !== 'POST') req.resume();
  const raw = method === 'POST' ? await readBody(req) : '';
  let body: unknown = null;
  try {
    body = raw ? JSON.parse(raw) : null;
  } catch {
    body = null;
  }
  const clock = Number(req.headers[CLOCK_HEADER]);
  const entry: FakeRequest = {
    method,
    path: url,
    idInstance: null,
    apiMethod: null,
    status: 0,
    at: Number.isFinite(clock) && clock > 0 ? clock : Date.now(),
    ...(method === 'POST' ? { body } : {}),
  };
  let a: Answer;
  try {
    a = answerApi(method, path, query, entry);
  } catch (e) {
    a = text(500, `fake-green-api internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
  const inst = entry.idInstance === null ? undefined : instances.get(entry.idInstance);
  const delay = a.delayMs ?? inst?.cfg.delayMs ?? 0;
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
  entry.status = a.drop ? 0 : a.status;
  if (log.length >= MAX_LOG) log.shift();
  log.push(entry);
  send(req, res, a);
}

function main(): void {
  const portArg = Number(process.argv[2] ?? 0);
  applyConfig(instances, baseline);
  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      process.stderr.write(`fake-green-api: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      try {
        if (!res.headersSent) send(req, res, text(500, 'fake-green-api internal error'));
        else res.destroy();
      } catch {
        /* the socket is already gone */
      }
    });
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  process.on('uncaughtException', (e) => process.stderr.write(`fake-green-api uncaught: ${e.stack ?? e}\n`));
  const quit = (): void => {
    server.close();
    process.exit(0);
  };
  process.on('SIGTERM', quit);
  process.on('SIGINT', quit);
  // The launcher keeps our stdin open; when it goes away (test process died), so do we.
  process.stdin.on('end', quit);
  process.stdin.on('error', quit);
  process.stdin.resume();
  server.listen(Number.isInteger(portArg) && portArg > 0 ? portArg : 0, '127.0.0.1', () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : 0;
    process.stdout.write(`LISTENING ${port}\n`);
  });
}

main();
