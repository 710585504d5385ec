/**
 * The number check's two settings, in document properties: the default country for numbers written without a
 * country code (an ISO 3166 code; without one stored, the country of the spreadsheet's locale, e.g. `ru_RU` →
 * RU), and how many days an answer in the checks table is taken without a new request (30).
 */
import { countryOf, countryOfLocale } from '../numbers/read';

const COUNTRY = 'wa.check.country';
const FRESH_DAYS = 'wa.check.freshDays';
/** An answer younger than this is taken from the table. */
export const DEFAULT_FRESH_DAYS = 30;

/** The check's settings. */
export interface CheckSettings {
  /** '' when neither a stored country nor the locale gives one (then only international numbers read). */
  country: string;
  freshDays: number;
}

/** The stored settings, with their defaults. */
export function loadCheckSettings(
  properties: GoogleAppsScript.Properties.Properties,
  spreadsheetLocale: string,
): CheckSettings {
  const stored = countryOf(properties.getProperty(COUNTRY) ?? '');
  const days = Number(properties.getProperty(FRESH_DAYS) ?? DEFAULT_FRESH_DAYS);
  return {
    country: stored ?? countryOfLocale(spreadsheetLocale),
    freshDays: Number.isInteger(days) && days >= 0 && days <= 365 ? days : DEFAULT_FRESH_DAYS,
  };
}

/** Stores the settings (a country that is not an ISO code the reader knows is refused). */
export function storeCheckSettings(
  properties: GoogleAppsScript.Properties.Properties,
  settings: CheckSettings,
): void {
  const country = settings.country ? countryOf(settings.country) : '';
  if (country === undefined)
    throw new Error(`country: "${settings.country}" is not a country code such as RU or US`);
  if (!Number.isInteger(settings.freshDays) || settings.freshDays < 0 || settings.freshDays > 365)
    throw new Error('freshDays: a whole number of days from 0 to 365');
  properties.setProperties({ [COUNTRY]: country, [FRESH_DAYS]: String(settings.freshDays) });
}
