/**
 * Shared types of the fake GREEN-API server: the scenario configuration sent to `/__control/config`, scripted
 * one-off answers, and the request-log entries. Types only, so both the launcher (test process) and the server
 * program (child process) can import it without pulling in the other side's code.
 */
import type { Contact } from './sample-contacts';

/** Instance states documented for getStateInstance (any other string is passed through as-is). */
export type InstanceState =
  | 'authorized'
  | 'notAuthorized'
  | 'blocked'
  | 'sleepMode'
  | 'starting'
  | 'yellowCard';

/** A queued one-off answer. `drop: true` destroys the socket without answering (a network error for the client). */
export interface ScriptedResponse {
  status: number;
  body: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Extra latency for this answer only (overrides the instance's `delayMs`). */
  delayMs?: number;
  /**
   * Latency the answer declares without waiting (header `x-simulated-latency-ms`): the emulator's clock moves
   * on by it, so a slow GREEN-API costs no real time in tests.
   */
  simulatedDelayMs?: number;
  drop?: boolean;
}

/**
 * Contacts of an instance: a literal list (any JSON objects, to allow malformed items) or a generator spec;
 * `churn` (0.01 = 1%) gives the same generated list after that share changed (see churnContacts).
 */
export type ContactsSource =
  | ReadonlyArray<Contact | Record<string, unknown>>
  | { generate: number; seed?: number; churn?: number };

/** One group as getGroupData answers it (participants with the documented admin flags). */
export interface GroupSpec {
  subject?: string;
  owner?: string;
  participants: ReadonlyArray<{ id: string; isAdmin?: boolean; isSuperAdmin?: boolean }>;
}

/**
 * getGroupData's groups: listed one by one, or generated — every `@g.us` id gets `generate` participants
 * (the first a superadmin, the next two admins), deterministic per group id and seed.
 */
export type GroupsSource = { readonly [groupId: string]: GroupSpec } | { generate: number; seed?: number };

/** Full settings of one fake instance; everything but `token` is optional. */
export interface InstanceConfig {
  token: string;
  /** getStateInstance answer; `notAuthorized`/`starting` also make getContacts answer 400. Default `authorized`. */
  state?: InstanceState | (string & {});
  /** Default: the embedded SAMPLE_CONTACTS. */
  contacts?: ContactsSource;
  /** The first N getContacts calls that reach normal behaviour answer `[]` (the sync window), then the list. */
  emptyResponses?: number;
  /** One-off answers for getContacts, consumed in order before normal behaviour (after auth and rate limit). */
  script?: ScriptedResponse[];
  /** Same as `script`, for getStateInstance. */
  stateScript?: ScriptedResponse[];
  /** Per-method limits over `rateLimitPerSecond`, e.g. `{ checkWhatsapp: 10 }` (GREEN-API's documented rates). */
  rateLimits?: { readonly [apiMethod: string]: number };
  /** checkWhatsapp: the numbers (digits, any formatting) that have WhatsApp; every other number answers false. */
  whatsappNumbers?: readonly string[];
  /**
   * One-off answers for checkWhatsapp, consumed in order before normal behaviour, e.g. the 400
   * `{"message": "check phone number timeout limit exceeded"}` (CHECK_TIMEOUT in index.ts).
   */
  checkScript?: ScriptedResponse[];
  /** Opt-in limiter: more than N accepted requests within 1 s → 429. 0/absent = off. */
  rateLimitPerSecond?: number;
  /** What the limiter counts: per instance and API method (GREEN-API's documented rule, default) or per instance. */
  rateLimitScope?: 'method' | 'instance';
  /** Artificial latency for every answer of this instance. */
  delayMs?: number;
  /** getGroupData's groups (default: none known). */
  groups?: GroupsSource;
  /**
   * Groups the account has left: getGroupData answers 200 with an empty groupId and no participants (what
   * GREEN-API answers then is not documented; this is the add-on's assumption to test against).
   */
  leftGroups?: readonly string[];
  /** One-off answers for getGroupData, consumed in order before normal behaviour. */
  groupScript?: ScriptedResponse[];
  /**
   * Monthly quota per API method (any method: getContacts, getGroupData, getStateInstance, checkWhatsapp…):
   * after this many answered calls in a calendar month (UTC, on the request's clock — the emulator's when it
   * sends one), 466 with the documented body until the month turns
   * (https://green-api.com/en/docs/about-tariffs/: "Limitations are updated every month on the 1st").
   */
  quota?: { readonly [apiMethod: string]: number };
  /** The 466 body's `used`/`total` as strings, as the docs type them (the example shows numbers: the default). */
  quotaAsText?: boolean;
}

/**
 * Scenario configuration. `configure` merges it into the current one: each listed instance is shallow-merged
 * (a new instance needs `token`), `null` removes an instance; setting `script`/`stateScript` replaces the queue,
 * setting `emptyResponses` re-arms the counter.
 */
export interface FakeConfig {
  instances?: { [idInstance: string]: Partial<InstanceConfig> | null };
}

/** One logged API request (control requests are not logged). `path` includes the token and query string. */
export interface FakeRequest {
  method: string;
  path: string;
  /** Parsed from `/waInstance{id}/...`, or null when the path did not match the API route. */
  idInstance: string | null;
  /** Canonical name for known methods (`getContacts`, `getStateInstance`), else as sent; null if unparsable. */
  apiMethod: string | null;
  /** Status sent; 0 when the connection was dropped on purpose. */
  status: number;
  /** Epoch milliseconds at which the request arrived (the emulator's clock when it sends one). */
  at: number;
  /** The JSON body of a POST, parsed (null otherwise or when it is not JSON). */
  body?: unknown;
}
