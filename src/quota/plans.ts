/**
 * GREEN-API's plans and their monthly request caps per method and instance, from the tariff page
 * (https://green-api.com/en/docs/about-tariffs/, https://green-api.com/docs/about-tariffs/ in Russian,
 * https://green-api.com/he/docs/about-tariffs in Hebrew). The copies are cut differently and disagree on some
 * sending methods (the Russian table caps sendContact, sendLocation, sendFileByUrl and deleteMessage, the English
 * one lists them not); on the methods this add-on calls they agree as far as each shows them, and where one ever
 * differs the stricter figure is the one to take. Developer (free): getContacts 1,000,
 * getGroupData 1,000, checkWhatsapp 100. Business: getContacts and getGroupData unlimited, checkWhatsapp 30,000.
 * A method not in the table (getStateInstance) has no cap. Custom: caps a person types (a plan GREEN-API
 * changed, or a share of a cap kept for other tools). Pure: no Apps Script here.
 */

/** The methods with a monthly cap that the add-on knows of (checkWhatsapp for the number check to come). */
export const CAPPED_METHODS = ['getContacts', 'getGroupData', 'checkWhatsapp'] as const;

/** A method with a monthly cap. */
export type CappedMethod = (typeof CAPPED_METHODS)[number];

/** Monthly caps per method; null is no cap. */
export type MonthlyCaps = Record<CappedMethod, number | null>;

/** The plans a person can choose. */
export const PLANS = ['developer', 'business', 'custom'] as const;

/** A plan. */
export type Plan = (typeof PLANS)[number];

/** The documented caps of the two GREEN-API plans. */
export const PLAN_CAPS: Record<Exclude<Plan, 'custom'>, MonthlyCaps> = {
  developer: { getContacts: 1000, getGroupData: 1000, checkWhatsapp: 100 },
  business: { getContacts: null, getGroupData: null, checkWhatsapp: 30_000 },
};

/** The caps in force: the plan's documented ones, or the typed ones of a Custom plan. */
export function capsOf(plan: Plan, custom: MonthlyCaps | null): MonthlyCaps {
  if (plan === 'custom') return custom ?? { getContacts: null, getGroupData: null, checkWhatsapp: null };
  return PLAN_CAPS[plan];
}
