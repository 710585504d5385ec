/**
 * The Settings sidebar in a real headless Chromium. The HTML is what the server shows: the real openSettings()
 * fills dist/sidebar.html with the strings of the user's language. `google.script.run` is replaced by a stub
 * that records every call in `window.__calls` and answers from `window.__answers[name]` (a value, `{ fail }` for
 * a failure handler, or `{ hold: true }` to keep the call pending until `window.__release(name, answer)`).
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type Browser, chromium, type Page } from 'playwright-core';
import { en } from '../../src/i18n/en';
import { ru } from '../../src/i18n/ru';
import type { Services } from '../../src/platform/services';
import type { ConnectionReport, SettingsView, StatusView } from '../../src/ui/sidebar';
import { openSettings } from '../../src/ui/sidebar';
import { defaultForm, SHEET } from '../support/addon';
import { findLocalBrowser, underCi } from '../support/browser';
import { createEmulator } from '../support/emulator';
import { startFakeGreenApi } from '../support/fake-green-api';

const ROOT = join(__dirname, '..', '..');
const DIST_HTML = join(ROOT, 'dist', 'sidebar.html');
const SRC_HTML = join(ROOT, 'src', 'ui', 'sidebar.html');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const PAGE_URL = 'http://127.0.0.1/sidebar';
const WIDTH = 300;

// The browser: CHROME_PATH or the usual location of this OS (test/support/browser.ts). Without one these tests are
// skipped with a one-line reason, except under CI, where they must run: there a missing browser fails the suite.
const BROWSER = findLocalBrowser();
if (!BROWSER.found) {
  if (underCi()) throw new Error(`CI=true and the browser tests cannot run: ${BROWSER.reason}`);
  console.warn(`Skipping the sidebar browser tests: ${BROWSER.reason}`);
}
const withBrowser = BROWSER.found ? describe : describe.skip;

type Answer = unknown;
interface Call {
  name: string;
  args: unknown[];
}

declare global {
  interface Window {
    __calls: Call[];
    __answers: Record<string, Answer>;
    __release: (name: string, answer: Answer) => void;
  }
}

/** The sidebar HTML exactly as openSettings() hands it to ui.showSidebar, with the sidebar title. */
function servedSidebar(locale: string): { html: string; title: string } {
  const notUsed = (): never => {
    throw new Error('not used');
  };
  let shown: { html: string; title: string } | null = null;
  const services: Services = {
    http: { get: notUsed, post: notUsed },
    clock: { now: notUsed, sleep: notUsed },
    triggers: {
      list: notUsed,
      createRecurring: notUsed,
      createOnce: notUsed,
      remove: notUsed,
      installation: notUsed,
      installationSource: notUsed,
    },
    ui: {
      toast: notUsed,
      alert: notUsed,
      confirm: notUsed,
      addMenu: notUsed,
      showSidebar: (html, title) => {
        shown = { html, title };
      },
      showDialog: notUsed,
    },
    properties: notUsed,
    hasDocumentStore: notUsed,
    cache: notUsed,
    lock: notUsed,
    activeSpreadsheet: notUsed,
    editorCount: notUsed,
    openSpreadsheet: notUsed,
    flush: notUsed,
    sheetEnums: notUsed,
    locale: () => locale,
    formatTime: notUsed,
    formatDay: notUsed,
    log: notUsed,
    htmlFile: (name) => readFileSync(join(ROOT, 'dist', `${name}.html`), 'utf8'),
    gzipBase64: notUsed,
    gunzipBase64: notUsed,
  };
  openSettings(services);
  if (!shown) throw new Error('openSettings did not show a sidebar');
  return shown;
}

/** Installed before any page script: the google.script.run stub. */
function installServerStub(): void {
  window.__calls = [];
  window.__answers = {};
  const held: Record<string, Array<(answer: Answer) => void>> = {};
  const clone = (value: unknown): unknown =>
    value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  const settle = (answer: Answer, ok: (v: unknown) => void, fail: (e: Error) => void) => {
    if (answer && typeof answer === 'object' && 'fail' in answer) {
      fail(new Error(String((answer as { fail: unknown }).fail)));
    } else {
      ok(clone(answer));
    }
  };
  window.__release = (name, answer) => {
    const waiting = held[name] ?? [];
    held[name] = [];
    for (const resolve of waiting) resolve(answer);
  };
  type Handler = ((value: never) => void) | null;
  const runner = (onSuccess: Handler, onFailure: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_target, name) {
          if (name === 'withSuccessHandler') return (fn: Handler) => runner(fn, onFailure);
          if (name === 'withFailureHandler') return (fn: Handler) => runner(onSuccess, fn);
          if (name === 'withUserObject') return () => runner(onSuccess, onFailure);
          if (typeof name !== 'string') return undefined;
          return (...args: unknown[]) => {
            window.__calls.push({ name, args: clone(args) as unknown[] });
            const ok = (value: unknown) => onSuccess?.(value as never);
            const fail = (error: Error) => onFailure?.(error as never);
            const answer = window.__answers[name];
            if (answer && typeof answer === 'object' && 'hold' in answer) {
              held[name] = held[name] ?? [];
              held[name].push((later) => settle(later, ok, fail));
              return;
            }
            // Apps Script answers asynchronously, never within the call.
            setTimeout(() => settle(answer, ok, fail), 0);
          };
        },
      },
    );
  (window as unknown as { google: unknown }).google = { script: { run: runner(null, null) } };
}

/** The quota part of a view (ui/quota-view.ts): the Developer plan, hourly runs priced, nothing measured yet. */
const QUOTA: Pick<SettingsView, 'plan' | 'monthlyCaps' | 'quota'> = {
  plan: 'developer',
  monthlyCaps: { getContacts: 1000, getGroupData: 1000, checkWhatsapp: 100 },
  quota: {
    plan: 'developer',
    monthlyCaps: { getContacts: 1000, getGroupData: 1000, checkWhatsapp: 100 },
    pricing: {
      choices: [0, 5, 10, 15, 30, 60, 120, 240, 360, 480, 720, 1440],
      runs: Object.fromEntries(
        [0, 5, 10, 15, 30, 60, 120, 240, 360, 480, 720, 1440].map((m) => [
          String(m),
          m ? Math.ceil(44640 / m) : 0,
        ]),
      ),
      groups: 50,
      days: 31,
      avgRunMs: 0,
      triggerQuotaMs: 90 * 60_000,
    },
    meter: [],
    paused: [],
    apps: '',
    scheduleWarning: '',
  },
};
/** What the form sends for the plan when nothing about it was touched. */
const PLAN_FORM = {
  plan: 'developer',
  monthlyCaps: { getContacts: '', getGroupData: '', checkWhatsapp: '' },
};

const NO_STATUS_VIEW: SettingsView = {
  apiUrl: 'https://api.green-api.com',
  idInstance: '',
  tokenHint: '',
  hasToken: false,
  refreshEveryMinutes: 0,
  refreshChoices: [0, 5, 10, 15, 30, 60, 120, 240, 360, 480, 720, 1440],
  installation: 'bound',
  membersOnSchedule: false,
  sharedToken: false,
  status: null,
  members: null,
  ...QUOTA,
};

const STORED_VIEW: SettingsView = {
  apiUrl: 'https://7105.api.greenapi.com',
  idInstance: '1101000001',
  tokenHint: '…f00d',
  hasToken: true,
  refreshEveryMinutes: 60,
  refreshChoices: [0, 5, 10, 15, 30, 60, 120, 240, 360, 480, 720, 1440],
  installation: 'bound',
  membersOnSchedule: false,
  sharedToken: false,
  status: null,
  members: null,
  ...QUOTA,
};

const ERROR_STATUS: StatusView = {
  at: '2024-05-01 10:15',
  outcome: `${en['settings.status.outcome.error']} (${en['settings.status.source.auto']})`,
  count: 42,
  error: en['error.rateLimited'],
  nextRetryAt: '2024-05-01 10:20',
};

interface Opened {
  page: Page;
  requests: string[];
  pageErrors: string[];
}

let browser: Browser;
const opened: Opened[] = [];

/** A fresh page at 300 px with the stub installed, the served sidebar loaded and getSettings answered. */
async function openSidebar(locale: string, view: Answer = STORED_VIEW): Promise<Opened> {
  const { html } = servedSidebar(locale);
  const page = await browser.newPage({ viewport: { width: WIDTH, height: 900 } });
  const entry: Opened = { page, requests: [], pageErrors: [] };
  opened.push(entry);
  page.on('request', (request) => entry.requests.push(request.url()));
  page.on('pageerror', (error) => entry.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') entry.pageErrors.push(message.text());
  });
  await page.route('**/*', (route) =>
    route.request().url() === PAGE_URL
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })
      : route.abort('blockedbyclient'),
  );
  await page.addInitScript(installServerStub);
  await page.addInitScript((answer) => {
    window.__answers.getSettings = answer;
  }, view);
  await page.goto(PAGE_URL);
  // Test connection stays disabled until getSettings has answered (Save until it has succeeded).
  await until(page, `!document.getElementById('test').disabled`);
  return entry;
}

async function calls(page: Page, name?: string): Promise<Call[]> {
  const all = await page.evaluate(() => window.__calls);
  return name ? all.filter((call) => call.name === name) : all;
}

async function answer(page: Page, name: string, value: Answer): Promise<void> {
  await page.evaluate(
    ([n, v]) => {
      window.__answers[n as string] = v;
    },
    [name, value] as const,
  );
}

/** The visible rows of the status block, as [tag, text] pairs in order. */
async function statusRows(page: Page): Promise<string[][]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('#status-rows > *'))
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => [el.tagName, el.textContent ?? '']),
  );
}

/** Waits until `fn` (run in the page) is truthy. */
async function until(page: Page, fn: string): Promise<void> {
  await page.waitForFunction(fn, undefined, { timeout: 5000 });
}

beforeAll(async () => {
  if (!BROWSER.found) return;
  if (!existsSync(DIST_HTML)) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'pipe' });
  }
  if (readFileSync(DIST_HTML, 'utf8') !== readFileSync(SRC_HTML, 'utf8')) {
    const age = statSync(DIST_HTML).mtime.toISOString();
    throw new Error(`dist/sidebar.html (built ${age}) differs from src/ui/sidebar.html: run npm run build`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: BROWSER.found ? BROWSER.path : undefined,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(() => {
  opened.length = 0;
});

afterEach(async () => {
  const errors = opened.flatMap((entry) => entry.pageErrors);
  await Promise.all(opened.map((entry) => entry.page.context().close()));
  expect(errors).toEqual([]);
});

describe('the sidebar as openSettings serves it', () => {
  it('carries the strings of the user language in place of the boot mark', () => {
    const { html, title } = servedSidebar('en');
    expect(html).not.toContain('__WA_BOOT__');
    expect(html).toContain('"lang":"en"');
    expect(title).toBe(en['settings.title']);
    expect(servedSidebar('ru_RU').title).toBe(ru['settings.title']);
  });

  it('references nothing outside itself (no external script, style, font or image)', () => {
    const { html } = servedSidebar('en');
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/@import|url\(/i);
  });
});

withBrowser('Settings sidebar in Chromium', () => {
  it('fills the form from getSettings, leaves the token field empty and shows the stored-token hint', async () => {
    const { page } = await openSidebar('en');
    expect(await calls(page)).toEqual([{ name: 'getSettings', args: [] }]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await expect(page.getByLabel(en['settings.apiUrl'], { exact: true }).inputValue()).resolves.toBe(
      'https://7105.api.greenapi.com',
    );
    expect(await page.getByLabel(en['settings.idInstance'], { exact: true }).inputValue()).toBe('1101000001');
    const token = page.getByLabel(en['settings.token'], { exact: true });
    expect(await token.inputValue()).toBe('');
    expect(await token.getAttribute('type')).toBe('password');
    expect(await token.getAttribute('autocomplete')).toMatch(/^(off|new-password)$/);
    expect(await page.locator('#idInstance').getAttribute('inputmode')).toBe('numeric');
    const tokenHint = en['settings.token.hint.stored'].replace('{hint}', '…f00d');
    await expect(page.getByText(tokenHint).isVisible()).resolves.toBe(true);
    expect(await page.getByText(en['settings.apiUrl.hint']).isVisible()).toBe(true);

    const refresh = page.getByLabel(en['settings.refresh'], { exact: true });
    expect(await refresh.inputValue()).toBe('60');
    expect(await refresh.locator('option').allTextContents()).toEqual([
      'Off',
      'Every 5 minutes',
      'Every 10 minutes',
      'Every 15 minutes',
      'Every 30 minutes',
      'Every hour',
      'Every 2 hours',
      'Every 4 hours',
      'Every 6 hours',
      'Every 8 hours',
      'Every 12 hours',
      'Every day',
    ]);
    expect(await page.getByText(en['settings.refresh.addonNote']).isVisible()).toBe(false);
    expect(await page.locator('#status').getByText(en['settings.status.never']).isVisible()).toBe(true);
    expect(await page.locator('#save').textContent()).toBe(en['settings.save']);
    expect(await page.locator('#test').textContent()).toBe(en['settings.test']);
  });

  it('shows "paste the token" when none is stored, and the add-on note and hourly choices in an add-on', async () => {
    const { page } = await openSidebar('en', {
      ...NO_STATUS_VIEW,
      installation: 'addon',
      refreshChoices: [0, 60, 120, 240, 360, 480, 720, 1440],
    });
    expect(await page.getByText(en['settings.token.hint.none']).isVisible()).toBe(true);
    expect(await page.getByText(en['settings.refresh.addonNote']).isVisible()).toBe(true);
    expect(await page.locator('#refreshEveryMinutes').getAttribute('aria-describedby')).toBe(
      'hint-refreshEveryMinutes',
    );
    expect(await page.locator('#refreshEveryMinutes option').allTextContents()).toEqual([
      'Off',
      'Every hour',
      'Every 2 hours',
      'Every 4 hours',
      'Every 6 hours',
      'Every 8 hours',
      'Every 12 hours',
      'Every day',
    ]);
    expect(await page.locator('#idInstance').inputValue()).toBe('');
  });

  it('shows the last refresh, with the error and retry rows only when there is one', async () => {
    const { page } = await openSidebar('en', { ...STORED_VIEW, status: ERROR_STATUS });
    const status = page.locator('#status');
    expect(await status.getByRole('heading').textContent()).toBe(en['settings.status']);
    expect(await statusRows(page)).toEqual([
      ['DT', en['settings.status.at']],
      ['DD', ERROR_STATUS.at],
      ['DD', ERROR_STATUS.outcome],
      ['DT', en['settings.status.count']],
      ['DD', '42'],
      ['DT', en['settings.status.error']],
      ['DD', en['error.rateLimited']],
      ['DT', en['settings.status.retry']],
      ['DD', '2024-05-01 10:20'],
    ]);
    expect(await status.getByText(en['settings.status.never']).isVisible()).toBe(false);

    const fine: StatusView = {
      at: '2024-05-01 11:00',
      outcome: 'Done (from the menu)',
      count: 7,
      error: '',
      nextRetryAt: '',
    };
    const { page: second } = await openSidebar('en', { ...STORED_VIEW, status: fine });
    expect(await statusRows(second)).toEqual([
      ['DT', en['settings.status.at']],
      ['DD', '2024-05-01 11:00'],
      ['DD', 'Done (from the menu)'],
      ['DT', en['settings.status.count']],
      ['DD', '7'],
    ]);
  });

  it('shows the members import: when, how far, when it continues, its last error', async () => {
    const { page } = await openSidebar('en', {
      ...STORED_VIEW,
      membersOnSchedule: true,
      members: {
        at: '2026-11-29 10:00',
        state: en['members.state.stopped'],
        groups: en['members.groups']
          .replace('{done}', '120')
          .replace('{total}', '400')
          .replace('{notInGroup}', '2'),
        next: en['members.next.person'],
        error: 'quota used up',
      },
    });
    await until(page, `!document.getElementById('members-rows').hidden`);
    expect(await page.locator('#membersOnSchedule').isChecked()).toBe(true);
    expect(await page.locator('#members-never').isHidden()).toBe(true);
    expect(await page.locator('#members-state').textContent()).toBe('Stopped');
    expect(await page.locator('#members-groups').textContent()).toBe(
      '120 of 400 groups read (2 the account is not in).',
    );
    expect(await page.locator('#members-next').isVisible()).toBe(true);
    expect(await page.locator('#members-error').textContent()).toBe('quota used up');
    expect(await page.locator('#shared').isHidden()).toBe(true);
  });

  it("warns that every editor can read the token when a bound script's spreadsheet has other editors", async () => {
    const { page } = await openSidebar('en', { ...STORED_VIEW, sharedToken: true });
    await until(page, `!document.getElementById('shared').hidden`);
    expect(await page.locator('#shared').textContent()).toBe(en['settings.shared']);
    expect(await page.locator('#shared').getAttribute('role')).toBe('note');
    expect(await page.locator('#members-never').isVisible()).toBe(true);
  });

  it('saves exactly the typed values, shows "Saving…" meanwhile, then the message and the returned view', async () => {
    const { page } = await openSidebar('en', NO_STATUS_VIEW);
    await answer(page, 'saveSettings', { hold: true });
    await page.fill('#apiUrl', ' https://7105.api.greenapi.com/ ');
    await page.fill('#idInstance', '1101000001');
    await page.fill('#apiTokenInstance', 'abc123def456f00d');
    await page.selectOption('#refreshEveryMinutes', '120');
    await page.check('#membersOnSchedule');
    await page.click('#save');

    expect((await calls(page, 'saveSettings')).map((call) => call.args)).toEqual([
      [
        {
          apiUrl: ' https://7105.api.greenapi.com/ ',
          idInstance: '1101000001',
          apiTokenInstance: 'abc123def456f00d',
          refreshEveryMinutes: 120,
          membersOnSchedule: true,
          ...PLAN_FORM,
        },
      ],
    ]);
    expect(await page.locator('#save').isDisabled()).toBe(true);
    expect(await page.locator('#save').textContent()).toBe(en['settings.saving']);
    // A second submit while saving sends nothing more.
    await page.press('#idInstance', 'Enter');
    expect(await calls(page, 'saveSettings')).toHaveLength(1);

    const saved: SettingsView = {
      ...STORED_VIEW,
      refreshEveryMinutes: 30,
      status: { ...ERROR_STATUS, error: '', nextRetryAt: '', outcome: 'Done (from the menu)' },
      message: en['settings.saved'],
    };
    await page.evaluate((view) => window.__release('saveSettings', view), saved);
    await until(
      page,
      `document.getElementById('message').textContent === ${JSON.stringify(en['settings.saved'])}`,
    );

    const message = page.locator('#message');
    expect(await message.getAttribute('role')).toBe('status');
    expect(await message.getAttribute('aria-live')).toBe('polite');
    expect(await page.locator('#save').isEnabled()).toBe(true);
    expect(await page.locator('#save').textContent()).toBe(en['settings.save']);
    expect(await page.locator('#apiUrl').inputValue()).toBe('https://7105.api.greenapi.com');
    expect(await page.locator('#apiTokenInstance').inputValue()).toBe('');
    expect(await page.locator('#refreshEveryMinutes').inputValue()).toBe('30');
    expect(await page.locator('#hint-apiTokenInstance').textContent()).toBe(
      en['settings.token.hint.stored'].replace('{hint}', '…f00d'),
    );
    expect((await statusRows(page))[2]).toEqual(['DD', 'Done (from the menu)']);
  });

  it('shows a server field error next to idInstance, marks it invalid, focuses it and keeps what was typed', async () => {
    const { page } = await openSidebar('en', NO_STATUS_VIEW);
    const digits = en['field.idInstance.digits'];
    await answer(page, 'saveSettings', { fail: `idInstance: ${digits}` });
    await page.fill('#apiUrl', 'https://7105.api.greenapi.com');
    await page.fill('#idInstance', '11O1');
    await page.fill('#apiTokenInstance', 'secret-token');
    await page.click('#save');
    await until(page, `!document.getElementById('error-idInstance').hidden`);

    const field = page.locator('#idInstance');
    expect(await page.locator('#error-idInstance').textContent()).toBe(digits);
    expect(await page.locator('#error-idInstance').isVisible()).toBe(true);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect((await field.getAttribute('aria-describedby'))?.split(' ')).toContain('error-idInstance');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('idInstance');
    expect(await field.inputValue()).toBe('11O1');
    expect(await page.locator('#apiUrl').inputValue()).toBe('https://7105.api.greenapi.com');
    expect(await page.locator('#apiTokenInstance').inputValue()).toBe('secret-token');
    expect(await page.locator('#apiUrl').getAttribute('aria-invalid')).toBeNull();
    expect(await page.locator('#message').textContent()).toBe('');

    // Correcting the field and saving again clears the error.
    await answer(page, 'saveSettings', { ...STORED_VIEW, message: en['settings.saved'] });
    await page.fill('#idInstance', '1101000001');
    await page.click('#save');
    await until(page, `document.getElementById('message').textContent !== ''`);
    expect(await page.locator('#error-idInstance').isVisible()).toBe(false);
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    expect(await field.getAttribute('aria-describedby')).not.toContain('error-idInstance');
  });

  it('shows any other save failure as "Could not save: …" and keeps the form', async () => {
    const { page } = await openSidebar('en');
    await answer(page, 'saveSettings', { fail: en['import.busy'] });
    await page.fill('#apiTokenInstance', 'new-token');
    await page.click('#save');
    const expected = en['settings.failed'].replace('{message}', en['import.busy']);
    await until(page, `document.getElementById('message').textContent === ${JSON.stringify(expected)}`);
    expect(await page.locator('#apiTokenInstance').inputValue()).toBe('new-token');
    expect(await page.locator('[aria-invalid="true"]').count()).toBe(0);
  });

  it('tests the connection with the typed form and shows the state message, ok or not', async () => {
    const { page } = await openSidebar('en');
    const authorized: ConnectionReport = { ok: true, state: 'authorized', message: en['state.authorized'] };
    await answer(page, 'testConnection', { hold: true });
    await page.fill('#apiTokenInstance', 'typed-token');
    await page.click('#test');
    expect(await page.locator('#test').isDisabled()).toBe(true);
    expect(await page.locator('#test').textContent()).toBe(en['settings.testing']);
    expect((await calls(page, 'testConnection')).map((call) => call.args)).toEqual([
      [
        {
          apiUrl: 'https://7105.api.greenapi.com',
          idInstance: '1101000001',
          apiTokenInstance: 'typed-token',
          refreshEveryMinutes: 60,
          membersOnSchedule: false,
          ...PLAN_FORM,
        },
      ],
    ]);
    await page.evaluate((report) => window.__release('testConnection', report), authorized);
    const result = page.locator('#test-result');
    await until(page, `document.getElementById('test-result').textContent !== ''`);
    expect(await result.textContent()).toBe(en['state.authorized']);
    expect(await result.getAttribute('class')).toContain('is-ok');
    expect(await page.locator('#test').textContent()).toBe(en['settings.test']);
    expect(await page.locator('#apiTokenInstance').inputValue()).toBe('typed-token');
    expect(await calls(page, 'saveSettings')).toEqual([]);

    await answer(page, 'testConnection', { ok: false, state: 'sleepMode', message: en['state.sleepMode'] });
    await page.click('#test');
    await until(
      page,
      `document.getElementById('test-result').textContent === ${JSON.stringify(en['state.sleepMode'])}`,
    );
    expect(await result.getAttribute('class')).toContain('is-fail');
    expect(await result.getAttribute('class')).not.toContain('is-ok');
  });

  it('shows a field error from Test connection next to that field', async () => {
    const { page } = await openSidebar('en', NO_STATUS_VIEW);
    await answer(page, 'testConnection', { fail: `apiTokenInstance: ${en['field.token.missing']}` });
    await page.click('#test');
    await until(page, `!document.getElementById('error-apiTokenInstance').hidden`);
    expect(await page.locator('#error-apiTokenInstance').textContent()).toBe(en['field.token.missing']);
    expect(await page.locator('#apiTokenInstance').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('apiTokenInstance');
  });

  it('works from the keyboard alone: Tab to each field, type, Enter saves', async () => {
    const { page } = await openSidebar('en', NO_STATUS_VIEW);
    await answer(page, 'saveSettings', { ...STORED_VIEW, message: en['settings.saved'] });
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    const outline = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2;
      });

    await page.keyboard.press('Tab');
    expect(await focused()).toBe('apiUrl');
    expect(await outline()).toBe(true);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('https://7105.api.greenapi.com');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('idInstance');
    await page.keyboard.type('1101000001');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('apiTokenInstance');
    expect(await outline()).toBe(true);
    await page.keyboard.type('tok3n');
    await page.keyboard.press('Enter');

    await until(page, `window.__calls.some((c) => c.name === 'saveSettings')`);
    expect((await calls(page, 'saveSettings'))[0].args).toEqual([
      {
        apiUrl: 'https://7105.api.greenapi.com',
        idInstance: '1101000001',
        apiTokenInstance: 'tok3n',
        refreshEveryMinutes: 0,
        membersOnSchedule: false,
        ...PLAN_FORM,
      },
    ]);
    await until(page, `document.getElementById('message').textContent !== ''`);

    // The rest of the tab order: the select, the members checkbox (Space ticks it), then Save, Test connection.
    await page.focus('#apiTokenInstance');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('plan');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('refreshEveryMinutes');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('membersOnSchedule');
    expect(await outline()).toBe(true);
    await page.keyboard.press('Space');
    expect(await page.locator('#membersOnSchedule').isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('save');
    expect(await outline()).toBe(true);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('test');
  });

  it('speaks Russian for a Russian locale', async () => {
    const { page } = await openSidebar('ru_RU', { ...STORED_VIEW, status: null });
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.title()).toBe(ru['settings.title']);
    expect(await page.getByLabel(ru['settings.refresh'], { exact: true }).inputValue()).toBe('60');
    expect(await page.locator('#save').textContent()).toBe(ru['settings.save']);
    expect(await page.locator('#test').textContent()).toBe(ru['settings.test']);
    expect(await page.locator('#hint-apiTokenInstance').textContent()).toBe(
      ru['settings.token.hint.stored'].replace('{hint}', '…f00d'),
    );
    expect(await page.locator('#hint-apiUrl').textContent()).toBe(ru['settings.apiUrl.hint']);
    expect(await page.locator('#status h2').textContent()).toBe(ru['settings.status']);
    expect(await page.getByText(ru['settings.status.never']).isVisible()).toBe(true);
    expect(await statusRows(page)).toEqual([]);
    const options = await page.locator('#refreshEveryMinutes option').allTextContents();
    expect(options).toContain(ru['settings.refresh.off']);
    expect(options).toContain('Каждые 5 минут');
    expect(options).toContain('Каждые 2 ч');
    expect(options).toContain(ru['settings.refresh.day']);

    await answer(page, 'saveSettings', { fail: 'server down' });
    await page.click('#save');
    const expected = ru['settings.failed'].replace('{message}', 'server down');
    await until(page, `document.getElementById('message').textContent === ${JSON.stringify(expected)}`);
  });

  it('prices the schedule as the person chooses, offers only what fits the chosen plan, and sends the plan', async () => {
    const { page } = await openSidebar('en', {
      ...STORED_VIEW,
      refreshChoices: [0, 60, 120, 240, 360, 480, 720, 1440],
    });
    const price = page.locator('#price-refresh');
    expect(await price.textContent()).toBe('Every hour ≈ 744 getContacts a month of your 1,000.');
    await page.check('#membersOnSchedule');
    expect(await price.textContent()).toBe('Every hour ≈ 744 getContacts a month of your 1,000.');
    expect(await page.locator('#price-members').textContent()).toBe(
      'Group members on schedule ≈ 1,550 getGroupData a month (50 groups × 31) of your 1,000. This does not fit your plan.',
    );
    await page.uncheck('#membersOnSchedule');
    // Business: every interval is offered, with no cap.
    await page.selectOption('#plan', 'business');
    const options = () =>
      page
        .locator('#refreshEveryMinutes option')
        .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(await options()).toEqual([
      '0',
      '5',
      '10',
      '15',
      '30',
      '60',
      '120',
      '240',
      '360',
      '480',
      '720',
      '1440',
    ]);
    await page.selectOption('#refreshEveryMinutes', '5');
    expect(await price.textContent()).toBe('Every 5 minutes ≈ 8,928 getContacts a month (no cap).');
    // Custom: the caps appear; 100 a month leaves every 8 hours and slower, and the nearest to the choice is kept.
    await page.selectOption('#plan', 'custom');
    expect(await page.locator('#monthlyCaps').isVisible()).toBe(true);
    await page.getByLabel('getContacts a month (blank: no cap)').fill('100');
    expect(await options()).toEqual(['0', '480', '720', '1440']);
    expect(await page.locator('#refreshEveryMinutes').inputValue()).toBe('480');
    expect(await price.textContent()).toBe('Every 8 hours ≈ 93 getContacts a month of your 100.');
    // Thousands grouped as the meter writes them are a cap too, not "no cap".
    await page.getByLabel('getContacts a month (blank: no cap)').fill('1\u00a0000');
    expect(await price.textContent()).toBe('Every hour ≈ 744 getContacts a month of your 1,000.');
    expect(await options()).toEqual(['0', '60', '120', '240', '360', '480', '720', '1440']);
    await page.getByLabel('getContacts a month (blank: no cap)').fill('100');
    await answer(page, 'saveSettings', { ...STORED_VIEW, message: en['settings.saved'] });
    await page.click('#save');
    await until(page, `window.__calls.some((c) => c.name === 'saveSettings')`);
    expect((await calls(page, 'saveSettings'))[0].args[0]).toMatchObject({
      refreshEveryMinutes: 480,
      plan: 'custom',
      monthlyCaps: { getContacts: '100', getGroupData: '', checkWhatsapp: '' },
    });
  });

  it('shows the meter, flags a saved schedule that does not fit, and warns before passing 90 minutes of triggers a day', async () => {
    const view = {
      ...STORED_VIEW,
      plan: 'business',
      monthlyCaps: { getContacts: null, getGroupData: null, checkWhatsapp: 30000 },
      refreshEveryMinutes: 60,
      quota: {
        ...QUOTA.quota,
        pricing: { ...QUOTA.quota.pricing, avgRunMs: 25_000 },
        meter: ['getContacts: 120 this month (no cap).'],
        apps: 'Apps Script today (UTC): trigger time 3.2 of 90 min a day',
        scheduleWarning: 'The saved schedule (Every 5 minutes) does not fit the plan.',
      },
    };
    const { page } = await openSidebar('en', view);
    expect(await page.locator('#meter-rows li').allTextContents()).toEqual([
      'getContacts: 120 this month (no cap).',
    ]);
    expect(await page.locator('#meter-apps').textContent()).toMatch(/^Apps Script today/);
    expect(await page.getByText(en['settings.meter.note']).isVisible()).toBe(true);
    expect(await page.locator('#schedule-warning').textContent()).toBe(
      'The saved schedule (Every 5 minutes) does not fit the plan.',
    );
    expect(await page.locator('#runtime-warning').textContent()).toBe('');
    await page.selectOption('#refreshEveryMinutes', '5'); // 288 runs × 25 s = 120 min a day
    expect(await page.locator('#runtime-warning').textContent()).toBe(
      "At the measured 25.0 s a run, Every 5 minutes needs about 120 min of trigger time a day: more than Apps Script's 90 min a day for a personal Google account (Workspace: 6 h).",
    );
  });

  it('when getSettings fails, shows why and keeps Save off (an empty refresh list would send 0)', async () => {
    const { page } = await openSidebar('en', { fail: en['error.internal'] });
    await until(page, `document.getElementById('message').textContent !== ''`);
    expect(await page.locator('#message').textContent()).toBe(en['error.internal']);
    expect(await page.locator('#save').isDisabled()).toBe(true);
    expect(await page.locator('#test').isEnabled()).toBe(true);
    await page.fill('#idInstance', '1101000001');
    await page.press('#idInstance', 'Enter');
    expect(await calls(page, 'saveSettings')).toEqual([]);
  });

  it('makes no request beyond the page itself', async () => {
    const { page, requests } = await openSidebar('en');
    await answer(page, 'saveSettings', { ...STORED_VIEW, message: en['settings.saved'] });
    await answer(page, 'testConnection', { ok: true, state: 'authorized', message: en['state.authorized'] });
    await page.fill('#apiTokenInstance', 'abc');
    await page.click('#save');
    await until(page, `document.getElementById('message').textContent !== ''`);
    await page.click('#test');
    await until(page, `document.getElementById('test-result').textContent !== ''`);
    expect(requests).toEqual([PAGE_URL]);
  });

  it.each([
    ['en', en],
    ['ru', ru],
  ] as const)(
    'fits 300 px in %s (no sideways scroll, text ≥ 13 px) and writes a screenshot',
    async (lang, strings) => {
      const { page } = await openSidebar(lang, {
        ...STORED_VIEW,
        stored: true,
        installation: 'addon',
        refreshChoices: [0, 60, 120, 240, 360, 480, 720, 1440],
        refreshEveryMinutes: 120,
        status: {
          ...ERROR_STATUS,
          outcome: `${strings['settings.status.outcome.error']} (${strings['settings.status.source.auto']})`,
          error: strings['error.rateLimited'],
        },
      });
      await answer(page, 'saveSettings', { fail: `idInstance: ${strings['field.idInstance.digits']}` });
      await answer(page, 'testConnection', {
        ok: true,
        state: 'authorized',
        message: strings['state.authorized'],
      });
      await page.fill('#apiTokenInstance', 'abc123def456f00d');
      await page.click('#test');
      await until(page, `document.getElementById('test-result').textContent !== ''`);
      await page.fill('#idInstance', '11O1000001');
      await page.click('#save');
      await until(page, `!document.getElementById('error-idInstance').hidden`);

      const layout = await page.evaluate(() => {
        const small: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
          if (!el.offsetParent && el.tagName !== 'OPTION') continue;
          if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim())) continue;
          const size = Number.parseFloat(getComputedStyle(el).fontSize);
          if (size < 13) small.push(`${el.tagName}#${el.id} ${size}px`);
        }
        const inputs = Array.from(
          document.querySelectorAll<HTMLElement>('input:not([type="checkbox"]), select'),
        )
          .filter((el) => el.offsetParent !== null)
          .map((el) => Math.round(el.getBoundingClientRect().width));
        const form = Math.round(
          (document.getElementById('form') as HTMLElement).getBoundingClientRect().width,
        );
        return { scrollWidth: document.documentElement.scrollWidth, small, inputs, form };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(WIDTH);
      expect(layout.small).toEqual([]);
      expect(new Set(layout.inputs)).toEqual(new Set([layout.form]));

      await page.screenshot({ path: join(ARTIFACTS, `sidebar-${lang}.png`), fullPage: true });
      expect(statSync(join(ARTIFACTS, `sidebar-${lang}.png`)).size).toBeGreaterThan(1000);
    },
  );
});

withBrowser('Disconnect in the sidebar', () => {
  it('is offered only when something is stored, and asks before it calls the server', async () => {
    const none = await openSidebar('en', { ...NO_STATUS_VIEW, stored: false });
    expect(await none.page.locator('#disconnect-section').isVisible()).toBe(false);

    const { page } = await openSidebar('en', { ...STORED_VIEW, stored: true });
    const button = page.getByRole('button', { name: en['disconnect.button'] });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    expect(await page.getByText(en['disconnect.confirm']).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('disconnect-no');
    await page.getByRole('button', { name: en['disconnect.no'], exact: true }).click();
    expect(await page.locator('#disconnect-confirm').isVisible()).toBe(false);
    expect(await calls(page, 'disconnect')).toEqual([]);
  });

  it('on Disconnect calls the server once, shows "Disconnecting…", then the emptied form and the message', async () => {
    const { page } = await openSidebar('en', { ...STORED_VIEW, stored: true });
    await answer(page, 'disconnect', { hold: true });
    await page.getByRole('button', { name: en['disconnect.button'] }).click();
    const yes = page.getByRole('button', { name: en['disconnect.yes'], exact: true });
    await yes.click();
    await until(
      page,
      `document.getElementById('disconnect-yes').textContent === ${JSON.stringify(en['disconnect.working'])}`,
    );
    await page.click('#disconnect-yes', { force: true }).catch(() => undefined);
    const emptied = { ...NO_STATUS_VIEW, stored: false, message: en['disconnect.done'] };
    await page.evaluate((view) => window.__release('disconnect', view), emptied);
    await until(page, `document.getElementById('message').textContent !== ''`);
    expect(await calls(page, 'disconnect')).toEqual([{ name: 'disconnect', args: [] }]);
    expect(await page.locator('#message').textContent()).toBe(en['disconnect.done']);
    expect(await page.locator('#idInstance').inputValue()).toBe('');
    expect(await page.locator('#hint-apiTokenInstance').textContent()).toBe(en['settings.token.hint.none']);
    expect(await page.locator('#disconnect-section').isVisible()).toBe(false);
  });

  it('shows a failure as "Could not disconnect: …" and keeps the form', async () => {
    const { page } = await openSidebar('ru', { ...STORED_VIEW, stored: true });
    await answer(page, 'disconnect', { fail: ru['import.busy'] });
    await page.getByRole('button', { name: ru['disconnect.button'] }).click();
    await page.getByRole('button', { name: ru['disconnect.yes'], exact: true }).click();
    await until(page, `document.getElementById('message').textContent !== ''`);
    expect(await page.locator('#message').textContent()).toBe(
      ru['disconnect.failed'].replace('{message}', ru['import.busy']),
    );
    expect(await page.locator('#idInstance').inputValue()).toBe('1101000001');
    expect(await page.locator('#disconnect').isVisible()).toBe(true);
  });
});

/** The sheet after Import contacts of the sample list, with the readable rows first (for the picture). */
async function importedSheet(): Promise<string[][]> {
  const api = await startFakeGreenApi();
  try {
    const emu = createEmulator({ distDir: 'dist', locale: 'en', allowLoopback: true });
    emu.run('saveSettings', defaultForm(api, { refreshEveryMinutes: 60 }));
    emu.run('importContacts');
    const [header, ...rows] = emu.sheetValues(SHEET).map((row) => row.map((cell) => String(cell ?? '')));
    // Cells a headless browser without an emoji font would show as boxes, or too long to read, stay out.
    const readable = rows.filter((row) =>
      row.every(
        (cell) => cell.length < 32 && !/^[=@'-]|\t|\n|[\u{1F000}-\u{1FFFF}\u2600-\u27BF]/u.test(cell),
      ),
    );
    return [header, ...readable.slice(0, 14)];
  } finally {
    await api.stop();
  }
}

const esc = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** A spreadsheet-like page: the menu bar with the add-on's menu, the imported sheet, the sidebar beside it. */
function spreadsheetPage(rows: string[][]): string {
  const cols = rows[0].map((_, i) => String.fromCharCode(65 + i));
  const cell = (text: string, head = false) => `<td${head ? ' class="h"' : ''}>${esc(text)}</td>`;
  const body = rows
    .map((row, r) => `<tr><th>${r + 1}</th>${row.map((c) => cell(c, r === 0)).join('')}</tr>`)
    .join('');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>
    body{margin:0;font:13px Arial,sans-serif;color:#202124;display:flex;flex-direction:column;height:100vh}
    .bar{display:flex;gap:16px;padding:8px 12px;border-bottom:1px solid #dadce0;background:#f9fbfd}
    .bar b{font-size:15px;margin-right:12px}.bar .addon{background:#e8f0fe;border-radius:4px;padding:0 6px}
    .main{display:flex;flex:1;min-height:0}.grid{flex:1;overflow:hidden}
    table{border-collapse:collapse}th,td{border:1px solid #e2e3e3;padding:3px 6px;white-space:nowrap;max-width:190px;overflow:hidden}
    th{background:#f8f9fa;color:#5f6368;font-weight:normal;text-align:center;min-width:24px}
    td.h{font-weight:bold;border-bottom:2px solid #bdc1c6}
    .side{width:300px;border-left:1px solid #dadce0;display:flex;flex-direction:column}
    .side header{padding:10px 12px;font-size:16px;border-bottom:1px solid #dadce0}
    iframe{border:0;flex:1;width:300px}
  </style></head><body>
  <div class="bar"><b>Team contacts</b><span>File</span><span>Edit</span><span>View</span><span>Insert</span>
  <span>Format</span><span>Data</span><span>Tools</span><span>Extensions</span><span class="addon">${esc(en['app.name'])}</span></div>
  <div class="main"><div class="grid"><table><tr><th></th>${cols.map((c) => `<th>${c}</th>`).join('')}</tr>${body}</table></div>
  <div class="side"><header>${esc(en['settings.title'])}</header><iframe src="${PAGE_URL}"></iframe></div></div>
  </body></html>`;
}

withBrowser('the picture in README', () => {
  it('shows the imported contacts and the Settings sidebar (docs/screenshot.png with WA_UPDATE_SCREENSHOT=1)', async () => {
    const rows = await importedSheet();
    const { html } = servedSidebar('en');
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    opened.push({ page, requests: [], pageErrors: [] });
    const PICTURE_URL = 'http://127.0.0.1/spreadsheet';
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === PICTURE_URL)
        return route.fulfill({
          status: 200,
          contentType: 'text/html; charset=utf-8',
          body: spreadsheetPage(rows),
        });
      if (url === PAGE_URL)
        return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
      return route.abort('blockedbyclient');
    });
    await page.addInitScript(installServerStub);
    await page.addInitScript(
      (view) => {
        window.__answers.getSettings = view;
      },
      {
        ...STORED_VIEW,
        stored: true,
        status: {
          at: '2026-12-06 09:00',
          outcome: `${en['settings.status.outcome.ok']} (${en['settings.status.source.menu']})`,
          count: rows.length - 1,
          error: '',
          nextRetryAt: '',
        },
      },
    );
    await page.goto(PICTURE_URL);
    const frame = page.frames().find((f) => f.url() === PAGE_URL);
    if (!frame) throw new Error('the sidebar frame did not load');
    await frame.waitForFunction(`!document.getElementById('test').disabled`, undefined, { timeout: 5000 });
    expect(await page.locator('td.h').allTextContents()).toEqual(rows[0]);
    const path = join(ARTIFACTS, 'screenshot.png');
    await page.screenshot({ path });
    expect(statSync(path).size).toBeGreaterThan(20_000);
    if (process.env.WA_UPDATE_SCREENSHOT === '1') copyFileSync(path, join(ROOT, 'docs', 'screenshot.png'));
  });
});

describe('the number check in the sidebar (issue 19)', () => {
  it('shows its progress and settings, and saves the default country and days on their own', async () => {
    const view = {
      ...STORED_VIEW,
      check: { text: 'Number check: 1,240 of 3,000 numbers (continues by itself).', error: '' },
      checkSettings: { country: 'RU', freshDays: 30, localeCountry: 'RU' },
    };
    const { page, pageErrors } = await openSidebar('en', view);
    expect(await page.textContent('#check-status')).toBe(view.check.text);
    expect(await page.inputValue('#checkCountry')).toBe('RU');
    expect(await page.inputValue('#checkFreshDays')).toBe('30');
    await page.evaluate(() => {
      window.__answers.saveCheckSettings = { country: 'US', freshDays: 7, localeCountry: 'RU' };
    });
    await page.fill('#checkCountry', 'us');
    await page.fill('#checkFreshDays', '7');
    await page.click('#check-save');
    await until(page, `window.__calls.some((c) => c.name === 'saveCheckSettings')`);
    const calls = await page.evaluate(() => window.__calls.filter((c) => c.name === 'saveCheckSettings'));
    expect(calls[0].args).toEqual([{ country: 'us', freshDays: '7' }]);
    await until(page, `document.getElementById('check-message').textContent.length > 0`);
    expect(await page.textContent('#check-message')).toBe(en['settings.check.saved']);
    expect(await page.inputValue('#checkCountry')).toBe('US');
    expect(pageErrors).toEqual([]);
  });
});
