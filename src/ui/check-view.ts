/**
 * The number check in words, for the sidebar and Diagnostics: "Number check: 1,240 of 3,000 numbers (continues
 * by itself)", and its last error (the monthly quota in its own words). Null before the first check.
 */
import { errorText, type Translate } from '../i18n/i18n';
import type { CheckJob } from '../numbers/job';

/** The check job in words: its progress line and its error ('' for none). */
export function checkView(t: Translate, job: CheckJob | null): { text: string; error: string } | null {
  if (!job) return null;
  const state = t(`check.state.${job.state}` as Parameters<Translate>[0]);
  const done = job.done.toLocaleString('en-US');
  const total = job.numbers.length.toLocaleString('en-US');
  return {
    text: t('check.status', { done, total, state }),
    error: job.errorKind ? errorText(t, job.errorKind, job.errorDetail) : '',
  };
}
