/**
 * The number check's settings in the sidebar (its own small form, saved on its own): the default country for
 * numbers without a country code and the days an answer in the checks table is reused. A value the reader cannot
 * use is refused in words naming the field; nothing else of the settings changes.
 */
import { translator } from '../i18n/i18n';
import { countryOf, countryOfLocale } from '../numbers/read';
import type { Services } from '../platform/services';
import { loadCheckSettings, storeCheckSettings } from '../settings/check-settings';

/** What the sidebar shows: the country in force, the days, and the country the spreadsheet's locale gives. */
export interface CheckSettingsView {
  country: string;
  freshDays: number;
  localeCountry: string;
}

/** The form the sidebar sends. */
export interface CheckSettingsForm {
  country?: unknown;
  freshDays?: unknown;
}

function spreadsheetLocale(services: Services): string {
  try {
    return services.activeSpreadsheet()?.getSpreadsheetLocale() ?? '';
  } catch (_) {
    return '';
  }
}

/** The settings as the sidebar shows them. */
export function checkSettingsView(services: Services): CheckSettingsView {
  const locale = spreadsheetLocale(services);
  const settings = loadCheckSettings(services.properties(), locale);
  return { ...settings, localeCountry: countryOfLocale(locale) };
}

/** saveCheckSettings(form): validates and stores; throws "<field>: <words>" for a value it cannot use. */
export function saveCheckSettingsFromForm(services: Services, form: CheckSettingsForm): CheckSettingsView {
  const t = translator(services.locale());
  const typed = String(form?.country ?? '').trim();
  const country = typed ? countryOf(typed) : '';
  if (country === undefined)
    throw new Error(`country: ${t('settings.check.country.invalid', { value: typed.slice(0, 10) })}`);
  const days = Number(String(form?.freshDays ?? '').trim() || 30);
  if (!Number.isInteger(days) || days < 0 || days > 365)
    throw new Error(`freshDays: ${t('settings.check.days.invalid')}`);
  storeCheckSettings(services.properties(), {
    country: country || countryOfLocale(spreadsheetLocale(services)),
    freshDays: days,
  });
  return checkSettingsView(services);
}
