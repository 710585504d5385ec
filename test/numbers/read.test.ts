/**
 * Number reading (issue 19): the formats people type, per default country; the `00` and bare 11–15-digit rules;
 * GREEN-API's country quirks; and properties — any formatting of a valid number reads to the same E.164, and junk
 * never becomes a number.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { chatDigits, countryOfLocale, readNumber } from '../../src/numbers/read';
import { readSelection } from '../../src/numbers/selection';

const e164 = (value: unknown, country: string) => {
  const r = readNumber(value, country);
  return r.kind === 'number' ? r.e164 : r.kind;
};

describe('reading a number', () => {
  it.each([
    ['+7 (900) 123-45-67', 'US', '+79001234567'],
    ['8 900 123 45 67', 'RU', '+79001234567'],
    ['8 (900) 123-45-67', 'KZ', '+79001234567'],
    ['9001234567', 'RU', '+79001234567'],
    ['0049 30 1234567', 'RU', '+49301234567'],
    ['0049 30 1234567', 'US', '+49301234567'],
    ['79001234567', 'US', '+79001234567'],
    ['79001234567', '', '+79001234567'],
    [79001234567, 'US', '+79001234567'],
    [4930123456, 'DE', '+4930123456'],
    [301234567, 'DE', '+49301234567'],
    ['(212) 555-0100', 'US', '+12125550100'],
    ['212.555.0100', 'US', '+12125550100'],
    ['1 212 555 0100', 'US', '+12125550100'],
    ['+44 20 7946 0958', 'RU', '+442079460958'],
    ['07911 123456', 'GB', '+447911123456'],
    ['030 1234567', 'DE', '+49301234567'],
    ['+49\u00a030\u00a01234567', 'FR', '+49301234567'],
    ['011 15 1234-5678', 'AR', '+5491112345678'],
    ['+54 9 11 1234-5678', 'US', '+5491112345678'],
    ['(11) 91234-5678', 'BR', '+5511912345678'],
    ['55 1234 5678', 'MX', '+525512345678'],
  ])('%p with default %p is %s', (value, country, expected) => {
    expect(e164(value, country)).toBe(expected);
  });

  it.each([
    ['hello', 'US'],
    ['12', 'US'],
    ['2025-01-01', 'US'],
    ['+1 202 555 0100 ext 5', 'US'],
    ['1234567890123', 'US'],
    ['8 900 123 45 67', 'US'],
    ['+999 123 456 789', 'US'],
    ['=A1', 'US'],
    [1.5, 'US'],
    [-79001234567, 'US'],
    [true, 'US'],
  ])('%p with default %p is not a phone number', (value, country) => {
    expect(e164(value, country)).toBe('notPhone');
  });

  it('reads an empty cell as empty', () => {
    expect(readNumber('', 'US')).toEqual({ kind: 'empty' });
    expect(readNumber('   ', 'US')).toEqual({ kind: 'empty' });
    expect(readNumber(null, 'US')).toEqual({ kind: 'empty' });
  });

  it('a leading 00 starts an international number whatever the default country', () => {
    for (const country of ['RU', 'US', 'DE', 'GB', 'BR', '']) {
      expect(e164('00 7 900 123 45 67', country)).toBe('+79001234567');
    }
  });

  it('a bare 11–15-digit number not valid for the default country is read as + and its digits', () => {
    expect(e164('447911123456', 'RU')).toBe('+447911123456');
    expect(e164('5491112345678', 'US')).toBe('+5491112345678');
    expect(e164('12125550100', 'RU')).toBe('+12125550100');
  });
});

describe("GREEN-API's country quirks", () => {
  it('US/Canada zeros after the 1 are dropped (they answer yes but never deliver)', () => {
    expect(e164('+1002125550100', 'RU')).toBe('+12125550100');
    expect(e164('00 1 0 212 555 0100', 'RU')).toBe('+12125550100');
  });

  it('Mexico is asked as 521 and the older 521 spelling reads as the same number', () => {
    expect(e164('+52 1 55 1234 5678', 'US')).toBe('+525512345678');
    expect(chatDigits('+525512345678')).toBe('5215512345678');
  });

  it("Brazil keeps a mobile's ninth digit only for the area codes WhatsApp updated", () => {
    expect(chatDigits('+5511912345678')).toBe('5511912345678');
    expect(chatDigits('+5592981723241')).toBe('559281723241');
    expect(chatDigits('+552112345678')).toBe('552112345678');
  });

  it('Brazil: a mobile typed without its ninth digit is the same number as with it (one request, one row)', () => {
    for (const typed of ['+55 92 8172-3241', '559281723241', '+55 92 98172-3241'])
      expect(readNumber(typed, 'BR')).toEqual({
        kind: 'number',
        e164: '+5592981723241',
        digits: '559281723241',
      });
    expect(readNumber('+55 11 8765-4321', 'RU')).toEqual({
      kind: 'number',
      e164: '+5511987654321',
      digits: '5511987654321',
    });
    expect(e164('+55 11 3456-7890', 'RU')).toBe('+551134567890'); // a landline keeps its 8 digits
    expect(readSelection([['+55 92 8172-3241'], ['+55 92 98172-3241']], 'BR').numbers).toHaveLength(1);
  });

  it('Russia: the digits asked are 7…, never 8… nor the 10 digits alone', () => {
    const r = readNumber('8 900 123-45-67', 'RU');
    expect(r).toEqual({ kind: 'number', e164: '+79001234567', digits: '79001234567' });
  });
});

describe('the default country from a locale', () => {
  it.each([
    ['en_US', 'US'],
    ['ru_RU', 'RU'],
    ['pt_BR', 'BR'],
    ['ru', 'RU'],
    ['en', ''],
    ['', ''],
  ])('%p → %p', (locale, country) => {
    expect(countryOfLocale(locale)).toBe(country);
  });
});

/** Valid numbers, each as E.164 and its national significant number, across countries. */
const VALID: [string, string, string][] = [
  ['RU', '7', '9001234567'],
  ['US', '1', '2125550100'],
  ['GB', '44', '7911123456'],
  ['DE', '49', '301234567'],
  ['FR', '33', '612345678'],
  ['IN', '91', '9876543210'],
  ['BR', '55', '11912345678'],
  ['KZ', '7', '7011234567'],
];

const separator = fc.constantFrom('', ' ', '-', '.', ' - ', '\u00a0');

/** Splits digits into groups joined by arbitrary separators, maybe with brackets around the first group. */
function formatted(digits: string) {
  return fc
    .tuple(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 8 }), separator, fc.boolean())
    .map(([sizes, sep, bracket]) => {
      const groups: string[] = [];
      let at = 0;
      for (const size of sizes) {
        if (at >= digits.length) break;
        groups.push(digits.slice(at, at + size));
        at += size;
      }
      if (at < digits.length) groups.push(digits.slice(at));
      if (bracket && groups.length > 1) groups[0] = `(${groups[0]})`;
      return groups.join(sep);
    });
}

describe('properties', () => {
  it('any formatting of a valid number reads to the same E.164 (international, 00, national)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...VALID),
        fc.constantFrom('+', '00', '+ ', 'national'),
        fc.constantFrom('US', 'RU', 'DE', 'GB', ''),
        fc.context(),
        (valid, lead, other, ctx) => {
          const [country, code, national] = valid;
          return (
            fc.assert(
              fc.property(formatted(national), (body) => {
                const text = lead === 'national' ? body : `${lead}${code} ${body}`;
                const read = e164(text, lead === 'national' ? country : other);
                ctx.log(text);
                return read === `+${code}${national}`;
              }),
              { numRuns: 10 },
            ) === undefined
          );
        },
      ),
      { numRuns: 60 },
    );
  });

  it('junk never becomes a number', () => {
    const letters = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => /[A-Za-z@#*=;,]/.test(s));
    fc.assert(
      fc.property(letters, fc.constantFrom('US', 'RU', 'DE', ''), (text, country) => {
        return readNumber(text, country).kind !== 'number';
      }),
      { numRuns: 500 },
    );
  });

  it('a reading is always a valid E.164 whose digits differ only by the documented quirks', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\+?[0-9 ()-]{0,20}$/),
        fc.constantFrom('US', 'RU', 'MX', 'BR', ''),
        (text, c) => {
          const r = readNumber(text, c);
          if (r.kind !== 'number') return true;
          return /^\+[1-9]\d{6,14}$/.test(r.e164) && r.digits === chatDigits(r.e164);
        },
      ),
      { numRuns: 500 },
    );
  });
});
