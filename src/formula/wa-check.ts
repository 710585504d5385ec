/**
 * `=WA_CHECK(number)` and `=WA_CHECK(range)`: whether numbers have WhatsApp, as the "WhatsApp Number Checks"
 * table says — read only, never a request (a formula per cell that asked GREEN-API would spend the plan's 100
 * checks a month on recalculations). A single number answers `yes`/`no`, or throws "not checked yet — use Check
 * numbers on WhatsApp" (or "not a phone number") so IFERROR works; a range answers cell by cell, with those words
 * in the cells it cannot answer (a custom function cannot make one cell of its result an error). The numbers are
 * read as the menu reads them (the same default country).
 */
import { readNumber } from '../numbers/read';
import type { CheckedNumber } from '../numbers/table';
import type { Services } from '../platform/services';
import { loadCheckSettings } from '../settings/check-settings';
import { knownChecks } from '../sheet/checks-sheet';
import { formulaCall } from './call';

/** The answer for one number or a range of them. */
export function waCheck(services: Services, input: unknown): string | string[][] {
  return formulaCall(services, (t) => {
    const spreadsheet = services.activeSpreadsheet();
    const properties = services.hasDocumentStore() ? services.properties() : null;
    const country = properties
      ? loadCheckSettings(properties, spreadsheet?.getSpreadsheetLocale() ?? '').country
      : '';
    let known: Map<string, CheckedNumber> = new Map();
    if (spreadsheet) {
      // Read-only: the stored sheet id and the tags; nothing is written, so no protection words.
      const context = { properties, enums: services.sheetEnums(), protection: '' };
      known = knownChecks(spreadsheet, services.locale(), context);
    }
    const answer = (value: unknown): { ok: string } | { error: string } => {
      const reading = readNumber(value, country);
      if (reading.kind === 'empty') return { ok: '' };
      if (reading.kind === 'notPhone') return { error: t('formula.check.notPhone', { text: reading.text }) };
      const check = known.get(reading.e164);
      if (!check) return { error: t('formula.check.notChecked') };
      return { ok: check.exists ? 'yes' : 'no' };
    };
    if (Array.isArray(input)) {
      return (input as unknown[][]).map((row) =>
        (Array.isArray(row) ? row : [row]).map((value) => {
          const a = answer(value);
          return 'ok' in a ? a.ok : a.error;
        }),
      );
    }
    const a = answer(input);
    if ('error' in a) throw new Error(a.error);
    return a.ok;
  });
}
