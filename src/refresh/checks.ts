/**
 * The number check, one slice at a time (a sliced job, job/sliced.ts, the members import's machinery): each
 * slice asks checkWhatsapp about the job's next numbers while its time budget lasts — paced at GREEN-API's 10
 * requests a second (https://green-api.com/en/docs/api/ratelimiter/) — then writes what it learnt: the numbers'
 * rows in the "WhatsApp Number Checks" table (the keyed-table writer, merged for those numbers only) and the
 * results beside the person's selection (sheet/check-results.ts). The rest is left to the follow-up trigger. One
 * check at a time (the job's lease). A 466 stops the job at once (what was asked is written; the ledger has it);
 * the 400 "check phone number timeout limit exceeded" leaves the number for the next slice, two minutes out; a
 * number GREEN-API refuses is "not checked" with its reason; a wrong token, an instance not authorized, stop it.
 */
import { AddonError, type ErrorKind, toAddonError } from '../errors/addon-error';
import { checkWhatsapp } from '../greenapi/client';
import { paceOf } from '../greenapi/pacer';
import { errorText, type Translate } from '../i18n/i18n';
import {
  failedSlice,
  postponeJob,
  releaseLease,
  SLICE_HARD_MS,
  settleSlice,
  takeLease,
  walkItems,
} from '../job/sliced';
import { CHECK_SLOT, type CheckJob, type CheckSource, loadCheckJob, saveCheckJob } from '../numbers/job';
import { chatDigits, readNumber } from '../numbers/read';
import { type CheckedNumber, checkRow } from '../numbers/table';
import type { Services } from '../platform/services';
import { lostMeanwhile } from '../settings/forget';
import type { Settings } from '../settings/settings';
import { instanceKey } from '../settings/store';
import { type ResultCells, writeResults } from '../sheet/check-results';
import { CHECKS_TABLE, knownChecks } from '../sheet/checks-sheet';
import { recalculateFormulas } from '../sheet/formula-cells';
import { applyTable, planTable, tableContext } from '../sheet/sheet-table';
import { settleFollowUp } from './follow-up';
import { safely } from './safely';
import type { RetryPlan } from './schedule';
import { onGround, sliceClient } from './slice-ground';

/** Time kept free for one more number: the pace, the request and a retry after a 429. */
const PER_NUMBER_MS = paceOf('checkWhatsapp') + 5_000;
/** After GREEN-API's "check phone number timeout limit exceeded", the next slice comes this much later. */
export const TIMEOUT_LATER_MS = 2 * 60_000;
/** Errors after which the job waits for its next slice; any other stops it. */
const TRANSIENT: ReadonlySet<ErrorKind> = new Set(['unavailable', 'rateLimited', 'unreachable', 'busy']);
/** Reasons kept per job (a property holds 9 KB); further refused numbers get the generic reason. */
const MAX_REASONS = 100;

/** What one slice did. */
export type CheckResult =
  | {
      outcome: 'done' | 'pending' | 'stopped';
      done: number;
      total: number;
      checked: number;
      yes: number;
      error: AddonError | null;
      next: RetryPlan;
    }
  | { outcome: 'busy' | 'none' }
  | { outcome: 'error'; error: AddonError };

/** Options of a slice. */
export interface CheckSliceOptions {
  /** When the execution started (the budget counts from there); default: now. */
  startedAt?: number;
  /** Tells a person how far the slice got (menu runs), at most every 30 seconds. */
  progress?: (done: number, total: number) => void;
}

/** Stores a new job (the menu, once the person said yes); false when another check holds the lease. */
export function startCheck(services: Services, job: CheckJob): boolean {
  if (!takeLease(services, CHECK_SLOT, 10_000)) return false;
  try {
    saveCheckJob(services.properties(), job);
    return true;
  } finally {
    releaseLease(services, CHECK_SLOT);
  }
}

/** Runs one slice of the stored check job. */
export function runChecks(
  services: Services,
  source: CheckSource,
  t: Translate,
  options: CheckSliceOptions = {},
): CheckResult {
  const result = runSlice(services, source, t, options);
  if (result.outcome === 'error' || result.outcome === 'busy')
    safely(services, 'check job', () => {
      const job = loadCheckJob(services.properties());
      if (!postponeJob(job, services.clock, result.outcome === 'error' ? result.error.kind : 'busy')) return;
      saveCheckJob(services.properties(), job as CheckJob);
      settleFollowUp(services);
    });
  return result;
}

function runSlice(
  services: Services,
  source: CheckSource,
  t: Translate,
  options: CheckSliceOptions,
): CheckResult {
  const startedAt = options.startedAt ?? services.clock.now();
  return onGround(services, CHECK_SLOT, source === 'menu', (settings, spreadsheet): CheckResult => {
    const job = loadCheckJob(services.properties());
    if (!job || job.state === 'done' || job.state === 'stopped') return { outcome: 'none' };
    if (job.instance !== instanceKey(settings))
      return { outcome: 'error', error: new AddonError('noSettings') };
    job.state = 'running';
    job.source = source;
    job.lastRunAt = services.clock.now();
    saveCheckJob(services.properties(), job);
    try {
      return slice(services, t, settings, spreadsheet, startedAt, options, job);
    } catch (error) {
      failedSlice(job, services.clock, toAddonError(error).kind);
      safely(services, 'check job', () => saveCheckJob(services.properties(), job));
      throw error;
    }
  });
}

function slice(
  services: Services,
  t: Translate,
  settings: Settings,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  startedAt: number,
  options: CheckSliceOptions,
  job: CheckJob,
): CheckResult {
  const clock = services.clock;
  const deps = sliceClient(services, startedAt);
  const answers: CheckedNumber[] = [];
  let later = false;
  const walk = walkItems(clock, job.numbers, job.done, {
    startedAt,
    perItemMs: PER_NUMBER_MS,
    progress: options.progress,
    step: (e164) => {
      try {
        const answer = checkWhatsapp(deps, settings, chatDigits(e164));
        if (answer.kind === 'checked') {
          answers.push({ e164, exists: answer.exists, chatId: answer.chatId, at: clock.now() });
          return 'next';
        }
        if (answer.kind === 'later') {
          later = true;
          return { stop: new AddonError('unavailable', answer.reason) };
        }
        job.refused[e164] = Object.keys(job.refused).length < MAX_REASONS ? answer.reason : '';
        return 'skipped';
      } catch (e) {
        return { stop: toAddonError(e) };
      }
    },
  });
  let error = walk.stop as AddonError | null;
  let done = walk.done;

  // Write what was asked, under the document lock; if that is impossible the cursor stays (asked again later).
  const lockWait = Math.max(1000, Math.min(30_000, startedAt + SLICE_HARD_MS - clock.now()));
  const written = writeSlice(services, t, spreadsheet, answers, lockWait);
  // Disconnected (or other settings saved) while the slice asked: nothing more is written, kept or scheduled.
  if (written === 'disconnected') return { outcome: 'error', error: new AddonError('noSettings') };
  if (written instanceof AddonError) {
    error = written;
    done = job.done;
  } else {
    job.checked += answers.length;
    job.yes += answers.filter((a) => a.exists).length;
  }
  settleSlice(job, clock, done, job.numbers.length, error, TRANSIENT, later ? TIMEOUT_LATER_MS : 0);
  saveCheckJob(services.properties(), job);
  // The results beside the selection say where the job stands now (pending numbers, a stop's reason).
  safely(services, 'check results', () => writeBeside(services, t, spreadsheet, job));
  // =WA_CHECK cells recalculate only when their arguments change: re-entered when the table learnt something.
  if (answers.length > 0 && !(written instanceof AddonError))
    safely(services, 'formulas', () =>
      recalculateFormulas(spreadsheet, () => services.flush(), 'WA_CHECK', undefined, services.properties()),
    );
  const next = safely(services, 'triggers', () => settleFollowUp(services)) ?? { kind: 'none' as const };
  return {
    outcome: job.state === 'done' ? 'done' : job.state === 'stopped' ? 'stopped' : 'pending',
    done: job.done,
    total: job.numbers.length,
    checked: job.checked,
    yes: job.yes,
    error,
    next,
  };
}

/**
 * Merges the answers into the checks table (only their numbers are in scope; none is marked removed), under the
 * document lock — first making sure the job and the settings are still there: the slice asked without the lock,
 * and a Disconnect meanwhile must find nothing of the add-on written back (settings/forget.ts lostMeanwhile).
 */
function writeSlice(
  services: Services,
  t: Translate,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  answers: readonly CheckedNumber[],
  lockWait: number,
): true | AddonError | 'disconnected' {
  const lock = services.lock();
  if (lock && !lock.tryLock(lockWait)) return answers.length === 0 ? true : new AddonError('busy');
  try {
    const properties = services.properties();
    if (lostMeanwhile(properties, services.cache(), loadCheckJob(properties) !== null)) return 'disconnected';
    if (answers.length === 0) return true;
    const context = tableContext(services, t);
    const rows = answers.map(checkRow);
    const scope = new Set(rows.map((row) => row[0]));
    const day = services.formatDay(services.clock.now());
    const merge = planTable(
      spreadsheet,
      CHECKS_TABLE,
      rows,
      services.locale(),
      t,
      day,
      (key) => scope.has(key[0]),
      context,
    );
    if ('error' in merge) return new AddonError('membersNoKey', merge.missing.join('", "'));
    applyTable(spreadsheet, CHECKS_TABLE, merge, context);
    return true;
  } finally {
    lock?.releaseLock();
  }
}

/** Writes every row's result beside the selection, from the table and the job (constant calls). */
export function writeBeside(
  services: Services,
  t: Translate,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  job: CheckJob,
): void {
  const sheet = spreadsheet.getSheets().find((s) => s.getSheetId() === job.sheetId);
  if (!sheet) return; // the person deleted the sheet: nothing to write beside
  const range = sheet.getRange(job.range);
  const values = range.getValues();
  const known = knownChecks(spreadsheet, services.locale(), tableContext(services, t));
  const waiting = new Set(job.numbers.slice(job.done));
  // A cell holds a short reason: the quota's in a few words (the toast and Settings give its numbers and date).
  const stopped =
    job.state !== 'stopped' || !job.errorKind
      ? ''
      : job.errorKind === 'quota'
        ? t('check.reason.quota')
        : errorText(t, job.errorKind, job.errorDetail);
  const cells: ResultCells[] = values.map((row, i) => {
    if (i === 0 && job.header) return [t('header.whatsapp'), t('header.checked')];
    // A row speaks for its number: a selection of Name | Phone answers for the phone, not "not a phone number".
    const readings = row.map((v) => readNumber(v, job.country));
    const first = readings.find((r) => r.kind === 'number') ?? readings.find((r) => r.kind !== 'empty');
    if (!first) return ['', ''];
    if (first.kind === 'notPhone') return [t('check.notPhone'), ''];
    const e164 = first.kind === 'number' ? first.e164 : '';
    if (e164 in job.refused)
      return [t('check.notChecked', { reason: job.refused[e164] || t('check.reason.refused') }), ''];
    if (waiting.has(e164))
      return stopped ? [t('check.notChecked', { reason: stopped }), ''] : [t('check.pending'), ''];
    const answer = known.get(e164);
    if (answer) return [t(answer.exists ? 'check.yes' : 'check.no'), services.formatDay(answer.at)];
    const reason = job.planLimited ? t('check.reason.plan') : t('check.reason.notInJob');
    return [t('check.notChecked', { reason }), ''];
  });
  writeResults(sheet, range.getRow(), job.columns, cells, (date) => services.formatDay(date.getTime()));
}
