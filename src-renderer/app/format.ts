// Dates, times and amounts as the screens show them.
import { formatMoney } from '../../src-shared/format/money.js';

export function localeOf(language: 'fr' | 'en'): string {
  return language === 'fr' ? 'fr-CA' : 'en-CA';
}

/** "2026-11-03 14:05" from an ISO timestamp, in the workstation's time zone. */
export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'short',
    hour12: false,
  }).format(date);
}

/** A date stored as YYYY-MM-DD, shown as is (it is already the office's date). */
export function formatDay(isoDate: string | null, locale: string): string {
  if (!isoDate) return '';
  const [y, m, d] = isoDate.split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

export function formatAmount(cents: number, currency: string, locale: string): string {
  return formatMoney(cents, currency, locale);
}

export function formatBytes(bytes: number, locale: string): string {
  const french = locale.startsWith('fr');
  if (bytes < 1024) return `${bytes} ${french ? 'o' : 'B'}`;
  const units = french ? ['Ko', 'Mo', 'Go'] : ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${units[unit]}`;
}
