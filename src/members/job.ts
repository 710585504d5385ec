/**
 * The members import as a job that outlives one execution: which groups it reads (fixed when it starts), how
 * many are done (the cursor), whether it is running, waiting to continue, done or stopped (by an error such as
 * the monthly quota), and its last error — in document properties, so every continuation, the sidebar and
 * Diagnostics see it. The group list is split over several properties under the 9 KB value limit
 * (https://developers.google.com/apps-script/guides/services/quotas). Holds no token.
 */
import type { ErrorKind } from '../errors/addon-error';

/** Who ran the last slice. */
export type MembersSource = 'menu' | 'auto' | 'continue';

/** Where the job stands. */
export type JobState = 'running' | 'pending' | 'done' | 'stopped';

/** The job. */
export interface MembersJob {
  /** The instance it reads (apiUrl|idInstance): a job of another instance is not continued. */
  instance: string;
  startedAt: number;
  /** Every group to read, in order; groups[0..done) are read. */
  groups: string[];
  done: number;
  state: JobState;
  /** When the next slice is due (pending jobs). */
  nextAt: number | null;
  lastRunAt: number;
  source: MembersSource;
  errorKind: ErrorKind | null;
  errorDetail: string;
  /** Members written by the job so far, and groups the account turned out not to be in. */
  members: number;
  notInGroup: number;
  /** Groups skipped because GREEN-API refused that one group (a 400, an answer that is not an object). */
  skipped: number;
  /** Slices in a row that could not read (another running, GREEN-API unavailable…): the next waits longer. */
  failures: number;
  /**
   * The members table holds rows an earlier job of this instance wrote (a new job starts at done 0, and one stopped
   * at its first group — say by the quota — must not hide them from cold formulas: formula/from-table.ts).
   */
  wroteBefore?: boolean;
}

const KEY = 'wa.members.job';
const GROUPS = 'wa.members.groups.';
/** Characters of group ids per property (ids are ASCII; the value limit is 9 KB with the key). */
const CHUNK = 8000;

/** The stored job, or null. */
export function loadJob(properties: GoogleAppsScript.Properties.Properties): MembersJob | null {
  const all = properties.getProperties();
  const raw = all[KEY];
  if (!raw) return null;
  try {
    const job = JSON.parse(raw) as Omit<MembersJob, 'groups' | 'skipped' | 'failures'> &
      Partial<Pick<MembersJob, 'skipped' | 'failures'>> & { chunks: number; count: number };
    let text = '';
    for (let i = 0; i < job.chunks; i++) text += all[`${GROUPS}${i}`] ?? '';
    const groups = text ? text.split('\n') : [];
    if (groups.length !== job.count || typeof job.done !== 'number') return null;
    const { chunks: _c, count: _n, ...rest } = job;
    return { ...rest, skipped: rest.skipped ?? 0, failures: rest.failures ?? 0, groups };
  } catch (_) {
    return null;
  }
}

/** Stores the job in one write (its group list split over several properties; stale parts deleted). */
export function saveJob(properties: GoogleAppsScript.Properties.Properties, job: MembersJob): void {
  const text = job.groups.join('\n');
  const values: Record<string, string> = {};
  let chunks = 0;
  for (let at = 0; at < text.length; at += CHUNK, chunks++)
    values[`${GROUPS}${chunks}`] = text.slice(at, at + CHUNK);
  const { groups, ...rest } = job;
  values[KEY] = JSON.stringify({ ...rest, chunks, count: groups.length });
  const stale = properties.getKeys().filter((k) => k.startsWith(GROUPS) && !(k in values));
  properties.setProperties(values);
  for (const key of stale) properties.deleteProperty(key);
}

/** Forgets the job (settings now point at another instance). */
export function clearJob(properties: GoogleAppsScript.Properties.Properties): void {
  for (const key of properties.getKeys())
    if (key === KEY || key.startsWith(GROUPS)) properties.deleteProperty(key);
}

/** True while a job waits for its next slice. */
export function isPending(job: MembersJob | null): job is MembersJob {
  return job?.state === 'pending';
}

/** True for a job that has groups left to read: pending, stopped by an error, or left running by a slice that died. */
export function isUnfinished(job: MembersJob | null): job is MembersJob {
  return !!job && job.done < job.groups.length && job.state !== 'done';
}
