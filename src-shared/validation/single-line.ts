// Text that ends up in a mail header (names, subjects, file names) or in a one-line setting:
// a line break or another control character there could end the header and start another.

// eslint-disable-next-line no-control-regex -- control characters are what we look for
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g;

/** Whether a text holds a line break or another character that could end a header. */
export function hasControlCharacters(text: string): boolean {
  return text.search(CONTROL_CHARACTERS) >= 0;
}

/** Control characters and Unicode line separators become spaces: one line, no header. */
export function singleLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(/ {2,}/g, ' ').trim();
}
