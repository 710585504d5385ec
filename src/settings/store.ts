/**
 * Settings in document properties, so time-driven triggers and every collaborator's formulas see the same
 * instance (user properties would be invisible to other editors' custom functions — reference §7.1).
 */
import { instanceOf } from '../greenapi/url';
import { CAPPED_METHODS, capsOf, type MonthlyCaps, PLANS, type Plan } from '../quota/plans';
import type { Settings } from './settings';

const KEYS = {
  apiUrl: 'wa.apiUrl',
  idInstance: 'wa.idInstance',
  apiTokenInstance: 'wa.apiTokenInstance',
  refreshEveryMinutes: 'wa.refreshEveryMinutes',
  membersOnSchedule: 'wa.membersOnSchedule',
  plan: 'wa.plan',
  monthlyCaps: 'wa.monthlyCaps',
} as const;

/** The stored settings, or null when nothing complete is stored. */
export function loadSettings(properties: GoogleAppsScript.Properties.Properties): Settings | null {
  const all = properties.getProperties();
  const apiUrl = all[KEYS.apiUrl];
  const idInstance = all[KEYS.idInstance];
  const apiTokenInstance = all[KEYS.apiTokenInstance];
  if (!apiUrl || !idInstance || !apiTokenInstance) return null;
  const minutes = Number(all[KEYS.refreshEveryMinutes] ?? 0);
  return {
    apiUrl,
    idInstance,
    apiTokenInstance,
    refreshEveryMinutes: Number.isFinite(minutes) ? minutes : 0,
    membersOnSchedule: all[KEYS.membersOnSchedule] === 'true',
    ...storedPlan(all[KEYS.plan], all[KEYS.monthlyCaps]),
  };
}

/** The stored plan (settings saved before plans existed: Developer) and its caps. */
function storedPlan(
  plan: string | undefined,
  caps: string | undefined,
): { plan: Plan; monthlyCaps: MonthlyCaps } {
  const known: Plan = (PLANS as readonly string[]).includes(plan ?? '') ? (plan as Plan) : 'developer';
  let custom: MonthlyCaps | null = null;
  if (known === 'custom') {
    custom = { getContacts: null, getGroupData: null, checkWhatsapp: null };
    try {
      const parsed = JSON.parse(caps ?? '{}') as Record<string, unknown>;
      for (const m of CAPPED_METHODS) {
        const n = parsed[m];
        custom[m] = typeof n === 'number' && n >= 0 ? n : null;
      }
    } catch (_) {
      // damaged: no caps
    }
  }
  return { plan: known, monthlyCaps: capsOf(known, custom) };
}

/** Stores all settings in one write. */
export function storeSettings(properties: GoogleAppsScript.Properties.Properties, settings: Settings): void {
  properties.setProperties({
    [KEYS.apiUrl]: settings.apiUrl,
    [KEYS.idInstance]: settings.idInstance,
    [KEYS.apiTokenInstance]: settings.apiTokenInstance,
    [KEYS.refreshEveryMinutes]: String(settings.refreshEveryMinutes),
    [KEYS.membersOnSchedule]: String(settings.membersOnSchedule),
    [KEYS.plan]: settings.plan,
    [KEYS.monthlyCaps]: JSON.stringify(settings.monthlyCaps),
  });
}

/** Identifies the instance a snapshot belongs to, without the token. */
export function instanceKey(settings: Settings): string {
  return instanceOf(settings);
}
