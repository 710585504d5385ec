/**
 * Import group members (menu): runs one slice of the members import now and tells the person how far it got —
 * a toast every 30 seconds while it reads, then a toast when the members are in (or the rest continues by
 * itself), an alert when something needs their attention (the monthly quota, an error). Also the words of a
 * members import for the sidebar and Diagnostics.
 */
import { errorText, type Translate, translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { MEMBERS_SHEET, type MembersResult, runMembers } from '../refresh/members';
import type { RetryPlan } from '../refresh/schedule';
import { openSettings } from './sidebar';

/** What the command reports back (the emulator's tests read it; Sheets ignores it). */
export interface MembersReport {
  outcome: MembersResult['outcome'];
  message: string;
}

/** Import group members: a slice now, the rest by itself. */
export function importMembersCommand(services: Services): MembersReport {
  const t = translator(services.locale());
  const progress = (done: number, total: number) =>
    services.ui.toast(t('members.progress', { done, total }), t('members.title'), 10);
  let result: MembersResult;
  try {
    result = runMembers(services, 'menu', t, { progress });
  } catch (error) {
    services.log(`members import failed: ${(error as Error)?.name ?? 'Error'}`);
    const message = t('error.internal');
    services.ui.alert(t('members.title'), message);
    return { outcome: 'error', message };
  }
  const message = describeMembers(services, t, result);
  switch (result.outcome) {
    case 'done':
    case 'pending':
      services.activeSpreadsheet()?.getSheetByName(MEMBERS_SHEET)?.activate();
      services.ui.toast(message, t('members.title'), 10);
      break;
    case 'busy':
      services.ui.toast(message, t('members.title'), 8);
      break;
    default:
      services.ui.alert(t('members.title'), message);
      if (result.outcome === 'error' && result.error.kind === 'noSettings') openSettings(services);
  }
  return { outcome: result.outcome, message };
}

/** The words for a slice's result. */
export function describeMembers(services: Services, t: Translate, result: MembersResult): string {
  const words = outcomeWords(services, t, result);
  if (!('table' in result) || !result.table) return words;
  // What the slice found of the table: a title above its header, its own columns added, a person's namesakes.
  const { headerRow, added, declined } = result.table;
  const parts = [words];
  if (headerRow > 1) parts.push(t('import.headerRow', { row: headerRow }));
  if (added.length) parts.push(t('import.columnsAdded', { columns: added.join(', ') }));
  if (declined.length) parts.push(t('import.columnsDeclined', { columns: declined.join(', ') }));
  return parts.join(' ');
}

function outcomeWords(services: Services, t: Translate, result: MembersResult): string {
  switch (result.outcome) {
    case 'done':
      return t('members.done', { members: result.members, total: result.total, ...result.changes });
    case 'pending':
      return t('members.pending', {
        done: result.done,
        total: result.total,
        when: whenNext(services, t, result.next),
      });
    case 'stopped':
      return result.error?.kind === 'quota'
        ? `${t('members.quota', { done: result.done, total: result.total })} ${errorText(t, 'quota', result.error.detail)}`
        : t('members.failed', {
            error: errorText(t, result.error?.kind ?? 'unexpected', result.error?.detail ?? ''),
            done: result.done,
            total: result.total,
          });
    case 'syncing':
      return t('members.syncing');
    case 'busy':
      return t('members.busy');
    case 'noGroups':
      return t('members.noGroups');
    case 'error':
      return result.error.kind === 'noSettings'
        ? errorText(t, 'noSettings')
        : `${errorText(t, result.error.kind, result.error.detail)} ${t('import.kept')}`;
  }
}

function whenNext(services: Services, t: Translate, next: RetryPlan): string {
  if (next.kind === 'scheduled') return t('members.when.at', { time: services.formatTime(next.at) });
  return t(next.kind === 'nextRun' ? 'members.when.nextRun' : 'members.when.none');
}
