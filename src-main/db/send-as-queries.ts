// The addresses each mail account may send as (mail_account_send_as), lower-cased.
import { writeTransaction, type Db } from './connection.js';

export async function listSendAs(db: Db, accountId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('mail_account_send_as')
    .select('address')
    .where('account_id', '=', accountId)
    .orderBy('address')
    .execute();
  return rows.map((r) => r.address);
}

/** Replaces the account's list in one transaction. */
export async function replaceSendAs(
  db: Db,
  accountId: number,
  addresses: readonly string[],
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    await tx.deleteFrom('mail_account_send_as').where('account_id', '=', accountId).execute();
    if (addresses.length === 0) return;
    await tx
      .insertInto('mail_account_send_as')
      .values(addresses.map((address) => ({ account_id: accountId, address })))
      .execute();
  });
}
