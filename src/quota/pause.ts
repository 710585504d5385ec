/**
 * A 466 stops a method until it can succeed. A method that answered 466 this month (UTC) and has not succeeded
 * since is exhausted: scheduled work that needs it (the auto-refresh, members imports and their continuations)
 * does not run until the 1st of next month (UTC), except for one probe a day — the first scheduled run at least a
 * day after the method's last request — so an upgraded plan is noticed within a day. A person's click always
 * tries once. The state comes from the ledger (quota/ledger.ts), so every path's 466 counts.
 */
import { monthOf, nextMonthStart } from './calendar';
import {
  type InstanceLedger,
  instanceLedger,
  type LedgerStore,
  type QuotaAnswer,
  readLedger,
} from './ledger';

/** The shortest time between two scheduled probes of an exhausted method. */
export const PROBE_EVERY_MS = 24 * 60 * 60_000;

/** An exhausted method: its last 466, and when its count starts again. */
export interface Exhausted {
  method: string;
  answer: QuotaAnswer;
  resumesAt: number;
}

/** The method's exhaustion in one instance's ledger, or null when it may be asked. */
export function exhaustedIn(entry: InstanceLedger, method: string, now: number): Exhausted | null {
  const answer = entry.q[method];
  if (!answer || monthOf(answer.at) !== monthOf(now)) return null;
  if ((entry.ok[method] ?? 0) > answer.at) return null;
  return { method, answer, resumesAt: nextMonthStart(now) };
}

/** The methods of `methods` that are exhausted for `instance` now. */
export function exhausted(
  store: LedgerStore,
  instance: string,
  methods: readonly string[],
  now: number,
): Exhausted[] {
  const entry = instanceLedger(readLedger(store, now), instance, now);
  return methods.flatMap((m) => exhaustedIn(entry, m, now) ?? []);
}

/**
 * True when scheduled work needing `methods` may run now: none is exhausted, or every exhausted one was last
 * asked at least PROBE_EVERY_MS ago (this run is the day's probe).
 */
export function scheduledMayAsk(
  store: LedgerStore,
  instance: string,
  methods: readonly string[],
  now: number,
): boolean {
  const entry = instanceLedger(readLedger(store, now), instance, now);
  return methods.every((m) => {
    if (!exhaustedIn(entry, m, now)) return true;
    return now - (entry.t[m] ?? 0) >= PROBE_EVERY_MS;
  });
}
