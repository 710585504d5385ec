/**
 * onOpen and onInstall: the menu is built in every auth mode, including AuthMode.NONE where a published
 * add-on may touch no service but the UI, and in the user's language.
 */
import { describe, expect, it } from '@jest/globals';
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
