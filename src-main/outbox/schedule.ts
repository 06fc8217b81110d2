// Scheduled sends (issue 17, point 2): the time a batch may leave, checked the same at every
// door (the bulk dialog, `send prepare --not-before`, `send reschedule`); a batch moved to
// another time or sent now; and the limit after which a schedule that passed while nothing
// ran (the PC was off) is no longer sent by itself: its messages are parked (blocked, their
// schedule kept) for the user to send now or move. Shared by every workstation (settings).
import {
  formatLocalDateTime,
  parseLocalDateTime,
  SCHEDULE_LIMIT_DEFAULT_HOURS,
  SCHEDULE_LIMIT_MAX_HOURS,
} from '../../src-shared/domain/schedule.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import type { Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as q from '../db/schedule-queries.js';
import { appendJournalEvents } from '../db/send-journal-queries.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';

export const SCHEDULE_LIMIT_SETTING = 'outbox.scheduleLimitHours';

/**
 * The time typed by the user ("2026-12-05 08:00" local, or ISO) as stored (UTC ISO). A
 * malformed one, or one already past, is refused with what to type.
 */
export function resolveNotBefore(text: string, now: number = Date.now()): string {
  const at = parseLocalDateTime(text);
  if (!at) throw new UserError('schedule.error.malformed', { value: text.trim().slice(0, 40) });
  if (at.getTime() <= now)
    throw new UserError('schedule.error.past', {
      value: formatLocalDateTime(at),
      now: formatLocalDateTime(now),
    });
  return at.toISOString();
}

/** Hours after which a passed schedule waits for a decision (default 24). */
export async function readScheduleLimitHours(db: Db): Promise<number> {
  const stored = await readSetting<unknown>(
    db,
    SCHEDULE_LIMIT_SETTING,
    SCHEDULE_LIMIT_DEFAULT_HOURS,
  );
  return isValidHours(stored) ? stored : SCHEDULE_LIMIT_DEFAULT_HOURS;
}

/** Saves the limit, as a number (the window) or as typed (the CLI); a UserError names the bounds. */
export async function writeScheduleLimitHours(db: Db, hours: number | string): Promise<number> {
  const value = typeof hours === 'string' && /^\s*\d{1,5}\s*$/.test(hours) ? Number(hours) : hours;
  if (!isValidHours(value))
    throw new UserError('schedule.error.limit', {
      value: String(hours).trim().slice(0, 40),
      max: SCHEDULE_LIMIT_MAX_HOURS,
    });
  await writeSetting(db, SCHEDULE_LIMIT_SETTING, value);
  return value;
}

function isValidHours(value: unknown): value is number {
  return (
    Number.isInteger(value) &&
    (value as number) >= 1 &&
    (value as number) <= SCHEDULE_LIMIT_MAX_HOURS
  );
}

/**
 * At the start of a run: the validated messages whose schedule is older than the limit are
 * parked (blocked, with why, in the journal), not sent. Returns how many.
 */
export async function parkPassedSchedules(db: Db, now: number, actor: Actor): Promise<number> {
  const hours = await readScheduleLimitHours(db);
  const before = new Date(now - hours * 3_600_000).toISOString();
  const passed = await q.passedSchedules(db, before);
  if (passed.length === 0) return 0;
  const nowIso = new Date(now).toISOString();
  return writeTransaction(db, async (tx) => {
    const byId = new Map(passed.map((p) => [p.id, p]));
    // One reason per time: a batch shares one schedule.
    const parked: number[] = [];
    for (const [at, ids] of groupByTime(passed)) {
      const reason = translate('fr', 'schedule.journal.passed', { at, hours });
      parked.push(...(await q.parkMessages(tx, ids, reason, nowIso)));
    }
    await appendJournalEvents(
      tx,
      parked.map((id) => ({
        event: 'blocked' as const,
        actor,
        messageId: id,
        documentId: byId.get(id)!.document_id,
        detail: translate('fr', 'schedule.journal.passed', {
          at: formatLocalDateTime(byId.get(id)!.scheduled_at!),
          hours,
        }),
      })),
    );
    return parked.length;
  });
}

function groupByTime(rows: readonly q.ScheduledRow[]): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const at = formatLocalDateTime(row.scheduled_at!);
    groups.set(at, [...(groups.get(at) ?? []), row.id]);
  }
  return groups;
}

export type RescheduleTarget = { batchId: number } | { messageIds: readonly number[] };

export interface RescheduleOutcome {
  /** Messages given the new time. */
  changed: number[];
  /** The new time (UTC ISO), null: sent now. */
  at: string | null;
}

/**
 * Moves a batch (or chosen messages) to another time, or to now (`notBefore` null): the
 * messages not taken yet and those parked after a passed schedule. Nothing to move is said.
 */
export async function reschedule(
  db: Db,
  target: RescheduleTarget,
  notBefore: string | null,
  actor: Actor,
  now: number = Date.now(),
): Promise<RescheduleOutcome> {
  const at = notBefore === null ? null : resolveNotBefore(notBefore, now);
  const nowIso = new Date(now).toISOString();
  const changed = await writeTransaction(db, async (tx) => {
    const rows = await q.reschedulable(tx, target);
    const done: q.ScheduledRow[] = [];
    for (const row of rows) if (await q.setSchedule(tx, row, at, nowIso)) done.push(row);
    const detail =
      at === null
        ? translate('fr', 'schedule.journal.now')
        : translate('fr', 'schedule.journal.moved', { at: formatLocalDateTime(at) });
    await appendJournalEvents(
      tx,
      done.map((row) => ({
        event: 'rescheduled' as const,
        actor,
        messageId: row.id,
        documentId: row.document_id,
        detail,
      })),
    );
    return done.map((row) => row.id);
  });
  if (changed.length === 0) {
    throw new UserError(
      'batchId' in target ? 'schedule.error.nothingInBatch' : 'schedule.error.nothingChosen',
      'batchId' in target ? { batch: target.batchId } : {},
    );
  }
  return { changed, at };
}
