/**
 * Keeps GREEN-API's per-method rate limits: getContacts, getGroupData and getStateInstance each allow one
 * request per second per instance (https://green-api.com/en/docs/api/ratelimiter/); an excess request is refused
 * with 429. The pacer spaces the requests of one method at least 1.1 seconds apart (a margin, so a 429 stays
 * rare) by sleeping on the clock; methods are paced independently, as GREEN-API counts them. One pacer serves
 * every request of an execution — the members import's getContacts and getGroupData alike.
 */
import type { Clock } from '../platform/services';
import type { ApiMethod } from './url';

/** The shortest gap between two requests of one method. */
export const PACE_MS = 1100;

/** Spaces requests per method. */
export class Pacer {
  private readonly last = new Map<ApiMethod, number>();

  constructor(private readonly clock: Clock) {}

  /** How long the next request of `method` would wait now (ms). */
  waitFor(method: ApiMethod): number {
    const last = this.last.get(method);
    return last === undefined ? 0 : Math.max(0, last + PACE_MS - this.clock.now());
  }

  /** Waits until a request of `method` may go, and counts it as sent. */
  pace(method: ApiMethod): void {
    const wait = this.waitFor(method);
    if (wait > 0) this.clock.sleep(wait);
    this.last.set(method, this.clock.now());
  }
}
