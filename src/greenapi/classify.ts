/**
 * Turns an HTTP status and body from GREEN-API into an error kind, following the documented standard errors
 * (https://green-api.com/en/docs/api/common-errors/): instances that are not authorized or still starting answer every method
 * with 400 and only the body text tells which, so the body is searched case-insensitively.
 */
import type { ErrorKind } from '../errors/addon-error';

/** How the client should treat an answer: done, retry later, or fail with a kind. */
export type Verdict = { ok: true } | { ok: false; kind: ErrorKind; retry: boolean };

/** Classifies one answer. 2xx is ok; 429 and 5xx (and 499) may be retried. */
export function classify(status: number, body: string): Verdict {
  if (status >= 200 && status < 300) return { ok: true };
  if (status === 400) return { ok: false, kind: classify400(body), retry: false };
  if (status === 401) return { ok: false, kind: 'badToken', retry: false };
  if (status === 403) return { ok: false, kind: 'wrongInstance', retry: false };
  if (status === 429) return { ok: false, kind: 'rateLimited', retry: true };
  if (status === 466) return { ok: false, kind: 'quota', retry: false };
  if (status === 499 || status >= 500) return { ok: false, kind: 'unavailable', retry: true };
  return { ok: false, kind: 'unexpected', retry: false };
}

function classify400(body: string): ErrorKind {
  const text = body.toLowerCase();
  if (text.includes('not authorized')) return 'notAuthorized';
  if (text.includes('starting')) return 'starting';
  if (text.includes('expired')) return 'expired';
  if (text.includes('deleted')) return 'deleted';
  return 'badRequest';
}

/** A short, single-line version of a server text for a message: the JSON `message` field if any, else the text. */
export function serverText(body: string): string {
  let text = body;
  try {
    const parsed: unknown = JSON.parse(body);
    if (
      parsed &&
      typeof parsed === 'object' &&
      typeof (parsed as { message?: unknown }).message === 'string'
    ) {
      text = (parsed as { message: string }).message;
    }
  } catch (_) {
    // plain text body
  }
  if (/<html|<!doctype/i.test(text)) return '';
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}
