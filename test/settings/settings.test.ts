import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_API_URL,
  FieldError,
  validateApiUrl,
  validateIdInstance,
  validateRefresh,
  validateSettings,
  validateToken,
} from '../../src/settings/settings';

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof FieldError) return error.field;
    throw error;
  }
  throw new Error('no error');
}

describe('apiUrl', () => {
  it('defaults to the generic host when blank', () => {
    expect(validateApiUrl('')).toBe(DEFAULT_API_URL);
    expect(validateApiUrl(undefined)).toBe(DEFAULT_API_URL);
  });

  it('drops trailing slashes and lowercases the host', () => {
    expect(validateApiUrl(' https://7105.API.greenapi.com/ ')).toBe('https://7105.api.greenapi.com');
    expect(validateApiUrl('https://3100.api.green-api.com/v3/')).toBe('https://3100.api.green-api.com/v3');
  });

  it('allows http only for localhost', () => {
    expect(validateApiUrl('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(validateApiUrl('http://localhost:1/')).toBe('http://localhost:1');
    expect(() => validateApiUrl('http://api.green-api.com')).toThrow('field.apiUrl.https');
  });

  it.each([
    ['a look-alike with the real host as a prefix', 'https://api.green-api.com.evil.example'],
    ['a host that only ends like one', 'https://evilgreen-api.com'],
    ['the bare domain (the allowlist wildcard needs a subdomain)', 'https://green-api.com'],
    ['another host', 'https://api.example.com'],
    ['a port', 'https://7105.api.greenapi.com:8443'],
  ])('refuses %s, naming apiUrl and the allowed host patterns', (_what, url) => {
    expect(() => validateApiUrl(url)).toThrow(
      expect.objectContaining({
        field: 'apiUrl',
        key: 'field.apiUrl.allowlist',
        params: { hosts: '*.green-api.com, *.greenapi.com' },
      }),
    );
  });

  it('accepts any subdomain of the allowed domains', () => {
    for (const url of [
      'https://api.green-api.com',
      'https://7105.api.greenapi.com',
      'https://a.b.c.green-api.com',
    ])
      expect(validateApiUrl(url)).toBe(url);
  });

  it.each([
    'https://api.green-api.com/?x=1',
    'https://api.green-api.com/#frag',
    'ftp://api.green-api.com',
    'api.green-api.com',
    'https://user@api.green-api.com',
    'https://bad host.com',
    'https://api.green-api.com/../x',
    'javascript:alert(1)',
  ])('rejects %s and names apiUrl', (url) => {
    expect(fieldOf(() => validateApiUrl(url))).toBe('apiUrl');
  });
});

describe('idInstance', () => {
  it('accepts digits (also a number) up to 19', () => {
    expect(validateIdInstance(' 7105123456 ')).toBe('7105123456');
    expect(validateIdInstance(1101000001)).toBe('1101000001');
    expect(validateIdInstance('1'.repeat(19))).toBe('1'.repeat(19));
  });

  it.each(['', 'abc', '12 34', '1'.repeat(20), '-5', '1.5'])('rejects %j', (id) => {
    expect(fieldOf(() => validateIdInstance(id))).toBe('idInstance');
  });
});

describe('apiTokenInstance', () => {
  it('keeps the stored token when left blank', () => {
    expect(validateToken('', 'stored')).toBe('stored');
    expect(validateToken(undefined, 'stored')).toBe('stored');
  });

  it('requires a token when none is stored', () => {
    expect(() => validateToken('', '')).toThrow('field.token.missing');
  });

  it.each(['a b', 'a/b', 'a?b', 'a#b', 'a%2Fb', 'a..b', 'тест'])('rejects %j', (token) => {
    expect(fieldOf(() => validateToken(token, ''))).toBe('apiTokenInstance');
  });
});

describe('refreshEveryMinutes', () => {
  it('accepts the listed choices, also as text', () => {
    expect(validateRefresh(15, 0, 5)).toBe(15);
    expect(validateRefresh('1440', 0, 5)).toBe(1440);
    expect(validateRefresh(0, 30, 5)).toBe(0);
  });

  it('keeps the current value when missing', () => {
    expect(validateRefresh(undefined, 30, 5)).toBe(30);
  });

  it('rejects other values, and intervals under the minimum', () => {
    expect(() => validateRefresh(7, 0, 5)).toThrow('field.refresh.choice');
    expect(() => validateRefresh(30, 0, 60)).toThrow('field.refresh.addonHourly');
    expect(validateRefresh(0, 60, 60)).toBe(0);
  });
});

describe('validateSettings', () => {
  it('returns complete settings', () => {
    expect(
      validateSettings(
        { apiUrl: '', idInstance: '1101000001', apiTokenInstance: 'tok', refreshEveryMinutes: 60 },
        null,
        5,
      ),
    ).toEqual({
      apiUrl: DEFAULT_API_URL,
      idInstance: '1101000001',
      apiTokenInstance: 'tok',
      refreshEveryMinutes: 60,
      membersOnSchedule: false,
      plan: 'developer',
      monthlyCaps: { getContacts: 1000, getGroupData: 1000, checkWhatsapp: 100 },
    });
  });

  const base = { idInstance: '1101000001', apiTokenInstance: 'tok' };

  it('takes the plan: developer when absent, business with its documented caps, custom with the typed caps', () => {
    expect(validateSettings({ ...base, plan: '' }, null, 5)).toMatchObject({ plan: 'developer' });
    expect(validateSettings({ ...base, plan: ' Business ' }, null, 5)).toMatchObject({
      plan: 'business',
      monthlyCaps: { getContacts: null, getGroupData: null, checkWhatsapp: 30_000 },
    });
    // A Developer plan ignores typed caps: its caps are the documented ones.
    expect(
      validateSettings({ ...base, plan: 'developer', monthlyCaps: { getContacts: 5 } }, null, 5).monthlyCaps,
    ).toEqual({ getContacts: 1000, getGroupData: 1000, checkWhatsapp: 100 });
    expect(
      validateSettings(
        {
          ...base,
          plan: 'custom',
          monthlyCaps: { getContacts: '2000', getGroupData: 0, checkWhatsapp: ' ' },
        },
        null,
        5,
      ).monthlyCaps,
    ).toEqual({ getContacts: 2000, getGroupData: 0, checkWhatsapp: null });
    // Thousands grouped as the meter writes them, in either language.
    expect(
      validateSettings(
        {
          ...base,
          plan: 'custom',
          monthlyCaps: { getContacts: '1,000', getGroupData: '1\u00a0500', checkWhatsapp: '30 000' },
        },
        null,
        5,
      ).monthlyCaps,
    ).toEqual({ getContacts: 1000, getGroupData: 1500, checkWhatsapp: 30000 });
  });

  it.each([
    [{ plan: 'enterprise' }, 'plan', 'field.plan.invalid', {}],
    [{ plan: 3 }, 'plan', 'field.plan.invalid', {}],
    [
      { plan: 'custom', monthlyCaps: { getContacts: -1 } },
      'monthlyCaps',
      'field.caps.invalid',
      { method: 'getContacts' },
    ],
    [
      { plan: 'custom', monthlyCaps: { getGroupData: 'lots' } },
      'monthlyCaps',
      'field.caps.invalid',
      { method: 'getGroupData' },
    ],
    [
      { plan: 'custom', monthlyCaps: { checkWhatsapp: 1.5 } },
      'monthlyCaps',
      'field.caps.invalid',
      { method: 'checkWhatsapp' },
    ],
    [{ plan: 'custom', monthlyCaps: 'many' }, 'monthlyCaps', 'field.caps.invalid', { method: 'getContacts' }],
  ])('refuses %j naming the field', (form, field, key, params) => {
    let caught: unknown;
    try {
      validateSettings({ ...base, ...form }, null, 5);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FieldError);
    expect(caught).toMatchObject({ field, key, params });
  });

  it('takes the members-on-schedule choice as a boolean, keeps the stored one when missing, and names a bad one', () => {
    const stored = validateSettings(
      { idInstance: '1', apiTokenInstance: 'tok', membersOnSchedule: true },
      null,
      5,
    );
    expect(stored.membersOnSchedule).toBe(true);
    expect(validateSettings({ idInstance: '1' }, stored, 5).membersOnSchedule).toBe(true);
    expect(
      validateSettings({ idInstance: '1', membersOnSchedule: 'false' }, stored, 5).membersOnSchedule,
    ).toBe(false);
    expect(() => validateSettings({ idInstance: '1', membersOnSchedule: 'yes' }, stored, 5)).toThrow(
      expect.objectContaining({ field: 'membersOnSchedule' }),
    );
  });
});
