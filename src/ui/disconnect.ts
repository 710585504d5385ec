/**
 * Disconnect this spreadsheet (the sidebar, after the person confirmed): deletes the token and every setting, the
 * add-on's triggers of this user in this spreadsheet, and its cached data — every `wa.` document property and
 * cache entry (settings/forget.ts). The sheets stay: they are the person's data. Auto-refresh triggers another
 * editor created cannot be deleted by this user (triggers belong to their creator); each removes itself the next
 * time it fires, since the document no longer names it as current (refresh/trigger-handlers.ts).
 */
import { translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { safely } from '../refresh/safely';
import { applyAutoRefresh, cancelFollowUp } from '../refresh/schedule';
import { forgetDocument } from '../settings/forget';
import { loadSettings } from '../settings/store';
import { type SettingsView, settingsView } from './sidebar';

/** disconnectSpreadsheet(): forgets everything of the add-on in this document; returns the emptied view. */
export function disconnectSpreadsheet(services: Services): SettingsView {
  const t = translator(services.locale());
  const properties = services.properties();
  const lock = services.lock();
  // Under the document lock, so no refresh is writing a status or a snapshot back meanwhile.
  if (lock && !lock.tryLock(10_000)) throw new Error(t('import.busy'));
  let triggersLeft = false;
  try {
    const minutes = loadSettings(properties)?.refreshEveryMinutes ?? 0;
    const now = services.clock.now();
    const removed = safely(services, 'disconnect triggers', () => {
      applyAutoRefresh(services.triggers, properties, 0, minutes, now);
      cancelFollowUp(services.triggers, properties);
      return true;
    });
    triggersLeft = removed === null;
    forgetDocument(properties, services.cache());
  } finally {
    lock?.releaseLock();
  }
  const message = triggersLeft ? t('disconnect.doneTriggersLeft') : t('disconnect.done');
  return { ...settingsView(services), message };
}
