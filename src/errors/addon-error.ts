/**
 * What can go wrong when talking to GREEN-API, as values with a kind. A kind is turned into words only in the
 * strings table, in the user's language; `detail` holds a short server text that is already free of the token.
 */

/** Every failure the add-on reports, named for what the user should do about it. */
export type ErrorKind =
  | 'noSettings' // nothing saved yet
  | 'badToken' // 401
  | 'wrongInstance' // 403: idInstance or apiUrl
  | 'notAuthorized' // 400 "not authorized": the QR code is not scanned
  | 'starting' // 400 "starting process": the instance is (re)starting
  | 'expired' // 400 "expired": the instance must be paid for
  | 'deleted' // 400 "deleted"
  | 'badRequest' // any other 400, with the server's text
  | 'rateLimited' // 429 after retries
  | 'quota' // 466: the plan's monthly quota is used up
  | 'unavailable' // 5xx after retries
  | 'unexpected' // 200 that is not the documented JSON, or an unknown status
  | 'unreachable' // no answer at all: DNS, refused, timeout
  | 'notAllowed' // the platform refused the URL: outside the manifest's urlFetchWhitelist
  | 'busy' // another refresh holds the document lock
  | 'noSpreadsheet' // a trigger run could not open the spreadsheet
  | 'contactsNoKey' // the contacts sheet has data but no ID column: rows cannot be matched
  | 'membersNoKey'; // the members sheet has data but not its key columns

/** An error of the add-on's own, safe to show: its message never contains the token or a URL. */
export class AddonError extends Error {
  readonly kind: ErrorKind;
  readonly detail: string;

  constructor(kind: ErrorKind, detail = '') {
    super(detail ? `${kind}: ${detail}` : kind);
    this.name = 'AddonError';
    this.kind = kind;
    this.detail = detail;
  }
}

/** True for an AddonError (also across realms, where instanceof fails). */
export function isAddonError(error: unknown): error is AddonError {
  return (
    error instanceof Error && error.name === 'AddonError' && typeof (error as AddonError).kind === 'string'
  );
}

/** `error` as an AddonError: itself, or an unexpected failure (whose text, which may hold a URL, is dropped). */
export function toAddonError(error: unknown): AddonError {
  return isAddonError(error) ? error : new AddonError('unexpected');
}
