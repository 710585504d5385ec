/**
 * `npm start`: the add-on's main job, locally. Starts the fake GREEN-API with its sample contacts (or, with
 * GREEN_API_URL, GREEN_API_ID_INSTANCE and GREEN_API_TOKEN set, uses the real GREEN-API), loads the built
 * dist/ into the Apps Script emulator, saves the settings and clicks Import contacts — the same code path as in
 * Sheets — then prints the sheet as a table and writes contacts.csv.
 */
import { writeFileSync } from 'node:fs';
import { createEmulator } from '../test/support/emulator';
import { DEFAULT_API_TOKEN, DEFAULT_ID_INSTANCE, startFakeGreenApi } from '../test/support/fake-green-api';

const SHEET = 'WhatsApp Contacts';

function csvCell(value: unknown): string {
  const text = value instanceof Date ? value.toISOString() : String(value ?? '');
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function printTable(rows: unknown[][]): void {
  const shown = rows.map((row) =>
    row.map((cell) => {
      const text = String(cell ?? '').replace(/\s+/g, ' ');
      return text.length > 36 ? `${text.slice(0, 33)}… (${text.length} chars)`.slice(0, 48) : text;
    }),
  );
  const widths = shown[0].map((_, col) => Math.max(...shown.map((row) => [...(row[col] ?? '')].length)));
  const line = (row: string[]) =>
    row.map((cell, col) => cell + ' '.repeat(widths[col] - [...cell].length)).join(' │ ');
  console.log(line(shown[0]));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const row of shown.slice(1)) console.log(line(row));
}

async function main(): Promise<void> {
  const real = process.env.GREEN_API_URL && process.env.GREEN_API_ID_INSTANCE && process.env.GREEN_API_TOKEN;
  const fake = real ? null : await startFakeGreenApi();
  try {
    const settings = real
      ? {
          apiUrl: process.env.GREEN_API_URL,
          idInstance: process.env.GREEN_API_ID_INSTANCE,
          apiTokenInstance: process.env.GREEN_API_TOKEN,
        }
      : { apiUrl: fake?.url, idInstance: DEFAULT_ID_INSTANCE, apiTokenInstance: DEFAULT_API_TOKEN };
    console.log(real ? `Using the real GREEN-API at ${settings.apiUrl}` : `Fake GREEN-API at ${fake?.url}`);

    const emu = createEmulator({ distDir: 'dist', locale: process.env.WA_LOCALE ?? 'en' });
    emu.runOnOpen('NONE');
    emu.run('saveSettings', settings);
    const report = emu.run('importContacts') as { outcome: string; message: string };
    console.log(`Import contacts → ${report.outcome}: ${report.message}\n`);
    if (report.outcome !== 'ok') process.exitCode = 1;

    const rows = emu.spreadsheet.getSheetByName(SHEET) ? emu.sheetValues(SHEET) : [];
    if (rows.length) {
      printTable(rows);
      writeFileSync('contacts.csv', `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`);
      console.log(`\n${rows.length - 1} contacts written to contacts.csv`);
    }
  } finally {
    await fake?.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
