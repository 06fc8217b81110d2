// What Suivi des envois and `postier send status` say of a scheduled message: "Programmé :
// 2026-12-05 08:00" while it waits, "Programmé pour … — dépassé ; envoyer maintenant ou
// déplacer" once parked after a schedule missed by more than the limit (outbox/schedule.ts).
import type { OutboxMessage } from '../domain/outbox.js';
import { formatLocalDateTime } from '../domain/schedule.js';
import { translate, type Language } from '../i18n/catalog.js';

export function scheduleNote(
  message: Pick<OutboxMessage, 'scheduledAt' | 'status'>,
  language: Language,
): string | null {
  const { scheduledAt, status } = message;
  if (!scheduledAt) return null;
  const at = formatLocalDateTime(scheduledAt);
  if (status === 'blocked' && Date.parse(scheduledAt) <= Date.now())
    return translate(language, 'schedule.status.passed', { at });
  if (status === 'pending' || status === 'validated' || status === 'blocked')
    return translate(language, 'schedule.status.scheduled', { at });
  return null;
}
