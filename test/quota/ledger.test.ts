/**
 * The pure parts of quotas: reading GREEN-API's 466 body (numbers as numbers or strings, the method in lower
 * case), the calendar (UTC months), and the prices of schedules against the plans' caps.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { monthOf, nextMonthStart } from '../../src/quota/calendar';
import { parseQuotaBody } from '../../src/quota/ledger';
import { PLAN_CAPS } from '../../src/quota/plans';
import {
  fittingChoices,
  monthlyCost,
  mostFrequentFitting,
  overCaps,
  runsPerMonth,
} from '../../src/quota/price';
import { REFRESH_CHOICES } from '../../src/settings/settings';

describe('the 466 body', () => {
  it('reads used and total as numbers or as strings, and the method in lower case', () => {
    const body = (used: unknown, total: unknown) =>
      JSON.stringify({ invokeStatus: { method: 'checkwhatsapp', used, total, status: 'QUOTE_EXCEEDED' } });
    expect(parseQuotaBody(body(100, 100))).toEqual({
      method: 'checkwhatsapp',
      used: 100,
      total: 100,
      chats: false,
    });
    expect(parseQuotaBody(body('1000', ' 1000 '))).toEqual({
      method: 'checkwhatsapp',
      used: 1000,
      total: 1000,
      chats: false,
    });
    expect(parseQuotaBody(body('many', -1))).toEqual({
      method: 'checkwhatsapp',
      used: null,
      total: null,
      chats: false,
    });
    expect(parseQuotaBody('Quota exceeded')).toEqual({ method: '', used: null, total: null, chats: false });
    expect(parseQuotaBody('{"correspondentsStatus":{"used":3}}')).toEqual({
      method: '',
      used: null,
      total: null,
      chats: false,
    });
  });

  it("reads the chat limit's body (an invokeStatus still allowed, total 0) as the chats' numbers, never the method's", () => {
    // The documented example of the chat limit: https://green-api.com/en/docs/api/466-error-example-body/
    const chats = JSON.stringify({
      invokeStatus: { method: 'sendmessage', used: 67, total: 0, status: 'QUOTE_ALLOWED' },
      correspondentsStatus: {
        method: 'correspondents',
        used: '3',
        total: '3',
        status: 'CORRESPONDENTS_QUOTE_EXCEEDED',
      },
    });
    expect(parseQuotaBody(chats)).toEqual({ method: 'sendmessage', used: 3, total: 3, chats: true });
    const allowed = JSON.stringify({ invokeStatus: { used: 67, total: 0, status: 'QUOTE_ALLOWED' } });
    expect(parseQuotaBody(allowed)).toMatchObject({ used: null, total: null, chats: false });
  });

  it('never throws, whatever the body, and gives only counts of 0 or more', () => {
    const quotaLike = fc
      .record({
        invokeStatus: fc.dictionary(fc.constantFrom('method', 'used', 'total', 'status'), fc.jsonValue()),
        correspondentsStatus: fc.dictionary(fc.constantFrom('used', 'total', 'status'), fc.jsonValue()),
      })
      .map((value) => JSON.stringify(value));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), quotaLike), (text) => {
        const { used, total } = parseQuotaBody(text);
        for (const n of [used, total]) expect(n === null || (Number.isFinite(n) && n >= 0)).toBe(true);
      }),
    );
  });
});

describe('the calendar', () => {
  it('counts months in UTC and resets on the 1st', () => {
    expect(monthOf(Date.parse('2026-01-31T23:59:59Z'))).toBe('2026-01');
    expect(nextMonthStart(Date.parse('2026-12-06T05:00:00Z'))).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });
});

describe('schedule prices', () => {
  const schedule = (refreshEveryMinutes: number, membersOnSchedule = false, groups = 0) => ({
    refreshEveryMinutes,
    membersOnSchedule,
    groups,
  });

  it('prices a month of 31 days: hourly 744, every 5 minutes 8,928, daily members groups × 31 getGroupData', () => {
    expect(runsPerMonth(60)).toBe(744);
    expect(runsPerMonth(5)).toBe(8928);
    expect(runsPerMonth(0)).toBe(0);
    expect(monthlyCost(schedule(60, true, 50))).toEqual({
      getContacts: 744,
      getGroupData: 1550,
      checkWhatsapp: 0,
    });
    // Members run with the auto-refresh only.
    expect(monthlyCost(schedule(0, true, 50))).toEqual({ getContacts: 0, getGroupData: 0, checkWhatsapp: 0 });
  });

  it('names what does not fit, and the most frequent schedule that does', () => {
    expect(overCaps(schedule(5), PLAN_CAPS.developer)).toEqual([
      { method: 'getContacts', cost: 8928, cap: 1000 },
    ]);
    expect(overCaps(schedule(60, true, 50), PLAN_CAPS.developer)).toEqual([
      { method: 'getGroupData', cost: 1550, cap: 1000 },
    ]);
    expect(overCaps(schedule(5, true, 500), PLAN_CAPS.business)).toEqual([]);
    expect(mostFrequentFitting(REFRESH_CHOICES, schedule(5), PLAN_CAPS.developer)).toBe(60);
    const tight = { getContacts: 10, getGroupData: null, checkWhatsapp: null };
    expect(mostFrequentFitting(REFRESH_CHOICES, schedule(5), tight)).toBe(0);
    expect(fittingChoices(REFRESH_CHOICES, schedule(5), tight)).toEqual([0]);
  });

  it('offers only choices that fit, for any cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.boolean(), (cap, members) => {
        const caps = { getContacts: cap, getGroupData: null, checkWhatsapp: null };
        for (const m of fittingChoices(REFRESH_CHOICES, schedule(5, members, 3), caps))
          expect(overCaps(schedule(m, members, 3), caps)).toEqual([]);
      }),
    );
  });
});
