/**
 * The Status text of a row whose key left the list: "removed 2026-11-29" in English, "удалён 2026-11-29" in
 * Russian, written in the language of whoever ran the refresh and recognised in any language, so a document
 * shared by people with different languages (and its triggers) treats every mark alike.
 */
import { type Translate, wordsOf } from '../i18n/i18n';

/** The mark for a row removed on `day` (yyyy-MM-dd). */
export function removedMark(t: Translate, day: string): string {
  return t('status.removed', { date: day });
}

const PREFIXES = wordsOf('en', 'status.removed').map((text) =>
  text.slice(0, text.indexOf('{date}')).trim().toLowerCase(),
);

/** True for a Status text that marks a removed row, in any language. */
export function isRemovedMark(text: string): boolean {
  if (text === '') return false;
  const lower = text.trim().toLowerCase();
  return PREFIXES.some((prefix) => lower === prefix || lower.startsWith(`${prefix} `));
}
