/**
 * The members import in words, for the sidebar and Diagnostics: when it last ran, how far it got, whether and
 * when it continues by itself, and its last error (the monthly quota in its own words).
 */
import { errorText, type Translate } from '../i18n/i18n';
import { isUnfinished, type MembersJob } from '../members/job';
import type { Services } from '../platform/services';

/** The members import in words for the sidebar and Diagnostics. */
export interface MembersView {
  at: string;
  state: string;
  groups: string;
  next: string;
  error: string;
}

/** The stored job as a MembersView (null before the first members import). */
export function membersView(services: Services, t: Translate, job: MembersJob | null): MembersView | null {
  if (!job) return null;
  const state = t(`members.state.${job.state}` as Parameters<Translate>[0]);
  const error = job.errorKind
    ? job.errorKind === 'quota'
      ? t('members.quota', { done: job.done, total: job.groups.length })
      : errorText(t, job.errorKind, job.errorDetail)
    : '';
  return {
    at: services.formatTime(job.lastRunAt),
    state,
    groups: t('members.groups', { done: job.done, total: job.groups.length, notInGroup: job.notInGroup }),
    next:
      job.state === 'pending' && job.nextAt
        ? services.formatTime(job.nextAt)
        : isUnfinished(job)
          ? t('members.next.person')
          : '',
    error,
  };
}
