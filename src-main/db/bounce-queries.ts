// SQL for bounces: finding our messages by the Message-ID a bounce quotes, and marking one
// failed with the reason. Only a message the server accepted (sent, or uncertain: it may have
// gone) can come back; anything else is left as it is.
import type { Db } from './connection.js';

export const BOUNCEABLE_STATUSES = ['sent', 'uncertain'] as const;

export function findMessagesByHeaderIds(db: Db, headerIds: readonly string[]) {
  if (headerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('messages')
    .select([
      'id',
      'document_id',
      'account_id',
      'status',
      'version',
      'message_id_header',
      'to_addresses',
      'cc_addresses',
      'bcc_addresses',
    ])
    .where('message_id_header', 'in', [...new Set(headerIds)])
    .execute();
}

export type BouncedMessageRow = Awaited<ReturnType<typeof findMessagesByHeaderIds>>[number];

/** sent/uncertain → failed, if the message is still as read; false when it changed since. */
export async function markMessageBounced(
  db: Db,
  row: Pick<BouncedMessageRow, 'id' | 'version' | 'status'>,
  values: { error: string; reply: string | null; nowIso: string },
): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({
      status: 'failed',
      last_error: values.error,
      last_reply: values.reply,
      next_attempt_at: null,
      sending_by: null,
      updated_at: values.nowIso,
      version: row.version + 1,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .where('status', 'in', [...BOUNCEABLE_STATUSES])
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
