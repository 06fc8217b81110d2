// SQL of scheduled sends (migration 0006): the messages whose schedule passed too long ago
// (parked for the user's decision), and moving a batch's or a few messages' time. A message
// waits through next_attempt_at like a retry; scheduled_at keeps the time the user chose.
import type { Db } from './connection.js';

export interface ScheduledRow {
  id: number;
  document_id: number;
  scheduled_at: string | null;
}

/** Validated messages never tried whose schedule is older than `beforeIso`. */
export function passedSchedules(db: Db, beforeIso: string): Promise<ScheduledRow[]> {
  return db
    .selectFrom('messages')
    .select(['id', 'document_id', 'scheduled_at'])
    .where('status', '=', 'validated')
    .where('scheduled_at', 'is not', null)
    .where('scheduled_at', '<', beforeIso)
    .where('attempts', '=', 0)
    .orderBy('id')
    .execute();
}

/** Parks them: blocked with the reason, their schedule kept for the screen to say it. */
export async function parkMessages(
  db: Db,
  ids: readonly number[],
  reason: string,
  nowIso: string,
): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable('messages')
    .set((eb) => ({
      status: 'blocked',
      last_error: reason,
      updated_at: nowIso,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', [...ids])
    .where('status', '=', 'validated')
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The messages a new time applies to: not yet taken (pending, validated) or parked after a
 * passed schedule (blocked with a schedule), of a batch or chosen by id.
 */
export function reschedulable(
  db: Db,
  target: { batchId: number } | { messageIds: readonly number[] },
): Promise<(ScheduledRow & { status: string; version: number })[]> {
  let query = db
    .selectFrom('messages')
    .select(['id', 'document_id', 'scheduled_at', 'status', 'version'])
    .where((eb) =>
      eb.or([
        eb('status', 'in', ['pending', 'validated']),
        eb.and([eb('status', '=', 'blocked'), eb('scheduled_at', 'is not', null)]),
      ]),
    );
  query =
    'batchId' in target
      ? query.where('batch_id', '=', target.batchId)
      : query.where('id', 'in', target.messageIds.length > 0 ? [...target.messageIds] : [-1]);
  return query.orderBy('id').execute();
}

/**
 * Gives a message its new time (null: now, without a schedule). A parked one goes back to
 * validated; a pending one stays pending. False when it changed meanwhile.
 */
export async function setSchedule(
  db: Db,
  row: { id: number; status: string; version: number },
  at: string | null,
  nowIso: string,
): Promise<boolean> {
  const status = row.status === 'blocked' ? 'validated' : row.status;
  const result = await db
    .updateTable('messages')
    .set({
      status,
      scheduled_at: at,
      next_attempt_at: at,
      ...(row.status === 'blocked' && { last_error: null, validated_at: nowIso }),
      updated_at: nowIso,
      version: row.version + 1,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('status', '=', row.status)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
