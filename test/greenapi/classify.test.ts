import { describe, expect, it } from '@jest/globals';
import { classify, serverText } from '../../src/greenapi/classify';

describe('classify', () => {
  it.each([
    [200, '[]', { ok: true }],
    [401, 'Unauthorized', { ok: false, kind: 'badToken', retry: false }],
    [403, 'Forbidden', { ok: false, kind: 'wrongInstance', retry: false }],
    [400, 'instance is starting or not authorized', { ok: false, kind: 'notAuthorized', retry: false }],
    [
      400,
      '{"message":"Instance account not authorized"}',
      { ok: false, kind: 'notAuthorized', retry: false },
    ],
    [400, 'instance in starting process try later', { ok: false, kind: 'starting', retry: false }],
    [400, 'Instance account is expired. Renew your instance', { ok: false, kind: 'expired', retry: false }],
    [400, 'Instance is deleted', { ok: false, kind: 'deleted', retry: false }],
    [400, 'bad request data', { ok: false, kind: 'badRequest', retry: false }],
    [429, 'Too Many Requests', { ok: false, kind: 'rateLimited', retry: true }],
    [466, '{"invokeStatus":{}}', { ok: false, kind: 'quota', retry: false }],
    [500, 'Internal', { ok: false, kind: 'unavailable', retry: true }],
    [502, '<html>Bad Gateway</html>', { ok: false, kind: 'unavailable', retry: true }],
    [499, '', { ok: false, kind: 'unavailable', retry: true }],
    [404, 'Not Found', { ok: false, kind: 'unexpected', retry: false }],
  ])('status %i with %j is %j', (status, body, verdict) => {
    expect(classify(status, body)).toEqual(verdict);
  });
});

describe('serverText', () => {
  it('prefers the JSON message field', () => {
    expect(serverText('{"message":"Validation failed"}')).toBe('Validation failed');
  });

  it('drops HTML pages and squeezes whitespace', () => {
    expect(serverText('<!DOCTYPE html><html><body>502</body></html>')).toBe('');
    expect(serverText('bad\n  request   data')).toBe('bad request data');
  });

  it('shortens long texts', () => {
    expect(serverText('x'.repeat(500))).toHaveLength(160);
  });
});
