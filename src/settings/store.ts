/**
 * Settings in document properties, so time-driven triggers and every collaborator's formulas see the same
 * instance (user properties would be invisible to other editors' custom functions — reference §7.1).
 */
import type { Settings } from './settings';

const KEYS = {
  apiUrl: 'wa.apiUrl',
  idInstance: 'wa.idInstance',
  apiTokenInstance: 'wa.apiTokenInstance',
  refreshEveryMinutes: 'wa.refreshEveryMinutes',
  membersOnSchedule: 'wa.membersOnSchedule',
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
  };
}

/** Stores all settings in one write. */
export function storeSettings(properties: GoogleAppsScript.Properties.Properties, settings: Settings): void {
  properties.setProperties({
    [KEYS.apiUrl]: settings.apiUrl,
    [KEYS.idInstance]: settings.idInstance,
    [KEYS.apiTokenInstance]: settings.apiTokenInstance,
    [KEYS.refreshEveryMinutes]: String(settings.refreshEveryMinutes),
    [KEYS.membersOnSchedule]: String(settings.membersOnSchedule),
  });
}

/** Identifies the instance a snapshot belongs to, without the token. */
export function instanceKey(settings: Settings): string {
  return `${settings.apiUrl}|${settings.idInstance}`;
}
