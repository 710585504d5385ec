/**
 * The server side of the Settings sidebar through the entry points google.script.run calls: getSettings,
 * saveSettings and testConnection, with real HTTP to the fake GREEN-API.
 */
import { describe, expect, it } from '@jest/globals';
import { defaultForm, everythingVisible, instance, TOKEN, withAddon } from '../support/addon';
import { responses } from '../support/fake-green-api';

const addon = withAddon();

describe('saveSettings and getSettings', () => {
  it('stores valid settings and returns them with only a hint of the token', () => {
    const emu = addon.fresh({}, undefined, false);
    const view = emu.run(
      'saveSettings',
      defaultForm(addon.api, { apiUrl: `${addon.api.url}/`, refreshEveryMinutes: 120 }),
    );
    expect(view).toMatchObject({
      apiUrl: addon.api.url,
      idInstance: '1101000001',
      hasToken: true,
      tokenHint: `…${TOKEN.slice(-4)}`,
      refreshEveryMinutes: 120,
      plan: 'developer',
      monthlyCaps: { getContacts: 1000, getGroupData: 1000, checkWhatsapp: 100 },
      message: 'Settings saved.',
    });
    expect(JSON.stringify(view)).not.toContain(TOKEN);
    expect(JSON.stringify(emu.run('getSettings'))).not.toContain(TOKEN);
  });

  it('keeps the stored token when the token field is left blank', () => {
    const emu = addon.fresh();
    emu.run('saveSettings', defaultForm(addon.api, { apiTokenInstance: '' }));
    expect(emu.properties.document['wa.apiTokenInstance']).toBe(TOKEN);
    expect(emu.run('importContacts')).toMatchObject({ outcome: 'ok' });
  });

  it.each([
    [{ apiUrl: 'http://api.green-api.com' }, /^apiUrl: .*https/],
    [{ apiUrl: 'https://api.green-api.com/?token=1' }, /^apiUrl: /],
    [{ idInstance: '12ab' }, /^idInstance: .*digits only/],
    [{ apiTokenInstance: 'has space' }, /^apiTokenInstance: /],
    [{ apiTokenInstance: 'a/b' }, /^apiTokenInstance: /],
    [{ refreshEveryMinutes: 3 }, /^refreshEveryMinutes: /],
  ])('rejects %j naming the field, and saves nothing', (bad, message) => {
    const emu = addon.fresh();
    const before = { ...emu.properties.document };
    expect(() => emu.run('saveSettings', defaultForm(addon.api, bad))).toThrow(message);
    expect(emu.properties.document).toEqual(before);
  });

  it('asks for the token again when idInstance changes, so a stored token never goes to another instance', () => {
    const emu = addon.fresh();
    expect(() =>
      emu.run('saveSettings', defaultForm(addon.api, { idInstance: '1101000002', apiTokenInstance: '' })),
    ).toThrow(/^apiTokenInstance: idInstance changed: enter the apiTokenInstance of this instance too/);
    expect(() =>
      emu.run('testConnection', defaultForm(addon.api, { idInstance: '1101000002', apiTokenInstance: '' })),
    ).toThrow(/^apiTokenInstance: /);
    expect(addon.api.requestsSync().filter((r) => r.idInstance === '1101000002')).toHaveLength(0);
  });

  it('rejects a first save without a token', () => {
    const emu = addon.fresh({}, undefined, false);
    expect(() => emu.run('saveSettings', { idInstance: '1' })).toThrow(
      /^apiTokenInstance: Enter apiTokenInstance/,
    );
    expect(emu.properties.document).toEqual({});
  });

  it('answers in Russian for a Russian-speaking user', () => {
    const emu = addon.fresh({ locale: 'ru_RU' });
    expect(() => emu.run('saveSettings', defaultForm(addon.api, { idInstance: 'x' }))).toThrow(
      /^idInstance: .*только цифры/,
    );
    expect(emu.run('saveSettings', defaultForm(addon.api))).toMatchObject({
      message: 'Настройки сохранены.',
    });
  });

  it('shows the last refresh in the status', () => {
    const emu = addon.fresh();
    emu.run('importContacts');
    const view = emu.run('getSettings') as { status: { outcome: string; count: number; at: string } };
    expect(view.status.outcome).toBe('Done (from the menu)');
    expect(view.status.count).toBeGreaterThan(0);
    expect(view.status.at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });
});

describe('who can read the token', () => {
  it.each([
    ['a bound script with other editors', true, { editors: ['owner@example.com', 'colleague@example.com'] }],
    // getEditors() may leave the owner out and never shows link sharing: a bound script always says it.
    [
      'a bound script the owner alone edits (link sharing cannot be seen)',
      true,
      { editors: ['owner@example.com'] },
    ],
    ['a bound script whose editors list leaves the owner out', true, { editors: ['colleague@example.com'] }],
    [
      'an add-on (editors cannot run its code)',
      false,
      { installationSource: 'ADD_ON' as const, editors: ['owner@example.com', 'colleague@example.com'] },
    ],
  ])('%s: warned %s', (_what, warns, options) => {
    const emu = addon.fresh(options);
    expect((emu.run('getSettings') as { sharedToken: boolean }).sharedToken).toBe(warns);
  });
});

describe('testConnection', () => {
  it.each([
    ['authorized', true, /Connected/],
    ['notAuthorized', false, /scan the QR code/],
    ['blocked', false, /blocked/],
    ['sleepMode', false, /Sleep mode/],
    ['starting', false, /starting/],
    ['yellowCard', false, /Yellow card/],
  ])('reports the state %s in words', (state, ok, message) => {
    const emu = addon.fresh({}, instance({ state }));
    const report = emu.run('testConnection') as { ok: boolean; state: string; message: string };
    expect(report).toMatchObject({ ok, state });
    expect(report.message).toMatch(message);
  });

  it.each([
    [responses.unauthorized(), /401/],
    [responses.forbidden(), /403/],
    [responses.status466(), /466/],
    [responses.htmlPage(), /unexpected answer/],
  ])('reports HTTP errors as the import does (%#)', (response, message) => {
    const emu = addon.fresh({}, instance({ stateScript: [response] }));
    const report = emu.run('testConnection') as { ok: boolean; message: string };
    expect(report.ok).toBe(false);
    expect(report.message).toMatch(message);
    expect(everythingVisible(emu)).not.toContain(TOKEN);
  });

  it('tests the values typed in the form before they are saved', () => {
    const emu = addon.fresh({}, undefined, false);
    const report = emu.run('testConnection', defaultForm(addon.api)) as { ok: boolean };
    expect(report.ok).toBe(true);
    // Nothing saved: only the request it made is counted (quota/ledger.ts).
    expect(Object.keys(emu.properties.document)).toEqual(['wa.ledger']);
    expect(() => emu.run('testConnection', defaultForm(addon.api, { idInstance: 'abc' }))).toThrow(
      /^idInstance: /,
    );
  });
});

describe('showSettings', () => {
  it('opens the sidebar with the strings of the user language and no token', () => {
    const emu = addon.fresh({ locale: 'ru' });
    emu.run('showSettings');
    const sidebar = emu.ui.sidebars.at(-1) as { html: string; title: string };
    expect(sidebar.title).toBe('Настройки: Контакты WhatsApp');
    expect(sidebar.html).toContain('Проверить подключение');
    expect(sidebar.html).not.toContain('__WA_BOOT__');
    expect(sidebar.html).not.toContain(TOKEN);
  });
});
