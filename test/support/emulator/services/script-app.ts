// ScriptApp: enums, installation source, authorization info and time-driven triggers with the platform's
// rules (everyMinutes 1/5/10/15/30, everyHours 1/2/4/6/8/12, 20 triggers per user per script, Editor add-on
// limits: at most hourly and one time-driven trigger per user per document). References:
// https://developers.google.com/apps-script/reference/script/clock-trigger-builder ,
// https://developers.google.com/workspace/add-ons/concepts/editor-triggers (Restrictions),
// https://developers.google.com/apps-script/guides/services/quotas ("Triggers: 20 / user / script": the
// emulator has one user, so every trigger it holds counts, whatever document it was made in).
// Switches (EmulatorOptions): triggerListings (a listing leaves time-driven triggers out), addonShortOneShots.

import type { EmulatorCore, TriggerRecord } from '../core';
import { isValidTimeZone, zonedParts, zonedToInstant } from '../format';
import { classFactory, type Exec, STATE, stateOf, type WithState } from '../runtime';
import { AppsError, isDateLike, permissionError, SCOPES } from '../types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MINUTES_ALLOWED = [1, 5, 10, 15, 30];
const HOURS_ALLOWED = [1, 2, 4, 6, 8, 12];
const MAX_TRIGGERS = 20;

/** Error texts; see the report for which are verified. */
export const TRIGGER_ERRORS = {
  tooMany:
    'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
  // As reported from a published add-on (ttsukagoshi/mail-merge-for-gmail issue 165, "Exception: The recurrence
  // interval for an Add-on trigger must be at least one hour.").
  addonFrequency: 'The recurrence interval for an Add-on trigger must be at least one hour.',
  // Chosen text (UNVERIFIED): the rule is documented, the message is not.
  addonDuplicate: 'Add-ons can only create one time-based trigger per user per document.',
  // Chosen texts (UNVERIFIED).
  minutes: 'Invalid argument: minutes. Only 1, 5, 10, 15 or 30 are allowed.',
  hours: 'Invalid argument: hours. Only 1, 2, 4, 6, 8 or 12 are allowed.',
  noSchedule: 'Missing schedule for the time-based trigger.',
  // Chosen texts (UNVERIFIED).
  timezone: 'Invalid argument: timezone',
  hour: 'Invalid argument: hour. It must be between 0 and 23.',
  minute: 'Invalid argument: minute. It must be between 0 and 59.',
  // Chosen text (UNVERIFIED): a generic failure, as reported in derekantrican/GAS-ICS-Sync issue 114.
  serverError: "We're sorry, a server error occurred. Please wait a bit and try again.",
};

interface BuilderState {
  handler: string;
  everyMs?: number;
  afterMs?: number;
  at?: number;
  hour?: number;
  minute?: number;
  tz: string;
}

/** Builds ScriptApp for an execution. */
export function scriptAppService(core: EmulatorCore, exec: Exec): Record<string, unknown> {
  const R = exec.realm;
  const access = (method: string): void => {
    // Custom functions cannot use ScriptApp trigger APIs (documented); simple triggers lack authorization.
    if (exec.authMode === 'CUSTOM_FUNCTION') throw permissionError(`ScriptApp.${method}`);
    if (exec.authMode !== 'FULL') throw permissionError(`ScriptApp.${method}`, [SCOPES.scriptApp]);
    core.requireScope(`ScriptApp.${method}`, [SCOPES.scriptApp]);
  };

  type TS = WithState<TriggerRecord>;
  const triggerMethods = {
    getUniqueId(this: TS): string {
      return this[STATE].id;
    },
    getHandlerFunction(this: TS): string {
      return this[STATE].handler;
    },
    getEventType(this: TS): string {
      return 'CLOCK';
    },
    getTriggerSource(this: TS): string {
      return 'CLOCK';
    },
    getTriggerSourceId(this: TS): null {
      return null;
    },
  };
  const makeTrigger = classFactory<TriggerRecord, typeof triggerMethods>(exec, triggerMethods, 'none');

  type BS = WithState<BuilderState>;
  const intArg = (v: unknown): number => {
    const n = Number(v);
    if (!Number.isInteger(n)) throw new AppsError('Invalid argument');
    return n;
  };
  const clockMethods = {
    after(this: BS, durationMilliseconds: unknown): BS {
      this[STATE].afterMs = Math.max(0, intArg(durationMilliseconds));
      return this;
    },
    at(this: BS, date: unknown): BS {
      if (!isDateLike(date)) throw new AppsError('Invalid argument: date');
      this[STATE].at = date.getTime();
      return this;
    },
    atDate(this: BS, year: unknown, month: unknown, day: unknown): BS {
      this[STATE].at = zonedToInstant(intArg(year), intArg(month), intArg(day), 0, 0, 0, this[STATE].tz);
      return this;
    },
    everyMinutes(this: BS, n: unknown): BS {
      const v = intArg(n);
      if (!MINUTES_ALLOWED.includes(v)) throw new AppsError(TRIGGER_ERRORS.minutes);
      this[STATE].everyMs = v * 60_000;
      return this;
    },
    everyHours(this: BS, n: unknown): BS {
      const v = intArg(n);
      // Accepted values from community reports (reference §2.3, UNVERIFIED).
      if (!HOURS_ALLOWED.includes(v)) throw new AppsError(TRIGGER_ERRORS.hours);
      this[STATE].everyMs = v * HOUR;
      return this;
    },
    everyDays(this: BS, n: unknown): BS {
      const v = intArg(n);
      if (v < 1) throw new AppsError('Invalid argument: days');
      this[STATE].everyMs = v * DAY;
      return this;
    },
    everyWeeks(this: BS, n: unknown): BS {
      const v = intArg(n);
      if (v < 1) throw new AppsError('Invalid argument: weeks');
      this[STATE].everyMs = v * 7 * DAY;
      return this;
    },
    atHour(this: BS, hour: unknown): BS {
      const h = intArg(hour);
      // Range 0–23 and the text are UNVERIFIED (stricter reading: an out-of-range hour is refused).
      if (h < 0 || h > 23) throw new AppsError(TRIGGER_ERRORS.hour);
      this[STATE].hour = h;
      return this;
    },
    nearMinute(this: BS, minute: unknown): BS {
      const m = intArg(minute);
      // Range 0–59 and the text are UNVERIFIED (stricter reading).
      if (m < 0 || m > 59) throw new AppsError(TRIGGER_ERRORS.minute);
      this[STATE].minute = m;
      return this;
    },
    onWeekDay(this: BS): BS {
      return this;
    },
    onMonthDay(this: BS): BS {
      return this;
    },
    inTimezone(this: BS, tz: unknown): BS {
      // "An invalid timezone string will cause the script to throw an error":
      // https://developers.google.com/apps-script/reference/script/clock-trigger-builder#inTimezone(String)
      if (!isValidTimeZone(String(tz))) throw new AppsError(TRIGGER_ERRORS.timezone);
      this[STATE].tz = String(tz);
      return this;
    },
    create(this: BS): unknown {
      access('newTrigger');
      const st = this[STATE];
      const now = core.clock;
      let rec: Omit<TriggerRecord, 'id' | 'fired' | 'fireCount' | 'createdAt'>;
      const documentId = exec.hasDocument ? core.workbook.id : null;
      core.triggerCreates++;
      if (core.triggerCreates === core.options.failTriggerCreate)
        throw new AppsError(TRIGGER_ERRORS.serverError);
      if (st.everyMs !== undefined) {
        let first = now + st.everyMs;
        if (st.hour !== undefined && st.everyMs >= DAY) {
          const p = zonedParts(now, st.tz);
          first = zonedToInstant(p.year, p.month, p.day, st.hour, st.minute ?? 0, 0, st.tz);
          while (first <= now) first += DAY;
        }
        rec = {
          handler: st.handler,
          type: 'CLOCK',
          everyMs: st.everyMs,
          oneShot: false,
          nextAt: first,
          documentId,
        };
      } else if (st.afterMs !== undefined || st.at !== undefined) {
        const at = st.at ?? now + (st.afterMs ?? 0);
        // after(ms): fires exactly at creation + ms (the platform only promises "not earlier").
        rec = { handler: st.handler, type: 'CLOCK', at, oneShot: true, nextAt: at, documentId };
      } else throw new AppsError(TRIGGER_ERRORS.noSchedule);
      if (core.options.installationSource === 'ADD_ON') {
        const interval = rec.oneShot ? (rec.at ?? now) - now : (rec.everyMs ?? 0);
        // The live report quotes this text for a recurring interval; applying it to one-shots under an hour is the
        // stricter reading, the default (EmulatorOptions.addonShortOneShots).
        const checked = !rec.oneShot || core.options.addonShortOneShots === 'refused';
        if (checked && interval < HOUR) throw new AppsError(TRIGGER_ERRORS.addonFrequency);
        if (core.triggers.some((t) => t.documentId === documentId))
          throw new AppsError(TRIGGER_ERRORS.addonDuplicate);
      }
      if (core.triggers.length >= MAX_TRIGGERS) throw new AppsError(TRIGGER_ERRORS.tooMany);
      return makeTrigger(core.addTrigger(rec));
    },
  };
  const makeClock = classFactory<BuilderState, typeof clockMethods>(exec, clockMethods, 'none');

  const builderMethods = {
    timeBased(this: BS): unknown {
      return makeClock(this[STATE]);
    },
  };
  const makeBuilder = classFactory<BuilderState, typeof builderMethods>(exec, builderMethods, 'none');

  const list = (filter: (t: TriggerRecord) => boolean): unknown[] => {
    const a = new R.Array<unknown>();
    for (const t of core.triggers) if (filter(t)) a.push(makeTrigger(t));
    return a;
  };

  const methods = {
    AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
    AuthorizationStatus: { REQUIRED: 'REQUIRED', NOT_REQUIRED: 'NOT_REQUIRED' },
    // https://developers.google.com/apps-script/reference/script/installation-source
    InstallationSource: {
      APPS_MARKETPLACE_DOMAIN_ADD_ON: 'APPS_MARKETPLACE_DOMAIN_ADD_ON',
      NONE: 'NONE',
      WEB_STORE_ADD_ON: 'WEB_STORE_ADD_ON',
    },
    EventType: {
      CLOCK: 'CLOCK',
      ON_OPEN: 'ON_OPEN',
      ON_EDIT: 'ON_EDIT',
      ON_FORM_SUBMIT: 'ON_FORM_SUBMIT',
      ON_CHANGE: 'ON_CHANGE',
      ON_EVENT_UPDATED: 'ON_EVENT_UPDATED',
    },
    TriggerSource: {
      SPREADSHEETS: 'SPREADSHEETS',
      CLOCK: 'CLOCK',
      FORMS: 'FORMS',
      DOCUMENTS: 'DOCUMENTS',
      CALENDAR: 'CALENDAR',
    },
    WeekDay: {
      MONDAY: 'MONDAY',
      TUESDAY: 'TUESDAY',
      WEDNESDAY: 'WEDNESDAY',
      THURSDAY: 'THURSDAY',
      FRIDAY: 'FRIDAY',
      SATURDAY: 'SATURDAY',
      SUNDAY: 'SUNDAY',
    },
    getInstallationSource(): string {
      // The harness option 'ADD_ON' is a user-installed add-on: WEB_STORE_ADD_ON, unless a test says otherwise.
      if (core.options.reportedInstallationSource) return core.options.reportedInstallationSource;
      return core.options.installationSource === 'ADD_ON' ? 'WEB_STORE_ADD_ON' : 'NONE';
    },
    getAuthorizationInfo(): unknown {
      const info = new R.Object() as Record<string, unknown>;
      info.getAuthorizationStatus = (): string => 'NOT_REQUIRED';
      info.getAuthorizationUrl = (): null => null;
      return info;
    },
    getScriptId(): string {
      return 'emulated-script-id';
    },
    newTrigger(functionName: unknown): unknown {
      access('newTrigger');
      return makeBuilder({ handler: String(functionName), tz: core.scriptTimeZone });
    },
    getProjectTriggers(): unknown[] {
      access('getProjectTriggers');
      return list(() => core.options.triggerListings.project);
    },
    getUserTriggers(spreadsheet: unknown): unknown[] {
      access('getUserTriggers');
      const id =
        typeof spreadsheet === 'object' && spreadsheet !== null && 'getId' in spreadsheet
          ? String((spreadsheet as { getId(): string }).getId())
          : '';
      return list((t) => core.options.triggerListings.spreadsheet && t.documentId === id);
    },
    deleteTrigger(trigger: unknown): void {
      access('deleteTrigger');
      const rec = stateOf<TriggerRecord>(trigger, 'trigger');
      const idx = core.triggers.findIndex((t) => t.id === rec.id);
      if (idx >= 0) core.triggers.splice(idx, 1);
    },
  };
  return classFactory<null, typeof methods>(exec, methods, 'none')(null) as unknown as Record<
    string,
    unknown
  >;
}
