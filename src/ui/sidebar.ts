/**
 * The server side of the Settings sidebar: opening it, and the three functions it calls through
 * `google.script.run` — getSettings, saveSettings and testConnection. Any user who can open the sidebar can call
 * these with any arguments (https://developers.google.com/apps-script/guides/html/communication, "Private
 * functions"), so every input is validated and nothing returned ever holds the token: only a hint of it.
 */

import { forgetFailure } from '../cache/failure-memo';
import { dropMembers } from '../cache/members-snapshot';
import { dropSnapshot } from '../cache/snapshot';
import { isAddonError } from '../errors/addon-error';
import { fetchState } from '../greenapi/client';
import { tokenHint } from '../greenapi/url';
import type { StringKey } from '../i18n/en';
import { errorText, isStringKey, type Translate, table, translator } from '../i18n/i18n';
import { clearJob, loadJob } from '../members/job';
import { clearCheckJob, loadCheckJob } from '../numbers/job';
import type { Services } from '../platform/services';
import type { MonthlyCaps, Plan } from '../quota/plans';
import { fittingChoices } from '../quota/price';
import { settleFollowUp } from '../refresh/follow-up';
import { safely } from '../refresh/safely';
import {
  applyAutoRefresh,
  budgetRefusedAt,
  isBudgetRefusal,
  isHourlyRefusal,
  minRefreshMinutes,
} from '../refresh/schedule';
import { rememberSpreadsheet } from '../refresh/spreadsheet';
import { clearStatus, readStatus } from '../refresh/status';
import { ownPropertyKeys } from '../settings/forget';
import {
  DEFAULT_API_URL,
  FieldError,
  REFRESH_CHOICES,
  type Settings,
  type SettingsForm,
  validateSettings,
} from '../settings/settings';
import { instanceKey, loadSettings, storeSettings } from '../settings/store';
import { type CheckSettingsView, checkSettingsView } from './check-settings-view';
import { checkView } from './check-view';
import { type MembersView, membersView } from './members-view';
import { checkSchedule, type QuotaView, quotaView, scheduleOf } from './quota-view';

/** The settings as the sidebar sees them. */
export interface SettingsView {
  apiUrl: string;
  idInstance: string;
  tokenHint: string;
  hasToken: boolean;
  refreshEveryMinutes: number;
  refreshChoices: number[];
  installation: 'bound' | 'addon';
  /** Also refresh group members on schedule. */
  membersOnSchedule: boolean;
  /**
   * A bound script in a spreadsheet others may edit: every editor can read the token (docs/SECURITY.md), so the
   * sidebar says so.
   */
  sharedToken: boolean;
  status: StatusView | null;
  /** The members import, in words (null before the first). */
  members: MembersView | null;
  /** The number check's progress and error, in words (null before the first). */
  check?: { text: string; error: string } | null;
  /** The number check's settings (default country, days an answer is reused). */
  checkSettings?: CheckSettingsView;
  /** The GREEN-API plan and the monthly caps in force (the documented ones unless Custom). */
  plan: Plan;
  monthlyCaps: MonthlyCaps;
  /** Prices, the meter, and a saved schedule that does not fit (ui/quota-view.ts). */
  quota: QuotaView;
  /** Anything of the add-on is stored in this document (the sidebar then offers Disconnect). */
  stored?: boolean;
  message?: string;
}

/** The last refresh, in words. */
export interface StatusView {
  at: string;
  outcome: string;
  count: number;
  error: string;
  nextRetryAt: string;
}

/** The result of Test connection. */
export interface ConnectionReport {
  ok: boolean;
  state: string;
  message: string;
}

const BOOT_MARK = '__WA_BOOT__';

/** Opens the Settings sidebar in the user's language. */
export function openSettings(services: Services): void {
  const locale = services.locale();
  const t = translator(locale);
  const strings = table(locale);
  const boot = JSON.stringify({ lang: locale, strings }).replace(/</g, '\\u003c');
  const html = services.htmlFile('sidebar').replace(BOOT_MARK, boot);
  services.ui.showSidebar(html, t('settings.title'));
}

/** getSettings(): the stored settings with the token replaced by its hint, plus the last refresh status. */
export function settingsView(services: Services): SettingsView {
  const t = translator(services.locale());
  const settings = loadSettings(services.properties());
  const installation = services.triggers.installation();
  const min = minRefreshMinutes(installation);
  const allowed = REFRESH_CHOICES.filter((m) => m === 0 || m >= min);
  const quota = quotaView(services, settings, allowed, t);
  // Only schedules that fit the plan are offered (the saved one stays selected, flagged, until saved again).
  const schedule = settings ? scheduleOf(services, settings) : null;
  const offered = schedule ? fittingChoices(allowed, schedule, quota.monthlyCaps) : allowed;
  return {
    apiUrl: settings?.apiUrl ?? DEFAULT_API_URL,
    idInstance: settings?.idInstance ?? '',
    tokenHint: settings ? tokenHint(settings.apiTokenInstance) : '',
    hasToken: Boolean(settings?.apiTokenInstance),
    refreshEveryMinutes: settings?.refreshEveryMinutes ?? 0,
    refreshChoices: offered,
    installation,
    membersOnSchedule: settings?.membersOnSchedule ?? false,
    // Shown in every bound script: getEditors() may or may not count the owner and never shows link sharing
    // (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getEditors()), so no count can
    // prove that nobody else can edit. The words hold either way (docs/SECURITY.md).
    sharedToken: installation === 'bound',
    status: statusView(services, t),
    members: membersView(services, t, loadJob(services.properties())),
    check: checkView(t, loadCheckJob(services.properties())),
    checkSettings: checkSettingsView(services),
    plan: quota.plan,
    monthlyCaps: quota.monthlyCaps,
    quota,
    stored: ownPropertyKeys(services.properties()).length > 0,
  };
}

/** saveSettings(form): validates, sets up auto-refresh, stores; throws "field: message" for a bad field. */
export function saveSettingsFromForm(services: Services, form: SettingsForm): SettingsView {
  const t = translator(services.locale());
  const properties = services.properties();
  const stored = loadSettings(properties);
  const installation = services.triggers.installation();
  let settings: Settings;
  try {
    const min = minRefreshMinutes(installation);
    settings = validateSettings(form, stored, min);
    // Priced before it is saved: a schedule that cannot fit its plan is refused (ui/quota-view.ts).
    checkSchedule(
      services,
      settings,
      REFRESH_CHOICES.filter((m) => m === 0 || m >= min),
      t,
    );
  } catch (error) {
    throw fieldMessage(error, t);
  }
  const lock = services.lock();
  if (lock && !lock.tryLock(10_000)) throw new Error(t('import.busy'));
  try {
    const now = services.clock.now();
    try {
      applyAutoRefresh(
        services.triggers,
        properties,
        settings.refreshEveryMinutes,
        stored?.refreshEveryMinutes ?? 0,
        now,
      );
    } catch (error) {
      // The platform's words (a trigger limit, a server error) go to the log; the person gets ours.
      services.log(
        `auto-refresh setup failed: ${error instanceof Error ? error.message.slice(0, 300) : error}`,
      );
      // The budget's refusal by its words, or (Google's words are the person's language) as applyAutoRefresh saw it.
      const key =
        isBudgetRefusal(error) || budgetRefusedAt(properties) === now
          ? 'field.refresh.budget'
          : isHourlyRefusal(error)
            ? 'field.refresh.hourlyRefused'
            : 'field.refresh.trigger';
      // An add-on removed its follow-up to make room for the schedule: pending work gets one back.
      safely(services, 'triggers', () => settleFollowUp(services));
      throw new Error(`refreshEveryMinutes: ${t(key)}`);
    }
    storeSettings(properties, settings);
    const spreadsheet = services.activeSpreadsheet();
    if (spreadsheet) rememberSpreadsheet(services, spreadsheet);
    const instanceChanged = !stored || instanceKey(stored) !== instanceKey(settings);
    const tokenChanged = !stored || stored.apiTokenInstance !== settings.apiTokenInstance;
    const cache = services.cache();
    if (cache && (instanceChanged || tokenChanged)) forgetFailure(cache);
    if (instanceChanged) {
      if (cache) {
        dropSnapshot(cache);
        dropMembers(cache);
      }
      if (stored) {
        clearStatus(properties);
        clearJob(properties);
        clearCheckJob(properties); // a check of the replaced instance would ask the new one
      }
    }
    // Work that rode on a trigger this save removed (an add-on's hourly run) gets a follow-up of its own; work
    // of the instance just replaced is gone, and so is its follow-up.
    safely(services, 'triggers', () => settleFollowUp(services));
  } finally {
    lock?.releaseLock();
  }
  return { ...settingsView(services), message: t('settings.saved') };
}

/** testConnection(form?): getStateInstance for the typed (or stored) settings, in words. */
export function testConnectionReport(services: Services, form?: SettingsForm): ConnectionReport {
  const t = translator(services.locale());
  const stored = loadSettings(services.properties());
  let settings: Settings;
  try {
    settings = form ? validateSettings(form, stored, 0) : (stored ?? validateSettings({}, null, 0));
  } catch (error) {
    throw fieldMessage(error, t);
  }
  try {
    const state = fetchState(services, settings);
    const key = `state.${state}`;
    const message = isStringKey(key) ? t(key) : t('state.unknown', { state: state.slice(0, 40) });
    return { ok: state === 'authorized', state, message };
  } catch (error) {
    if (!isAddonError(error)) throw new Error(t('error.internal'));
    return { ok: false, state: '', message: errorText(t, error.kind, error.detail) };
  }
}

function fieldMessage(error: unknown, t: Translate): Error {
  if (error instanceof FieldError) {
    const text = isStringKey(error.key) ? t(error.key as StringKey, error.params) : error.key;
    return new Error(`${error.field}: ${text}`);
  }
  return new Error(t('error.internal'));
}

function statusView(services: Services, t: Translate): StatusView | null {
  const status = readStatus(services.properties());
  if (!status) return null;
  const outcome = `${t(`settings.status.outcome.${status.outcome}` as StringKey)} (${t(
    `settings.status.source.${status.source}` as StringKey,
  )})`;
  let error = '';
  if (status.outcome === 'error' && status.errorKind)
    error = errorText(t, status.errorKind, status.errorDetail);
  if (status.outcome === 'gaveUp') error = t('import.gaveUp');
  if (status.outcome === 'heldBack' && status.heldBack) error = t('import.heldBack', { ...status.heldBack });
  if (status.outcome === 'ok' && status.groupsHeldBack)
    error = t('import.groupsHeldBack', { groups: status.groupsHeldBack });
  return {
    at: services.formatTime(status.at),
    outcome,
    count: status.outcome === 'ok' ? status.count : status.lastSuccessCount,
    error,
    nextRetryAt: status.nextRetryAt ? services.formatTime(status.nextRetryAt) : '',
  };
}
