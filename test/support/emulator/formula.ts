// Parser for the only formulas the emulator evaluates: a direct call of a custom function,
// `=NAME(arg, ...)` with string literals ("" escapes), numbers, TRUE/FALSE, cell/range references
// (A1, $A$1, A1:B2, Sheet1!A1, 'My sheet'!A1) and empty arguments. Anything else (built-ins such as
// HYPERLINK, operators, nesting) is "not evaluated": the formula text is stored and its value is ''.

import { type A1Ref, parseA1 } from './a1';

/** One argument of a custom-function call. */
export type FormulaArg =
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'empty' }
  | { kind: 'ref'; ref: A1Ref; text: string };

/** A parsed `=NAME(args)` call. */
export interface FormulaCall {
  name: string;
  args: FormulaArg[];
}

/** Parses `=NAME(args)`; returns null for any other formula shape. */
export function parseFormulaCall(formula: string): FormulaCall | null {
  const m = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(([\s\S]*)\)\s*$/.exec(formula);
  if (!m) return null;
  const body = m[2];
  const args: FormulaArg[] = [];
  let i = 0;
  const skipWs = (): void => {
    while (i < body.length && /\s/.test(body[i])) i++;
  };
  skipWs();
  if (i >= body.length) return { name: m[1], args };
  for (;;) {
    skipWs();
    let arg: FormulaArg;
    if (body[i] === ',' || i >= body.length) arg = { kind: 'empty' };
    else if (body[i] === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= body.length) return null;
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += body[i++];
      }
      arg = { kind: 'literal', value: s };
    } else {
      const rest = body.slice(i);
      const tok = /^(?:'(?:[^']|'')+'!|[A-Za-z0-9_.]+!)?[^,\s)]+/.exec(rest);
      if (!tok) return null;
      const text = tok[0];
      i += text.length;
      if (/^(TRUE|FALSE)$/i.test(text)) arg = { kind: 'literal', value: text.toUpperCase() === 'TRUE' };
      else if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(text))
        arg = { kind: 'literal', value: Number(text) };
      else {
        const ref = parseA1(text);
        if (!ref) return null;
        arg = { kind: 'ref', ref, text };
      }
    }
    args.push(arg);
    skipWs();
    if (i >= body.length) break;
    if (body[i] !== ',') return null;
    i++;
  }
  return { name: m[1], args };
}
