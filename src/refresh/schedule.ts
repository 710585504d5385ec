/**
 * The add-on's own time-driven triggers: one recurring auto-refresh, and a one-shot retry after GREEN-API's
 * 5-minute sync window. Triggers are recognised by handler name, so triggers this add-on did not create are
 * never touched. Published add-ons may run time-driven triggers at most hourly and have one per user per
 * document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers, "Restrictions"); there
 * the retry rides on the hourly run. A bound script has neither limit. `after(ms)` is a minimum, "won't be less"
 * (https://developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer)).
 */
import type { Installation, Triggers } from '../platform/services';

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

/** Replaces the auto-refresh trigger with one every `minutes` (0 removes it). Never duplicates. */
export function applyAutoRefresh(triggers: Triggers, minutes: number): void {
  const addon = triggers.installation() === 'addon';
  for (const trigger of triggers.list()) {
    // An add-on may hold one time-driven trigger per document: the recurring one takes over the retry's job.
    if (trigger.handler === AUTO_HANDLER || (addon && minutes > 0 && trigger.handler === RETRY_HANDLER)) {
      triggers.remove(trigger.id);
    }
  }
  if (minutes > 0) triggers.createRecurring(AUTO_HANDLER, minutes);
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

/** Removes every trigger of this add-on (auto-refresh off and no retry). */
export function removeOwnTriggers(triggers: Triggers): void {
  for (const trigger of triggers.list()) {
    if (trigger.handler === AUTO_HANDLER || trigger.handler === RETRY_HANDLER) triggers.remove(trigger.id);
  }
}
