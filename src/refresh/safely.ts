/**
 * Work after the data is safe — the formula snapshot, formulas, trigger bookkeeping — whose failure must not
 * undo or misreport what was written: it is logged (without any text that could hold a URL beyond the
 * platform's own message) and the run goes on.
 */
import type { Services } from '../platform/services';

/** Runs `work`; on failure logs `what` and returns null. */
export function safely<T>(services: Services, what: string, work: () => T): T | null {
  try {
    return work();
  } catch (error) {
    services.log(`${what} step failed: ${(error as Error)?.message ?? error}`);
    return null;
  }
}
