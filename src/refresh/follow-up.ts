/**
 * The follow-up work a one-shot trigger comes back for — a contacts retry (the refresh status's next retry) and
 * the next slice of a members import (the job's next slice), the next slice of a number check — and keeping the one follow-up trigger in step
 * with it: due for the earliest pending work, removed when nothing is pending.
 */
import { isPending, loadJob } from '../members/job';
import { isCheckPending, loadCheckJob } from '../numbers/job';
import type { Services } from '../platform/services';
import { cancelFollowUp, type RetryPlan, scheduleFollowUp } from './schedule';
import { readStatus } from './status';

/** When each kind of follow-up work is due (null: none pending). */
export interface PendingWork {
  contactsAt: number | null;
  membersAt: number | null;
  /** The next slice of a number check. */
  checksAt: number | null;
}

/** The pending follow-up work, from the refresh status and the members job. */
export function pendingWork(properties: GoogleAppsScript.Properties.Properties): PendingWork {
  const job = loadJob(properties);
  const check = loadCheckJob(properties);
  return {
    contactsAt: readStatus(properties)?.nextRetryAt ?? null,
    membersAt: isPending(job) ? job.nextAt : null,
    checksAt: isCheckPending(check) ? check.nextAt : null,
  };
}

/**
 * Schedules the follow-up for the earliest pending work, or removes it when none is pending — under the document
 * lock (taken here unless this execution holds it), so two executions settling at once cannot both create one.
 */
export function settleFollowUp(services: Services): RetryPlan {
  const lock = services.lock();
  const mine = lock !== null && !lock.hasLock();
  if (mine && !lock.tryLock(30_000)) return { kind: 'none' }; // the other execution settles it
  try {
    return settle(services);
  } finally {
    if (mine) lock.releaseLock();
  }
}

function settle(services: Services): RetryPlan {
  const properties = services.properties();
  const work = pendingWork(properties);
  const due = [work.contactsAt, work.membersAt, work.checksAt].filter((at): at is number => at !== null);
  if (due.length === 0) {
    cancelFollowUp(services.triggers, properties);
    return { kind: 'none' };
  }
  return scheduleFollowUp(services.triggers, properties, services.clock.now(), Math.min(...due));
}
