// Small text operations of the dialogs: inserting a template field where the caret is,
// reading the addresses a user typed.
import { isValidEmail } from '../../src-shared/validation/identity.js';

export function insertAtCaret(
  text: string,
  selectionStart: number,
  selectionEnd: number,
  insert: string,
): { text: string; caret: number } {
  const start = Math.max(0, Math.min(selectionStart, text.length));
  const end = Math.max(start, Math.min(selectionEnd, text.length));
  return { text: text.slice(0, start) + insert + text.slice(end), caret: start + insert.length };
}

/** "a@b.fr; c@d.fr, e" → valid and invalid addresses, each once, in the order typed. */
export function parseAddressList(typed: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  for (const part of typed.split(/[;,\s]+/)) {
    const address = part.trim();
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    (isValidEmail(address) ? valid : invalid).push(address);
  }
  return { valid, invalid };
}
