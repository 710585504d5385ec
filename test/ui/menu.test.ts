/**
 * onOpen and onInstall: the menu is built in every auth mode, including AuthMode.NONE where a published
 * add-on may touch no service but the UI, and in the user's language.
 */
import { describe, expect, it } from '@jest/globals';
import { en } from '../../src/i18n/en';
import { ru } from '../../src/i18n/ru';
import { createEmulator } from '../support/emulator';

const ITEMS = [
  'importContacts',
  'importGroupMembers',
  'refreshNow',
  'checkNumbers',
  'deleteRemovedContacts',
  'deleteRemovedMembers',
  'showSettings',
  'showDiagnostics',
];

describe('the add-on menu', () => {
  it.each(['NONE', 'LIMITED', 'FULL'] as const)('is built in AuthMode.%s', (mode) => {
    const emu = createEmulator({ distDir: 'dist', locale: 'en' });
    emu.runOnOpen(mode);
    const menu = emu.ui.menus.at(-1);
    expect(menu?.items.map((i) => i?.functionName).filter(Boolean)).toEqual(ITEMS);
    expect(menu?.items.map((i) => i?.caption)).toContain('Import contacts');
  });

  it('is in Russian for a Russian-speaking user', () => {
    const emu = createEmulator({ distDir: 'dist', locale: 'ru' });
    emu.runOnOpen('FULL');
    const captions = emu.ui.menus.at(-1)?.items.map((i) => i?.caption);
    expect(captions).toContain('Импортировать контакты');
    expect(captions).toContain('Настройки');
  });

  it('falls back to English in AuthMode.NONE, where the locale is unknown', () => {
    const emu = createEmulator({ distDir: 'dist', locale: 'ru' });
    emu.runOnOpen('NONE');
    expect(emu.ui.menus.at(-1)?.items.map((i) => i?.caption)).toContain('Import contacts');
  });

  it('is built by onInstall too', () => {
    const emu = createEmulator({ distDir: 'dist', locale: 'en' });
    emu.run('onInstall', { authMode: 'FULL' });
    expect(emu.ui.menus).toHaveLength(1);
  });
});

describe('the menu title and the messages that name it', () => {
  it('is a "WhatsApp Contacts" menu of its own in a bound script, not Extensions → the project title', () => {
    const emu = createEmulator({ distDir: 'dist', locale: 'en', addonName: 'Untitled project' });
    emu.runOnOpen('LIMITED');
    expect(emu.ui.menus.at(-1)?.title).toBe('WhatsApp Contacts');
    const ruEmu = createEmulator({ distDir: 'dist', locale: 'ru', addonName: 'Untitled project' });
    ruEmu.runOnOpen('FULL');
    expect(ruEmu.ui.menus.at(-1)?.title).toBe('Контакты WhatsApp');
  });

  it.each(['NONE', 'FULL'] as const)(
    'is the add-on menu under Extensions (the listed name) in a published add-on, AuthMode.%s',
    (mode) => {
      const emu = createEmulator({
        distDir: 'dist',
        locale: 'en',
        installationSource: 'ADD_ON',
        addonName: 'WhatsApp Contacts',
      });
      emu.runOnOpen(mode);
      expect(emu.ui.menus.at(-1)?.title).toBe('WhatsApp Contacts');
    },
  );

  it.each([
    ['en', en],
    ['ru', ru],
  ] as const)('is named in every %s message by its title and an item it has', (_lang, strings) => {
    const captions = Object.entries(strings)
      .filter(([key]) => key.startsWith('menu.'))
      .map(([, caption]) => caption);
    const path = `${strings['app.name']} → `;
    let seen = 0;
    for (const [key, text] of Object.entries(strings)) {
      for (let at = text.indexOf(path); at >= 0; at = text.indexOf(path, at + 1)) {
        const rest = text.slice(at + path.length);
        expect([key, captions.some((caption) => rest.startsWith(caption))]).toEqual([key, true]);
        seen++;
      }
      // A menu path in a message always starts with the menu's own title.
      const arrows = text.match(/[^\s«"(]+(?: [^\s«"(→]+)? → /g) ?? [];
      for (const arrow of arrows) {
        if (/Extensions|Расширения|Edit|File|Правка|Файл|Apps Script/.test(arrow)) continue;
        expect([key, arrow]).toEqual([key, path]);
      }
    }
    expect(seen).toBeGreaterThan(5);
  });
});
