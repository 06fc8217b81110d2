// SQL the pacing is rebuilt from when a run starts: when the account's last attempts ended
// and how many messages it sent today, so that stopping and restarting never lets a burst
// through.
import type { Db } from './connection.js';

/** When the account's last attempts ended (newest first): the pacing survives a restart. */
export async function recentAttemptEnds(
  db: Db,
  accountId: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('send_journal as j')
    .innerJoin('messages as m', 'm.id', 'j.message_id')
    .select('j.at')
    .where('m.account_id', '=', accountId)
    .where('j.event', 'in', ['sent', 'retry_scheduled', 'failed'])
    .orderBy('j.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.at);
}

export async function countSentSince(db: Db, accountId: number, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('sent_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
