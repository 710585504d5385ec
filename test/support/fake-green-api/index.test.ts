/**
 * Tests of the fake GREEN-API server itself, through real HTTP against the child process: routing and auth
 * errors, documented filters, scenario knobs (state, sync window, scripts, rate limit, latency), presets, the
 * request log, synchronous control, large generated lists and robustness against bad input.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { syncHttp } from '../sync-http';

const getSync = (url: string) =>
  syncHttp(url, { method: 'GET', headers: {}, followRedirects: true, timeoutMs: 10_000 });

import {
  type Contact,
  DEFAULT_API_TOKEN,
  DEFAULT_ID_INSTANCE,
  type FakeGreenApi,
  generateContacts,
  LONG_NAME,
  responses,
  SAMPLE_CONTACTS,
  startFakeGreenApi,
} from './index';

let fake: FakeGreenApi;
const OTHER_ID = '7105187566';
const OTHER_TOKEN = 'b'.repeat(50);

beforeAll(async () => {
  fake = await startFakeGreenApi({ config: { instances: { [OTHER_ID]: { token: OTHER_TOKEN } } } });
});
afterAll(async () => {
  await fake?.stop();
});
beforeEach(async () => {
  await fake.reset();
});

async function get(
  url: string,
  init?: RequestInit,
): Promise<{ status: number; body: string; type: string | null }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.text(), type: res.headers.get('content-type') };
}

describe('routes and auth', () => {
  test('getContacts returns the sample list as JSON and logs the call with its token', async () => {
    const r = await get(fake.urlFor('getContacts'));
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    expect(JSON.parse(r.body)).toEqual(SAMPLE_CONTACTS);
    const log = await fake.requests();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      method: 'GET',
      path: `/waInstance${DEFAULT_ID_INSTANCE}/getContacts/${DEFAULT_API_TOKEN}`,
      idInstance: DEFAULT_ID_INSTANCE,
      apiMethod: 'getContacts',
      status: 200,
    });
    expect(typeof log[0]?.at).toBe('number');
  });

  test('method names are case-insensitive and logged canonically', async () => {
    expect((await get(fake.urlFor('GetContacts'))).status).toBe(200);
    expect((await get(fake.urlFor('GETSTATEINSTANCE'))).status).toBe(200);
    const log = await fake.requests();
    expect(log.map((e) => e.apiMethod)).toEqual(['getContacts', 'getStateInstance']);
    expect(log[0]?.path).toContain('/GetContacts/');
  });

  test('getStateInstance answers the configured state', async () => {
    expect(JSON.parse((await get(fake.urlFor('getStateInstance'))).body)).toEqual({
      stateInstance: 'authorized',
    });
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { state: 'yellowCard' } } });
    expect(JSON.parse((await get(fake.urlFor('getStateInstance'))).body)).toEqual({
      stateInstance: 'yellowCard',
    });
  });

  test('unknown instance 403, wrong token 401, unknown method 404, wrong HTTP method 404, OPTIONS 204', async () => {
    expect(await get(fake.urlFor('getContacts', { idInstance: '1234567890' }))).toMatchObject({
      status: 403,
      body: 'Forbidden',
    });
    expect(await get(fake.urlFor('getContacts', { token: 'wrong' }))).toMatchObject({
      status: 401,
      body: 'Unauthorized',
    });
    expect(await get(fake.urlFor('getContacts', { token: '' }))).toMatchObject({ status: 401 });
    expect(await get(fake.urlFor('getSettings'))).toMatchObject({ status: 404, body: 'Not Found' });
    expect(await get(fake.urlFor('getContacts'), { method: 'POST', body: '{}' })).toMatchObject({
      status: 404,
    });
    expect(await get(fake.urlFor('getContacts'), { method: 'DELETE' })).toMatchObject({ status: 404 });
    expect((await get(fake.urlFor('getContacts'), { method: 'OPTIONS' })).status).toBe(204);
    expect((await get(`${fake.url}/`)).status).toBe(404);
    expect((await get(`${fake.url}/waInstance${DEFAULT_ID_INSTANCE}/getContacts`)).status).toBe(404);
    const statuses = (await fake.requests()).map((e) => e.status);
    expect(statuses).toEqual([403, 401, 401, 404, 404, 404, 204, 404, 404]);
  });

  test('a second instance has its own token', async () => {
    const r = await get(fake.urlFor('getContacts', { idInstance: OTHER_ID, token: OTHER_TOKEN }));
    expect(r.status).toBe(200);
    expect((await get(fake.urlFor('getContacts', { idInstance: OTHER_ID }))).status).toBe(401);
  });

  test('instances can be added and removed', async () => {
    await fake.configure({ instances: { '3100309139': { token: 'x', contacts: [] } } });
    expect((await get(fake.urlFor('getContacts', { idInstance: '3100309139', token: 'x' }))).body).toBe('[]');
    await fake.configure({ instances: { '3100309139': null } });
    expect((await get(fake.urlFor('getContacts', { idInstance: '3100309139', token: 'x' }))).status).toBe(
      403,
    );
  });
});

describe('documented filters', () => {
  const sample = SAMPLE_CONTACTS as Contact[];
  test('group=true / group=false / count', async () => {
    const groups = JSON.parse(
      (await get(fake.urlFor('getContacts', { query: 'group=true' }))).body,
    ) as Contact[];
    expect(groups).toEqual(sample.filter((c) => c.type === 'group'));
    const users = JSON.parse((await get(fake.urlFor('getContacts', { query: 'group=false&count=3' }))).body);
    expect(users).toEqual(sample.filter((c) => c.type === 'user').slice(0, 3));
    const first5 = JSON.parse((await get(fake.urlFor('getContacts', { query: 'count=5' }))).body);
    expect(first5).toEqual(sample.slice(0, 5));
    const more = JSON.parse((await get(fake.urlFor('getContacts', { query: 'count=100000' }))).body);
    expect(more).toHaveLength(sample.length);
  });

  test('invalid filter values are ignored', async () => {
    for (const q of ['count=abc', 'count=-1', 'count=0', 'group=maybe', 'count=1.5']) {
      const r = await get(fake.urlFor('getContacts', { query: q }));
      expect(JSON.parse(r.body)).toHaveLength(sample.length);
    }
  });
});

describe('scenarios', () => {
  test('notAuthorized and starting states: getContacts 400 plain text', async () => {
    for (const state of ['notAuthorized', 'starting'] as const) {
      await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { state } } });
      const r = await get(fake.urlFor('getContacts'));
      expect(r).toMatchObject({ status: 400, body: 'instance is starting or not authorized' });
      expect(r.type).toMatch(/^text\/plain/);
      expect(JSON.parse((await get(fake.urlFor('getStateInstance'))).body)).toEqual({ stateInstance: state });
    }
    for (const state of ['blocked', 'sleepMode', 'yellowCard'] as const) {
      await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { state } } });
      expect((await get(fake.urlFor('getContacts'))).status).toBe(200);
    }
  });

  test('emptyResponses: first N calls answer [] then the list; re-armed by configure', async () => {
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { emptyResponses: 2, contacts: [] } } });
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { contacts: SAMPLE_CONTACTS.slice(0, 1) } } });
    expect((await get(fake.urlFor('getContacts'))).body).toBe('[]');
    expect((await get(fake.urlFor('getContacts'))).body).toBe('[]');
    expect(JSON.parse((await get(fake.urlFor('getContacts'))).body)).toHaveLength(1);
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { emptyResponses: 1 } } });
    expect((await get(fake.urlFor('getContacts'))).body).toBe('[]');
    expect(JSON.parse((await get(fake.urlFor('getContacts'))).body)).toHaveLength(1);
  });

  test('script answers are consumed in order, then normal behaviour resumes', async () => {
    await fake.configure({
      instances: {
        [DEFAULT_ID_INSTANCE]: {
          script: [responses.status502(), { status: 200, body: '[]', headers: { 'X-Test': 'yes' } }],
          stateScript: [responses.json(200, null)],
        },
      },
    });
    const first = await fetch(fake.urlFor('getContacts'));
    expect(first.status).toBe(502);
    expect(await first.text()).toContain('<center>nginx</center>');
    const second = await fetch(fake.urlFor('getContacts'));
    expect(second.headers.get('x-test')).toBe('yes');
    expect(await second.text()).toBe('[]');
    expect((await get(fake.urlFor('getContacts'))).status).toBe(200);
    expect((await get(fake.urlFor('getStateInstance'))).body).toBe('null');
    expect((await get(fake.urlFor('getStateInstance'))).body).toBe('{"stateInstance":"authorized"}');
    expect((await fake.requests()).map((e) => e.status)).toEqual([502, 200, 200, 200, 200]);
  });

  test('scripts are not consumed by requests that fail auth', async () => {
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { script: [responses.status500()] } } });
    expect((await get(fake.urlFor('getContacts', { token: 'bad' }))).status).toBe(401);
    expect((await get(fake.urlFor('getContacts'))).status).toBe(500);
  });

  test('rate limiter: more than N per second per instance and method → 429', async () => {
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { rateLimitPerSecond: 1 } } });
    const a = await get(fake.urlFor('getContacts'));
    const b = await get(fake.urlFor('getContacts'));
    const s = await get(fake.urlFor('getStateInstance'));
    expect([a.status, b.status, s.status]).toEqual([200, 429, 200]);
    expect(b.body).toBe('Too Many Requests');
    await new Promise((r) => setTimeout(r, 1050));
    expect((await get(fake.urlFor('getContacts'))).status).toBe(200);
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { rateLimitScope: 'instance' } } });
    await new Promise((r) => setTimeout(r, 1050));
    expect((await get(fake.urlFor('getStateInstance'))).status).toBe(200);
    expect((await get(fake.urlFor('getContacts'))).status).toBe(429);
  });

  test('delayMs adds latency (instance-wide and per scripted answer)', async () => {
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { delayMs: 300 } } });
    let t = Date.now();
    await get(fake.urlFor('getStateInstance'));
    expect(Date.now() - t).toBeGreaterThanOrEqual(280);
    await fake.configure({
      instances: {
        [DEFAULT_ID_INSTANCE]: { delayMs: 0, script: [{ ...responses.status500(), delayMs: 200 }] },
      },
    });
    t = Date.now();
    expect((await get(fake.urlFor('getContacts'))).status).toBe(500);
    expect(Date.now() - t).toBeGreaterThanOrEqual(180);
  });

  test('connectionReset drops the socket; the server keeps serving', async () => {
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { script: [responses.connectionReset()] } } });
    await expect(fetch(fake.urlFor('getContacts'))).rejects.toThrow();
    expect((await get(fake.urlFor('getContacts'))).status).toBe(200);
    expect((await fake.requests()).map((e) => e.status)).toEqual([0, 200]);
  });

  test('reset restores the baseline and clears log, scripts and counters', async () => {
    await fake.configure({
      instances: { [DEFAULT_ID_INSTANCE]: { state: 'notAuthorized', script: [responses.status500()] } },
    });
    await get(fake.urlFor('getStateInstance'));
    await fake.reset();
    expect(await fake.requests()).toEqual([]);
    expect((await get(fake.urlFor('getContacts'))).status).toBe(200);
    await fake.clearRequests();
    expect(await fake.requests()).toEqual([]);
  });
});

describe('getGroupData', () => {
  const GROUP = '120363043968066561@g.us';
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    get(fake.urlFor('getGroupData'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const config = (extra: Record<string, unknown> = {}) =>
    fake.configure({
      instances: {
        [DEFAULT_ID_INSTANCE]: {
          groups: {
            [GROUP]: {
              subject: 'Семья',
              participants: [
                { id: '79161234501@c.us', isSuperAdmin: true },
                { id: '79001234568@c.us', isAdmin: true },
                { id: '123@lid' },
              ],
            },
          },
          ...extra,
        },
      },
    });

  test('answers a POST with {"groupId"} as documented: subject and participants with admin flags; logs the body', async () => {
    await config();
    const r = await post({ groupId: GROUP });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({
      groupId: GROUP,
      subject: 'Семья',
      owner: '79161234501@c.us',
      participants: [
        { id: '79161234501@c.us', isAdmin: true, isSuperAdmin: true },
        { id: '79001234568@c.us', isAdmin: true, isSuperAdmin: false },
        { id: '123@lid', isAdmin: false, isSuperAdmin: false },
      ],
    });
    expect((await fake.requests())[0]).toMatchObject({
      method: 'POST',
      apiMethod: 'getGroupData',
      body: { groupId: GROUP },
    });
  });

  test('answers 200 with an empty groupId for a group the account has left or never knew', async () => {
    await config({ leftGroups: [GROUP] });
    expect(JSON.parse((await post({ groupId: GROUP })).body)).toMatchObject({
      groupId: '',
      participants: [],
    });
    expect(JSON.parse((await post({ groupId: '999@g.us' })).body)).toMatchObject({ groupId: '' });
  });

  test('refuses a GET, and a body without a group id (400 bad request data)', async () => {
    await config();
    expect((await get(fake.urlFor('getGroupData'))).status).toBe(404);
    expect((await post({ chatId: GROUP })).status).toBe(400);
  });

  test('generates participants for every group of a generated contact list, the same each time', async () => {
    await fake.configure({
      instances: {
        [DEFAULT_ID_INSTANCE]: { contacts: { generate: 200, seed: 2 }, groups: { generate: 7, seed: 3 } },
      },
    });
    const group = generateContacts(200, 2).find((c) => c.type === 'group');
    const first = JSON.parse((await post({ groupId: group?.id })).body);
    expect(first.participants).toHaveLength(7);
    expect(first.participants.filter((p: { isSuperAdmin: boolean }) => p.isSuperAdmin)).toHaveLength(1);
    expect(JSON.parse((await post({ groupId: group?.id })).body)).toEqual(first);
  });

  test('answers 466 with the documented body once the monthly quota of the method is used', async () => {
    await config({ quota: { getGroupData: 2 } });
    expect((await post({ groupId: GROUP })).status).toBe(200);
    expect((await post({ groupId: GROUP })).status).toBe(200);
    const r = await post({ groupId: GROUP });
    expect(r.status).toBe(466);
    expect(JSON.parse(r.body)).toMatchObject({
      invokeStatus: { method: 'getgroupdata', status: 'QUOTE_EXCEEDED', total: 2 },
    });
    expect((await get(fake.urlFor('getContacts'))).status).toBe(200);
  });

  test('counts the quota per calendar month (UTC) on the request clock, for every method, getContacts included', async () => {
    await config({ quota: { getContacts: 1, getGroupData: 1 }, quotaAsText: true });
    const at = (iso: string) => ({ headers: { 'x-emulator-time': String(Date.parse(iso)) } });
    expect((await get(fake.urlFor('getContacts'), at('2026-01-31T23:00:00Z'))).status).toBe(200);
    const refused = await get(fake.urlFor('getContacts'), at('2026-01-31T23:59:59Z'));
    expect(refused.status).toBe(466);
    expect(JSON.parse(refused.body)).toMatchObject({
      invokeStatus: { method: 'getcontacts', used: '1', total: '1', status: 'QUOTE_EXCEEDED' },
    });
    expect(
      (await post({ groupId: GROUP }, { 'x-emulator-time': String(Date.parse('2026-01-31T23:59:59Z')) }))
        .status,
    ).toBe(200);
    expect((await get(fake.urlFor('getContacts'), at('2026-02-01T00:00:00Z'))).status).toBe(200);
  });

  test('keeps time by the emulator clock a request carries: 1 request per second per method', async () => {
    await config({ rateLimitPerSecond: 1 });
    const at = (ms: number) => ({ 'x-emulator-time': String(ms) });
    expect((await post({ groupId: GROUP }, at(1_000_000))).status).toBe(200);
    expect((await post({ groupId: GROUP }, at(1_000_500))).status).toBe(429);
    expect((await get(fake.urlFor('getContacts'), { headers: at(1_000_500) })).status).toBe(200);
    expect((await post({ groupId: GROUP }, at(1_001_001))).status).toBe(200);
    expect((await fake.requests()).map((r) => r.at)).toEqual([1_000_000, 1_000_500, 1_000_500, 1_001_001]);
  });

  test('declares a simulated latency without waiting for it', async () => {
    await fake.configure({
      instances: {
        [DEFAULT_ID_INSTANCE]: { script: [{ ...responses.status502(), simulatedDelayMs: 16_000 }] },
      },
    });
    const started = Date.now();
    const res = await fetch(fake.urlFor('getContacts'));
    expect(res.status).toBe(502);
    expect(res.headers.get('x-simulated-latency-ms')).toBe('16000');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('presets', () => {
  const cases: Array<[keyof typeof responses, number, string | RegExp, RegExp]> = [
    ['status429', 429, 'Too Many Requests', /^text\/plain/],
    ['status500', 500, 'Internal Server Error', /^text\/plain/],
    ['status502', 502, /<title>502 Bad Gateway<\/title>/, /^text\/html/],
    ['brokenJson', 200, '[{"id": "1@c.us"', /^application\/json/],
    ['htmlPage', 200, /<form method="post"/, /^text\/html/],
    ['notArray', 200, '{"contacts": []}', /^application\/json/],
    ['notAuthorized', 400, 'instance is starting or not authorized', /^text\/plain/],
    ['starting', 400, 'instance in starting process try later', /^text\/plain/],
    ['expired', 400, 'Instance account is expired. Renew your instance from personal area', /^text\/plain/],
  ];
  test.each(cases)('%s → %d', async (name, status, body, type) => {
    const preset = (responses[name] as () => ReturnType<typeof responses.status500>)();
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { script: [preset] } } });
    const r = await get(fake.urlFor('getContacts'));
    expect(r.status).toBe(status);
    if (typeof body === 'string') expect(r.body).toBe(body);
    else expect(r.body).toMatch(body);
    expect(r.type).toMatch(type);
  });

  test('status466 carries the documented quota body', async () => {
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { script: [responses.status466()] } } });
    const r = await get(fake.urlFor('getContacts'));
    expect(r.status).toBe(466);
    expect(JSON.parse(r.body)).toEqual({
      invokeStatus: {
        method: 'getcontacts',
        used: 1000,
        total: 1000,
        status: 'QUOTE_EXCEEDED',
        description: expect.stringContaining('console.green-api.com'),
      },
    });
  });

  test('JSON form of error texts and Retry-After on request', async () => {
    await fake.configure({
      instances: {
        [DEFAULT_ID_INSTANCE]: { script: [responses.notAuthorized({ json: true }), responses.status429(2)] },
      },
    });
    const r = await get(fake.urlFor('getContacts'));
    expect(r).toMatchObject({ status: 400, body: '{"message":"instance is starting or not authorized"}' });
    expect(r.type).toMatch(/^application\/json/);
    const t = await fetch(fake.urlFor('getContacts'));
    expect(t.headers.get('retry-after')).toBe('2');
  });
});

describe('synchronous control', () => {
  test('configureSync / requestsSync / resetSync / clearRequestsSync between synchronous calls', () => {
    fake.configureSync({ instances: { [DEFAULT_ID_INSTANCE]: { script: [responses.status466()] } } });
    expect(getSync(fake.urlFor('getContacts')).status).toBe(466);
    fake.configureSync({ instances: { [DEFAULT_ID_INSTANCE]: { contacts: [] } } });
    expect(getSync(fake.urlFor('getContacts')).body.toString()).toBe('[]');
    expect(fake.requestsSync().map((e) => e.status)).toEqual([466, 200]);
    fake.clearRequestsSync();
    expect(fake.requestsSync()).toEqual([]);
    fake.resetSync();
    expect(JSON.parse(getSync(fake.urlFor('getContacts')).body.toString())).toHaveLength(
      SAMPLE_CONTACTS.length,
    );
  });

  test('configure errors are reported and change nothing', async () => {
    await expect(fake.configure({ instances: { '555': { state: 'authorized' } } })).rejects.toThrow(/token/);
    expect(() =>
      fake.configureSync({ instances: { [DEFAULT_ID_INSTANCE]: { script: [{ status: 42, body: '' }] } } }),
    ).toThrow(/status/);
    expect((await get(fake.urlFor('getContacts'))).status).toBe(200);
  });
});

describe('robustness', () => {
  test('bad control input and odd URLs never crash the server', async () => {
    const put = await fetch(`${fake.url}/__control/config`, { method: 'PUT', body: '{not json' });
    expect(put.status).toBe(400);
    expect((await fetch(`${fake.url}/__control/config`, { method: 'PUT', body: '[1]' })).status).toBe(400);
    expect((await fetch(`${fake.url}/__control/nope`)).status).toBe(404);
    expect((await get(`${fake.url}/waInstance%E0%A4%A/getContacts/%ZZ`)).status).toBe(403);
    expect((await get(`${fake.url}//evil.example/x?y=%`)).status).toBe(404);
    expect(
      (await get(`${fake.url}/waInstance${DEFAULT_ID_INSTANCE}/getContacts/${DEFAULT_API_TOKEN}/extra`))
        .status,
    ).toBe(404);
    expect((await get(fake.urlFor('getContacts'))).status).toBe(200);
  });

  test('literal contact lists may hold malformed items (served as given)', async () => {
    const weird = [
      { id: null },
      { chatId: '1@c.us', type: 'user' },
      { id: 'x@c.us', type: 'group', extra: [1] },
    ];
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { contacts: weird } } });
    expect(JSON.parse((await get(fake.urlFor('getContacts'))).body)).toEqual(weird);
    expect(JSON.parse((await get(fake.urlFor('getContacts', { query: 'group=true' }))).body)).toEqual([
      weird[2],
    ]);
  });
});

describe('contact data', () => {
  test('the sample list covers the documented edge cases', () => {
    const ids = SAMPLE_CONTACTS.map((c) => c.id);
    const names = SAMPLE_CONTACTS.map((c) => c.name);
    expect(SAMPLE_CONTACTS.length).toBeGreaterThanOrEqual(24);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.some((id) => /^\d+-\d+@g\.us$/.test(id))).toBe(true);
    expect(ids.some((id) => /^\d{18}@g\.us$/.test(id))).toBe(true);
    expect(ids.some((id) => id.endsWith('@lid'))).toBe(true);
    expect(SAMPLE_CONTACTS.some((c) => c.name === '')).toBe(true);
    expect(SAMPLE_CONTACTS.some((c) => !('contactName' in c))).toBe(true);
    expect(names.some((n) => /\p{Extended_Pictographic}/u.test(n ?? ''))).toBe(true);
    for (const nasty of [
      '=HYPERLINK("http://evil.example","x")',
      '00123',
      '2024-01-02',
      'TRUE',
      '+7 900 123',
      "'quoted",
      '@mention',
      '-5',
    ]) {
      expect(names).toContain(nasty);
    }
    expect(LONG_NAME).toHaveLength(60000);
    expect(names).toContain(LONG_NAME);
  });

  // Speed is the benchmark's business (npm run bench), not a test's: no timing assertions here.
  test('generateContacts is deterministic, unique and shaped like the docs', () => {
    const list = generateContacts(100000, 42);
    expect(list).toHaveLength(100000);
    expect(generateContacts(50, 42)).toEqual(list.slice(0, 50));
    expect(generateContacts(50, 43)).not.toEqual(list.slice(0, 50));
    expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    const groups = list.filter((c) => c.type === 'group');
    const users = list.filter((c) => c.type === 'user');
    expect(groups.length / list.length).toBeGreaterThan(0.17);
    expect(groups.length / list.length).toBeLessThan(0.23);
    expect(groups.every((c) => /^(\d{18}|\d{11}-\d{10})@g\.us$/.test(c.id) && !('contactName' in c))).toBe(
      true,
    );
    expect(users.every((c) => /^(\d{11}@c\.us|\d{15}@lid)$/.test(c.id))).toBe(true);
    const lids = users.filter((c) => c.id.endsWith('@lid')).length;
    expect(lids).toBeGreaterThan(0);
    expect(lids).toBeLessThan(users.length / 5);
    expect(list.some((c) => c.name === '')).toBe(true);
    expect(list.some((c) => /[А-Яа-я]/.test(c.name ?? ''))).toBe(true);
    expect(list.some((c) => /[A-Za-z]/.test(c.name ?? ''))).toBe(true);
    expect(generateContacts(0)).toEqual([]);
  });

  test('serves 100,000 generated contacts, the same text every time, with filters', async () => {
    await fake.configure({
      instances: { [DEFAULT_ID_INSTANCE]: { contacts: { generate: 100000, seed: 5 } } },
    });
    const first = await get(fake.urlFor('getContacts'));
    const again = await get(fake.urlFor('getContacts'));
    expect(first.body.length).toBeGreaterThan(4_000_000);
    expect(again.body).toBe(first.body);
    expect(first.body).toBe(JSON.stringify(generateContacts(100000, 5)));
    const groups = JSON.parse((await get(fake.urlFor('getContacts', { query: 'group=true&count=10' }))).body);
    expect(groups).toHaveLength(10);
    expect(groups.every((c: Contact) => c.type === 'group')).toBe(true);
    await fake.configure({ instances: { [DEFAULT_ID_INSTANCE]: { delayMs: 0 } } });
    expect((await get(fake.urlFor('getContacts'))).body).toBe(first.body);
  });
});

describe('lifecycle', () => {
  test('start options: a partial override of the default instance keeps its token', async () => {
    const other = await startFakeGreenApi({
      config: { instances: { [DEFAULT_ID_INSTANCE]: { state: 'notAuthorized' }, '42': { token: 't' } } },
    });
    try {
      expect((await get(other.urlFor('getContacts'))).status).toBe(400);
      expect((await get(other.urlFor('getContacts', { idInstance: '42', token: 't' }))).status).toBe(200);
      await other.configure({ instances: { [DEFAULT_ID_INSTANCE]: { state: 'authorized' } } });
      await other.reset();
      expect((await get(other.urlFor('getContacts'))).status).toBe(400);
    } finally {
      await other.stop();
    }
  });

  test('several servers run side by side; stop() kills the child and is idempotent', async () => {
    const other = await startFakeGreenApi({ defaultInstance: false });
    expect(other.url).not.toBe(fake.url);
    expect((await get(other.urlFor('getContacts'))).status).toBe(403);
    const pid = other.pid;
    await other.stop();
    await other.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    await expect(fetch(other.urlFor('getContacts'))).rejects.toThrow();
  });
});

describe('checkWhatsapp', () => {
  const post = (body: unknown) =>
    get(fake.urlFor('checkWhatsapp'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const config = (extra: Record<string, unknown> = {}) =>
    fake.configure({
      instances: { [DEFAULT_ID_INSTANCE]: { whatsappNumbers: ['+7 900 123-45-67'], ...extra } },
    });

  test('answers both documented bodies: chatId with existsWhatsapp and chatId, phoneNumber with existsWhatsapp only', async () => {
    await config();
    expect(JSON.parse((await post({ chatId: '79001234567' })).body)).toEqual({
      existsWhatsapp: true,
      chatId: '79001234567@c.us',
    });
    expect(JSON.parse((await post({ chatId: '79001234568@c.us' })).body)).toEqual({
      existsWhatsapp: false,
      chatId: '79001234568@c.us',
    });
    expect(JSON.parse((await post({ phoneNumber: 79001234567 })).body)).toEqual({ existsWhatsapp: true });
    expect((await fake.requests())[0]).toMatchObject({
      apiMethod: 'checkWhatsapp',
      body: { chatId: '79001234567' },
    });
  });

  test('refuses a bad number with 400 and its documented reason', async () => {
    await config();
    const short = await post({ chatId: '12345' });
    expect(short.status).toBe(400);
    expect(JSON.parse(short.body).message).toBe('bad phone number, valid from 11 to 16 digits');
    expect((await post({ chatId: 'abc' })).status).toBe(400);
    expect((await post({})).status).toBe(400);
    expect((await post({ chatId: '79001234567', phoneNumber: 79001234567 })).status).toBe(400);
  });

  test('keeps its own rate (10 a second) and the monthly quota with the 466 body; scripts the timeout 400', async () => {
    await config({ rateLimits: { checkWhatsapp: 10 }, quota: { checkWhatsapp: 12 } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await post({ chatId: '79001234567' })).status);
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses[10]).toBe(429);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await post({ chatId: '79001234567' })).status).toBe(200);
    expect((await post({ chatId: '79001234567' })).status).toBe(200);
    const over = await post({ chatId: '79001234567' });
    expect(over.status).toBe(466);
    expect(JSON.parse(over.body).invokeStatus).toMatchObject({
      method: 'checkwhatsapp',
      used: 12,
      total: 12,
    });
    await fake.configure({
      instances: { [DEFAULT_ID_INSTANCE]: { quota: {}, checkScript: [responses.checkTimeout()] } },
    });
    const timeout = await post({ chatId: '79001234567' });
    expect(timeout.status).toBe(400);
    expect(timeout.body).toContain('check phone number timeout limit exceeded');
    expect((await post({ chatId: '79001234567' })).status).toBe(200);
  });
});
