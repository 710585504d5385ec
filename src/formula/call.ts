/**
 * One custom-function call: the words in the person's language, and Google's refusal of too many executions at
 * once turned into a message that says what happened and what to do. Sheets runs custom functions in parallel and
 * Apps Script allows 30 simultaneous executions per user; the quotas page names custom functions as the usual
 * cause of "There are too many scripts running simultaneously for this Google user account."
 * (https://developers.google.com/apps-script/guides/services/quotas). Where Google refuses the execution before
 * it starts, the cell shows Google's text and docs/TROUBLESHOOTING.md explains it.
 */
import { isTooManyExecutions } from '../errors/too-many-executions';
import { type Translate, translator } from '../i18n/i18n';
import type { Services } from '../platform/services';
import { MAX_FORMULA_CELLS } from '../sheet/formula-cells';

export { isTooManyExecutions };

/** Runs a custom function's `work`; a too-many-executions refusal becomes the add-on's message. */
export function formulaCall<T>(services: Services, work: (t: Translate) => T): T {
  const t = translator(services.locale());
  try {
    return work(t);
  } catch (error) {
    if (isTooManyExecutions(error)) throw new Error(t('formula.tooMany', { max: MAX_FORMULA_CELLS }));
    throw error;
  }
}
