/**
 * Delete removed contacts / Delete members who left (menu): deletes the rows of a keyed table marked removed,
 * whole, after the person confirms — exactly the rows they were shown. The marked rows are found with their
 * keys, the person asked with no lock held (a dialog suspends the script, and locks do not survive that: see
 * platform/services.ts) how many and which (the first few names), then, under the document lock, only the rows
 * whose keys were in that list and are still marked are deleted. If a refresh changed the marks meanwhile, the
 * message says how many of the shown rows were skipped and why, and how many newly marked rows were left for
 * next time. Nothing else is ever deleted.
 */
import { translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { deleteMarked, findMarked, firstNames, onlyShown } from '../sheet/delete-marked';
import { type SheetTable, tableContext } from '../sheet/sheet-table';
import { isRemovedMark } from '../table/removed-mark';

/** What the command did (the emulator's tests read it; Sheets ignores it). */
export interface DeleteReport {
  outcome: 'deleted' | 'none' | 'declined' | 'busy' | 'changed' | 'error';
  deleted: number;
  /** Rows the person was shown that were no longer marked when the deletion ran. */
  skipped?: number;
  message: string;
}

/** How long the command waits for a running refresh. */
const LOCK_WAIT_MS = 10_000;

/** Deletes the removed rows of `table` after asking; tells the person in a toast (an alert on failure). */
export function deleteRemovedRows(services: Services, table: SheetTable): DeleteReport {
  const locale = services.locale();
  const t = translator(locale);
  const sheet = table.sheet;
  const tell = (
    outcome: DeleteReport['outcome'],
    deleted: number,
    message: string,
    skipped = 0,
  ): DeleteReport => {
    if (outcome === 'error') services.ui.alert(t('deleteRemoved.title'), message);
    else services.ui.toast(message, t('app.name'), 8);
    return { outcome, deleted, skipped, message };
  };
  try {
    const spreadsheet = services.activeSpreadsheet();
    const context = tableContext(services, t);
    const first = spreadsheet ? findMarked(spreadsheet, table, locale, context, isRemovedMark) : null;
    const name = first?.sheet.getName() ?? sheet;
    if (!spreadsheet || !first || first.rows.length === 0)
      return tell('none', 0, t('deleteRemoved.none', { sheet: name }));
    const count = first.rows.length;
    const question = t('deleteRemoved.confirmNames', { count, sheet: name, names: firstNames(first, t) });
    if (!services.ui.confirm(t('deleteRemoved.title'), question))
      return tell('declined', 0, t('import.declined'));
    const shown = new Set(first.keys);
    const lock = services.lock();
    if (lock && !lock.tryLock(LOCK_WAIT_MS)) return tell('busy', 0, t('import.busy'));
    try {
      const now = findMarked(spreadsheet, table, locale, context, isRemovedMark);
      const chosen = now ? onlyShown(now, shown) : null;
      const stillShown = new Set(chosen?.keys ?? []);
      const skipped = [...shown].filter((key) => !stillShown.has(key)).length;
      const notShown = (now?.rows.length ?? 0) - (chosen?.rows.length ?? 0);
      const deleted = chosen ? deleteMarked(chosen) : 0;
      const parts = [t('deleteRemoved.done', { count: deleted, sheet: name })];
      if (skipped > 0) parts.push(t('deleteRemoved.skipped', { skipped }));
      if (notShown > 0) parts.push(t('deleteRemoved.notShown', { count: notShown }));
      const changed = skipped > 0 || notShown > 0;
      return tell(changed ? 'changed' : 'deleted', deleted, parts.join(' '), skipped);
    } finally {
      lock?.releaseLock();
    }
  } catch (error) {
    services.log(`delete removed rows failed: ${(error as Error)?.message ?? error}`);
    return tell('error', 0, t('deleteRemoved.failed', { sheet }));
  }
}
