/**
 * Ready-made one-off answers for the fake server's `script` / `stateScript` queues, modelled on GREEN-API's
 * documented errors (common-errors page, 466 body example). Where the real body format is unverified (plain text
 * vs JSON with `message`), the text form is the default and `{ json: true }` gives the JSON form.
 */
import type { ScriptedResponse } from './types';

const TEXT = 'text/plain; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const HTML = 'text/html; charset=utf-8';

/** Options for error presets whose real body format is unverified. */
export interface ErrorBodyOptions {
  /** Send `{"message": "<text>"}` as application/json instead of plain text. */
  json?: boolean;
}

function errorText(status: number, message: string, opts?: ErrorBodyOptions): ScriptedResponse {
  return opts?.json
    ? { status, body: JSON.stringify({ message }), contentType: JSON_TYPE }
    : { status, body: message, contentType: TEXT };
}

/** 502 page as nginx renders it. */
export const NGINX_502_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n' +
  '<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** A login page, as a captive portal or a wrong apiUrl might return with status 200. */
export const LOGIN_PAGE_HTML =
  '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Sign in</title></head>\n<body>\n' +
  '<form method="post" action="/login">\n<label>Login <input name="login"></label>\n' +
  '<label>Password <input name="password" type="password"></label>\n<button type="submit">Sign in</button>\n' +
  '</form>\n</body>\n</html>\n';

/** Text of the 466 description, as in GREEN-API's documented example. */
export const QUOTA_DESCRIPTION =
  'Monthly quota has been exceeded. Please go to your personal account and change the tariff to business ' +
  'https://console.green-api.com';

/** Preset answers; each call returns a fresh object. */
export const responses = {
  /** 466 Developer-plan quota exceeded, JSON body per the documented example (method name lower-case). */
  status466(method = 'getcontacts', used = 1000, total = 1000): ScriptedResponse {
    const invokeStatus = { method, used, total, status: 'QUOTE_EXCEEDED', description: QUOTA_DESCRIPTION };
    return { status: 466, body: JSON.stringify({ invokeStatus }), contentType: JSON_TYPE };
  },
  /**
   * 466 for the Developer plan's chat limit, as the documented example shows it: an `invokeStatus` whose method
   * quota is not the reason (QUOTE_ALLOWED, total 0) beside a `correspondentsStatus` that is used up
   * (https://green-api.com/en/docs/api/466-error-example-body/).
   */
  status466Chats(): ScriptedResponse {
    const invokeStatus = { method: 'sendmessage', used: 67, total: 0, status: 'QUOTE_ALLOWED' };
    const correspondentsStatus = {
      method: 'correspondents',
      used: 3,
      total: 3,
      status: 'CORRESPONDENTS_QUOTE_EXCEEDED',
      description:
        'Monthly quota has been exceeded. You can only send or receive messages from these numbers: 12345678901@c.us,12345678910@c.us,12345678911@c.us. Please go to your personal account and change the tariff to business https://console.green-api.com',
    };
    return {
      status: 466,
      body: JSON.stringify({ invokeStatus, correspondentsStatus }),
      contentType: JSON_TYPE,
    };
  },
  /** 429 rate limit; `Retry-After` is unverified for GREEN-API, so it is only sent when asked for. */
  status429(retryAfterSeconds?: number): ScriptedResponse {
    const headers =
      retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(retryAfterSeconds) };
    return { status: 429, body: 'Too Many Requests', contentType: TEXT, ...(headers ? { headers } : {}) };
  },
  /** 500 with a plain-text body. */
  status500(): ScriptedResponse {
    return { status: 500, body: 'Internal Server Error', contentType: TEXT };
  },
  /** 502 nginx-style HTML error page. */
  status502(): ScriptedResponse {
    return { status: 502, body: NGINX_502_HTML, contentType: HTML };
  },
  /** 200 with truncated JSON. */
  brokenJson(): ScriptedResponse {
    return { status: 200, body: '[{"id": "1@c.us"', contentType: JSON_TYPE };
  },
  /** 200 with an HTML login page instead of JSON. */
  htmlPage(): ScriptedResponse {
    return { status: 200, body: LOGIN_PAGE_HTML, contentType: HTML };
  },
  /** 200 with valid JSON that is not an array. */
  notArray(): ScriptedResponse {
    return { status: 200, body: '{"contacts": []}', contentType: JSON_TYPE };
  },
  /** 200 with an empty list (the sync window). */
  emptyList(): ScriptedResponse {
    return { status: 200, body: '[]', contentType: JSON_TYPE };
  },
  /** 400 `instance is starting or not authorized`. */
  notAuthorized(opts?: ErrorBodyOptions): ScriptedResponse {
    return errorText(400, 'instance is starting or not authorized', opts);
  },
  /** 400 `instance in starting process try later`. */
  starting(opts?: ErrorBodyOptions): ScriptedResponse {
    return errorText(400, 'instance in starting process try later', opts);
  },
  /** 400 `Instance account is expired. Renew your instance from personal area`. */
  expired(opts?: ErrorBodyOptions): ScriptedResponse {
    return errorText(400, 'Instance account is expired. Renew your instance from personal area', opts);
  },
  /** 401 wrong token. */
  unauthorized(opts?: ErrorBodyOptions): ScriptedResponse {
    return errorText(401, 'Unauthorized', opts);
  },
  /** 403 wrong idInstance or wrong host. */
  forbidden(opts?: ErrorBodyOptions): ScriptedResponse {
    return errorText(403, 'Forbidden', opts);
  },
  /** 400 `check phone number timeout limit exceeded` (checkWhatsapp; https://green-api.com/en/docs/api/service/CheckWhatsapp/). */
  checkTimeout(): ScriptedResponse {
    return {
      status: 400,
      body: JSON.stringify({ message: 'check phone number timeout limit exceeded' }),
      contentType: JSON_TYPE,
    };
  },
  /** Any JSON value with any status. */
  json(status: number, value: unknown): ScriptedResponse {
    return { status, body: JSON.stringify(value), contentType: JSON_TYPE };
  },
  /** Close the connection without answering (the client sees a network error). */
  connectionReset(): ScriptedResponse {
    return { status: 0, body: '', drop: true };
  },
} as const;
