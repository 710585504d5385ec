/**
 * The add-on's own time-driven triggers: one recurring auto-refresh, and one one-shot follow-up — a retry after
 * GREEN-API's 5-minute sync window, the next slice of a members import, or both.
 *
 * Triggers are known by their own unique ids (`Trigger.getUniqueId()`), stored in document properties when
 * created, never by handler name alone: the reference says of neither `getProjectTriggers()` nor
 * `getUserTriggers(spreadsheet)` that it lists time-driven triggers, and for an add-on `getProjectTriggers()` holds
 * the person's triggers of every spreadsheet using it
 * (https://developers.google.com/apps-script/reference/script/script-app). So a stored trigger is looked for in
 * both listings and deleted from whichever shows it; beyond the stored ids only triggers with the add-on's
 * handlers that `getUserTriggers(spreadsheet)` shows (this document's) are cleared away. A stored id neither
 * listing shows is "unknown": it may still run, so it is never a reason to create another in a loop — at most one
 * new follow-up an hour replaces an unknown one.
 *
 * Apps Script allows 20 triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas);
 * for an add-on those are shared by all of the person's spreadsheets. A refusal for that reason is remembered
 * for Diagnostics and named to the person. Published add-ons may run time-driven triggers at most hourly and hold
 * one per user per document (https://developers.google.com/workspace/add-ons/concepts/editor-triggers,
 * "Restrictions"). Google refused a published add-on a recurring interval under an hour ("The recurrence
 * interval for an Add-on trigger must be at least one hour.": ttsukagoshi/mail-merge-for-gmail issue 165), but
 * whether a one-shot `after()` under an hour is refused is not documented: an add-on's follow-up tries the
 * short way first, and after a refusal asks for an hour, remembering the refusal for a week. `after(ms)` is a
 * minimum, "won't be less" (https://developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer)).
 */
import type { Installation, TriggerInfo, Triggers } from '../platform/services';

/** Handler of the recurring auto-refresh trigger (an entry point). */
export const AUTO_HANDLER = 'onAutoRefresh';
/** Handler of the one-shot follow-up trigger (an entry point): a contacts retry and/or a members slice. */
export const RETRY_HANDLER = 'onRetryRefresh';
/** The retry is asked for 5½ minutes ahead, so it fires 5 to 7 minutes after an empty answer. */
export const RETRY_AFTER_MS = 5.5 * 60_000;
/** The next slice of a members import: a minute after the last one. */
export { CONTINUE_AFTER_MS } from '../job/sliced';
/** The soonest a follow-up is asked for. */
export const MIN_FOLLOW_UP_MS = 60_000;
/** In an add-on refused a short one-shot, the follow-up comes an hour later. */
export const ADDON_RETRY_AFTER_MS = 60 * 60_000;
/** Empty answers in a row after which the add-on stops retrying and gives GREEN-API's advice. */
export const MAX_EMPTY_ANSWERS = 3;
/** Triggers per user per script (https://developers.google.com/apps-script/guides/services/quotas). */
export const TRIGGER_BUDGET = 20;
/** An unknown follow-up is replaced at most this often (never a new trigger per run). */
export const UNKNOWN_REPLACE_MS = 60 * 60_000;
/** How long an add-on remembers that Google refused a short one-shot before trying again. */
export const SHORT_REFUSAL_MEMORY_MS = 7 * 24 * 60 * 60_000;

/** The shortest auto-refresh interval allowed where the script runs. */
export function minRefreshMinutes(installation: Installation): number {
  return installation === 'addon' ? 60 : 5;
}

const AUTO_ID = 'wa.autoTriggerId';
const AUTO_SINCE = 'wa.autoSince';
const FOLLOW_UP_ID = 'wa.followUpTriggerId';
const FOLLOW_UP_AT = 'wa.followUpAt';
const FOLLOW_UP_SINCE = 'wa.followUpSince';
const SHORT_REFUSED = 'wa.addonShortRefusedAt';
const BUDGET_REFUSED = 'wa.triggerBudgetRefusedAt';

type Props = GoogleAppsScript.Properties.Properties;

/**
 * Google's refusal of a 21st trigger in English ("This script has too many triggers…", the words public Apps Script
 * code checks for; Google documents none). In other languages `create` goes by the listings' count instead.
 */
export function isBudgetRefusal(error: unknown): boolean {
  return /too many triggers/i.test(String((error as Error)?.message ?? error));
}

/** Google's refusal of an add-on trigger under an hour (recurring as reported; one-shots maybe). */
export function isHourlyRefusal(error: unknown): boolean {
  return /at least one hour|once (per|an) hour|more frequently than/i.test(
    String((error as Error)?.message ?? error),
  );
}

/** The id of the document's current auto-refresh trigger ('' when auto-refresh is off). */
export function currentAutoTrigger(properties: Props): string {
  return properties.getProperty(AUTO_ID) ?? '';
}

/** When the current auto-refresh trigger was created (to estimate its next run), or null. */
export function autoRefreshSince(properties: Props): number | null {
  const since = Number(properties.getProperty(AUTO_SINCE));
  return since > 0 ? since : null;
}

/** The follow-up trigger the document remembers, or null. */
export interface StoredFollowUp {
  id: string;
  at: number;
  since: number;
}

/** The stored follow-up (its id, when it is due, when it was created), or null. */
export function storedFollowUp(properties: Props): StoredFollowUp | null {
  const id = properties.getProperty(FOLLOW_UP_ID) ?? '';
  const at = Number(properties.getProperty(FOLLOW_UP_AT));
  if (!id || !(at > 0)) return null;
  return { id, at, since: Number(properties.getProperty(FOLLOW_UP_SINCE)) || 0 };
}

/** When Google last refused a trigger for the 20-per-user limit (cleared by the next success), or null. */
export function budgetRefusedAt(properties: Props): number | null {
  const at = Number(properties.getProperty(BUDGET_REFUSED));
  return at > 0 ? at : null;
}

/** When Google last refused an add-on's short one-shot (remembered for a week), or null. */
export function shortRefusedAt(properties: Props, now: number): number | null {
  const at = Number(properties.getProperty(SHORT_REFUSED));
  return at > 0 && now - at < SHORT_REFUSAL_MEMORY_MS ? at : null;
}

/**
 * Creates a trigger, remembering a refusal for the 20-trigger budget (and forgetting it on success). Google
 * documents no words for the refusal, and they may come in the person's language, so a refusal while the listings
 * already show 20 triggers counts as the budget's too.
 */
function create(triggers: Triggers, properties: Props, now: number, make: () => TriggerInfo): TriggerInfo {
  try {
    const created = make();
    properties.deleteProperty(BUDGET_REFUSED);
    return created;
  } catch (error) {
    if (isBudgetRefusal(error) || atBudget(triggers)) properties.setProperty(BUDGET_REFUSED, String(now));
    throw error;
  }
}

function atBudget(triggers: Triggers): boolean {
  try {
    return triggers.list().length >= TRIGGER_BUDGET;
  } catch (_) {
    return false;
  }
}

function rememberAuto(properties: Props, trigger: TriggerInfo | null, now: number) {
  if (trigger) properties.setProperties({ [AUTO_ID]: trigger.id, [AUTO_SINCE]: String(now) });
  else for (const key of [AUTO_ID, AUTO_SINCE]) properties.deleteProperty(key);
}

function rememberFollowUp(properties: Props, trigger: TriggerInfo | null, at: number, now: number) {
  if (trigger)
    properties.setProperties({
      [FOLLOW_UP_ID]: trigger.id,
      [FOLLOW_UP_AT]: String(at),
      [FOLLOW_UP_SINCE]: String(now),
    });
  else for (const key of [FOLLOW_UP_ID, FOLLOW_UP_AT, FOLLOW_UP_SINCE]) properties.deleteProperty(key);
}

/**
 * The triggers of this document with `handler`: the stored one by id (whether a listing shows it or not) and any
 * other that `getUserTriggers(spreadsheet)` shows with that handler — never one only the project listing shows,
 * which for an add-on may belong to another spreadsheet.
 */
function ownIds(listed: TriggerInfo[], storedId: string, handler: string): string[] {
  const ids = new Set<string>();
  if (storedId) ids.add(storedId);
  for (const trigger of listed) if (trigger.inDocument && trigger.handler === handler) ids.add(trigger.id);
  return [...ids];
}

/**
 * Replaces the auto-refresh trigger with one every `minutes` (0 removes it) and remembers it as the document's
 * current one. Never duplicates. All or nothing: if the new trigger cannot be created, the previous schedule
 * stays (a bound script creates before it deletes; an add-on, allowed one time-driven trigger per document,
 * deletes first and puts the previous interval back) and the error is thrown.
 */
export function applyAutoRefresh(
  triggers: Triggers,
  properties: Props,
  minutes: number,
  previousMinutes: number,
  now: number,
): void {
  const addon = triggers.installation() === 'addon';
  const listed = triggers.list();
  const old = ownIds(listed, currentAutoTrigger(properties), AUTO_HANDLER);
  // An add-on may hold one time-driven trigger per document: the recurring one takes over the follow-up's job.
  const followUp =
    addon && minutes > 0 ? ownIds(listed, storedFollowUp(properties)?.id ?? '', RETRY_HANDLER) : [];
  const recurring = (every: number) =>
    create(triggers, properties, now, () => triggers.createRecurring(AUTO_HANDLER, every));
  if (!addon) {
    let created: TriggerInfo | null;
    try {
      created = minutes > 0 ? recurring(minutes) : null;
    } catch (error) {
      // A test deployment of an add-on may report NONE (Diagnostics shows it) and still hold one trigger per
      // document: refused for another reason than the budget or the interval, try the add-on's order.
      if (isBudgetRefusal(error) || isHourlyRefusal(error) || old.length === 0) throw error;
      replaceDeletingFirst(triggers, properties, minutes, previousMinutes, now, old, recurring);
      return;
    }
    // What was created is remembered first: a failure deleting an old one leaves nothing unrecorded.
    rememberAuto(properties, created, now);
    for (const id of old) triggers.remove(id);
    return;
  }
  for (const id of followUp) triggers.remove(id);
  if (followUp.length > 0) rememberFollowUp(properties, null, 0, now);
  replaceDeletingFirst(triggers, properties, minutes, previousMinutes, now, old, recurring);
}

/**
 * The add-on's order (one time-driven trigger per document): delete, then create; on failure the previous
 * interval is put back and the error thrown.
 */
function replaceDeletingFirst(
  triggers: Triggers,
  properties: Props,
  minutes: number,
  previousMinutes: number,
  now: number,
  old: string[],
  recurring: (every: number) => TriggerInfo,
): void {
  for (const id of old) triggers.remove(id);
  let created: TriggerInfo | null;
  try {
    created = minutes > 0 ? recurring(minutes) : null;
  } catch (error) {
    if (previousMinutes > 0) {
      try {
        rememberAuto(properties, recurring(previousMinutes), now);
      } catch (_) {
        rememberAuto(properties, null, now);
      }
    } else rememberAuto(properties, null, now);
    throw error;
  }
  rememberAuto(properties, created, now);
}

/** How the next follow-up (a contacts retry, the next slice of a members import) will happen. */
export type RetryPlan = { kind: 'scheduled'; at: number } | { kind: 'nextRun' } | { kind: 'none' };

/**
 * Makes sure one follow-up comes by `wantAt`: the one-shot trigger (RETRY_HANDLER) runs whatever work is due
 * then — a contacts retry, the next slice of the members import — so there is never more than one. A pending
 * one that comes early enough is kept, and a later one is replaced by an earlier one (a bound script creates the
 * new one first, so a failure keeps the old). An add-on rides on its hourly auto-refresh when there is one; else
 * it tries the short follow-up and, refused, asks for one an hour out. A stored follow-up that neither listing
 * shows is left alone for an hour after it was made, then replaced once.
 */
export function scheduleFollowUp(
  triggers: Triggers,
  properties: Props,
  now: number,
  wantAt: number,
): RetryPlan {
  const addon = triggers.installation() === 'addon';
  if (addon && currentAutoTrigger(properties)) return { kind: 'nextRun' };
  // Work overdue already comes a little later, never at once: a follow-up never chases its own tail.
  const due = Math.max(wantAt, now + MIN_FOLLOW_UP_MS);
  const listed = triggers.list();
  const pending = storedFollowUp(properties);
  if (pending) {
    const seen = listed.some((t) => t.id === pending.id);
    if (!seen && now - pending.since < UNKNOWN_REPLACE_MS)
      return pending.at > now ? { kind: 'scheduled', at: pending.at } : { kind: 'nextRun' };
    if (seen && pending.at <= due) return { kind: 'scheduled', at: pending.at };
    // An add-on refused short one-shots cannot do better than the pending one.
    if (seen && addon && shortRefusedAt(properties, now) !== null)
      return { kind: 'scheduled', at: pending.at };
  }
  const stale = ownIds(listed, pending?.id ?? '', RETRY_HANDLER);
  const clear = () => {
    for (const id of stale.splice(0)) triggers.remove(id);
    rememberFollowUp(properties, null, 0, now);
  };
  // An add-on holds one time-driven trigger per document: the old one goes first.
  if (addon) clear();
  let made: { trigger: TriggerInfo; after: number };
  try {
    made = createFollowUp(triggers, properties, now, due - now);
  } catch (error) {
    // Believed bound but holding one trigger per document (a test deployment that reports NONE): the add-on's order.
    if (stale.length === 0 || isBudgetRefusal(error)) throw error;
    clear();
    made = createFollowUp(triggers, properties, now, due - now);
  }
  for (const id of stale) triggers.remove(id);
  rememberFollowUp(properties, made.trigger, now + made.after, now);
  return { kind: 'scheduled', at: now + made.after };
}

/**
 * The follow-up one-shot, `afterMs` out; refused (an add-on — also one that reports itself as bound — may not
 * have one under an hour), an hour out. Google documents no words for that refusal (the words reported are for
 * a recurring interval), so any refusal but the 20-trigger budget's tries
 * the hour: a follow-up late is better than none. The refusal is remembered for a week, so the short way is not
 * tried on every run, only in the hourly rule's words and once the hour is accepted: other words may be a
 * passing server error, which must not slow follow-ups down for a week.
 */
function createFollowUp(
  triggers: Triggers,
  properties: Props,
  now: number,
  afterMs: number,
): { trigger: TriggerInfo; after: number } {
  const once = (after: number) => ({
    trigger: create(triggers, properties, now, () => triggers.createOnce(RETRY_HANDLER, after)),
    after,
  });
  if (afterMs >= ADDON_RETRY_AFTER_MS) return once(afterMs);
  if (shortRefusedAt(properties, now) === null) {
    try {
      return once(afterMs);
    } catch (error) {
      if (isBudgetRefusal(error)) throw error;
      const made = once(ADDON_RETRY_AFTER_MS);
      if (isHourlyRefusal(error)) properties.setProperty(SHORT_REFUSED, String(now));
      return made;
    }
  }
  return once(ADDON_RETRY_AFTER_MS);
}

/** Removes the pending follow-up (also a fired one, which stays listed until deleted) and forgets it. */
export function cancelFollowUp(triggers: Triggers, properties: Props): void {
  for (const id of ownIds(triggers.list(), storedFollowUp(properties)?.id ?? '', RETRY_HANDLER))
    triggers.remove(id);
  rememberFollowUp(properties, null, 0, 0);
}

/**
 * A follow-up fired (its trigger removes itself first): the stored one is forgotten when it is the one that fired
 * (or the run cannot tell), so the next follow-up may be created at once; a stray duplicate firing leaves the
 * current one in place.
 */
export function followUpFired(properties: Props, uid = ''): void {
  const stored = properties.getProperty(FOLLOW_UP_ID) ?? '';
  if (!uid || !stored || stored === uid) rememberFollowUp(properties, null, 0, 0);
}

/**
 * Removes every trigger the add-on holds for this document — the auto-refresh and the follow-up, by their stored
 * ids from whichever listing shows them, and any other with the add-on's handlers in this document's listing —
 * and forgets them; returns how many were deleted. For "Disconnect" and turning everything off: the settings
 * (the stored interval) are the caller's to change.
 */
export function removeAllTriggers(triggers: Triggers, properties: Props): number {
  const listed = triggers.list();
  const ids = new Set([
    ...ownIds(listed, currentAutoTrigger(properties), AUTO_HANDLER),
    ...ownIds(listed, storedFollowUp(properties)?.id ?? '', RETRY_HANDLER),
  ]);
  let removed = 0;
  for (const id of ids) if (triggers.remove(id)) removed++;
  rememberAuto(properties, null, 0);
  rememberFollowUp(properties, null, 0, 0);
  return removed;
}

/** What Diagnostics says about the triggers: what is stored, what the listings show, how many of the 20. */
export interface TriggerAudit {
  /** This user's triggers of the script (both listings), out of TRIGGER_BUDGET. */
  held: number;
  /** Stored ids that neither listing shows. */
  unknown: Array<'auto' | 'followUp'>;
  /** Triggers with the add-on's handlers in this document's listing that the document did not store. */
  unrecorded: number;
  auto: boolean;
  followUp: boolean;
}

/** Compares the stored ids with both listings. */
export function auditTriggers(triggers: Triggers, properties: Props): TriggerAudit {
  const listed = triggers.list();
  const shown = new Set(listed.map((t) => t.id));
  const auto = currentAutoTrigger(properties);
  const followUp = storedFollowUp(properties)?.id ?? '';
  const unknown: TriggerAudit['unknown'] = [];
  if (auto && !shown.has(auto)) unknown.push('auto');
  if (followUp && !shown.has(followUp)) unknown.push('followUp');
  const unrecorded = listed.filter(
    (t) =>
      t.inDocument &&
      (t.handler === AUTO_HANDLER || t.handler === RETRY_HANDLER) &&
      t.id !== auto &&
      t.id !== followUp,
  ).length;
  // Both listings merged: a listing that leaves time-driven triggers out cannot make the count look smaller.
  return { held: listed.length, unknown, unrecorded, auto: Boolean(auto), followUp: Boolean(followUp) };
}
