// Amounts are whole cents everywhere; text only at the edges (input fields, PDFs, e-mails).
import { UserError } from '../errors.js';

const AMOUNT_PATTERN = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/;

/** Reads "1234.56", "1234,56" or "1 234,56" (French spacing) into cents. */
export function parseAmount(input: string): number {
  const compact = input.trim().replace(/[\s\u00a0\u202f]/g, '');
  const match = AMOUNT_PATTERN.exec(compact);
  if (!match) throw new UserError('error.amount.invalid', { value: input });
  const [, minus, units = '0', decimals = ''] = match;
  const cents = Number(units) * 100 + Number(decimals.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new UserError('error.amount.invalid', { value: input });
  return minus ? -cents : cents;
}

// Building an Intl formatter costs ~70 µs; a bulk send formats thousands of amounts.
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatMoney(cents: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    moneyFormats.set(key, format);
  }
  return format.format(cents / 100);
}
