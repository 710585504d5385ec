/**
 * Fuzz: any text written the add-on's way (asTypedText) through the emulator's setValues — which parses input
 * like typed input — reads back exactly (cut to the cell limit), as text, never as a formula.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { asTypedText, fitCell } from '../../src/table/cell-text';
import { createEmulator } from '../support/emulator';

const risky = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .tuple(
      fc.constantFrom('=', '+', '-', '@', "'", "''", ' =', '\t', '0', '00', '$', '(', '#'),
      fc.string({ maxLength: 20 }),
    )
    .map(([a, b]) => a + b),
  fc.constantFrom(
    'TRUE',
    'false',
    '1e5',
    '50%',
    '1,000',
    '$2.99',
    '(5)',
    '2024-01-02',
    '1/2',
    '12:30',
    '+7 900 123',
    '00123',
  ),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
  fc.string({ maxLength: 3 }).map((s) => `${s}${'x'.repeat(50_001)}`),
);

describe('text written with asTypedText', () => {
  it('round-trips exactly through setValues, as text', () => {
    const emu = createEmulator({ distDir: 'dist' });
    const sheet = emu.spreadsheet.getSheets()[0];
    fc.assert(
      fc.property(fc.array(risky, { minLength: 1, maxLength: 20 }), (texts) => {
        const range = sheet.getRange(1, 1, texts.length, 1);
        range.setValues(texts.map((t) => [asTypedText(t)]));
        const back = range.getValues().map((r) => r[0]);
        expect(back).toEqual(texts.map(fitCell));
        expect(
          range
            .getFormulas()
            .flat()
            .every((f) => f === ''),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('would not round-trip without it (the emulator does parse typed input)', () => {
    const emu = createEmulator({ distDir: 'dist' });
    const range = emu.spreadsheet.getSheets()[0].getRange(1, 1, 4, 1);
    range.setValues([['00123'], ['TRUE'], ['2024-01-02'], ['=1+1']]);
    const [zeros, bool, date] = range.getValues().map((r) => r[0]);
    expect(zeros).toBe(123);
    expect(bool).toBe(true);
    expect(date).toBeInstanceOf(Date);
    expect(range.getFormulas()[3][0]).toBe('=1+1');
  });
});
