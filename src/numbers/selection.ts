/**
 * What a person's selection holds, for the number check: every cell read as a number (numbers/read.ts), the
 * distinct numbers in order, how many cells are not phone numbers (with a few examples), whether its first row
 * is a header, and per row the number the row's results speak for (its first number, else its first non-empty
 * cell). Pure.
 */
import { type NumberReading, readNumber } from './read';

/** The most cells one check takes (a selection of 50,000 cells or more is refused). */
export const MAX_CELLS = 50_000;

/** The selection read. */
export interface SelectionRead {
  /** Non-empty cells (the header row's excluded). */
  cells: number;
  /** Distinct numbers in E.164, in the order they first appear, with the digits GREEN-API is asked. */
  numbers: Array<{ e164: string; digits: string }>;
  notPhone: number;
  /** Up to three distinct texts that are not phone numbers. */
  examples: string[];
  /** The first row is a header: not a number in it, text in it, and numbers below. */
  header: boolean;
  /** Per row of the selection (the header's included): what its results speak for. */
  rows: Array<NumberReading>;
}

/** Reads the selection's values (a rectangle) with `country` for numbers without a country code. */
export function readSelection(values: readonly (readonly unknown[])[], country: string): SelectionRead {
  const readings = values.map((row) => row.map((value) => readNumber(value, country)));
  const isNumber = (r: NumberReading) => r.kind === 'number';
  const header =
    readings.length > 1 &&
    !readings[0].some(isNumber) &&
    readings[0].some((r) => r.kind === 'notPhone') &&
    readings.slice(1).some((row) => row.some(isNumber));
  const body = header ? readings.slice(1) : readings;
  const seen = new Map<string, string>();
  let cells = 0;
  let notPhone = 0;
  const examples: string[] = [];
  for (const row of body) {
    for (const r of row) {
      if (r.kind === 'empty') continue;
      cells++;
      if (r.kind === 'number') {
        if (!seen.has(r.e164)) seen.set(r.e164, r.digits);
      } else {
        notPhone++;
        const example = r.text.length > 24 ? `${r.text.slice(0, 23)}…` : r.text;
        if (examples.length < 3 && !examples.includes(example)) examples.push(example);
      }
    }
  }
  const rows = readings.map(
    (row, i) =>
      (header && i === 0
        ? undefined
        : (row.find((r) => r.kind === 'number') ?? row.find((r) => r.kind !== 'empty'))) ??
      ({ kind: 'empty' } as const),
  );
  return {
    cells,
    numbers: [...seen].map(([e164, digits]) => ({ e164, digits })),
    notPhone,
    examples,
    header,
    rows,
  };
}
