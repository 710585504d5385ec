/**
 * The shared set-up of the integration tests: the built dist/ loaded into the Apps Script emulator, talking
 * real HTTP to the fake GREEN-API (a separate process). `withAddon()` registers the server's start and stop
 * with Jest and returns a `fresh()` that makes a new spreadsheet with saved settings for each test.
 */
import { afterAll, beforeAll } from '@jest/globals';
import { createEmulator } from './emulator';
import {
  DEFAULT_API_TOKEN,
  DEFAULT_ID_INSTANCE,
  type FakeConfig,
  type FakeGreenApi,
  startFakeGreenApi,
} from './fake-green-api';

export { DEFAULT_API_TOKEN as TOKEN, DEFAULT_ID_INSTANCE as ID_INSTANCE };
export const SHEET = 'WhatsApp Contacts';

type EmulatorOptions = Parameters<typeof createEmulator>[0];
export type Emulator = ReturnType<typeof createEmulator>;

/** The fake server of this test file, and a factory for a fresh spreadsheet with the add-on set up. */
export function withAddon() {
  const context = { api: undefined as unknown as FakeGreenApi };
  beforeAll(async () => {
    context.api = await startFakeGreenApi();
  });
  afterAll(async () => {
    await context.api?.stop();
  });
  return {
    get api(): FakeGreenApi {
      return context.api;
    },
    /** A new emulator (new spreadsheet, empty stores) with the fake server reset to `config`. */
    fresh(options: Partial<EmulatorOptions> = {}, config?: FakeConfig, settings = true): Emulator {
      context.api.resetSync();
      if (config) context.api.configureSync(config);
      const emu = createEmulator({
        distDir: 'dist',
        locale: 'en',
        allowLoopback: true,
        ...options,
      } as EmulatorOptions);
      if (settings) emu.run('saveSettings', defaultForm(context.api));
      return emu;
    },
  };
}

/** The settings form for the fake server's default instance. */
export function defaultForm(api: FakeGreenApi, extra: Record<string, unknown> = {}) {
  return { apiUrl: api.url, idInstance: DEFAULT_ID_INSTANCE, apiTokenInstance: DEFAULT_API_TOKEN, ...extra };
}

/** Scenario for the default instance. */
export function instance(config: Record<string, unknown>): FakeConfig {
  return { instances: { [DEFAULT_ID_INSTANCE]: config } };
}

/** Every text a person or a log could see: cells, toasts, alerts, sidebars, logs, properties but the token's own. */
export function everythingVisible(emu: Emulator): string {
  const parts: string[] = [];
  for (const sheet of emu.spreadsheet.getSheets()) {
    parts.push(
      JSON.stringify(emu.sheetValues(sheet.getName())),
      JSON.stringify(emu.sheetDisplay(sheet.getName())),
    );
  }
  parts.push(JSON.stringify(emu.ui), JSON.stringify(emu.logs));
  const props = { ...emu.properties.document } as Record<string, string>;
  delete props['wa.apiTokenInstance'];
  parts.push(JSON.stringify(props));
  return parts.join('\n');
}

/**
 * A person's answer to the next dialog, given after `meanwhile` ran while the dialog was open (the script
 * suspended): e.g. an auto-refresh fired by moving the clock on.
 */
export function answerAfter(emu: Emulator, meanwhile: () => void, button: 'YES' | 'NO' = 'YES'): void {
  emu.answerDialogs(() => {
    meanwhile();
    return button;
  });
}
