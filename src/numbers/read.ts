/**
 * Reads a phone number the way people type it into a cell: `+7 (900) 123-45-67`, `8 900 123 45 67`,
 * `0049 30 1234567`, `79001234567`, or a number stored as a number. Pure: no Apps Script.
 *
 * Rules, in order (issue 19): a leading `+` or `00` starts an international number whatever the default country;
 * otherwise the number is read for the default country (its trunk prefix, e.g. Russia's 8, is understood); a bare
 * 11–15-digit number that is not valid for the default country is read as `+` and its digits. Everything else —
 * validity per country, trunk prefixes, country codes — is libphonenumber-js with its minimal metadata
 * (https://www.npmjs.com/package/libphonenumber-js, "min": the metadata that validates a number's length and
 * leading digits per country, without the per-type patterns of "max"; about 80 KB of JSON, the smallest set that
 * still refuses invalid numbers). A number that is not valid is never sent to GREEN-API: it would cost a request
 * and, for some countries (docs/CHECK-NUMBERS.md), answer "yes" for a number that never delivers.
 */
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/** What a cell reads as: a number in E.164 (with the digits GREEN-API is asked about, `chatDigits`), empty, or not a phone. */
export type NumberReading =
  | { kind: 'number'; e164: string; digits: string }
  | { kind: 'empty' }
  | { kind: 'notPhone'; text: string };

/** Characters people put between digits: spaces (also non-breaking), dashes, dots, slashes, brackets. */
const SEPARATORS = /[\s\u00a0\u2007\u202f\-\u2010-\u2015.()/[\]]/g;

/** The longest text considered at all (a cell of prose is not a number). */
const MAX_TEXT = 40;

/** Reads one cell value. `defaultCountry` is an ISO 3166 code (e.g. `RU`), or '' for none. */
export function readNumber(value: unknown, defaultCountry: string): NumberReading {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  const raw = cellText(value);
  if (raw === null) return { kind: 'notPhone', text: String(value) };
  const text = raw.trim();
  if (!text) return { kind: 'empty' };
  if (text.length > MAX_TEXT) return { kind: 'notPhone', text };
  const compact = text.replace(SEPARATORS, '');
  const match = /^(\+|00)?(\d{3,17})$/.exec(compact);
  if (!match) return { kind: 'notPhone', text };
  const [, lead, digits] = match;
  if (lead) return international(digits, text);
  const country = countryOf(defaultCountry);
  if (country) {
    const parsed = parsePhoneNumberFromString(digits, country);
    if (parsed?.isValid()) return reading(parsed.number);
  }
  if (digits.length >= 11 && digits.length <= 15) return international(digits, text);
  return { kind: 'notPhone', text };
}

/** A supported country code in upper case, or undefined. */
export function countryOf(code: string): CountryCode | undefined {
  const upper = String(code ?? '')
    .trim()
    .toUpperCase();
  return /^[A-Z]{2}$/.test(upper) && isSupportedCountry(upper) ? (upper as CountryCode) : undefined;
}

/** The country of a spreadsheet locale (`en_US` → `US`, `ru` → `RU` for the few languages of one country), or ''. */
export function countryOfLocale(locale: string): string {
  const match = /^([a-z]{2,3})(?:[_-]([A-Za-z]{2}))?/.exec(String(locale ?? ''));
  if (!match) return '';
  if (match[2]) return countryOf(match[2]) ?? '';
  const single: Record<string, string> = {
    ru: 'RU',
    de: 'DE',
    fr: 'FR',
    it: 'IT',
    ja: 'JP',
    kk: 'KZ',
    uk: 'UA',
  };
  return single[match[1]] ?? '';
}

/**
 * An international number from its digits. Two spellings GREEN-API's FAQ names are read as the number they mean
 * (https://green-api.com/en/docs/faq/features-of-the-checkwhatsapp-method-with-some-numbers/): US/Canada with
 * zeros after the 1 (`1002123456789` is `12123456789`), and Mexico's older mobile `521…` (the number is `52…`).
 */
function international(digits: string, text: string): NumberReading {
  for (const candidate of [digits, digits.replace(/^10+/, '1'), digits.replace(/^521(\d{10})$/, '52$1')]) {
    const parsed = parsePhoneNumberFromString(`+${candidate}`);
    if (parsed?.isValid()) return reading(parsed.number);
  }
  return { kind: 'notPhone', text };
}

/** Brazil's area codes whose mobiles carry the ninth digit on WhatsApp (GREEN-API's FAQ, see chatDigits). */
const BRAZIL_NINE = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '22',
  '24',
  '27',
  '28',
]);

/**
 * The digits GREEN-API expects for a number (its chatId without `@c.us`), from its E.164, as GREEN-API's FAQ on
 * countries says (https://green-api.com/en/docs/faq/features-of-sending-and-receiving-messages-from-different-countries/):
 * Mexico inserts a 1 after 52 (`52 55…` → `521 55…`); Brazil keeps the ninth digit of a mobile only for area codes
 * 11–19, 21, 22, 24, 27, 28. Everything else is the E.164 digits (Argentina's 549 without the 15 is already how
 * libphonenumber writes a mobile).
 */
export function chatDigits(e164: string): string {
  const digits = e164.replace(/^\+/, '');
  const mexico = /^52(\d{10})$/.exec(digits);
  if (mexico) return `521${mexico[1]}`;
  const brazil = /^55(\d\d)9(\d{8})$/.exec(digits);
  if (brazil && !BRAZIL_NINE.has(brazil[1])) return `55${brazil[1]}${brazil[2]}`;
  return digits;
}

function reading(e164: string): NumberReading {
  const number = brazilMobile(e164);
  return { kind: 'number', e164: number, digits: chatDigits(number) };
}

/**
 * A Brazilian mobile typed the old way, 8 digits after the area code (`+55 92 8172-3241`, as WhatsApp ids write
 * it outside areas 11–28), is the same number as with the ninth digit (`+55 92 98172-3241`): mobiles start with
 * 6–9, and Brazil gave every mobile its ninth digit
 * (https://green-api.com/en/docs/faq/features-of-sending-and-receiving-messages-from-different-countries/). One
 * E.164 for both, so the two spellings are one number — one request, one row of the table.
 */
function brazilMobile(e164: string): string {
  const old = /^\+55(\d\d)([6-9]\d{7})$/.exec(e164);
  if (!old) return e164;
  const nine = `+55${old[1]}9${old[2]}`;
  return parsePhoneNumberFromString(nine)?.isValid() ? nine : e164;
}

/** The text of a cell value: a whole positive number as its digits, a string as is; anything else null. */
function cellText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0 || !Number.isInteger(value)) return null;
    return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  }
  return null;
}
