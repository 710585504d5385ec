/**
 * What the time-driven triggers run. Trigger runs are silent — there is no one to see a toast or alert — so the
 * outcome goes only into the recorded status. The retry trigger deletes itself first (a fired one-shot stays
 * listed and would count toward the 20-trigger limit); if the answer is empty again, the refresh schedules the
 * next one.
 */
import type { Services } from '../platform/services';
import { translator } from '../ui/i18n';
import { runRefresh } from './refresh';
import { cancelRetry } from './schedule';
import { readStatus, writeStatus } from './status';

/** The recurring auto-refresh. */
export function autoRefresh(services: Services): void {
  silently(services, 'auto', () => runRefresh(services, 'auto', translator(services.locale())));
}

/** The one-shot retry after an empty answer. */
export function retryRefresh(services: Services): void {
  silently(services, 'retry', () => {
    cancelRetry(services.triggers);
    runRefresh(services, 'retry', translator(services.locale()));
  });
}

function silently(services: Services, source: 'auto' | 'retry', work: () => void): void {
  try {
    work();
  } catch (error) {
    // An unexpected failure (not an API error: those are outcomes). Record it without any text that could hold
    // a URL, and keep the previous data, which the refresh only replaces as its last step.
    services.log(`${source} refresh failed: ${(error as Error)?.name ?? 'Error'}`);
    try {
      const properties = services.properties();
      const previous = readStatus(properties);
      writeStatus(properties, {
        at: services.clock.now(),
        source,
        outcome: 'error',
        count: 0,
        errorKind: 'unexpected',
        errorDetail: '',
        emptyStreak: previous?.emptyStreak ?? 0,
        nextRetryAt: null,
        lastSuccessAt: previous?.lastSuccessAt ?? null,
        lastSuccessCount: previous?.lastSuccessCount ?? 0,
      });
    } catch (_) {
      // nothing more can be done without a user
    }
  }
}
