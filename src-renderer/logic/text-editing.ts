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

/** A text box's selection, as an input or a text area gives it. */
interface Selected {
  selectionStart: number | null;
  selectionEnd: number | null;
}

/**
 * `before` and `after` put around the box's selected text (or at its caret; at the end with
 * no box yet), the caret after them.
 */
export function wrapSelection(
  text: string,
  box: Selected | null,
  before: string,
  after = '',
): { text: string; caret: number } {
  const start = box?.selectionStart ?? text.length;
  const end = box?.selectionEnd ?? text.length;
  const selected = text.slice(start, end);
  return insertAtCaret(text, start, end, `${before}${selected}${after}`);
}

/** Once the new text is drawn: the box focused, its caret at `caret`. */
export function caretBack(box: HTMLInputElement | HTMLTextAreaElement | null, caret: number) {
  requestAnimationFrame(() => {
    box?.focus();
    box?.setSelectionRange(caret, caret);
  });
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
