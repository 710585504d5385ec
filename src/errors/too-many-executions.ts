/**
 * Apps Script's refusals of too many executions at once or too fast — not GREEN-API's failure, not the network's:
 * "There are too many scripts running simultaneously for this Google user account." and "Script invoked too many
 * times per second for this Google user account.", the two texts the quotas page says custom functions called
 * repeatedly most often meet (https://developers.google.com/apps-script/guides/services/quotas). A daily quota
 * ("Service invoked too many times for one day: …") is another matter and does not match.
 */
const TOO_MANY = /too many scripts running simultaneously|invoked too many times per second/i;

/** True for Google's refusal of too many simultaneous (or too rapid) executions. */
export function isTooManyExecutions(error: unknown): boolean {
  return TOO_MANY.test(String((error as Error)?.message ?? error));
}
