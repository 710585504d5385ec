/**
 * Picks the strings table for the user's language (`Session.getActiveUserLocale()`, e.g. `ru`, `ru_RU`, `en-GB`)
 * with English as the fallback — also when the locale is unknown, as in AuthMode.NONE.
 */
import type { ErrorKind } from '../errors/addon-error';
import { en, type StringKey } from './en';
import { ru } from './ru';

/** Languages with a strings table. */
export type Language = 'en' | 'ru';

/** Looks up a string and fills in `{name}` parameters. */
export type Translate = (key: StringKey, params?: Record<string, string | number>) => string;

const TABLES: Record<Language, Record<StringKey, string>> = { en, ru };
const KEYS: ReadonlySet<string> = new Set(Object.keys(en));

/** The language for a locale string; English unless it is Russian. */
export function languageOf(locale: string): Language {
  const primary = (locale || '').toLowerCase().split(/[-_]/)[0];
  return primary === 'ru' ? 'ru' : 'en';
}

/** A Translate function for a locale. */
export function translator(locale: string): Translate {
  const table = TABLES[languageOf(locale)];
  return (key, params) => fill(table[key] ?? en[key] ?? key, params);
}

/** True when `key` is a key of the strings table (for keys computed at run time, such as field errors). */
export function isStringKey(key: string): key is StringKey {
  return KEYS.has(key);
}

/** The words for an error kind, with its detail filled in. */
export function errorText(t: Translate, kind: ErrorKind, detail = ''): string {
  if (kind === 'quota') {
    const words = quotaWords(t, detail);
    if (words) return words;
  }
  return t(`error.${kind}` as StringKey, { detail });
}

/**
 * A quota error's words from its detail `method|used|total|resumesAt` (greenapi/client.ts quotaDetail):
 * "getContacts: 1,000 of 1,000 used this month (466); scheduled refreshes resume on 1 January (UTC), …".
 */
function quotaWords(t: Translate, detail: string): string | null {
  const [method, used, total, resumesAt, scope] = detail.split('|');
  const at = Number(resumesAt);
  if (!method || !(at > 0)) return null;
  const date = dateWords(t, at);
  const numbers = !(used === '' || total === '' || used === undefined || total === undefined);
  if (scope === 'chats')
    return numbers
      ? t('error.quotaChats', {
          method,
          used: countWords(t, Number(used)),
          total: countWords(t, Number(total)),
          date,
        })
      : t('error.quotaChatsPlain', { method, date });
  if (!numbers) return t('error.quotaMethod', { method, date });
  return t('error.quotaUsed', {
    method,
    used: countWords(t, Number(used)),
    total: countWords(t, Number(total)),
    date,
  });
}

/** A UTC date as a person reads it: "1 January" (en), "1 января" (ru). */
export function dateWords(t: Translate, ms: number): string {
  const d = new Date(ms);
  const names = t('quota.months').split(',');
  return `${d.getUTCDate()} ${names[d.getUTCMonth()] ?? d.getUTCMonth() + 1}`;
}

/** A count with thousands grouped: "1,000" (en), "1 000" (ru). */
export function countWords(t: Translate, n: number): string {
  const separator = t('quota.thousands').slice(1, -3);
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A key's words in every language, the locale's language first (to recognise what any user's add-on wrote). */
export function wordsOf(locale: string, key: StringKey): string[] {
  const first = languageOf(locale);
  const words = [TABLES[first][key], ...Object.values(TABLES).map((table) => table[key])];
  return [...new Set(words)];
}

/** The whole table of a language (the sidebar receives the `settings.*` and `state.*` part). */
export function table(locale: string): Record<StringKey, string> {
  return TABLES[languageOf(locale)];
}

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
