/**
 * `=WA_CONTACTS(type, header)`: the contact table as a custom function. Custom functions run unauthorized,
 * within 30 s, and may fetch and read properties and cache but not write cells or create triggers
 * (https://developers.google.com/apps-script/guides/sheets/functions). So formulas read the snapshot the last
 * refresh left in the document cache; only without one does a formula fetch (formula/obtain.ts: under the
 * document lock, once for a sheet full of formulas, within the 30 seconds). A result too large for a formula
 * is a message saying so (formula/result-size.ts), never Sheets' error.
 */
import { type ContactFilter, contactRows } from '../contacts/rows';
import type { Translate } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { loadSettings } from '../settings/store';
import { fitCell } from '../table/cell-text';
import { formulaDeadline } from './budget';
import { formulaCall } from './call';
import { contactsSource, fail, obtain } from './obtain';
import { RESULT_CELL_LIMIT } from './result-size';

/** Evaluates WA_CONTACTS for the given arguments; returns a rectangular 2-D array of plain values. */
export function waContacts(services: Services, type: unknown, header: unknown): string[][] {
  return formulaCall(services, (t) => contactsTable(services, t, type, header));
}

function contactsTable(services: Services, t: Translate, type: unknown, header: unknown): string[][] {
  const deadline = formulaDeadline(services.clock);
  const filter = parseType(type, t);
  const withHeader = parseHeader(header, t, 'WA_CONTACTS');
  const settings = loadSettings(services.properties());
  if (!settings) return fail(t('formula.noSettings'));
  const contacts = obtain(
    services,
    contactsSource(services, settings, { ...services, deadline }),
    deadline,
    t,
  );
  const count = filter === 'all' ? contacts.length : contacts.filter((c) => c.type === filter).length;
  const cells = (count + (withHeader ? 1 : 0)) * 5;
  // An error like the others (docs/USAGE.md, "Formulas"): IFERROR catches it, and no formula takes it for data.
  if (cells > RESULT_CELL_LIMIT) {
    const key = filter === 'all' ? 'formula.tooLarge' : 'formula.tooLargeType';
    return fail(t(key, { count, cells, limit: RESULT_CELL_LIMIT }));
  }
  const rows = contactRows(contacts, filter);
  for (const row of rows) for (let i = 0; i < row.length; i++) row[i] = fitCell(row[i]);
  if (!withHeader) return rows.length ? rows : [[t('formula.none')]];
  return [
    [t('header.id'), t('header.phone'), t('header.name'), t('header.contactName'), t('header.type')],
    ...rows,
  ];
}

/** `type`: "all" (also empty), "user" or "group", any case. */
export function parseType(value: unknown, t: Translate): ContactFilter {
  if (value === undefined || value === null || value === '') return 'all';
  if (typeof value === 'string') {
    const type = value.trim().toLowerCase();
    if (type === 'all' || type === 'user' || type === 'group') return type;
  }
  throw new Error(t('formula.badType', { value: describe(value) }));
}

/** `header`: TRUE (also empty) or FALSE; `fn` names the function in the message. */
export function parseHeader(value: unknown, t: Translate, fn: string): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  throw new Error(t('formula.badHeader', { fn, value: describe(value) }));
}

/** An argument as a person would recognise it in a message (short). */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a range';
  const text = typeof value === 'string' ? `"${value}"` : String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
