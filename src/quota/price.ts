/**
 * What a schedule costs a month, priced before it is saved: the auto-refresh asks getContacts once a run, and
 * the daily members import, which rides on one of those runs and reuses the contact list it just fetched
 * (refresh/members.ts), asks getGroupData once per group. A month is priced at 31
 * days, so a schedule that fits fits every month. Retries after an empty answer, a person's imports and cold
 * formulas come on top: the meter (quota/ledger.ts) shows what was really spent. Pure.
 */
import { DAYS_PER_MONTH } from './calendar';
import type { CappedMethod, MonthlyCaps } from './plans';

/** A schedule: the auto-refresh interval (0: off) and members on schedule, with the groups it would read. */
export interface Schedule {
  refreshEveryMinutes: number;
  membersOnSchedule: boolean;
  /** Groups a daily members import reads (as far as the add-on knows). */
  groups: number;
}

/** Runs of a recurring trigger every `minutes` in a 31-day month (0 when off). */
export function runsPerMonth(minutes: number): number {
  return minutes > 0 ? Math.ceil((DAYS_PER_MONTH * 24 * 60) / minutes) : 0;
}

/** Requests a month per method the schedule spends. Members run only with the auto-refresh (once a day). */
export function monthlyCost(schedule: Schedule): Record<CappedMethod, number> {
  const members = schedule.membersOnSchedule && schedule.refreshEveryMinutes > 0;
  return {
    getContacts: runsPerMonth(schedule.refreshEveryMinutes),
    getGroupData: members ? schedule.groups * DAYS_PER_MONTH : 0,
    checkWhatsapp: 0,
  };
}

/** A method whose cap the schedule would pass: its cost and cap. */
export interface OverCap {
  method: CappedMethod;
  cost: number;
  cap: number;
}

/** The methods whose monthly cap the schedule would pass (none: it fits). */
export function overCaps(schedule: Schedule, caps: MonthlyCaps): OverCap[] {
  const cost = monthlyCost(schedule);
  const over: OverCap[] = [];
  for (const method of Object.keys(cost) as CappedMethod[]) {
    const cap = caps[method];
    if (cap !== null && cost[method] > cap) over.push({ method, cost: cost[method], cap });
  }
  return over;
}

/** The auto-refresh intervals of `choices` that fit with the rest of the schedule (0, off, always fits). */
export function fittingChoices(choices: readonly number[], schedule: Schedule, caps: MonthlyCaps): number[] {
  return choices.filter(
    (m) =>
      m === 0 ||
      overCaps({ ...schedule, refreshEveryMinutes: m }, caps).every((o) => o.method !== 'getContacts'),
  );
}

/** The most frequent interval of `choices` that fits (0: only off fits). */
export function mostFrequentFitting(
  choices: readonly number[],
  schedule: Schedule,
  caps: MonthlyCaps,
): number {
  const fitting = fittingChoices(choices, schedule, caps).filter((m) => m > 0);
  return fitting.length ? Math.min(...fitting) : 0;
}
