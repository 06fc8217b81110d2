// pdfkit's built-in fonts (Helvetica...) only encode WinAnsi (Windows-1252); any other character
// comes out as unrelated glyphs, so text is folded into that set before it is drawn.

/** The characters WinAnsi places in 0x80–0x9F, on top of ASCII and Latin-1 (0xA0–0xFF). */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Spaces that must not break a line (Intl puts U+202F inside French amounts). */
const NO_BREAK_SPACES = /[\u2007\u202f\u2060\ufeff]/g;
const OTHER_SPACES = /[\u2000-\u200a\u205f\u3000]/g;
const HYPHENS = /[\u2010\u2011\u2212]/g;
const COMBINING_MARKS = /\p{M}/gu;
const INVISIBLE = /^[\p{Cc}\p{Cf}]$/u;

function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRAS.has(char)
  );
}

/** Keeps the base letter of a character WinAnsi lacks ("ő" → "o"); "?" when there is none. */
function fold(char: string): string {
  if (isWinAnsi(char)) return char;
  if (INVISIBLE.test(char)) return '';
  const base = char.normalize('NFD').replace(COMBINING_MARKS, '');
  return base.length > 0 && [...base].every(isWinAnsi) ? base : '?';
}

/** Printable ASCII and Latin-1: most text, which needs no folding. */
const PLAIN = /^[\x20-\x7e\xa0-\xff]*$/;

/** Text as the standard fonts can draw it: one line, WinAnsi only. */
export function toWinAnsi(text: string): string {
  if (PLAIN.test(text)) return text;
  const spaced = text
    .normalize('NFC')
    .replace(NO_BREAK_SPACES, '\u00a0')
    .replace(OTHER_SPACES, ' ')
    .replace(HYPHENS, '-')
    .replace(/[\t\r\n]+/g, ' ');
  return Array.from(spaced, fold).join('');
}
