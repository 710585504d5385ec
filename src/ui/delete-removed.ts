/**
 * Delete removed contacts / Delete members who left (menu): deletes the rows of a keyed table marked removed,
 * whole, after the person confirms how many. The rows are counted, the person asked with no lock held (a dialog
 * suspends the script, and locks do not survive that), then counted again under the document lock: if a
 * refresh changed the marks meanwhile, nothing is deleted and the person is told to choose it again — never
 * more rows than were confirmed.
 */
import { translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { deleteMarked, findMarked } from '../sheet/delete-marked';
import type { SheetTable } from '../sheet/sheet-table';
import { isRemovedMark } from '../table/removed-mark';

/** What the command did (the emulator's tests read it; Sheets ignores it). */
export interface DeleteReport {
  outcome: 'deleted' | 'none' | 'declined' | 'busy' | 'changed' | 'error';
  deleted: number;
  message: string;
}

/** How long the command waits for a running refresh. */
const LOCK_WAIT_MS = 10_000;

/** Deletes the removed rows of `table` after asking; tells the person in a toast (an alert on failure). */
export function deleteRemovedRows(services: Services, table: SheetTable): DeleteReport {
  const locale = services.locale();
  const t = translator(locale);
  const schema = table.schema(locale);
  const sheet = table.sheet;
  const tell = (outcome: DeleteReport['outcome'], deleted: number, message: string): DeleteReport => {
    if (outcome === 'error') services.ui.alert(t('deleteRemoved.title'), message);
    else services.ui.toast(message, t('app.name'), 8);
    return { outcome, deleted, message };
  };
  try {
    const spreadsheet = services.activeSpreadsheet();
    const first = spreadsheet ? findMarked(spreadsheet, sheet, schema, isRemovedMark) : null;
    if (!spreadsheet || !first || first.rows.length === 0)
      return tell('none', 0, t('deleteRemoved.none', { sheet }));
    const count = first.rows.length;
    if (!services.ui.confirm(t('deleteRemoved.title'), t('deleteRemoved.confirm', { count, sheet })))
      return tell('declined', 0, t('import.declined'));
    const lock = services.lock();
    if (lock && !lock.tryLock(LOCK_WAIT_MS)) return tell('busy', 0, t('import.busy'));
    try {
      const now = findMarked(spreadsheet, sheet, schema, isRemovedMark);
      if (!now || now.rows.length !== count)
        return tell('changed', 0, t('deleteRemoved.changed', { sheet, count: now?.rows.length ?? 0 }));
      const deleted = deleteMarked(now);
      return tell('deleted', deleted, t('deleteRemoved.done', { count: deleted, sheet }));
    } finally {
      lock?.releaseLock();
    }
  } catch (error) {
    services.log(`delete removed rows failed: ${(error as Error)?.message ?? error}`);
    return tell('error', 0, t('deleteRemoved.failed', { sheet }));
  }
}
