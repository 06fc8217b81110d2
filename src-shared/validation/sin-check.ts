// The check digit of a Canadian social insurance number (Luhn, "mod 10"): a typing mistake
// in one digit, or two digits swapped, fails it. A SIN that fails is warned about, never
// refused: the office may hold a number from a paper form that it must keep as written.
// Six lines of arithmetic, written here rather than taken from a package: the window, the
// CLI and the imports all call it, and it never needs updating.

/** True when the nine digits pass the SIN check digit; false for anything else. */
export function sinCheckDigitValid(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const digit = Number(digits[i]);
    // Every second digit doubled; a two-digit result counts as the sum of its digits.
    const weighted = i % 2 === 1 ? digit * 2 : digit;
    sum += weighted > 9 ? weighted - 9 : weighted;
  }
  return sum % 10 === 0;
}

/**
 * Whether to warn about what was typed: nine digits that fail the check digit. Fewer or more
 * digits are the "9 digits" error's business, not a warning.
 */
export function sinNeedsWarning(value: string | null | undefined): boolean {
  if (!value) return false;
  const digits = value.replace(/[\s-]/g, '');
  return /^\d{9}$/.test(digits) && !sinCheckDigitValid(digits);
}
