/**
 * Check numbers on WhatsApp (menu): works on the person's selection, in any sheet. It reads the selected cells
 * as numbers (the default country for numbers without a code), refuses a selection it cannot work on with a
 * clear message (nothing selected or empty, 50,000 cells or more, several blocks, the add-on's own sheets,
 * formulas), then asks in a plain Yes/No dialog — how many cells and distinct numbers, how many are not phone
 * numbers (a few shown), how many the table already answers (free), what the rest costs and what the plan has
 * left this month (the ledger) — before anything is spent. A cancel spends nothing. On Yes the job is stored and
 * its first slice runs now; results fill the first two empty columns right of the selection, the rest continues
 * by itself. The dialog is shown with no lock held (an alert suspends the script and locks do not survive it).
 */
import { instanceOf } from '../greenapi/url';
import { errorText, type Translate, translator } from '../i18n/i18n';
import { type CheckJob, loadCheckJob } from '../numbers/job';
import { MAX_CELLS, readSelection, type SelectionRead } from '../numbers/selection';
import { freshChecks } from '../numbers/table';
import type { Services } from '../platform/services';
import { instanceLedger, readLedger } from '../quota/ledger';
import { exhaustedIn, PROBE_EVERY_MS } from '../quota/pause';
import { type CheckResult, runChecks, startCheck, writeBeside } from '../refresh/checks';
import type { RetryPlan } from '../refresh/schedule';
import { loadCheckSettings } from '../settings/check-settings';
import { loadSettings } from '../settings/store';
import { LOG_SHEET } from '../sheet/changes-log';
import { resultColumns } from '../sheet/check-results';
import { CHECKS_TABLE, knownChecks } from '../sheet/checks-sheet';
import { CONTACTS_TABLE } from '../sheet/contacts-sheet';
import { MEMBERS_TABLE } from '../sheet/members-sheet';
import { tableContext } from '../sheet/sheet-table';
import { columnLetter } from '../table/keyed-table';
import { openSettings } from './sidebar';

/** What the command reports back (the emulator's tests read it; Sheets ignores it). */
export interface CheckReport {
  outcome: 'refused' | 'cancelled' | 'noNumbers' | CheckResult['outcome'];
  message: string;
}

/** Check numbers on WhatsApp: the question, then a slice now and the rest by itself. */
export function checkNumbersCommand(services: Services): CheckReport {
  const startedAt = services.clock.now();
  const t = translator(services.locale());
  const title = t('check.title');
  const settings = loadSettings(services.properties());
  if (!settings) {
    const message = errorText(t, 'noSettings');
    services.ui.alert(title, message);
    openSettings(services);
    return { outcome: 'error', message };
  }
  const spreadsheet = services.activeSpreadsheet();
  if (!spreadsheet) return refuse(services, t, errorText(t, 'noSpreadsheet'));
  const selected = spreadsheet.getActiveRangeList();
  const ranges = selected ? selected.getRanges() : [];
  if (ranges.length === 0) return refuse(services, t, t('check.noSelection'));
  if (ranges.length > 1) return refuse(services, t, t('check.severalRanges', { count: ranges.length }));
  const [range] = ranges;
  const cellsCount = range.getNumRows() * range.getNumColumns();
  if (cellsCount >= MAX_CELLS)
    return refuse(services, t, t('check.tooLarge', { cells: cellsCount, max: MAX_CELLS - 1 }));
  const sheet = range.getSheet();
  const own = ownSheet(services, sheet);
  if (own) return refuse(services, t, t('check.ownTable', { sheet: own }));
  const formulas = range.getFormulas();
  const withFormula = formulas.flatMap((row, i) =>
    row.flatMap((f, j) => (f ? [`${columnLetter(range.getColumn() + j)}${range.getRow() + i}`] : [])),
  );
  if (withFormula.length > 0)
    return refuse(services, t, t('check.formulas', { cells: withFormula.slice(0, 3).join(', ') }));

  const { country, freshDays } = loadCheckSettings(services.properties(), spreadsheet.getSpreadsheetLocale());
  const read = readSelection(range.getValues(), country);
  if (read.cells === 0) return refuse(services, t, t('check.empty'));
  if (read.numbers.length === 0)
    return refuse(
      services,
      t,
      t('check.noNumbers', { cells: read.cells, examples: read.examples.join(', ') }),
    );

  const context = tableContext(services, t);
  const known = freshChecks(
    knownChecks(spreadsheet, services.locale(), context),
    services.clock.now(),
    freshDays,
  );
  const ask = read.numbers.filter((n) => !known.has(n.e164)).map((n) => n.e164);
  const left = planLeft(services, settings);
  const fit = left === null ? ask.length : Math.min(ask.length, left);
  const last = loadCheckJob(services.properties());
  if (stillRunning(last, services.clock.now())) {
    const total = last?.numbers.length ?? 0;
    return refuse(services, t, t('check.running', { done: last?.done ?? 0, total }), 'busy');
  }
  const again = last && last.sheetId === sheet.getSheetId() && last.range === range.getA1Notation();
  const columns = resultColumns(sheet, range, again ? last.columns : null);
  const question = confirmText(t, read, read.numbers.length - ask.length, ask.length, {
    left,
    fit,
    days: freshDays,
    country: country || '—',
    columns: `${columnLetter(columns[0])}, ${columnLetter(columns[1])}`,
  });
  if (!services.ui.confirm(title, question)) {
    const message = t('check.cancelled');
    services.ui.toast(message, title, 5);
    return { outcome: 'cancelled', message };
  }

  const job: CheckJob = {
    instance: instanceOf(settings),
    startedAt,
    numbers: ask.slice(0, fit),
    done: 0,
    state: 'pending',
    nextAt: null,
    lastRunAt: startedAt,
    errorKind: null,
    errorDetail: '',
    failures: 0,
    source: 'menu',
    sheetId: sheet.getSheetId(),
    range: range.getA1Notation(),
    columns,
    header: read.header,
    country,
    checked: 0,
    yes: 0,
    refused: {},
    planLimited: fit < ask.length,
  };
  if (!startCheck(services, job)) return refuse(services, t, t('check.busy'), 'busy');
  if (job.numbers.length === 0) {
    // Everything is answered by the table (or nothing fits the plan): the results, no request.
    job.state = 'done';
    startCheck(services, job);
    writeBeside(services, t, spreadsheet, job);
    const message = t('check.done', {
      checked: 0,
      yes: 0,
      known: read.numbers.length - ask.length,
      notPhone: read.notPhone,
    });
    services.ui.toast(message, title, 10);
    return { outcome: 'done', message };
  }
  const progress = (done: number, total: number) =>
    services.ui.toast(t('check.progress', { done, total }), title, 10);
  let result: CheckResult;
  try {
    result = runChecks(services, 'menu', t, { startedAt, progress });
  } catch (error) {
    services.log(`number check failed: ${(error as Error)?.name ?? 'Error'}`);
    const message = t('error.internal');
    services.ui.alert(title, message);
    return { outcome: 'error', message };
  }
  const message = describeCheck(services, t, result, read, read.numbers.length - ask.length);
  if (result.outcome === 'done' || result.outcome === 'pending') services.ui.toast(message, title, 10);
  else services.ui.alert(title, message);
  return { outcome: result.outcome, message };
}

/** The words for a slice's result. */
export function describeCheck(
  services: Services,
  t: Translate,
  result: CheckResult,
  read: Pick<SelectionRead, 'notPhone'> | null,
  known: number,
): string {
  switch (result.outcome) {
    case 'done':
      return t('check.done', {
        checked: result.checked,
        yes: result.yes,
        known,
        notPhone: read?.notPhone ?? 0,
      });
    case 'pending':
      return t('check.pendingMore', {
        done: result.done,
        total: result.total,
        when: whenNext(services, t, result.next),
      });
    case 'stopped':
      return t('check.stopped', {
        done: result.done,
        total: result.total,
        error: errorText(t, result.error?.kind ?? 'unexpected', result.error?.detail ?? ''),
      });
    case 'busy':
      return t('check.busy');
    case 'none':
      return t('check.done', { checked: 0, yes: 0, known, notPhone: read?.notPhone ?? 0 });
    case 'error':
      return errorText(t, result.error.kind, result.error.detail);
  }
}

function refuse(
  services: Services,
  t: Translate,
  message: string,
  outcome: CheckReport['outcome'] = 'refused',
): CheckReport {
  services.ui.alert(t('check.title'), message);
  return { outcome, message };
}

/**
 * True while the stored check is under way: a slice running now (the last within 10 minutes; a run lasts at most
 * 6), or a next slice due within the hour. A check left behind longer (a lost trigger) may be replaced.
 */
function stillRunning(job: CheckJob | null, now: number): boolean {
  if (!job) return false;
  if (job.state === 'running') return now - job.lastRunAt < 10 * 60_000;
  return job.state === 'pending' && (job.nextAt ?? 0) > now - 60 * 60_000;
}

/** The name of the add-on's own sheet `sheet` is, or '' (its tables by stored id or name, and the log). */
function ownSheet(services: Services, sheet: GoogleAppsScript.Spreadsheet.Sheet): string {
  const id = String(sheet.getSheetId());
  const name = sheet.getName();
  const properties = services.properties();
  for (const table of [CONTACTS_TABLE, MEMBERS_TABLE, CHECKS_TABLE]) {
    if (properties.getProperty(table.idProperty) === id || name === table.sheet) return name;
  }
  return name === LOG_SHEET ? name : '';
}

/**
 * checkWhatsapp requests the plan has left this month by the ledger (null: no cap). GREEN-API's own word wins:
 * after a 466 this month with no success since (quota/pause.ts), nothing is left — GREEN-API counts requests the
 * ledger never saw (another tool, another document) — except for one probe a day, as for scheduled work, so an
 * upgraded plan is noticed.
 */
function planLeft(services: Services, settings: NonNullable<ReturnType<typeof loadSettings>>): number | null {
  const now = services.clock.now();
  const entry = instanceLedger(readLedger(services, now), instanceOf(settings), now);
  const stopped = exhaustedIn(entry, 'checkWhatsapp', now);
  if (stopped && now - (entry.t.checkWhatsapp ?? 0) < PROBE_EVERY_MS) return 0;
  const cap = settings.monthlyCaps.checkWhatsapp;
  if (cap === null) return null;
  return Math.max(0, cap - (entry.n.checkWhatsapp ?? 0));
}

function confirmText(
  t: Translate,
  read: SelectionRead,
  known: number,
  ask: number,
  words: { left: number | null; fit: number; days: number; country: string; columns: string },
): string {
  const notPhone = read.notPhone
    ? t('check.confirm.notPhone', { count: read.notPhone, examples: read.examples.join(', ') })
    : '';
  const text = t('check.confirm', {
    cells: read.cells,
    numbers: read.numbers.length,
    notPhone,
    days: words.days,
    known,
    ask,
    left: words.left === null ? t('check.left.noCap') : words.left,
    country: words.country,
    columns: words.columns,
  });
  return words.fit < ask ? `${text}\n\n${t('check.confirm.over', { fit: words.fit })}` : text;
}

function whenNext(services: Services, t: Translate, next: RetryPlan): string {
  if (next.kind === 'scheduled') return t('members.when.at', { time: services.formatTime(next.at) });
  return t(next.kind === 'nextRun' ? 'members.when.nextRun' : 'members.when.none');
}
