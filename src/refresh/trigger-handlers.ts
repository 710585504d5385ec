/**
 * What the time-driven triggers run. Trigger runs are silent — there is no one to see a toast or alert — so the
 * outcome goes only into the recorded status (and the members job). The follow-up trigger deletes itself first
 * (a fired one-shot stays listed and counts toward the 20-trigger limit), runs the work that is due — a contacts
 * retry, the next slice of a members import — and leaves one follow-up for whatever is still pending. Triggers
 * belong to the user who created them, so when a second editor sets an interval the document would get two
 * auto-refreshes: the document remembers which trigger is the current one, and any other auto-refresh trigger
 * removes itself when it fires. The event's `triggerUid`:
 * https://developers.google.com/apps-script/guides/triggers/events#time-driven_events
 * A method GREEN-API answered 466 this month pauses the scheduled work that needs it (quota/pause.ts: until the
 * 1st of next month, UTC, with one probe a day); each trigger execution's own runtime is measured into the
 * ledger for the meter and the sidebar's warning (Apps Script allows 90 minutes of triggers a day for a
 * personal account: https://developers.google.com/apps-script/guides/services/quotas).
 */
import { translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { countTriggerRun } from '../quota/ledger';
import { scheduledMayAsk } from '../quota/pause';
import { instanceKey, loadSettings } from '../settings/store';
import { runChecks } from './checks';
import { pendingWork, settleFollowUp } from './follow-up';
import { membersPaused, runMembers, scheduledMembers } from './members';
import { recordUnexpected, runRefresh } from './refresh';
import { safely } from './safely';
import { cancelFollowUp, currentAutoTrigger, followUpFired } from './schedule';
import { dropRetry } from './status';

/** The part of a time-driven event the handlers read. */
export interface ClockEvent {
  triggerUid?: string;
}

/** Work due within this much of now runs in this follow-up (a trigger fires no sooner than asked). */
const DUE_SLACK_MS = 60_000;

/** The recurring auto-refresh: the contacts, then the members import when one is unfinished or due. */
export function autoRefresh(services: Services, event?: ClockEvent): void {
  silently(services, 'auto', () => {
    const startedAt = services.clock.now();
    const uid = event?.triggerUid ? String(event.triggerUid) : '';
    if (uid && currentAutoTrigger(services.properties()) !== uid) {
      services.triggers.remove(uid); // replaced by another save (maybe another editor's), or turned off
      return;
    }
    const t = translator(services.locale());
    if (contactsMayAsk(services)) runRefresh(services, 'auto', t);
    members(services, () => scheduledMembers(services, t, startedAt));
  });
}

/** The one-shot follow-up: a contacts retry after an empty answer, the next slice of a members import. */
export function retryRefresh(services: Services, event?: ClockEvent): void {
  const uid = event?.triggerUid ? String(event.triggerUid) : '';
  // A fired one-shot stays listed (and counts toward the 20) until deleted: it goes first, whatever follows —
  // even in a run without document properties, which can do nothing else.
  if (uid) safely(services, 'triggers', () => services.triggers.remove(uid));
  silently(services, 'retry', () => {
    const startedAt = services.clock.now();
    const properties = services.properties();
    if (!uid) cancelFollowUp(services.triggers, properties);
    followUpFired(properties, uid);
    const t = translator(services.locale());
    const due = pendingWork(properties);
    const soon = startedAt + DUE_SLACK_MS;
    if (due.contactsAt !== null && due.contactsAt <= soon && contactsMayAsk(services))
      runRefresh(services, 'retry', t);
    if (due.membersAt !== null && due.membersAt <= soon && !membersPaused(services, false))
      members(services, () => runMembers(services, 'continue', t, { startedAt }));
    if (due.checksAt !== null && due.checksAt <= soon)
      checks(services, () => runChecks(services, 'continue', t, { startedAt }));
    safely(services, 'triggers', () => settleFollowUp(services));
  });
}

/**
 * True when scheduled work may ask for the contact list: getContacts is not exhausted this month, or this run is
 * the day's probe. When it may not, a pending contacts retry is dropped (it would only come back to wait).
 */
function contactsMayAsk(services: Services): boolean {
  const settings = loadSettings(services.properties());
  if (!settings) return true; // the refresh records that nothing is set up
  if (scheduledMayAsk(services, instanceKey(settings), ['getContacts'], services.clock.now())) return true;
  safely(services, 'status', () => dropRetry(services.properties()));
  return false;
}

/** The members part of a trigger run: its failure is the members job's, never recorded as a contacts refresh's. */
function members(services: Services, work: () => unknown): void {
  try {
    work();
  } catch (error) {
    services.log(`members import failed: ${(error as Error)?.name ?? 'Error'}`);
  }
}

/** The number check's part of a follow-up: its failure is the check job's alone. */
function checks(services: Services, work: () => unknown): void {
  try {
    work();
  } catch (error) {
    services.log(`number check failed: ${(error as Error)?.name ?? 'Error'}`);
  }
}

function silently(services: Services, source: 'auto' | 'retry', work: () => void): void {
  const startedAt = services.clock.now();
  try {
    run(services, source, work);
  } finally {
    // This execution's own runtime, against Apps Script's daily trigger quota (measured, never failing the run) —
    // only where the add-on is set up: a trigger left over after Disconnect leaves nothing behind.
    if (isSetUp(services))
      countTriggerRun(services, services.clock.now(), services.clock.now() - startedAt, source === 'auto');
  }
}

function run(services: Services, source: 'auto' | 'retry', work: () => void): void {
  try {
    if (!services.hasDocumentStore()) {
      // No document properties in this run: no settings to read, nowhere to record a status but the log.
      services.log(`${source} refresh skipped: this trigger run has no document properties`);
      return;
    }
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

/** True when this document holds the add-on's settings (never throws). */
function isSetUp(services: Services): boolean {
  try {
    return services.hasDocumentStore() && loadSettings(services.properties()) !== null;
  } catch (_) {
    return false;
  }
}
