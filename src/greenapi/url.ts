/**
 * Building GREEN-API request URLs and keeping the token out of anything shown. The token sits in the URL path
 * (`{apiUrl}/waInstance{idInstance}/{method}/{apiTokenInstance}`), so every text that might echo a URL passes
 * through `redact` before it reaches a cell, a log line, a toast or an error.
 */

/** The parts of the settings a request needs. */
export interface Credentials {
  apiUrl: string;
  idInstance: string;
  apiTokenInstance: string;
}

/** The GREEN-API methods this add-on calls. */
export type ApiMethod = 'getContacts' | 'getStateInstance' | 'getGroupData' | 'checkWhatsapp';

/** Identifies an instance without the token (`apiUrl|idInstance`): snapshots and the request ledger use it. */
export function instanceOf(credentials: Credentials): string {
  return `${credentials.apiUrl}|${credentials.idInstance}`;
}

/** The request URL of `method` (https://green-api.com/en/docs/api/service/GetContacts/). */
export function methodUrl(credentials: Credentials, method: ApiMethod): string {
  return `${credentials.apiUrl}/waInstance${credentials.idInstance}/${method}/${credentials.apiTokenInstance}`;
}

const MASK = '•••';
const TOKEN_IN_PATH = /(\/waInstance[^/\s]*\/[A-Za-z]+\/)[^/?#\s"'<>]+/g;

/** Removes the token from `text`: the literal value, its URL-encoded form, and any token-shaped URL segment. */
export function redact(text: string, token?: string): string {
  let out = text.replace(TOKEN_IN_PATH, `$1${MASK}`);
  if (token && token.length >= 4) {
    for (const form of new Set([token, encodeURIComponent(token)])) out = out.split(form).join(MASK);
  }
  return out;
}

/** The last characters of a token (at most 4, fewer for short tokens) so a person can tell tokens apart. */
export function tokenHint(token: string): string {
  if (!token) return '';
  const shown = Math.min(4, Math.floor(token.length / 3));
  return shown > 0 ? `…${token.slice(-shown)}` : '…';
}
