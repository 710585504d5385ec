/**
 * Text safety for cells. `Range.setValues` parses strings like typed input: `=…` becomes a live formula
 * (formula injection), `00123` a number, `2024-01-02` a date, `TRUE` a boolean — the USER_ENTERED rules of
 * https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption. A leading apostrophe is the
 * spreadsheet convention for "store what follows as text" and is not part of the stored value; a plain-text
 * number format alone is not proven to stop `=`. Checked live by docs/LIVE-CHECK.md (step "nasty names").
 * Sheets also caps a cell at 50,000 characters.
 */

/** Sheets' limit on the characters of one cell. */
export const CELL_LIMIT = 50_000;

/** Cuts text longer than a cell can hold, ending it with an ellipsis. */
export function fitCell(text: string): string {
  if (text.length <= CELL_LIMIT) return text;
  let end = CELL_LIMIT - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // never cut a surrogate pair (an emoji) in half
  return `${text.slice(0, end)}…`;
}

/** The input to write so the cell stores `text` exactly, as text (fitted to the cell limit first). */
export function asTypedText(text: string): string {
  return text === '' ? '' : `'${fitCell(text)}`;
}
