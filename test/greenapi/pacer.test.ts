/**
 * The pacer: requests of one method at least 1.1 s apart on the clock (checkWhatsapp, 10 a second: 110 ms),
 * methods independent.
 */
import { describe, expect, it } from '@jest/globals';
import { PACE_MS, Pacer, paceOf } from '../../src/greenapi/pacer';

function clock() {
  let now = 1_000_000;
  const slept: number[] = [];
  return {
    slept,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
    sleep: (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('Pacer', () => {
  it('spaces requests of one method by PACE_MS, and lets another method go at once', () => {
    const c = clock();
    const pacer = new Pacer(c);
    pacer.pace('getGroupData');
    c.advance(300);
    pacer.pace('getGroupData');
    pacer.pace('getContacts');
    expect(c.slept).toEqual([PACE_MS - 300]);
    c.advance(5000);
    pacer.pace('getGroupData');
    expect(c.slept).toHaveLength(1);
    expect(PACE_MS).toBeGreaterThan(1000);
  });

  it('spaces checkWhatsapp by 110 ms: at most 10 in any second, as GREEN-API allows', () => {
    const c = clock();
    const pacer = new Pacer(c);
    const sent: number[] = [];
    for (let i = 0; i < 30; i++) {
      pacer.pace('checkWhatsapp');
      sent.push(c.now());
    }
    expect(paceOf('checkWhatsapp')).toBe(110);
    for (let i = 10; i < sent.length; i++) expect(sent[i] - sent[i - 10]).toBeGreaterThanOrEqual(1000);
    expect(sent[29] - sent[0]).toBe(29 * 110);
  });
});
