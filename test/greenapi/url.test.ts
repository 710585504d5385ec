import { describe, expect, it } from '@jest/globals';
import { methodUrl, redact, tokenHint } from '../../src/greenapi/url';

const credentials = {
  apiUrl: 'https://7105.api.greenapi.com',
  idInstance: '7105123456',
  apiTokenInstance: 'abc123def456',
};

describe('methodUrl', () => {
  it('puts idInstance and the token in the documented path', () => {
    expect(methodUrl(credentials, 'getContacts')).toBe(
      'https://7105.api.greenapi.com/waInstance7105123456/getContacts/abc123def456',
    );
    expect(methodUrl(credentials, 'getStateInstance')).toBe(
      'https://7105.api.greenapi.com/waInstance7105123456/getStateInstance/abc123def456',
    );
  });
});

describe('redact', () => {
  it('removes the token from a platform error that echoes the URL', () => {
    const text = `Request failed for ${methodUrl(credentials, 'getContacts')} returned code 401`;
    const out = redact(text, credentials.apiTokenInstance);
    expect(out).not.toContain('abc123def456');
    expect(out).toContain('/waInstance7105123456/getContacts/•••');
  });

  it('removes a token-shaped path segment even when the token is not known', () => {
    expect(redact('Address unavailable: https://x.greenapi.com/waInstance1/getContacts/s3cr3t?x=1')).toBe(
      'Address unavailable: https://x.greenapi.com/waInstance1/getContacts/•••?x=1',
    );
  });

  it('removes the literal token anywhere in the text', () => {
    expect(redact('token abc123def456 leaked', credentials.apiTokenInstance)).toBe('token ••• leaked');
  });
});

describe('tokenHint', () => {
  it('shows at most the last 4 characters', () => {
    expect(tokenHint('d75b3a66374942c5b3c019c698abc2067e151558acbd412345')).toBe('…2345');
  });

  it('shows less of a short token so most of it stays hidden', () => {
    expect(tokenHint('abcdef')).toBe('…ef');
    expect(tokenHint('ab')).toBe('…');
    expect(tokenHint('')).toBe('');
  });
});
