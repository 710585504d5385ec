/**
 * The GREEN-API client: one request per call (a GET, or a POST with a JSON body for getGroupData and
 * checkWhatsapp) with the
 * documented retries. 429 (getContacts and getGroupData allow 1 request per second per instance:
 * https://green-api.com/en/docs/api/ratelimiter/) waits and retries; 5xx is retried up to 3 times with backoff;
 * every other failure becomes an AddonError whose text never holds the token. With a pacer, requests of one
 * method keep their distance; with a deadline (a custom function's 30 s), no pause or retry starts that could
 * not end in time. Every request is counted here, whoever asks (quota/ledger.ts): the one place all paths pass.
 * A 466 is never retried; its error carries the numbers of the body (`quotaDetail`).
 */

import type { Contact } from '../contacts/contact';
import { parseContacts } from '../contacts/parse';
import { AddonError } from '../errors/addon-error';
import type { Group } from '../members/group';
import { parseGroupData } from '../members/parse';
import { type Clock, type Http, NetworkFailure } from '../platform/services';
import { nextMonthStart } from '../quota/calendar';
import { countRequest, type LedgerStore, parseQuotaBody } from '../quota/ledger';
import { classify, serverText } from './classify';
import type { Pacer } from './pacer';
import { type ApiMethod, type Credentials, instanceOf, methodUrl, redact } from './url';

/** How patiently to retry: pauses before each retry, and the longest Retry-After to honour. */
export interface RetryPolicy {
  delaysMs: readonly number[];
  maxRetryAfterMs: number;
}

/** Menu and trigger runs (6-minute limit): 3 retries with backoff 1 s, 2 s, 4 s; Retry-After up to 10 s. */
export const PATIENT: RetryPolicy = { delaysMs: [1000, 2000, 4000], maxRetryAfterMs: 10_000 };
/** Custom functions (30-second limit, and they may already have waited for the lock): one retry after 1 s. */
export const HURRIED: RetryPolicy = { delaysMs: [1000], maxRetryAfterMs: 2000 };

/** The dependencies of a request: HTTP, the clock, and the store of the request ledger (every request counts). */
export interface ClientDeps extends LedgerStore {
  http: Http;
  clock: Clock;
  /** Spaces requests per method (one per execution); none for a single request. */
  pacer?: Pacer;
  /**
   * The moment (clock ms) by which every request must have ended, e.g. a custom function's 30 s. No pause or
   * retry starts that could not end by then, judging a retry by how long the last attempt took.
   */
  deadline?: number;
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

/** Fetches one group's data (POST `{"groupId"}`): the parsed group, or `notInGroup` for a group the account is not in. */
export function fetchGroup(
  deps: ClientDeps,
  credentials: Credentials,
  groupId: string,
  policy = PATIENT,
): Group | 'notInGroup' {
  return parseGroupData(requestJson(deps, credentials, 'getGroupData', policy, { groupId }), groupId);
}

/**
 * What checkWhatsapp answered for one number: whether it has WhatsApp and the chat id GREEN-API resolved (the
 * newer answer's `chatId`, which may be an `@lid` id; `digits@c.us` when the answer is the older form); or a number
 * GREEN-API refused (400 with its reason), or the 400 "check phone number timeout limit exceeded" (`later`).
 */
export type CheckAnswer =
  | { kind: 'checked'; exists: boolean; chatId: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'later'; reason: string };

/**
 * Asks checkWhatsapp about one number: POST `{"chatId": "<digits>"}`, the newer of the two documented bodies
 * (https://green-api.com/en/docs/api/service/CheckWhatsapp/ documents the older `{"phoneNumber": <integer>}`;
 * the Hebrew copy, https://green-api.com/he/docs/api/service/CheckWhatsapp, the `chatId` form and the answer's
 * `chatId`). Both answers are read: `{"existsWhatsapp": true}` and `{"existsWhatsapp": true, "chatId": "…"}`.
 * A 400 about the number is that number's reason; the timeout 400 is `later`; a 400 about the instance
 * (not authorized, starting), 401, 403, 466 and the rest throw as for every method.
 */
export function checkWhatsapp(
  deps: ClientDeps,
  credentials: Credentials,
  digits: string,
  policy = PATIENT,
): CheckAnswer {
  let answer: unknown;
  try {
    answer = requestJson(deps, credentials, 'checkWhatsapp', policy, { chatId: digits });
  } catch (error) {
    if (error instanceof AddonError && error.kind === 'badRequest') {
      const reason = error.detail || 'bad request';
      return /timeout limit/i.test(reason) ? { kind: 'later', reason } : { kind: 'refused', reason };
    }
    throw error;
  }
  const record = answer && typeof answer === 'object' ? (answer as Record<string, unknown>) : {};
  if (typeof record.existsWhatsapp !== 'boolean') throw new AddonError('unexpected');
  const chatId = typeof record.chatId === 'string' && record.chatId ? record.chatId : `${digits}@c.us`;
  return { kind: 'checked', exists: record.existsWhatsapp, chatId };
}

/** One GREEN-API call with retries (a POST when `body` is given); returns the parsed JSON body. */
export function requestJson(
  deps: ClientDeps,
  credentials: Credentials,
  method: ApiMethod,
  policy: RetryPolicy,
  body?: Record<string, unknown>,
): unknown {
  const url = methodUrl(credentials, method);
  const json = body === undefined ? null : JSON.stringify(body);
  let lastTook = 0;
  for (let attempt = 0; ; attempt++) {
    if (deps.pacer) {
      if (!fits(deps, deps.pacer.waitFor(method) + lastTook)) throw new AddonError('unavailable');
      deps.pacer.pace(method);
    }
    const started = deps.clock.now();
    let response: { status: number; body: string; headers: Record<string, string> };
    try {
      response = json === null ? deps.http.get(url) : deps.http.post(url, json);
    } catch (error) {
      countRequest(deps, instanceOf(credentials), method, started, 0);
      if (error instanceof NetworkFailure || (error instanceof Error && error.name === 'NetworkFailure')) {
        throw new AddonError(
          (error as NetworkFailure).reason === 'notAllowed' ? 'notAllowed' : 'unreachable',
        );
      }
      throw new AddonError(
        'unreachable',
        redact(String((error as Error)?.message ?? error), credentials.apiTokenInstance),
      );
    }
    lastTook = deps.clock.now() - started;
    countRequest(deps, instanceOf(credentials), method, started, response.status, response.body);
    const verdict = classify(response.status, response.body);
    if (verdict.ok) return parseJson(response.body);
    if (verdict.retry && attempt < policy.delaysMs.length) {
      const delay = retryDelay(policy, verdict.kind, attempt, response.headers['retry-after']);
      if (fits(deps, delay + lastTook)) {
        deps.clock.sleep(delay);
        continue;
      }
    }
    const detail =
      verdict.kind === 'badRequest'
        ? serverText(response.body)
        : verdict.kind === 'quota'
          ? quotaDetail(method, response.body, deps.clock.now())
          : '';
    throw new AddonError(verdict.kind, redact(detail, credentials.apiTokenInstance));
  }
}

/** True when `ms` more from now still ends before the deadline (always, without one). */
function fits(deps: ClientDeps, ms: number): boolean {
  return deps.deadline === undefined || deps.clock.now() + ms <= deps.deadline;
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

/**
 * The detail of a quota error: `method|used|total|resumesAt` (used/total '' when the body lacks them), then
 * `|chats` when the limit reached is the plan's number of chats (used/total are then chats), which errorText
 * turns into "getContacts: 1,000 of 1,000 used this month; …". The method is the add-on's own name for it: the
 * body names it in lower case.
 */
export function quotaDetail(method: ApiMethod, body: string, now: number): string {
  const { used, total, chats } = parseQuotaBody(body);
  return `${method}|${used ?? ''}|${total ?? ''}|${nextMonthStart(now)}${chats ? '|chats' : ''}`;
}
