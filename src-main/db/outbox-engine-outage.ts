// SQL of an account's pause while its server is out of order: its validated messages wait
// until the pause ends (their next attempt time, which every run already honours and which
// survives a restart), and none of them loses an attempt.
import { sql } from 'kysely';
import type { Db } from './connection.js';

/**
 * Puts off the account's validated messages until `untilIso` (one that already waits longer
 * keeps its own time); returns how many validated messages the account has.
 */
export async function postponeAccountMessages(
  db: Db,
  accountId: number,
  untilIso: string,
  nowIso: string,
): Promise<number> {
  const result = await db
    .updateTable('messages')
    .set((eb) => ({
      next_attempt_at: sql<string>`max(coalesce(next_attempt_at, ${untilIso}), ${untilIso})`,
      updated_at: nowIso,
      version: eb('version', '+', 1),
    }))
    .where('account_id', '=', accountId)
    .where('status', '=', 'validated')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
