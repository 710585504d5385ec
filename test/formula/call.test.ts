/**
 * One custom-function call: Google's refusal of too many executions at once becomes the add-on's words, from a
 * service call or from the request itself (never remembered as GREEN-API's failure for the other formulas),
 * while a daily quota keeps its own words.
 */
import { describe, expect, it } from '@jest/globals';
import { formulaCall } from '../../src/formula/call';
import { obtain, type Source } from '../../src/formula/obtain';
import { fetchContacts, HURRIED } from '../../src/greenapi/client';
import type { Services } from '../../src/platform/services';

const SIMULTANEOUS = 'There are too many scripts running simultaneously for this Google user account.';
const PER_SECOND = 'Script invoked too many times per second for this Google user account.';
const DAILY = 'Service invoked too many times for one day: urlfetch.';
const WORDED = /^Google is running too many scripts for your account at once/;

function fakeServices(memo: Map<string, string>): Services {
  const cache = {
    get: (key: string) => memo.get(key) ?? null,
    put: (key: string, value: string) => void memo.set(key, value),
  };
  return {
    locale: () => 'en',
    cache: () => cache,
    lock: () => null,
    clock: { now: () => 0, sleep: () => undefined },
  } as unknown as Services;
}

/** The contact list of a formula whose request the platform refuses with `message`. */
function refusedRequest(message: string): Source<unknown[]> {
  const refuse = () => {
    throw new Error(message);
  };
  const credentials = { apiUrl: 'https://7105.api.greenapi.com', idInstance: '7105', apiTokenInstance: 'x' };
  const store = new Map<string, string>();
  // The request ledger's store (quota/ledger.ts): in-memory document properties, no cache.
  const properties = {
    getProperty: (key: string) => store.get(key) ?? null,
    setProperty: (key: string, value: string) => void store.set(key, value),
  } as unknown as GoogleAppsScript.Properties.Properties;
  const deps = {
    http: { get: refuse, post: refuse },
    clock: { now: () => 0, sleep: () => undefined },
    properties: () => properties,
    cache: () => null,
  };
  return {
    instance: 'i',
    scope: '',
    load: () => null,
    fetch: () => fetchContacts(deps, credentials, HURRIED),
    save: () => undefined,
  };
}

describe('formulaCall', () => {
  it.each([SIMULTANEOUS, PER_SECOND])('words "%s" as the add-on’s message', (text) => {
    const services = fakeServices(new Map());
    expect(() =>
      formulaCall(services, () => {
        throw new Error(text);
      }),
    ).toThrow(WORDED);
  });

  it('leaves a daily quota in its own words: it is not "too many at once"', () => {
    const services = fakeServices(new Map());
    expect(() =>
      formulaCall(services, () => {
        throw new Error(DAILY);
      }),
    ).toThrow(DAILY);
  });

  it('words a refusal met by the request itself, and does not remember it as GREEN-API unreachable', () => {
    const memo = new Map<string, string>();
    const services = fakeServices(memo);
    expect(() =>
      formulaCall(services, (t) => obtain(services, refusedRequest(SIMULTANEOUS), 27_000, t)),
    ).toThrow(WORDED);
    expect([...memo.keys()]).toEqual([]);
  });

  it('words a refusal met by another service call while fetching, and does not remember it either', () => {
    const memo = new Map<string, string>();
    const services = fakeServices(memo);
    const source: Source<unknown[]> = {
      ...refusedRequest(SIMULTANEOUS),
      fetch: () => {
        throw new Error(PER_SECOND);
      },
    };
    expect(() => formulaCall(services, (t) => obtain(services, source, 27_000, t))).toThrow(WORDED);
    expect([...memo.keys()]).toEqual([]);
  });
});
