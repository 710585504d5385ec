/**
 * The members import as a job that outlives one execution: which groups it reads (fixed when it starts), how
 * many are done (the cursor), whether it is running, waiting to continue, done or stopped (by an error such as
 * the monthly quota), and its last error — in document properties, so every continuation, the sidebar and
 * Diagnostics see it: a sliced job (job/sliced.ts, shared with the number check), its list the group ids.
 * Holds no token.
 */
import type { ErrorKind } from '../errors/addon-error';
import {
  clearSlicedJob,
  type JobSlot,
  type JobState,
  loadSlicedJob,
  type SlicedJob,
  saveSlicedJob,
} from '../job/sliced';

export type { JobState };

/** Who ran the last slice. */
export type MembersSource = 'menu' | 'auto' | 'continue';

/** The job: a sliced job (job/sliced.ts) over groups. */
export interface MembersJob extends SlicedJob {
  /** Every group to read, in order; groups[0..done) are read. */
  groups: string[];
  source: MembersSource;
  /** Members written by the job so far, and groups the account turned out not to be in. */
  members: number;
  notInGroup: number;
  /** Groups skipped because GREEN-API refused that one group (a 400, an answer that is not an object). */
  skipped: number;
  errorKind: ErrorKind | null;
  /**
   * The members table holds rows an earlier job of this instance wrote (a new job starts at done 0, and one stopped
   * at its first group — say by the quota — must not hide them from cold formulas: formula/from-table.ts).
   */
  wroteBefore?: boolean;
}

/** Where the members job is kept (the keys of the first version, so a job under way carries on). */
export const MEMBERS_SLOT: JobSlot<'groups'> = {
  key: 'wa.members.job',
  listPrefix: 'wa.members.groups.',
  lease: 'wa.members.lease',
  field: 'groups',
};

/** The stored job, or null. */
export function loadJob(properties: GoogleAppsScript.Properties.Properties): MembersJob | null {
  return loadSlicedJob<'groups', MembersJob>(properties, MEMBERS_SLOT, { skipped: 0, failures: 0 });
}

/** Stores the job in one write (its group list split over several properties; stale parts deleted). */
export function saveJob(properties: GoogleAppsScript.Properties.Properties, job: MembersJob): void {
  saveSlicedJob(properties, MEMBERS_SLOT, job);
}

/** Forgets the job (settings now point at another instance). */
export function clearJob(properties: GoogleAppsScript.Properties.Properties): void {
  clearSlicedJob(properties, MEMBERS_SLOT);
}

/** True while a job waits for its next slice. */
export function isPending(job: MembersJob | null): job is MembersJob {
  return job?.state === 'pending';
}

/** True for a job that has groups left to read: pending, stopped by an error, or left running by a slice that died. */
export function isUnfinished(job: MembersJob | null): job is MembersJob {
  return !!job && job.done < job.groups.length && job.state !== 'done';
}
