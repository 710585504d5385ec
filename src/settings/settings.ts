/**
 * The settings of one document — where its GREEN-API instance lives and how often to refresh — and their
 * validation. Bad input throws a FieldError naming the field; nothing is saved unless every field is valid.
 */
import { ALLOWED_HOSTS, isAllowedHost } from '../greenapi/hosts';
import type { Credentials } from '../greenapi/url';
import { CAPPED_METHODS, capsOf, type MonthlyCaps, PLANS, type Plan } from '../quota/plans';

/** Stored settings. `apiTokenInstance` never leaves the server except inside a request URL. */
export interface Settings extends Credentials {
  refreshEveryMinutes: number;
  /** Also refresh group members on schedule (once a day at most: it spends getGroupData's quota). */
  membersOnSchedule: boolean;
  /** The GREEN-API plan (quota/plans.ts); "developer" unless chosen. */
  plan: Plan;
  /** The monthly caps in force: the plan's documented ones, or those typed for a Custom plan. */
  monthlyCaps: MonthlyCaps;
}

/** What the sidebar sends to saveSettings. Everything optional; a blank token keeps the stored one. */
export interface SettingsForm {
  apiUrl?: unknown;
  idInstance?: unknown;
  apiTokenInstance?: unknown;
  refreshEveryMinutes?: unknown;
  membersOnSchedule?: unknown;
  /** "developer" (also when absent), "business" or "custom". */
  plan?: unknown;
  /** For "custom": `{getContacts, getGroupData, checkWhatsapp}`, a number each, blank for no cap. */
  monthlyCaps?: unknown;
}

/** The field names of the form, as the sidebar knows them. */
export type Field =
  | 'apiUrl'
  | 'idInstance'
  | 'apiTokenInstance'
  | 'refreshEveryMinutes'
  | 'membersOnSchedule'
  | 'plan'
  | 'monthlyCaps';

/** GREEN-API's generic host; the console shows the instance's own (e.g. https://7105.api.greenapi.com). */
export const DEFAULT_API_URL = 'https://api.green-api.com';

/** Auto-refresh choices in minutes; 0 is off. */
export const REFRESH_CHOICES = [0, 5, 10, 15, 30, 60, 120, 240, 360, 480, 720, 1440] as const;

/** A validation failure: which field, and the strings-table key (with parameters) that says what is wrong. */
export class FieldError extends Error {
  readonly field: Field;
  readonly key: string;
  readonly params: Record<string, string>;

  constructor(field: Field, key: string, params: Record<string, string> = {}) {
    super(`${field}: ${key}`);
    this.name = 'FieldError';
    this.field = field;
    this.key = key;
    this.params = params;
  }
}

/** Validates a form against the stored settings (for the blank-token rule); returns the settings to store. */
export function validateSettings(
  form: SettingsForm,
  stored: Settings | null,
  minRefreshMinutes: number,
): Settings {
  if (!form || typeof form !== 'object') throw new FieldError('apiUrl', 'field.formMissing');
  const plan = validatePlan(form.plan);
  return {
    apiUrl: validateApiUrl(form.apiUrl),
    idInstance: validateIdInstance(form.idInstance),
    apiTokenInstance: validateToken(
      form.apiTokenInstance,
      tokenToKeep(form.idInstance, stored),
      Boolean(stored),
    ),
    refreshEveryMinutes: validateRefresh(
      form.refreshEveryMinutes,
      stored?.refreshEveryMinutes ?? 0,
      minRefreshMinutes,
    ),
    membersOnSchedule: validateFlag(form.membersOnSchedule, stored?.membersOnSchedule ?? false),
    plan,
    monthlyCaps: capsOf(plan, plan === 'custom' ? validateCaps(form.monthlyCaps) : null),
  };
}

/** "developer" (also blank or absent), "business" or "custom", any case. */
export function validatePlan(value: unknown): Plan {
  if (value == null || value === '') return 'developer';
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if ((PLANS as readonly string[]).includes(text)) return text as Plan;
  throw new FieldError('plan', 'field.plan.invalid');
}

/**
 * A Custom plan's caps: per method a whole number 0 or more (digits as text too, thousands grouped or not), blank or
 * absent for no cap.
 */
export function validateCaps(value: unknown): MonthlyCaps {
  const given = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  if (value != null && value !== '' && (typeof value !== 'object' || Array.isArray(value)))
    throw new FieldError('monthlyCaps', 'field.caps.invalid', { method: CAPPED_METHODS[0] });
  const caps = {} as MonthlyCaps;
  for (const method of CAPPED_METHODS) {
    const raw = given[method];
    const text = typeof raw === 'string' ? raw.trim() : raw;
    if (text == null || text === '') {
      caps[method] = null;
      continue;
    }
    // Digits, grouped by thousands as the meter writes them in either language ("1,000", "1 000") or not.
    const digits =
      typeof text === 'string'
        ? text.replace(/^(\d{1,3})(?:[ ,.\u00a0\u202f](\d{3}))+$/, (m) => m.replace(/\D/g, ''))
        : '';
    const n = typeof text === 'string' ? (/^\d{1,12}$/.test(digits) ? Number(digits) : text) : text;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
      throw new FieldError('monthlyCaps', 'field.caps.invalid', { method });
    caps[method] = n;
  }
  return caps;
}

/** A yes/no choice: true or false (also "true"/"false"); missing keeps `current`. */
export function validateFlag(value: unknown, current: boolean): boolean {
  if (value == null || value === '') return current;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  throw new FieldError('membersOnSchedule', 'field.flag.invalid');
}

/**
 * The stored token a blank field may keep: only for the same idInstance. A token belongs to one instance, and
 * anyone who can call saveSettings/testConnection must not be able to send it along with another instance.
 */
function tokenToKeep(idInstance: unknown, stored: Settings | null): string {
  if (!stored) return '';
  const same = String(idInstance ?? '').trim() === stored.idInstance;
  if (!same) return '';
  return stored.apiTokenInstance;
}

/**
 * An https URL on an allowed host (greenapi/hosts.ts), with no port, query or fragment; trailing slashes dropped.
 * Loopback http (localhost, 127.0.0.1, [::1]) is accepted for local runs only: a real spreadsheet cannot reach it.
 */
export function validateApiUrl(value: unknown): string {
  const text = typeof value === 'string' ? value.trim() : value == null ? '' : null;
  if (text === null) throw new FieldError('apiUrl', 'field.apiUrl.invalid');
  if (text === '') return DEFAULT_API_URL;
  const match = /^(https?):\/\/([^/?#\s@]+)(\/[^?#\s]*)?$/i.exec(text);
  if (!match) {
    if (/[?#]/.test(text)) throw new FieldError('apiUrl', 'field.apiUrl.query');
    throw new FieldError('apiUrl', 'field.apiUrl.invalid');
  }
  const scheme = match[1].toLowerCase();
  const host = match[2].toLowerCase();
  const hostname = host.replace(/:\d+$/, '');
  if (!/^(\[[0-9a-f:]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)$/.test(hostname)) {
    throw new FieldError('apiUrl', 'field.apiUrl.invalid');
  }
  const local = hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
  if (scheme === 'http' && !local) throw new FieldError('apiUrl', 'field.apiUrl.https');
  if (!local && (host !== hostname || !isAllowedHost(hostname))) {
    throw new FieldError('apiUrl', 'field.apiUrl.allowlist', { hosts: ALLOWED_HOSTS.join(', ') });
  }
  const path = (match[3] ?? '').replace(/\/+$/, '');
  if (path.split('/').some((part) => part === '..' || part === '.')) {
    throw new FieldError('apiUrl', 'field.apiUrl.invalid');
  }
  return `${scheme}://${host}${path}`;
}

/** Digits only, at most 19 (GREEN-API documents an int64; real ids have 10 digits). */
export function validateIdInstance(value: unknown): string {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || text.trim() === '')
    throw new FieldError('idInstance', 'field.idInstance.missing');
  const trimmed = text.trim();
  if (!/^\d{1,19}$/.test(trimmed)) throw new FieldError('idInstance', 'field.idInstance.digits');
  return trimmed;
}

/**
 * Characters safe in a URL path: no whitespace, `/`, `?`, `#`, `%`, `..`. Blank keeps `storedToken`; when there
 * is none because idInstance changed (`hadToken`), the message says to enter the new instance's token.
 */
export function validateToken(value: unknown, storedToken: string, hadToken = false): string {
  if (value != null && typeof value !== 'string')
    throw new FieldError('apiTokenInstance', 'field.token.invalid');
  const text = (value ?? '').trim();
  if (text === '') {
    if (!storedToken) {
      throw new FieldError('apiTokenInstance', hadToken ? 'field.token.again' : 'field.token.missing');
    }
    return storedToken;
  }
  if (text.length > 200 || !/^[A-Za-z0-9._~-]+$/.test(text) || text.includes('..')) {
    throw new FieldError('apiTokenInstance', 'field.token.invalid');
  }
  return text;
}

/** One of REFRESH_CHOICES, and not below `minMinutes` unless 0 (off). Missing keeps `current`. */
export function validateRefresh(value: unknown, current: number, minMinutes: number): number {
  if (value == null || value === '') return current;
  const minutes = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof minutes !== 'number' || !(REFRESH_CHOICES as readonly number[]).includes(minutes)) {
    throw new FieldError('refreshEveryMinutes', 'field.refresh.choice', {
      choices: REFRESH_CHOICES.join(', '),
    });
  }
  if (minutes !== 0 && minutes < minMinutes) {
    throw new FieldError('refreshEveryMinutes', 'field.refresh.addonHourly');
  }
  return minutes;
}
