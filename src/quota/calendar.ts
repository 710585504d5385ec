/**
 * The calendar of quotas. GREEN-API renews its monthly limits "on the 1st of each month"
 * (https://green-api.com/en/docs/about-tariffs/) without naming a time zone, so the add-on counts calendar
 * months in UTC and says so. Apps Script's daily quotas are counted per UTC day here too (Google resets them
 * 24 hours after the first request: https://developers.google.com/apps-script/guides/services/quotas), which
 * is close enough for a meter and a warning.
 */

/** The UTC month of a moment, `yyyy-MM`. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The UTC day of a moment, `yyyy-MM-dd`. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first moment of the next UTC month: when GREEN-API's monthly counts start again. */
export function nextMonthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Days in the longest month: a schedule is priced for 31 days, so it fits every month. */
export const DAYS_PER_MONTH = 31;
