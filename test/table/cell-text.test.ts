import { describe, expect, it } from '@jest/globals';
import { asTypedText, CELL_LIMIT, fitCell } from '../../src/table/cell-text';

describe('asTypedText', () => {
  it('prefixes text with an apostrophe so Sheets keeps it as text', () => {
    expect(asTypedText('=HYPERLINK("http://evil","x")')).toBe('\'=HYPERLINK("http://evil","x")');
    expect(asTypedText('00123')).toBe("'00123");
    expect(asTypedText("'quoted")).toBe("''quoted");
  });

  it('leaves empty text empty', () => {
    expect(asTypedText('')).toBe('');
  });
});

describe('fitCell', () => {
  it('keeps text up to the 50,000-character cell limit', () => {
    const text = 'x'.repeat(CELL_LIMIT);
    expect(fitCell(text)).toBe(text);
  });

  it('does not cut an emoji in half', () => {
    const text = `${'x'.repeat(CELL_LIMIT - 2)}😀😀`;
    const cut = fitCell(text);
    expect(cut).toBe(`${'x'.repeat(CELL_LIMIT - 2)}…`);
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(cut)).toBe(false);
  });

  it('cuts longer text and ends it with an ellipsis', () => {
    const cut = fitCell('y'.repeat(CELL_LIMIT + 10));
    expect(cut).toHaveLength(CELL_LIMIT);
    expect(cut.endsWith('…')).toBe(true);
  });
});
