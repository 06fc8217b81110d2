// An account outside its sending window (accounts/sending-window.ts): its messages are due at
// the next opening, none is taken before; the run says so ("Hors de la plage d'envoi —
// reprise lundi 08:00") and goes on with other accounts, or ends.
import type { RunSummary } from '../../src-shared/domain/outbox.js';
import {
  formatMinutes,
  formatSendingWindow,
  nextWindowOpening,
  windowIsOpen,
} from '../../src-shared/domain/schedule.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import type { Db } from '../db/connection.js';
import { queueCounts } from '../db/outbox-engine-queue.js';
import type { AccountRun } from './account-run.js';

/** Null when the account may send at `now`; else why it waits, said in the run's language. */
export async function outsideWindow(
  db: Db,
  account: AccountRun,
  now: number,
  language: Language,
): Promise<NonNullable<RunSummary['stoppedBy']> | null> {
  const window = account.window;
  if (!window || windowIsOpen(window, now)) return null;
  const opening = nextWindowOpening(window, now);
  const { due } = await queueCounts(db, new Date(now).toISOString());
  const code = 'schedule.outsideWindow';
  const message = translate(language, code, {
    account: account.label,
    window: formatSendingWindow(window, language),
    at: resumeText(opening, now, language),
    remaining: due,
  });
  return { code, message };
}

/** "lundi 08:00", or with the date when it is more than a week away (never, in practice). */
function resumeText(at: number, now: number, language: Language): string {
  const date = new Date(at);
  const day = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    weekday: 'long',
  }).format(date);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const time = formatMinutes(date.getHours() * 60 + date.getMinutes());
  const dayText = sameDay ? (language === 'fr' ? 'aujourd’hui' : 'today') : day;
  return translate(language, 'schedule.resumeAt', { day: dayText, time });
}
