// Unit tests of the typed-input parser (what Range.setValue/setValues and a person typing do to strings).

import { describe, expect, it } from '@jest/globals';
import { parseTypedInput } from './typed-input';

const parse = (s: string, plain = false) => parseTypedInput(s, 'Etc/UTC', 2026, plain);
const value = (s: string, plain = false): unknown => {
  const p = parse(s, plain);
  return p.kind === 'value' ? p.value : { formula: p.formula };
};

describe('typed input', () => {
  it.each([
    ['hello', 'hello'],
    ['00123', 123],
    ['+5', 5],
    ['-5', -5],
    ['1,000,000', 1000000],
    ['1,23', '1,23'],
    ['2.5', 2.5],
    ['.5', 0.5],
    ['1e5', 100000],
    ['50%', 0.5],
    ['$2.99', 2.99],
    ['-$2.99', -2.99],
    ['(5)', -5],
    ['+7 900 123', 7900123],
    ['TRUE', true],
    [' false ', false],
    ["'00123", '00123'],
    ["'=1+1", '=1+1'],
    ['=', '='],
    ['', ''],
    ['abc 123', 'abc 123'],
    ['+abc', '+abc'],
    ['1 000', '1 000'],
  ])('%j → %j', (input, expected) => {
    expect(value(input)).toEqual(expected);
  });

  it('turns "=..." into a formula, also in plain-text cells', () => {
    expect(value('=HYPERLINK("https://x","y")')).toEqual({ formula: '=HYPERLINK("https://x","y")' });
    expect(value('=SUM(1)', true)).toEqual({ formula: '=SUM(1)' });
  });

  it('keeps strings verbatim in plain-text (@) cells', () => {
    expect(value('00123', true)).toBe('00123');
    expect(value('+7 900 123', true)).toBe('+7 900 123');
    expect(value("'x", true)).toBe("'x");
  });

  it('parses dates and times into Date objects in the spreadsheet time zone', () => {
    expect(value('2024-01-02')).toEqual(new Date('2024-01-02T00:00:00Z'));
    expect(value('1/2/2024')).toEqual(new Date('2024-01-02T00:00:00Z'));
    expect(value('1/2')).toEqual(new Date('2026-01-02T00:00:00Z'));
    expect(value('2024-01-02 10:30')).toEqual(new Date('2024-01-02T10:30:00Z'));
    expect(value('12:30')).toEqual(new Date('1899-12-30T12:30:00Z'));
    expect(value('2/30/2024')).toBe('2/30/2024');
    const ny = parseTypedInput('2024-07-01', 'America/New_York', 2026);
    expect(ny.kind === 'value' && ny.value).toEqual(new Date('2024-07-01T04:00:00Z'));
  });

  it('assigns the number format Sheets would detect', () => {
    const fmt = (s: string) => {
      const p = parse(s);
      return p.kind === 'value' ? p.numberFormat : undefined;
    };
    expect(fmt('1,000')).toBe('#,##0');
    expect(fmt('50%')).toBe('0%');
    expect(fmt('$2.99')).toBe('"$"#,##0.00');
    expect(fmt('00123')).toBeUndefined();
  });
});
