/**
 * What the time-driven triggers run. Trigger runs are silent — there is no one to see a toast or alert — so the
 * outcome goes only into the recorded status. The retry trigger deletes itself first (a fired one-shot stays
 * listed and counts toward the 20-trigger limit); if the answer is empty again, or another refresh is running,
 * the refresh schedules the next one. Triggers belong to the user who created them, so when a second editor
 * sets an interval the document would get two auto-refreshes: the document remembers which trigger is the
 * current one, and any other auto-refresh trigger removes itself when it fires. The event's `triggerUid`:
 * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events
 */

import { translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { recordUnexpected, runRefresh } from './refresh';
import { cancelRetry, currentAutoTrigger } from './schedule';

/** The part of a time-driven event the handlers read. */
export interface ClockEvent {
  triggerUid?: string;
}

/** The recurring auto-refresh. */
export function autoRefresh(services: Services, event?: ClockEvent): void {
  silently(services, 'auto', () => {
    const uid = event?.triggerUid ? String(event.triggerUid) : '';
    if (uid && currentAutoTrigger(services.properties()) !== uid) {
      services.triggers.remove(uid); // replaced by another save (maybe another editor's), or turned off
      return;
    }
    runRefresh(services, 'auto', translator(services.locale()));
  });
}

/** The one-shot retry after an empty answer. */
export function retryRefresh(services: Services, event?: ClockEvent): void {
  silently(services, 'retry', () => {
    const uid = event?.triggerUid ? String(event.triggerUid) : '';
    if (uid) services.triggers.remove(uid);
    else cancelRetry(services.triggers);
    runRefresh(services, 'retry', translator(services.locale()));
  });
}

function silently(services: Services, source: 'auto' | 'retry', work: () => void): void {
  try {
    work();
  } catch (error) {
    // Not an API error (those are outcomes). Recorded without any text that could hold a URL; the previous
    // data is intact, since the refresh replaces it only as its last step.
    services.log(`${source} refresh failed: ${(error as Error)?.name ?? 'Error'}`);
    try {
      recordUnexpected(services, source);
    } catch (_) {
      // nothing more can be done without a user
    }
  }
}
