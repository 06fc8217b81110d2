// What Suivi des envois and `postier send status` say of a scheduled message: "Programmé :
// 2026-12-05 08:00" while it waits, "Programmé pour … — dépassé ; envoyer maintenant ou
// déplacer" once parked after a schedule missed by more than the limit (outbox/schedule.ts).
import type { OutboxMessage } from '../domain/outbox.js';
import { formatLocalDateTime } from '../domain/schedule.js';
import { translate, type Language } from '../i18n/catalog.js';

/** Whether a message waits for its time ("waiting"), missed it ("passed"), or neither. */
export function scheduleState(
  message: Pick<OutboxMessage, 'scheduledAt' | 'status'>,
): 'waiting' | 'passed' | null {
  const { scheduledAt, status } = message;
  if (!scheduledAt) return null;
  if (status === 'blocked' && Date.parse(scheduledAt) <= Date.now()) return 'passed';
  if (status === 'pending' || status === 'validated' || status === 'blocked') return 'waiting';
  return null;
}

export function scheduleNote(
  message: Pick<OutboxMessage, 'scheduledAt' | 'status'>,
  language: Language,
): string | null {
  const state = scheduleState(message);
  if (!state) return null;
  const at = formatLocalDateTime(message.scheduledAt!);
  return translate(
    language,
    state === 'passed' ? 'schedule.status.passed' : 'schedule.status.scheduled',
    { at },
  );
}
