/**
 * Finds the spreadsheet to write. In a user action it is the active one. In a time-driven trigger of an add-on
 * Google does not say: its own add-ons (google/dcm-trix-addon, the offline report sync) rely on
 * `getActiveSpreadsheet()` there, an older report says it is null. When it is null the id stored at setup is
 * opened instead; that needs the `spreadsheets` scope, which this add-on does not ask for by default (see
 * README, "Permissions"), and otherwise the run records that it could not open the spreadsheet.
 */
import type { Services } from '../platform/services';

const KEY = 'wa.spreadsheetId';

/** Remembers the spreadsheet id for trigger runs. */
export function rememberSpreadsheet(
  services: Services,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
): void {
  const id = spreadsheet.getId();
  const properties = services.properties();
  if (properties.getProperty(KEY) !== id) properties.setProperty(KEY, id);
}

/** The active spreadsheet, else the remembered one, else null (no permission or never set up). */
export function resolveSpreadsheet(services: Services): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  const active = services.activeSpreadsheet();
  if (active) return active;
  const id = services.properties().getProperty(KEY);
  if (!id) return null;
  try {
    return services.openSpreadsheet(id);
  } catch (error) {
    services.log(`could not open the spreadsheet: ${(error as Error)?.message ?? error}`);
    return null;
  }
}
