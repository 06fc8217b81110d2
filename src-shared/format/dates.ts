// Periods are "YYYY-MM" (a month) or "YYYY" (a year, for tax slips); dates are "YYYY-MM-DD".
import { UserError } from '../errors.js';
import { parseTypedPeriod } from './period-input.js';

const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2]))?$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A period as typed ("11/2026", "novembre 2026", "2026-11", "2026") as stored. */
export function parsePeriod(input: string): string {
  return parseTypedPeriod(input);
}

export function parseIsoDate(input: string): string {
  const value = input.trim();
  const match = DATE_PATTERN.exec(value);
  if (!match) throw new UserError('error.date.invalid', { value: input });
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new UserError('error.date.invalid', { value: input });
  }
  return value;
}

// Building an Intl formatter costs ~100 µs; PDFs and e-mails format thousands of dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

// A bulk send formats the same few periods thousands of times (one per message).
const periodTexts = new Map<string, string>();

/** "2026-10" → "octobre 2026" (fr) or "October 2026" (en); "2026" stays "2026". */
export function formatPeriod(period: string, locale: string): string {
  const key = `${locale}|${period}`;
  let text = periodTexts.get(key);
  if (text === undefined) {
    const match = PERIOD_PATTERN.exec(period);
    if (!match || !match[2]) return period;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
    text = dateFormat(locale, { month: 'long', year: 'numeric' }).format(date);
    if (periodTexts.size >= 1000) periodTexts.clear();
    periodTexts.set(key, text);
  }
  return text;
}

/** "2026-10-31" → "31 octobre 2026" (fr-CA, fr-FR) or "October 31, 2026" (en-CA). */
export function formatDate(isoDate: string, locale: string): string {
  const match = DATE_PATTERN.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return dateFormat(locale, { dateStyle: 'long' }).format(date);
}
