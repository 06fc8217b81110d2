// The send journal: append-only, one row per event, exported for the office's records.
import type { SendJournalEvent } from '../../src-shared/domain/outbox.js';
import type { Actor } from '../app/identity.js';
import type { Db } from './connection.js';

export interface JournalEventInput {
  event: SendJournalEvent;
  actor: Actor;
  messageId?: number | null;
  documentId?: number | null;
  detail?: string | null;
  serverReply?: string | null;
}

/** Appends one event. Call it inside the same transaction as the change it records. */
export async function appendJournal(db: Db, input: JournalEventInput): Promise<void> {
  await db
    .insertInto('send_journal')
    .values({
      event: input.event,
      actor: input.actor.user,
      workstation: input.actor.workstation,
      message_id: input.messageId ?? null,
      document_id: input.documentId ?? null,
      detail: input.detail ?? null,
      server_reply: input.serverReply ?? null,
    })
    .execute();
}

export function listJournalForMessage(db: Db, messageId: number) {
  return db
    .selectFrom('send_journal')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
}
