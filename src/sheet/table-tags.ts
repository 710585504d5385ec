/**
 * How the add-on knows its own sheets, header rows and columns: by identity, not by their words. Each table's
 * sheet id is stored in document properties, so a renamed sheet is still the table and a duplicate (another id)
 * is not; the sheet, its header row and each of its columns carry developer metadata (key: the table's tag;
 * value: `sheet`, `header` or `column:<id>`), visibility PROJECT so that other scripts and people do not see
 * it (https://developers.google.com/apps-script/reference/spreadsheet/range#addDeveloperMetadata(String,String,DeveloperMetadataVisibility)).
 * Metadata on a row or column "will remain associated at those locations as they move around and the
 * spreadsheet is edited" and is deleted with its row or column
 * (https://developers.google.com/sheets/api/reference/rest/v4/spreadsheets.developerMetadata;
 * https://developers.google.com/sheets/api/guides/metadata): so inserted, deleted and moved columns, a title
 * row inserted above the header and sorts leave the tags where the add-on's columns went. It may only sit on a
 * spreadsheet, a sheet, or a whole row or column, and a spreadsheet and each sheet hold at most 30,000
 * characters of it (the guide's limits): a table's tags are a few hundred characters.
 *
 * Reading the tags is one finder search and four calls per tag (value, location, row or column, its index):
 * a constant number of calls, whatever the number of rows. The own columns get a warning-only protection
 * once per table (when its sheet is first tagged) (https://developers.google.com/apps-script/reference/spreadsheet/protection#setWarningOnly(Boolean)):
 * a person typing into them sees Sheets' warning first; the add-on's writes are not blocked; a person may
 * remove it, and it is not put back.
 */
import type { SheetEnums } from '../platform/services';
import { columnLetter, type MergePlan, type TableTags } from '../table/keyed-table';

/** What identifies a table besides its sheet name. */
export interface TableIdentity {
  /** The sheet's default name (a fresh table's, and an old document's table before its id was stored). */
  sheet: string;
  /** The developer-metadata key of the table's tags. */
  tag: string;
  /** The document property holding the table's sheet id. */
  idProperty: string;
}

/** Where the adapters keep and find identity; null members (a test, a run without them) fall back to names. */
export interface TableContext {
  properties: GoogleAppsScript.Properties.Properties | null;
  enums: SheetEnums | null;
  /** The description of the warning-only protection, in the user's language. */
  protection: string;
}

/** The sheet of the table: the stored id, else the sheet tagged as the table, else the sheet of its name. */
export function findTableSheet(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  table: TableIdentity,
  context: TableContext | null,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet | null; byId: boolean } {
  const stored = context?.properties?.getProperty(table.idProperty);
  if (stored) {
    const sheet = spreadsheet.getSheetById(Number(stored));
    if (sheet) return { sheet, byId: true };
  }
  // The stored sheet was deleted: another sheet carrying the tags may be a person's Duplicate of it (a copy may
  // carry copies of the tags), which stays theirs; only a sheet of the default name is taken, as a person names it.
  if (context?.enums && !stored) {
    // No stored id: a sheet carrying the table's sheet tag, the one of its name first.
    const found = spreadsheet
      .createDeveloperMetadataFinder()
      .withKey(table.tag)
      .withLocationType(context.enums.sheetLocation)
      .find();
    const sheets = found.map((m) => m.getLocation().getSheet()).filter((s) => s !== null);
    const named = sheets.find((s) => s.getName() === table.sheet);
    if (named ?? sheets[0]) return { sheet: named ?? sheets[0], byId: false };
  }
  return { sheet: spreadsheet.getSheetByName(table.sheet), byId: false };
}

/** The tags of the table on `sheet` (0-based rows and columns), and whether the sheet itself is tagged. */
export function readTags(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  tag: string,
): TableTags & { sheetTagged: boolean } {
  const columns = new Map<string, number>();
  let headerRow: number | null = null;
  let sheetTagged = false;
  for (const metadata of sheet.createDeveloperMetadataFinder().withKey(tag).find()) {
    const value = metadata.getValue() ?? '';
    if (value === 'sheet') sheetTagged = true;
    else if (value === 'header') {
      const row = metadata.getLocation().getRow()?.getRow();
      if (row && (headerRow === null || row - 1 < headerRow)) headerRow = row - 1;
    } else if (value.startsWith('column:')) {
      const id = value.slice('column:'.length);
      const column = metadata.getLocation().getColumn()?.getColumn();
      // Two tags of one column (never written so, but a person's copy could make it): the leftmost counts.
      if (column && !(columns.has(id) && (columns.get(id) ?? 0) < column - 1)) columns.set(id, column - 1);
    }
  }
  return { headerRow, columns, sheetTagged };
}

/**
 * After a plan is written: tags what it added or adopted (the sheet, the header row, columns), stores the sheet
 * id, and — the first time a table's columns are tagged — protects them with a warning only.
 */
export function writeTags(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: TableIdentity,
  context: TableContext | null,
  plan: MergePlan,
  state: { sheetTagged: boolean; byId: boolean },
): void {
  const enums = context?.enums;
  const properties = context?.properties;
  if (!enums || !context) return;
  const visibility = enums.projectVisibility;
  if (!state.sheetTagged) sheet.addDeveloperMetadata(table.tag, 'sheet', visibility);
  if (plan.tagHeader)
    sheet
      .getRange(`${plan.headerRow}:${plan.headerRow}`)
      .addDeveloperMetadata(table.tag, 'header', visibility);
  for (const { id, column } of plan.tagColumns) {
    const letter = columnLetter(column);
    sheet.getRange(`${letter}:${letter}`).addDeveloperMetadata(table.tag, `column:${id}`, visibility);
  }
  // Protected once per table: when its sheet gets its tag (a new table, or one adopted). A person may remove the
  // protection; it is not put back, not even on a column the add-on adds again later.
  if (!state.sheetTagged) {
    for (const column of plan.columns) {
      const letter = columnLetter(column);
      sheet.getRange(`${letter}:${letter}`).protect().setWarningOnly(true).setDescription(context.protection);
    }
  }
  if (properties && !state.byId) properties.setProperty(table.idProperty, String(sheet.getSheetId()));
}
