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
      // The later of the two, written for both databases (SQLite's max(a, b) is
      // PostgreSQL's greatest): a message not yet due (or never tried) waits until then.
      next_attempt_at: sql<string>`case when next_attempt_at > ${untilIso}
        then next_attempt_at else ${untilIso} end`,
      updated_at: nowIso,
      version: eb('version', '+', 1),
    }))
    .where('account_id', '=', accountId)
    .where('status', '=', 'validated')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
