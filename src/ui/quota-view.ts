/**
 * Quotas in words for the sidebar and Diagnostics: the meter (requests this month per method against the plan's
 * cap and the reset date; Apps Script's trigger runtime and UrlFetch calls today), what each schedule costs, a
 * saved schedule that does not fit its plan, and the refusal of one that cannot fit. The numbers come from the
 * ledger (quota/ledger.ts) and the pricing (quota/price.ts); this file only adds the words.
 */
import { loadSnapshot, snapshotDeps } from '../cache/snapshot';
import { contactsFromTable } from '../formula/from-table';
import { countWords, dateWords, type Translate } from '../i18n/i18n';
import { loadJob } from '../members/job';
import type { Services } from '../platform/services';
import { DAYS_PER_MONTH, nextMonthStart } from '../quota/calendar';
import { instanceLedger, readLedger } from '../quota/ledger';
import { exhaustedIn } from '../quota/pause';
import { CAPPED_METHODS, type MonthlyCaps, PLAN_CAPS, type Plan } from '../quota/plans';
import { mostFrequentFitting, overCaps, runsPerMonth, type Schedule } from '../quota/price';
import { FieldError, type Settings } from '../settings/settings';
import { instanceKey } from '../settings/store';

/** Apps Script's daily total trigger runtime for a personal (consumer) account; Workspace accounts have 6 h. */
export const TRIGGER_QUOTA_MS = 90 * 60_000;
/** UrlFetch calls a day for a personal account (Workspace: 100,000). */
export const URL_FETCH_QUOTA = 20_000;

/** What the sidebar needs to price a schedule as the person chooses (the words are in the strings table). */
export interface Pricing {
  /** Every interval the installation allows, and its runs in a 31-day month. */
  choices: number[];
  runs: Record<string, number>;
  /** Groups a daily members import would read, and the days priced. */
  groups: number;
  days: number;
  /** The measured average run of the auto-refresh (ms; 0 before the first) and the daily trigger quota (ms). */
  avgRunMs: number;
  triggerQuotaMs: number;
}

/** The quota part of the settings view. */
export interface QuotaView {
  plan: Plan;
  monthlyCaps: MonthlyCaps;
  pricing: Pricing;
  /** Lines of the meter, and the line about Apps Script's side. */
  meter: string[];
  /** The methods a 466 paused this month (scheduled work that needs them waits). */
  paused: string[];
  apps: string;
  /** The saved schedule does not fit its plan (a schedule saved before plans existed): what it costs. */
  scheduleWarning: string;
}

/** "Every hour", "Every 5 minutes", "Off": an auto-refresh interval in words. */
export function scheduleWords(t: Translate, minutes: number): string {
  if (minutes === 0) return t('settings.refresh.off');
  if (minutes < 60) return t('settings.refresh.minutes', { n: minutes });
  if (minutes === 60) return t('settings.refresh.hour');
  if (minutes === 1440) return t('settings.refresh.day');
  return t('settings.refresh.hours', { n: minutes / 60 });
}

/**
 * Groups a members import reads, as far as the add-on knows: the last job's, else the contact list's groups —
 * from the snapshot, or (it lives 6 hours at most) from the contacts table the last refresh wrote.
 */
export function knownGroups(services: Services, settings: Settings | null): number {
  if (!settings) return 0;
  const job = loadJob(services.properties());
  if (job && job.instance === instanceKey(settings)) return job.groups.length;
  const deps = snapshotDeps(services);
  const contacts =
    (deps ? loadSnapshot(deps, instanceKey(settings))?.contacts : null) ?? contactsFromTable(services) ?? [];
  return contacts.filter((c) => c.type === 'group').length;
}

/** The settings' schedule with the groups it would read. */
export function scheduleOf(services: Services, settings: Settings): Schedule {
  return {
    refreshEveryMinutes: settings.refreshEveryMinutes,
    membersOnSchedule: settings.membersOnSchedule,
    groups: knownGroups(services, settings),
  };
}

/**
 * Refuses a schedule that cannot fit its plan, naming the option, the monthly cost, the cap and the most
 * frequent schedule that fits (a FieldError of the option's field).
 */
export function checkSchedule(
  services: Services,
  settings: Settings,
  choices: readonly number[],
  t: Translate,
): void {
  const schedule = scheduleOf(services, settings);
  for (const over of overCaps(schedule, settings.monthlyCaps)) {
    if (over.method === 'getContacts') {
      // The refresh is the option to change; with members on, they are priced in.
      const best = mostFrequentFitting(choices, schedule, settings.monthlyCaps);
      throw new FieldError('refreshEveryMinutes', 'field.refresh.overCap', {
        option: scheduleWords(t, settings.refreshEveryMinutes),
        cost: countWords(t, over.cost),
        method: over.method,
        cap: countWords(t, over.cap),
        suggestion: scheduleWords(t, best),
      });
    }
    throw new FieldError('membersOnSchedule', 'field.members.overCap', {
      cost: countWords(t, over.cost),
      groups: String(schedule.groups),
      cap: countWords(t, over.cap),
    });
  }
}

/** The quota part of the settings view (also Diagnostics' figures). */
export function quotaView(
  services: Services,
  settings: Settings | null,
  choices: readonly number[],
  t: Translate,
): QuotaView {
  const now = services.clock.now();
  const plan = settings?.plan ?? 'developer';
  const caps = settings?.monthlyCaps ?? PLAN_CAPS.developer;
  const ledger = readLedger(services, now);
  const groups = knownGroups(services, settings);
  const runs: Record<string, number> = {};
  for (const m of choices) runs[String(m)] = runsPerMonth(m);
  const meter: string[] = [];
  const paused: string[] = [];
  if (settings) {
    const entry = instanceLedger(ledger, instanceKey(settings), now);
    const reset = dateWords(t, nextMonthStart(now));
    const methods = [...new Set([...CAPPED_METHODS, ...Object.keys(entry.n)])];
    for (const method of methods) {
      const used = entry.n[method] ?? 0;
      const cap = (caps as Record<string, number | null>)[method] ?? null;
      if (used === 0 && method === 'checkWhatsapp') continue; // not asked yet by this add-on
      const exhausted = exhaustedIn(entry, method, now);
      // Requests this month and the cap always; a pause adds GREEN-API's own numbers from its 466 body.
      const counted =
        cap === null
          ? t('settings.meter.rowNoCap', { method, used: countWords(t, used) })
          : t('settings.meter.row', {
              method,
              used: countWords(t, used),
              cap: countWords(t, cap),
              date: reset,
            });
      if (exhausted) {
        paused.push(method);
        const { used: theirs, total } = exhausted.answer;
        const answered =
          theirs !== null && total !== null
            ? t('settings.meter.answered', { used: countWords(t, theirs), total: countWords(t, total) })
            : '';
        meter.push(
          t('settings.meter.paused', { counted, answered, date: dateWords(t, exhausted.resumesAt) }),
        );
      } else meter.push(counted);
    }
  }
  const apps = t('settings.meter.apps', {
    minutes: (ledger.triggerMs / 60_000).toFixed(1),
    quota: TRIGGER_QUOTA_MS / 60_000,
    fetches: countWords(t, ledger.fetches),
  });
  let scheduleWarning = '';
  if (settings) {
    const schedule = {
      refreshEveryMinutes: settings.refreshEveryMinutes,
      membersOnSchedule: settings.membersOnSchedule,
      groups,
    };
    const [over] = overCaps(schedule, caps);
    if (over) {
      const option =
        over.method === 'getContacts'
          ? scheduleWords(t, settings.refreshEveryMinutes)
          : t('settings.members');
      scheduleWarning = t('settings.schedule.overCap', {
        option,
        cost: countWords(t, over.cost),
        method: over.method,
        cap: countWords(t, over.cap),
      });
    }
  }
  return {
    plan,
    monthlyCaps: caps,
    pricing: {
      choices: [...choices],
      runs,
      groups,
      days: DAYS_PER_MONTH,
      avgRunMs: ledger.avgRunMs,
      triggerQuotaMs: TRIGGER_QUOTA_MS,
    },
    meter,
    paused,
    apps,
    scheduleWarning,
  };
}
