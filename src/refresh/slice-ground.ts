/**
 * What every slice of a sliced job (the members import, the number check) needs before it may run: the settings,
 * the spreadsheet, and the job's lease (job/sliced.ts), held for the slice and released whatever happens. A slice
 * that cannot have them says why — no settings, no spreadsheet, or another slice running.
 */
import { AddonError } from '../errors/addon-error';
import type { ClientDeps } from '../greenapi/client';
import { Pacer } from '../greenapi/pacer';
import { type JobSlot, releaseLease, SLICE_HARD_MS, takeLease } from '../job/sliced';
import type { Services } from '../platform/services';
import type { Settings } from '../settings/settings';
import { loadSettings } from '../settings/store';
import { resolveSpreadsheet } from './spreadsheet';

/** Why a slice did not run. */
export type GroundRefusal = { outcome: 'error'; error: AddonError } | { outcome: 'busy' };

/** Runs `slice` with the settings and the spreadsheet under the job's lease (a person's click waits less for it). */
export function onGround<R>(
  services: Services,
  slot: JobSlot<string>,
  byPerson: boolean,
  slice: (settings: Settings, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) => R,
): R | GroundRefusal {
  const settings = loadSettings(services.properties());
  if (!settings) return { outcome: 'error', error: new AddonError('noSettings') };
  const spreadsheet = resolveSpreadsheet(services);
  if (!spreadsheet) return { outcome: 'error', error: new AddonError('noSpreadsheet') };
  if (!takeLease(services, slot, byPerson ? 10_000 : 60_000)) return { outcome: 'busy' };
  try {
    return slice(settings, spreadsheet);
  } finally {
    releaseLease(services, slot);
  }
}

/**
 * The GREEN-API client of a slice that started at `startedAt`: paced per method, and no pause or retry of a request
 * may start that could not end before the slice must begin to write (half a minute before its hard end).
 */
export function sliceClient(services: Services, startedAt: number): ClientDeps {
  return {
    http: services.http,
    clock: services.clock,
    properties: () => services.properties(),
    cache: () => services.cache(),
    pacer: new Pacer(services.clock),
    deadline: startedAt + SLICE_HARD_MS - 30_000,
  };
}
