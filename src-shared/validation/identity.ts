// Checks on what people type about people: e-mail addresses and social insurance numbers.
import { UserError } from '../errors.js';

// Pragmatic: one @, a dot in the domain, no spaces or control characters (which could
// otherwise smuggle a header into a message).
const EMAIL_PATTERN =
  // eslint-disable-next-line no-control-regex -- control characters are what we refuse
  /^[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]+@[^\s@<>()[\]\\,;:"\u0000-\u001f\u007f]+\.[a-z0-9-]{2,}$/i;

export function isValidEmail(value: string): boolean {
  return value.length <= 254 && EMAIL_PATTERN.test(value);
}

export function normalizeEmail(input: string): string {
  const value = input.trim();
  if (!isValidEmail(value)) throw new UserError('error.email.invalid', { email: input });
  return value;
}

/** Keeps the 9 digits of a SIN ("046 454 286" → "046454286"). */
export function normalizeSin(input: string): string {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d{9}$/.test(digits)) throw new UserError('error.sin.invalid', { value: maskSin(input) });
  return digits;
}

/** What a screen or a message may show of a SIN: the last three digits. */
export function maskSin(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length <= 3 ? '•••' : `••• ••• ${digits.slice(-3)}`;
}

/** The domain of an address, for Message-IDs ("<uuid@domain>"). */
export function domainOf(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}
