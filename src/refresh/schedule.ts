/**
 * The add-on's own time-driven triggers: one recurring auto-refresh, and one one-shot follow-up — a retry after
 * GREEN-API's 5-minute sync window, the next slice of a members import, or both. Triggers are recognised by handler name, so triggers this add-on did not create are
 * never touched. Published add-ons may run time-driven triggers at most hourly and have one per user per
 * document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, "Restrictions"); there
 * the retry rides on the hourly run. A bound script has neither limit. `after(ms)` is a minimum, "won't be less"
 * (https://developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer)).
 */
import type { Installation, TriggerInfo, Triggers } from '../platform/services';

/** Handler of the recurring auto-refresh trigger (an entry point). */
export const AUTO_HANDLER = 'onAutoRefresh';
/** Handler of the one-shot follow-up trigger (an entry point): a contacts retry and/or a members slice. */
export const RETRY_HANDLER = 'onRetryRefresh';
/** The retry is asked for 5½ minutes ahead, so it fires 5 to 7 minutes after an empty answer. */
export const RETRY_AFTER_MS = 5.5 * 60_000;
/** The next slice of a members import, in a bound script: a minute after the last one. */
export const CONTINUE_AFTER_MS = 60_000;
/** The soonest a follow-up is asked for. */
export const MIN_FOLLOW_UP_MS = 60_000;
/** In an add-on without auto-refresh, the one allowed trigger retries after an hour. */
export const ADDON_RETRY_AFTER_MS = 60 * 60_000;
/** Empty answers in a row after which the add-on stops retrying and gives GREEN-API's advice. */
export const MAX_EMPTY_ANSWERS = 3;

/** The shortest auto-refresh interval allowed where the script runs. */
export function minRefreshMinutes(installation: Installation): number {
  return installation === 'addon' ? 60 : 5;
}

const CURRENT_KEY = 'wa.autoTriggerId';
const SINCE_KEY = 'wa.autoSince';

/** The id of the document's current auto-refresh trigger ('' when auto-refresh is off). */
export function currentAutoTrigger(properties: GoogleAppsScript.Properties.Properties): string {
  return properties.getProperty(CURRENT_KEY) ?? '';
}

/** When the current auto-refresh trigger was created (to estimate its next run), or null. */
export function autoRefreshSince(properties: GoogleAppsScript.Properties.Properties): number | null {
  const since = Number(properties.getProperty(SINCE_KEY));
  return since > 0 ? since : null;
}

function remember(
  properties: GoogleAppsScript.Properties.Properties,
  trigger: TriggerInfo | null,
  now: number,
) {
  if (trigger) properties.setProperties({ [CURRENT_KEY]: trigger.id, [SINCE_KEY]: String(now) });
  else for (const key of [CURRENT_KEY, SINCE_KEY]) properties.deleteProperty(key);
}

/**
 * Replaces the auto-refresh trigger with one every `minutes` (0 removes it) and remembers it as the document's
 * current one. Never duplicates. All or nothing: if the new trigger cannot be created, the previous schedule
 * stays (a bound script creates before it deletes; an add-on, allowed one time-driven trigger per document,
 * deletes first and puts the previous interval back) and the error is thrown.
 */
export function applyAutoRefresh(
  triggers: Triggers,
  properties: GoogleAppsScript.Properties.Properties,
  minutes: number,
  previousMinutes: number,
  now: number,
): void {
  const addon = triggers.installation() === 'addon';
  // An add-on may hold one time-driven trigger per document: the recurring one takes over the retry's job.
  const old = triggers
    .list()
    .filter((t) => t.handler === AUTO_HANDLER || (addon && minutes > 0 && t.handler === RETRY_HANDLER));
  let created: TriggerInfo | null = null;
  if (!addon) {
    created = minutes > 0 ? triggers.createRecurring(AUTO_HANDLER, minutes) : null;
    for (const trigger of old) triggers.remove(trigger.id);
  } else {
    for (const trigger of old) triggers.remove(trigger.id);
    try {
      created = minutes > 0 ? triggers.createRecurring(AUTO_HANDLER, minutes) : null;
    } catch (error) {
      if (previousMinutes > 0) {
        try {
          remember(properties, triggers.createRecurring(AUTO_HANDLER, previousMinutes), now);
        } catch (_) {
          remember(properties, null, now);
        }
      }
      throw error;
    }
  }
  remember(properties, created, now);
}

/** How the next follow-up (a contacts retry, the next slice of a members import) will happen. */
export type RetryPlan = { kind: 'scheduled'; at: number } | { kind: 'nextRun' } | { kind: 'none' };

const FOLLOW_UP_AT = 'wa.followUpAt';

/**
 * Makes sure one follow-up comes by `wantAt`: the one-shot trigger (RETRY_HANDLER) runs whatever work is due
 * then — a contacts retry, the next slice of the members import — so there is never more than one. A pending
 * one that comes early enough is kept; in a bound script a later one is replaced by an earlier one (created
 * first, so a failure keeps the old). An add-on may hold one time-driven trigger per document and run it at most
 * hourly: there the follow-up rides on the hourly auto-refresh when there is one, else on the pending one-shot,
 * else a one-shot an hour ahead.
 */
export function scheduleFollowUp(
  triggers: Triggers,
  properties: GoogleAppsScript.Properties.Properties,
  now: number,
  wantAt: number,
): RetryPlan {
  const own = triggers.list();
  const pending = own.filter((t) => t.handler === RETRY_HANDLER);
  const addon = triggers.installation() === 'addon';
  if (addon && own.some((t) => t.handler === AUTO_HANDLER)) return { kind: 'nextRun' };
  // Work overdue already comes a little later, never at once: a follow-up never chases its own tail.
  const due = Math.max(wantAt, now + MIN_FOLLOW_UP_MS);
  const stored = Number(properties.getProperty(FOLLOW_UP_AT));
  const at = stored > 0 ? stored : null;
  if (pending.length > 0) {
    if (at !== null && at <= due) return { kind: 'scheduled', at };
    if (addon || at === null) return at !== null ? { kind: 'scheduled', at } : { kind: 'nextRun' };
  }
  const after = addon ? Math.max(ADDON_RETRY_AFTER_MS, due - now) : Math.max(0, due - now);
  triggers.createOnce(RETRY_HANDLER, after);
  for (const trigger of pending) triggers.remove(trigger.id);
  properties.setProperty(FOLLOW_UP_AT, String(now + after));
  return { kind: 'scheduled', at: now + after };
}

/** Removes pending follow-up triggers (also a fired one, which stays listed until deleted). */
export function cancelFollowUp(triggers: Triggers, properties: GoogleAppsScript.Properties.Properties): void {
  for (const trigger of triggers.list()) if (trigger.handler === RETRY_HANDLER) triggers.remove(trigger.id);
  properties.deleteProperty(FOLLOW_UP_AT);
}

/** Forgets the time of the follow-up that has just fired (its trigger removes itself). */
export function followUpFired(properties: GoogleAppsScript.Properties.Properties): void {
  properties.deleteProperty(FOLLOW_UP_AT);
}
