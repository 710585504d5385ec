/**
 * A reader of .xlsx files for the tests, written from the format's specification (ECMA-376) independently of the
 * library that writes them: the first sheet's cells with their type, style and text; the styles' number formats
 * and bold fonts; the frozen pane.
 */
import { strFromU8, unzipSync } from 'fflate';

/** ST_Xstring decoding (ECMA-376 Part 1, §22.4.2.4): _xHHHH_ is that character. Written independently. */
export function decodeXstring(text: string): string {
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e]) return named[e];
    return String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });
}

export interface XlsxCell {
  ref: string;
  type: string;
  style: number;
  text: string;
  formula: boolean;
}

/** Reads a workbook the way a spreadsheet program does: the first sheet's cells, shared strings, styles, panes. */
export function readXlsx(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const file = (name: string) => strFromU8(files[name]);
  const shared = [...file('xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    [...m[1].matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)]
      .map((t) => decodeXstring(unescapeXml(t[1])))
      .join(''),
  );
  const sheet = file('xl/worksheets/sheet1.xml');
  const cells: XlsxCell[] = [...sheet.matchAll(/<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => {
    const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(m[1])?.[1] ?? '';
    const body = m[2] ?? '';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '';
    const type = attr('t') || 'n';
    return {
      ref: attr('r'),
      type,
      style: Number(attr('s') || 0),
      text: type === 's' ? shared[Number(v)] : unescapeXml(v),
      formula: /<f[\s>]/.test(body),
    };
  });
  const styles = file('xl/styles.xml');
  const formats = new Map(
    [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [Number(m[1]), m[2]]),
  );
  const fonts = [...styles.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1].includes('<b/>'));
  const xfs = [
    ...(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(/<xf\s*([^>]*)>/g),
  ].map((m) => {
    const numFmtId = Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    return {
      text: numFmtId === 49 || formats.get(numFmtId) === '@',
      bold: fonts[Number(/fontId="(\d+)"/.exec(m[1])?.[1] ?? 0)] ?? false,
    };
  });
  const pane = /<pane\s([^>]*)\/>/.exec(sheet)?.[1] ?? '';
  return { cells, xfs, pane, sheetName: /<sheet\s[^>]*name="([^"]*)"/.exec(file('xl/workbook.xml'))?.[1] };
}

/** The cells of one row (1-based), by column letter. */
export function rowOf(cells: XlsxCell[], row: number): XlsxCell[] {
  return cells.filter((c) => Number(c.ref.replace(/^[A-Z]+/, '')) === row);
}
