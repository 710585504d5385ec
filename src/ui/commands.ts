/**
 * The menu commands that refresh: Import contacts and Refresh now. Both run the one refresh and tell the person
 * what happened — a toast when all went well, an alert when something needs their attention. Alerts come after
 * the refresh has released the lock (an alert suspends the script, and locks don't survive that).
 */

import { errorText, type Translate, translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { type RefreshResult, runRefresh } from '../refresh/refresh';
import { budgetRefusedAt } from '../refresh/schedule';
import { openSettings } from './sidebar';

/** What a menu command reports back (the emulator's tests read it; Sheets ignores it). */
export interface CommandReport {
  outcome: RefreshResult['outcome'] | 'declined';
  message: string;
}

/** Import contacts: refresh, then show the contacts sheet. */
export function importContactsCommand(services: Services): CommandReport {
  return runFromMenu(services, true);
}

/** Refresh now: the same refresh a trigger runs, with the result shown. */
export function refreshNowCommand(services: Services): CommandReport {
  return runFromMenu(services, false);
}

function runFromMenu(services: Services, showSheet: boolean): CommandReport {
  const t = translator(services.locale());
  let result: RefreshResult;
  try {
    result = runRefresh(services, 'menu', t);
    // Asked with no lock held (a dialog suspends the script and locks do not survive it); the same list is then
    // merged again under the lock, against the sheet as it is by then — and if that would mark more rows than
    // the person agreed to (the sheet changed meanwhile), they are asked again.
    let acceptNoGroups = false;
    for (let asked = 0; result.outcome === 'confirm' && asked < 4; asked++) {
      const { list, groups } = result;
      // A list without groups (GREEN-API issue 919) is asked about first, then a short list.
      const yes = groups
        ? services.ui.confirm(
            t('confirm.noGroups.title'),
            t('confirm.noGroups', { count: list.count, groups }),
          )
        : services.ui.confirm(
            t('confirm.removals.title'),
            t('confirm.removals', { count: list.count, removed: list.removed, live: list.live }),
          );
      if (!yes) {
        const message = t('import.declined');
        services.ui.toast(message, t('app.name'), 8);
        return { outcome: 'declined', message };
      }
      if (groups) acceptNoGroups = true;
      const options = groups
        ? { contacts: result.contacts, acceptNoGroups }
        : { contacts: result.contacts, acceptRemovals: list.removed, acceptNoGroups };
      result = runRefresh(services, 'menu', t, options);
    }
  } catch (error) {
    services.log(`refresh failed: ${(error as Error)?.name ?? 'Error'}`);
    const message = `${t('error.internal')} ${t('import.kept')}`;
    services.ui.alert(t('import.failedTitle'), message);
    return { outcome: 'error', message };
  }
  const message = describeResult(services, t, result);
  switch (result.outcome) {
    case 'ok':
      if (showSheet) result.sheet.activate();
      services.ui.toast(message, t('app.name'), 8);
      break;
    case 'busy':
      services.ui.toast(message, t('app.name'), 8);
      break;
    case 'error':
      services.ui.alert(t('import.failedTitle'), message);
      if (result.error.kind === 'noSettings') openSettings(services);
      break;
    default:
      services.ui.alert(t('app.name'), message);
  }
  return { outcome: result.outcome, message };
}

/** The words for a refresh result. */
export function describeResult(services: Services, t: Translate, result: RefreshResult): string {
  switch (result.outcome) {
    case 'ok': {
      if (result.unchanged && result.formulas === 0) return t('import.noChanges', { count: result.count });
      const parts = [t('import.done', { count: result.count, users: result.users, groups: result.groups })];
      const c = result.changes;
      if (c.added + c.removed + c.returned + c.renamed > 0) parts.push(t('import.changes', { ...c }));
      if (result.formulas) parts.push(t('import.formulas', { formulas: result.formulas }));
      if (result.headerRow > 1) parts.push(t('import.headerRow', { row: result.headerRow }));
      if (result.columns.added.length)
        parts.push(t('import.columnsAdded', { columns: result.columns.added.join(', ') }));
      if (result.columns.declined.length)
        parts.push(t('import.columnsDeclined', { columns: result.columns.declined.join(', ') }));
      if (result.groupsHeldBack) parts.push(t('import.groupsHeldBack', { groups: result.groupsHeldBack }));
      return parts.join(' ');
    }
    case 'syncing': {
      const retry =
        result.retry.kind === 'scheduled'
          ? t('retry.scheduled', { time: services.formatTime(result.retry.at) })
          : t(result.retry.kind === 'nextRun' ? 'retry.nextRun' : 'retry.none');
      // No follow-up because Google refused a 21st trigger just now: say so, and what to do.
      const refused = budgetRefusedAt(services.properties());
      const budget =
        result.retry.kind === 'none' && refused !== null && services.clock.now() - refused < 60_000
          ? ` ${t('retry.budget')}`
          : '';
      return `${t('import.syncing')} ${retry}${budget}`;
    }
    case 'gaveUp':
      return t('import.gaveUp');
    case 'heldBack':
    case 'confirm':
      return t('import.heldBack', { ...result.list });
    case 'busy':
      return t('import.busy');
    case 'error':
      return result.error.kind === 'noSettings'
        ? errorText(t, 'noSettings')
        : `${errorText(t, result.error.kind, result.error.detail)} ${t('import.kept')}`;
  }
}
