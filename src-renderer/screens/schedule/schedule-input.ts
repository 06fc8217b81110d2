// A sending time typed in two boxes, the date as the whole window writes dates (AAAA-MM-JJ)
// and the hour HH:MM, read in this computer's time (src-shared/domain/schedule.ts); and how
// the bulk send's button says it ("le 5 déc. à 08:00"). The core checks it again.
import { useState } from 'react';
import { formatLocalDateTime, parseLocalDateTime } from '../../../src-shared/domain/schedule.js';
import type { MessageKey } from '../../../src-shared/i18n/catalog.js';

export interface ScheduleInput {
  date: string;
  time: string;
  setDate(value: string): void;
  setTime(value: string): void;
  /** The moment typed (UTC ISO), or null while it is not one. */
  iso: string | null;
  /** What is wrong with what is typed, once both boxes hold something. */
  problem: { key: MessageKey; params: Record<string, string> } | null;
}

/** Tomorrow at 08:00: what the boxes hold when first shown. */
function tomorrowAtEight(): { date: string; time: string } {
  const now = new Date();
  const text = formatLocalDateTime(
    new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 8, 0),
  );
  const [date, time] = text.split(' ') as [string, string];
  return { date, time };
}

export function useScheduleInput(): ScheduleInput {
  const [start] = useState(tomorrowAtEight);
  const [date, setDate] = useState(start.date);
  const [time, setTime] = useState(start.time);
  const at = parseLocalDateTime(`${date.trim()} ${time.trim()}`);
  let problem: ScheduleInput['problem'] = null;
  if (!at) problem = { key: 'ui.schedule.problem.malformed', params: {} };
  else if (at.getTime() <= Date.now())
    problem = { key: 'ui.schedule.problem.past', params: { at: formatLocalDateTime(at) } };
  return {
    date,
    time,
    setDate,
    setTime,
    iso: at && !problem ? at.toISOString() : null,
    problem,
  };
}

/** "5 déc. à 08:00" / "Dec 5 at 08:00", in the screen's language. */
export function scheduleWhen(
  iso: string,
  locale: string,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }).format(date);
  const time = formatLocalDateTime(date).slice(11);
  return t('ui.schedule.when', { day, time });
}
