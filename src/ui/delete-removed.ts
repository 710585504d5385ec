/**
 * Delete removed contacts (menu): deletes the rows marked removed in a keyed table, whole, after the person
 * confirms how many. The rows are counted, the person asked with no lock held (a dialog suspends the script,
 * and locks do not survive that), then counted again under the document lock, so rows marked or unmarked by a
 * refresh while the dialog was open are judged as they are now.
 */
import { translator, wordsOf } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { deleteMarked, findMarked } from '../sheet/delete-marked';
import { isRemovedMark } from '../table/removed-mark';

/** What the command did (the emulator's tests read it; Sheets ignores it). */
export interface DeleteReport {
  outcome: 'deleted' | 'none' | 'declined' | 'busy';
  deleted: number;
  message: string;
}

/** How long the command waits for a running refresh. */
const LOCK_WAIT_MS = 10_000;

/** Deletes the removed rows of the sheet `sheetName` after asking; tells the person in a toast. */
export function deleteRemovedRows(services: Services, sheetName: string): DeleteReport {
  const locale = services.locale();
  const t = translator(locale);
  const statusHeaders = wordsOf(locale, 'header.status');
  const spreadsheet = services.activeSpreadsheet();
  const tell = (outcome: DeleteReport['outcome'], deleted: number, message: string): DeleteReport => {
    services.ui.toast(message, t('app.name'), 8);
    return { outcome, deleted, message };
  };
  const first = spreadsheet ? findMarked(spreadsheet, sheetName, statusHeaders, isRemovedMark) : null;
  if (!spreadsheet || !first || first.rows.length === 0)
    return tell('none', 0, t('deleteRemoved.none', { sheet: sheetName }));
  const yes = services.ui.confirm(
    t('deleteRemoved.title'),
    t('deleteRemoved.confirm', { count: first.rows.length, sheet: sheetName }),
  );
  if (!yes) return tell('declined', 0, t('import.declined'));
  const lock = services.lock();
  if (lock && !lock.tryLock(LOCK_WAIT_MS)) return tell('busy', 0, t('import.busy'));
  let deleted: number;
  try {
    const now = findMarked(spreadsheet, sheetName, statusHeaders, isRemovedMark);
    deleted = now ? deleteMarked(now) : 0;
  } finally {
    lock?.releaseLock();
  }
  return tell(
    deleted ? 'deleted' : 'none',
    deleted,
    t(deleted ? 'deleteRemoved.done' : 'deleteRemoved.none', { count: deleted, sheet: sheetName }),
  );
}
