/**
 * The GREEN-API client: one GET per call with the documented retries. 429 (getContacts allows 1 request per
 * second per instance) waits and retries; 5xx is retried up to 3 times with backoff; every other failure becomes
 * an AddonError whose text never holds the token. Rate limits: https://green-api.com/en/docs/api/ratelimiter/
 */

import type { Contact } from '../contacts/contact';
import { parseContacts } from '../contacts/parse';
import { AddonError } from '../errors/addon-error';
import { type Clock, type Http, NetworkFailure } from '../platform/services';
import { classify, serverText } from './classify';
import { type ApiMethod, type Credentials, methodUrl, redact } from './url';

/** How patiently to retry: pauses before each retry, and the longest Retry-After to honour. */
export interface RetryPolicy {
  delaysMs: readonly number[];
  maxRetryAfterMs: number;
}

/** Menu and trigger runs (6-minute limit): 3 retries with backoff 1 s, 2 s, 4 s; Retry-After up to 10 s. */
export const PATIENT: RetryPolicy = { delaysMs: [1000, 2000, 4000], maxRetryAfterMs: 10_000 };
/** Custom functions (30-second limit, and they may already have waited for the lock): one retry after 1 s. */
export const HURRIED: RetryPolicy = { delaysMs: [1000], maxRetryAfterMs: 2000 };

/** The dependencies of a request. */
export interface ClientDeps {
  http: Http;
  clock: Clock;
}

/** Fetches the contact list. An empty array is a valid answer: contacts are still syncing. */
export function fetchContacts(deps: ClientDeps, credentials: Credentials, policy = PATIENT): Contact[] {
  return parseContacts(requestJson(deps, credentials, 'getContacts', policy));
}

/** Fetches the instance state (`authorized`, `notAuthorized`, `blocked`, `sleepMode`, `starting`, `yellowCard`). */
export function fetchState(deps: ClientDeps, credentials: Credentials): string {
  const answer = requestJson(deps, credentials, 'getStateInstance', PATIENT);
  const state =
    answer && typeof answer === 'object' ? (answer as { stateInstance?: unknown }).stateInstance : null;
  if (typeof state !== 'string' || !state) throw new AddonError('unexpected');
  return state;
}

/** One GREEN-API call with retries; returns the parsed JSON body. */
export function requestJson(
  deps: ClientDeps,
  credentials: Credentials,
  method: ApiMethod,
  policy: RetryPolicy,
): unknown {
  const url = methodUrl(credentials, method);
  for (let attempt = 0; ; attempt++) {
    let response: { status: number; body: string; headers: Record<string, string> };
    try {
      response = deps.http.get(url);
    } catch (error) {
      if (error instanceof NetworkFailure || (error instanceof Error && error.name === 'NetworkFailure')) {
        throw new AddonError('unreachable');
      }
      throw new AddonError(
        'unreachable',
        redact(String((error as Error)?.message ?? error), credentials.apiTokenInstance),
      );
    }
    const verdict = classify(response.status, response.body);
    if (verdict.ok) return parseJson(response.body);
    if (verdict.retry && attempt < policy.delaysMs.length) {
      deps.clock.sleep(retryDelay(policy, verdict.kind, attempt, response.headers['retry-after']));
      continue;
    }
    const detail = verdict.kind === 'badRequest' ? serverText(response.body) : '';
    throw new AddonError(verdict.kind, redact(detail, credentials.apiTokenInstance));
  }
}

function retryDelay(
  policy: RetryPolicy,
  kind: string,
  attempt: number,
  retryAfter: string | undefined,
): number {
  const seconds = Number(retryAfter);
  if (kind === 'rateLimited' && retryAfter && Number.isFinite(seconds) && seconds >= 0) {
    return Math.min(policy.maxRetryAfterMs, Math.max(1000, seconds * 1000));
  }
  return policy.delaysMs[attempt];
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch (_) {
    throw new AddonError('unexpected');
  }
}
