// Scheduled sends and an account's sending window (issue 17, point 2), as pure rules: the time
// a user types ("2026-12-05 08:00", in the workstation's local time, or ISO with its offset),
// the window typed as "lun-ven 08:00-18:00" (or "mon-fri 08:00-18:00"), whether a window is
// open at a moment and when it opens next. Local time is the runtime's (the workstation's).

/** Days of the week as Date.getDay() counts them: 0 is Sunday. */
const DAY_WORDS: Record<string, number> = {
  dim: 0,
  lun: 1,
  mar: 2,
  mer: 3,
  jeu: 4,
  ven: 5,
  sam: 6,
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};

/** Outside it nothing leaves the account. Minutes from local midnight; `to` > `from`. */
export interface SendingWindow {
  /** Days it opens on, 0 (Sunday) to 6, sorted. */
  days: number[];
  from: number;
  to: number;
}

/** The passed-schedule limit: hours after which a missed schedule waits for a decision. */
export const SCHEDULE_LIMIT_DEFAULT_HOURS = 24;
export const SCHEDULE_LIMIT_MAX_HOURS = 24 * 365;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A moment typed by the user: "AAAA-MM-JJ HH:MM" (or with a T, with seconds) in local time,
 * or ISO with Z / an offset. Null when it is not one (a wrong day or hour included).
 */
export function parseLocalDateTime(text: string): Date | null {
  const value = text.trim();
  const local = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (local) {
    const [y, m, d, h, mi, s] = local.slice(1).map((part) => Number(part ?? 0)) as number[];
    const date = new Date(y!, m! - 1, d!, h!, mi!, s!);
    const same =
      date.getFullYear() === y &&
      date.getMonth() === m! - 1 &&
      date.getDate() === d &&
      date.getHours() === h &&
      date.getMinutes() === mi;
    return same ? date : null;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value))
    return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** "2026-12-05 08:00" in local time: how the window and the CLI show a scheduled time. */
export function formatLocalDateTime(at: Date | number | string): string {
  const date = new Date(at);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(
    date.getHours(),
  )}:${pad(date.getMinutes())}`;
}

/** "08:00" from minutes after midnight. */
export function formatMinutes(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

function parseClock(text: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (m > 59 || h > 24 || (h === 24 && m > 0)) return null;
  return h * 60 + m;
}

/** A day's word ("lun", "lundi", "mon."), or undefined. */
function dayNumber(word: string): number | undefined {
  const key = word.replace(/\.$/, '');
  return Object.hasOwn(DAY_WORDS, key) ? DAY_WORDS[key] : undefined;
}

function parseDays(text: string): number[] | null {
  const days = new Set<number>();
  const word = text.toLowerCase();
  if (['tous', 'all', '*'].includes(word)) return [0, 1, 2, 3, 4, 5, 6];
  for (const part of word.split(',')) {
    const [first, last, ...rest] = part.split('-');
    const a = dayNumber(first ?? '');
    const b = last === undefined ? a : dayNumber(last);
    if (a === undefined || b === undefined || rest.length > 0) return null;
    // A range may go round the week end: "sam-lun".
    for (let d = a; ; d = (d + 1) % 7) {
      days.add(d);
      if (d === b) break;
    }
  }
  return [...days].sort((x, y) => x - y);
}

/**
 * "lun-ven 08:00-18:00", "mon,wed,fri 9:00-17:30", "tous 07:00-20:00". Null when it is not
 * one (the caller says what is expected).
 */
export function parseSendingWindow(text: string): SendingWindow | null {
  const match = /^\s*(\S+)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(text);
  if (!match) return null;
  const days = parseDays(match[1]!);
  const from = parseClock(match[2]!);
  const to = parseClock(match[3]!);
  if (!days || days.length === 0 || from === null || to === null || to <= from) return null;
  return { days, from, to };
}

/** The window as the French CLI takes it back: "lun-ven 08:00-18:00". */
export function formatSendingWindow(window: SendingWindow, language: 'fr' | 'en'): string {
  const names =
    language === 'fr'
      ? ['dim', 'lun', 'mar', 'mer', 'jeu', 'ven', 'sam']
      : ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
  const { days } = window;
  const contiguous = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  const dayText =
    days.length === 7
      ? language === 'fr'
        ? 'tous'
        : 'all'
      : contiguous && days.length > 2
        ? `${names[days[0]!]}-${names[days[days.length - 1]!]}`
        : days.map((d) => names[d]).join(',');
  return `${dayText} ${formatMinutes(window.from)}-${formatMinutes(window.to)}`;
}

/** Whether the window is open at `at` (local time). */
export function windowIsOpen(window: SendingWindow, at: number): boolean {
  const date = new Date(at);
  const minutes = date.getHours() * 60 + date.getMinutes();
  return window.days.includes(date.getDay()) && minutes >= window.from && minutes < window.to;
}

/** When the window opens next after `at` (`at` itself when open). */
export function nextWindowOpening(window: SendingWindow, at: number): number {
  if (windowIsOpen(window, at)) return at;
  const start = new Date(at);
  for (let d = 0; d <= 7; d++) {
    const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + d);
    if (!window.days.includes(day.getDay())) continue;
    const opening = new Date(
      day.getFullYear(),
      day.getMonth(),
      day.getDate(),
      Math.floor(window.from / 60),
      window.from % 60,
    ).getTime();
    if (opening > at) return opening;
  }
  return at;
}
