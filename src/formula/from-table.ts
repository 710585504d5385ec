/**
 * A cold formula reads the add-on's own table instead of asking GREEN-API: the cache's snapshot lives at most
 * 6 hours, but the sheet the last refresh (or members import) wrote holds the same data, and custom functions
 * may read ranges (https://developers.google.com/apps-script/guides/sheets/functions). The rows are found the
 * way the table writer finds them (sheet/sheet-table.ts readTableRows: the table's sheet by its stored id, its columns by their tags, its rows by key,
 * rows marked removed left out), turned back into contacts or groups, and the formula then builds its result
 * exactly as from a fetch (same text, order, filters, header). Only a table this instance wrote counts: the
 * refresh status (cleared when the instance changes) must hold a success, the members job must be this
 * instance's. A table that cannot be read (no spreadsheet in this run, a failure) is no table: the formula fetches.
 * A members slice that goes on takes its names from the contacts table the same way (refresh/members.ts).
 */
import type { Contact } from '../contacts/contact';
import type { Group, Role } from '../members/group';
import { loadJob } from '../members/job';
import type { Services } from '../platform/services';
import { readStatus } from '../refresh/status';
import { CONTACTS_TABLE } from '../sheet/contacts-sheet';
import { MEMBERS_TABLE } from '../sheet/members-sheet';
import { readTableRows } from '../sheet/sheet-table';

/** The contact list as the contacts table holds it, or null when there is no table of this instance. */
export function contactsFromTable(
  services: Services,
  spreadsheet?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): Contact[] | null {
  if (readStatus(services.properties())?.lastSuccessAt == null) return null;
  const rows = rowsOf(services, CONTACTS_TABLE, spreadsheet);
  if (!rows || rows.length === 0) return null;
  return rows.map((row) => ({
    id: row[0],
    name: row[2],
    contactName: row[3],
    type: row[4] === 'group' ? 'group' : 'user',
  }));
}

/** Every group of the members table of `instance` (live rows only), or null when there is none. */
export function groupsFromTable(services: Services, instance: string): Group[] | null {
  const job = loadJob(services.properties());
  if (!job || job.instance !== instance || (job.done === 0 && !job.wroteBefore)) return null;
  const rows = rowsOf(services, MEMBERS_TABLE);
  if (!rows || rows.length === 0) return null;
  const groups = new Map<string, Group>();
  for (const row of rows) {
    let group = groups.get(row[0]);
    if (!group) {
      group = { id: row[0], subject: row[1], members: [] };
      groups.set(row[0], group);
    }
    group.members.push({ id: row[2], role: row[5] as Role });
  }
  return [...groups.values()];
}

function rowsOf(
  services: Services,
  table: typeof CONTACTS_TABLE,
  given?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): string[][] | null {
  try {
    const spreadsheet = given ?? services.activeSpreadsheet();
    if (!spreadsheet) return null;
    // Read-only: the stored sheet id (document properties) and the tags (a developer-metadata finder); nothing
    // is written, so the protection's words are not needed.
    const context = {
      properties: services.hasDocumentStore() ? services.properties() : null,
      enums: services.sheetEnums(),
      protection: '',
    };
    return readTableRows(spreadsheet, table, services.locale(), context);
  } catch (_) {
    return null;
  }
}
