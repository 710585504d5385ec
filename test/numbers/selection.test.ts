/**
 * Reading a selection for the number check: counts, distinct numbers in order, examples of what is not a number,
 * the header row, and the number each row's results speak for.
 */
import { describe, expect, it } from '@jest/globals';
import { readSelection } from '../../src/numbers/selection';

describe('readSelection', () => {
  it('counts cells, distinct numbers, what is not a number (three examples), and finds the header', () => {
    const read = readSelection(
      [
        ['Phone'],
        ['+7 900 123-45-67'],
        ['8 900 123 45 67'],
        [''],
        ['n/a'],
        ['x'],
        ['y'],
        ['z'],
        [79007654321],
      ],
      'RU',
    );
    expect(read).toMatchObject({ cells: 7, notPhone: 4, examples: ['n/a', 'x', 'y'], header: true });
    expect(read.numbers).toEqual([
      { e164: '+79001234567', digits: '79001234567' },
      { e164: '+79007654321', digits: '79007654321' },
    ]);
    expect(read.rows.map((r) => r.kind)).toEqual([
      'empty',
      'number',
      'number',
      'empty',
      'notPhone',
      'notPhone',
      'notPhone',
      'notPhone',
      'number',
    ]);
  });

  it('has no header when the first row holds a number, or when nothing below is a number', () => {
    expect(readSelection([['+7 900 123-45-67'], ['x']], 'RU').header).toBe(false);
    expect(readSelection([['Phone'], ['x']], 'RU').header).toBe(false);
    expect(readSelection([['+7 900 123-45-67']], 'RU').header).toBe(false);
  });

  it('gives three different examples of what is not a number (a column of "n/a" shows it once)', () => {
    const read = readSelection([['+7 900 123-45-67'], ['n/a'], ['n/a'], ['n/a'], ['—'], ['n/a']], 'RU');
    expect(read).toMatchObject({ notPhone: 5, examples: ['n/a', '—'] });
  });

  it("speaks for a row's first number, else its first non-empty cell (Name | Phone answers for the phone)", () => {
    const read = readSelection([['Phone'], ['Ann', '+7 900 123-45-67'], ['Bob', 'ask']], 'RU');
    expect(read.rows[1]).toMatchObject({ kind: 'number', e164: '+79001234567' });
    expect(read.rows[2]).toMatchObject({ kind: 'notPhone', text: 'Bob' });
  });

  it("speaks for a row's first non-empty cell in a block of several columns", () => {
    const read = readSelection([['', '+7 900 123-45-67', '+44 20 7946 0958']], 'RU');
    expect(read.rows[0]).toMatchObject({ kind: 'number', e164: '+79001234567' });
    expect(read.numbers).toHaveLength(2);
  });
});
