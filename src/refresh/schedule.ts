/**
 * The add-on's own time-driven triggers: one recurring auto-refresh, and a one-shot retry after GREEN-API's
 * 5-minute sync window. Triggers are recognised by handler name, so triggers this add-on did not create are
 * never touched. Published add-ons may run time-driven triggers at most hourly and have one per user per
 * document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, "Restrictions"); there
 * the retry rides on the hourly run. A bound script has neither limit. `after(ms)` is a minimum, "won't be less"
 * (https://developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer)).
 */
import type { Installation, TriggerInfo, Triggers } from '../platform/services';

/** Handler of the recurring auto-refresh trigger (an entry point). */
export const AUTO_HANDLER = 'onAutoRefresh';
/** Handler of the one-shot retry trigger (an entry point). */
export const RETRY_HANDLER = 'onRetryRefresh';
/** The retry is asked for 5½ minutes ahead, so it fires 5 to 7 minutes after an empty answer. */
export const RETRY_AFTER_MS = 5.5 * 60_000;
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

/** How the next try after an empty answer will happen. */
export type RetryPlan = { kind: 'scheduled'; at: number } | { kind: 'nextRun' } | { kind: 'none' };

/** Makes sure one retry is pending (never more than one). */
export function scheduleRetry(triggers: Triggers, now: number, pendingAt: number | null): RetryPlan {
  const own = triggers.list();
  if (own.some((t) => t.handler === RETRY_HANDLER)) {
    return pendingAt ? { kind: 'scheduled', at: pendingAt } : { kind: 'nextRun' };
  }
  const addon = triggers.installation() === 'addon';
  if (addon && own.some((t) => t.handler === AUTO_HANDLER)) return { kind: 'nextRun' };
  const after = addon ? ADDON_RETRY_AFTER_MS : RETRY_AFTER_MS;
  triggers.createOnce(RETRY_HANDLER, after);
  return { kind: 'scheduled', at: now + after };
}

/** Removes pending retry triggers (also the fired one, which stays listed until deleted). */
export function cancelRetry(triggers: Triggers): void {
  for (const trigger of triggers.list()) if (trigger.handler === RETRY_HANDLER) triggers.remove(trigger.id);
}
