// The times and sending windows a user types (src-shared/domain/schedule.ts), in the
// workstation's local time.
import { describe, expect, it } from 'vitest';
import {
  formatLocalDateTime,
  formatSendingWindow,
  nextWindowOpening,
  parseLocalDateTime,
  parseSendingWindow,
  windowIsOpen,
} from '../../src-shared/domain/schedule.js';

const local = (y: number, m: number, d: number, h = 0, mi = 0) =>
  new Date(y, m - 1, d, h, mi).getTime();

describe('a sending time as typed', () => {
  it('reads "AAAA-MM-JJ HH:MM" as local time, and ISO with its offset', () => {
    expect(parseLocalDateTime('2026-12-05 08:00')?.getTime()).toBe(local(2026, 12, 5, 8, 0));
    expect(parseLocalDateTime(' 2026-12-05T8:30 ')?.getTime()).toBe(local(2026, 12, 5, 8, 30));
    expect(parseLocalDateTime('2026-12-05T13:00:00.000Z')?.toISOString()).toBe(
      '2026-12-05T13:00:00.000Z',
    );
    expect(formatLocalDateTime(local(2026, 12, 5, 8, 0))).toBe('2026-12-05 08:00');
  });

  it('refuses a day or an hour that does not exist, and other words', () => {
    for (const typed of [
      '2026-02-30 08:00',
      '2026-13-01 08:00',
      '2026-12-05 25:00',
      'demain',
      '2026-12-05',
    ])
      expect(parseLocalDateTime(typed), typed).toBeNull();
  });
});

describe('a sending window', () => {
  const weekdays = parseSendingWindow('lun-ven 08:00-18:00')!;

  it('reads French and English days, ranges and lists', () => {
    expect(weekdays).toEqual({ days: [1, 2, 3, 4, 5], from: 480, to: 1080 });
    expect(parseSendingWindow('mon,wed,fri 9:00-17:30')).toEqual({
      days: [1, 3, 5],
      from: 540,
      to: 1050,
    });
    expect(parseSendingWindow('sam-lun 10:00-12:00')?.days).toEqual([0, 1, 6]);
    expect(parseSendingWindow('tous 00:00-24:00')?.days).toHaveLength(7);
    expect(formatSendingWindow(weekdays, 'fr')).toBe('lun-ven 08:00-18:00');
    expect(formatSendingWindow(weekdays, 'en')).toBe('mon-fri 08:00-18:00');
  });

  it('refuses a window that ends before it starts, or days it does not know', () => {
    expect(parseSendingWindow('lun-ven 18:00-08:00')).toBeNull();
    expect(parseSendingWindow('lundi-vendredo 08:00-18:00')).toBeNull();
    expect(parseSendingWindow('08:00-18:00')).toBeNull();
    expect(parseSendingWindow('constructor 08:00-18:00')).toBeNull();
  });

  it('is open inside its hours on its days; closed, it opens next at its first hour', () => {
    // 2026-12-04 is a Friday.
    expect(windowIsOpen(weekdays, local(2026, 12, 4, 17, 59))).toBe(true);
    expect(windowIsOpen(weekdays, local(2026, 12, 4, 18, 0))).toBe(false);
    expect(nextWindowOpening(weekdays, local(2026, 12, 4, 18, 30))).toBe(local(2026, 12, 7, 8, 0));
    expect(nextWindowOpening(weekdays, local(2026, 12, 7, 6, 0))).toBe(local(2026, 12, 7, 8, 0));
    const now = local(2026, 12, 8, 10, 0);
    expect(nextWindowOpening(weekdays, now)).toBe(now);
  });
});
