/**
 * Keeps GREEN-API's per-method rate limits: getContacts, getGroupData and getStateInstance each allow one
 * request per second per instance (https://green-api.com/en/docs/api/ratelimiter/); an excess request is refused
 * with 429; checkWhatsapp allows 10 a second (same page). The pacer spaces the requests of one method by its
 * limit plus a 10% margin (1.1 s; 110 ms for checkWhatsapp), so a 429 stays rare, by sleeping on the clock; methods are paced independently, as GREEN-API counts them. One pacer serves
 * every request of an execution — the members import's getContacts and getGroupData alike.
 */
import type { Clock } from '../platform/services';
import type { ApiMethod } from './url';

/** The shortest gap between two requests of one method (1 a second). */
export const PACE_MS = 1100;

/** Methods with a faster documented rate: checkWhatsapp, 10 a second. */
const FASTER: Partial<Record<ApiMethod, number>> = { checkWhatsapp: 110 };

/** The shortest gap between two requests of `method`. */
export function paceOf(method: ApiMethod): number {
  return FASTER[method] ?? PACE_MS;
}

/** Spaces requests per method. */
export class Pacer {
  private readonly last = new Map<ApiMethod, number>();

  constructor(private readonly clock: Clock) {}

  /** How long the next request of `method` would wait now (ms). */
  waitFor(method: ApiMethod): number {
    const last = this.last.get(method);
    return last === undefined ? 0 : Math.max(0, last + paceOf(method) - this.clock.now());
  }

  /** Waits until a request of `method` may go, and counts it as sent. */
  pace(method: ApiMethod): void {
    const wait = this.waitFor(method);
    if (wait > 0) this.clock.sleep(wait);
    this.last.set(method, this.clock.now());
  }
}
