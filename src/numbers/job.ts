/**
 * The number check as a job that outlives one execution (a sliced job, job/sliced.ts, shared with the members
 * import): the numbers to ask (E.164, fixed when it starts), the cursor, where the results go (the sheet, the
 * selection, the two result columns and whether the selection has a header row), the numbers GREEN-API refused
 * with its reason, and its counts — in document properties, so every slice, the sidebar and Diagnostics see it.
 */
import type { ErrorKind } from '../errors/addon-error';
import { clearSlicedJob, type JobSlot, loadSlicedJob, type SlicedJob, saveSlicedJob } from '../job/sliced';

/** Who ran the last slice. */
export type CheckSource = 'menu' | 'continue';

/** The job. */
export interface CheckJob extends SlicedJob {
  /** The numbers to ask, E.164; numbers[0..done) are asked. */
  numbers: string[];
  source: CheckSource;
  /** Where the results go: the sheet (by id), the selection (A1), the two result columns (1-based). */
  sheetId: number;
  range: string;
  columns: [number, number];
  header: boolean;
  /** Numbers without a country code are read as this country's. */
  country: string;
  /** Numbers asked and answered, of them on WhatsApp; numbers GREEN-API refused, with its reason. */
  checked: number;
  yes: number;
  refused: Record<string, string>;
  /** Numbers of the selection left out because the plan had no requests left for them this month. */
  planLimited: boolean;
  errorKind: ErrorKind | null;
}

/** Where the check job is kept. */
export const CHECK_SLOT: JobSlot<'numbers'> = {
  key: 'wa.check.job',
  listPrefix: 'wa.check.numbers.',
  lease: 'wa.check.lease',
  field: 'numbers',
};

/** The stored job, or null. */
export function loadCheckJob(properties: GoogleAppsScript.Properties.Properties): CheckJob | null {
  return loadSlicedJob<'numbers', CheckJob>(properties, CHECK_SLOT, { refused: {}, checked: 0, yes: 0 });
}

/** Stores the job in one write. */
export function saveCheckJob(properties: GoogleAppsScript.Properties.Properties, job: CheckJob): void {
  saveSlicedJob(properties, CHECK_SLOT, job);
}

/** Forgets the job. */
export function clearCheckJob(properties: GoogleAppsScript.Properties.Properties): void {
  clearSlicedJob(properties, CHECK_SLOT);
}

/** True while the job waits for its next slice. */
export function isCheckPending(job: CheckJob | null): job is CheckJob {
  return job?.state === 'pending';
}
