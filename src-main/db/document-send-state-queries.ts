// A document's send state read from its messages: the grouped statuses of its messages (and
// whether each still carries the document to its addresses), handed to documentSendState,
// the one rule shared by every screen, the CLI and the exports. documents.email_state keeps
// the result for filtering and is refreshed in the transaction that changed the messages.
import { sql } from 'kysely';
import {
  documentSendState,
  type DocumentSendState,
  type MessageOfDocument,
} from '../../src-shared/domain/document-send-state.js';
import type { DocumentEmailState, MessageStatus } from '../../src-shared/domain/statuses.js';
import type { Db } from './connection.js';
import { inSlices, nowSql } from './shared-sql.js';

/** Ids per `in (...)` list (see inSlices). */
const IN_LIST_SLICE = 500;

/** Each document's send state; a document without messages reads as not sent. */
export async function readDocumentSendStates(
  db: Db,
  documentIds: readonly number[],
): Promise<Map<number, DocumentSendState>> {
  const unique = [...new Set(documentIds)];
  const messages = new Map<number, MessageOfDocument[]>(unique.map((id) => [id, []]));
  await inSlices(unique, IN_LIST_SLICE, async (slice) => {
    const rows = await db
      .selectFrom('messages as m')
      .select([
        'm.document_id',
        'm.status',
        // 1 or 0 on both databases (PostgreSQL's exists is a boolean).
        sql<number>`case when exists (select 1 from message_addresses a where a.message_id = m.id) then 1 else 0 end`.as(
          'counts',
        ),
        sql<number>`count(*)`.as('n'),
      ])
      .where('m.document_id', 'in', slice)
      .groupBy(['m.document_id', 'm.status', 'counts'])
      .execute();
    for (const row of rows) {
      messages.get(row.document_id)?.push({
        status: row.status as MessageStatus,
        counts: row.counts === 1,
        n: Number(row.n),
      });
    }
  });
  return new Map([...messages].map(([id, list]) => [id, documentSendState(list)]));
}

/**
 * Writes documents.email_state from documentSendState. last_sent_at is the latest send ever,
 * reset or not: the journal shows when it last went. Call it in the transaction that changed
 * the messages.
 */
export async function refreshDocumentEmailStates(
  db: Db,
  documentIds: readonly number[],
): Promise<void> {
  const byState = new Map<DocumentEmailState, number[]>();
  for (const [id, send] of await readDocumentSendStates(db, documentIds)) {
    const ids = byState.get(send.state) ?? [];
    if (ids.length === 0) byState.set(send.state, ids);
    ids.push(id);
  }
  for (const [state, ids] of byState) {
    await inSlices(ids, IN_LIST_SLICE, async (slice) => {
      await db
        .updateTable('documents')
        .set({
          email_state: state,
          last_sent_at: sql<string | null>`coalesce(
            (select max(m.sent_at) from messages m where m.document_id = documents.id and m.status = 'sent'),
            last_sent_at)`,
          updated_at: nowSql,
        })
        .where('id', 'in', slice)
        .execute();
    });
  }
}
