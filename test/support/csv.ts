/**
 * A strict RFC 4180 reader for the tests of the local export: fields separated by `sep` (`,` by default, or `;`),
 * every row ending in CRLF, quotes doubled inside quoted fields, no quote inside an unquoted field. Anything else
 * throws, so a test that reads a file back also proves it well-formed.
 */
export function parseCsv(text: string, sep = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] !== '"') field += text[i++];
        else if (text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else {
          i++;
          break;
        }
      }
    } else {
      while (i < text.length && text[i] !== sep && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === sep) i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected ${sep} or CRLF at ${i}`);
  }
  if (row.length > 0) throw new Error('last row does not end in CRLF');
  return rows;
}
