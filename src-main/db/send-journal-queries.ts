// The send journal: append-only, one row per event, exported for the office's records.
import type { SendJournalEvent } from '../../src-shared/domain/outbox.js';
import type { Actor } from '../workstation/identity.js';
import type { Db } from './connection.js';
import { inSlices, nowSql } from './shared-sql.js';

export interface JournalEventInput {
  event: SendJournalEvent;
  actor: Actor;
  messageId?: number | null;
  documentId?: number | null;
  detail?: string | null;
  serverReply?: string | null;
  /** When it happened (ISO), if not now: an attempt's events are written with its group. */
  at?: string;
}

/** Appends one event. Call it inside the same transaction as the change it records. */
export async function appendJournal(db: Db, input: JournalEventInput): Promise<void> {
  await appendJournalEvents(db, [input]);
}

/** Events per multi-row insert (8 parameters each). */
const INSERT_SLICE = 500;

/** Appends events in the order given, a few statements for many events (a bulk send's). */
export async function appendJournalEvents(
  db: Db,
  inputs: readonly JournalEventInput[],
): Promise<void> {
  const rows = inputs.map((input) => ({
    at: input.at ?? nowSql,
    event: input.event,
    actor: input.actor.user,
    workstation: input.actor.workstation,
    message_id: input.messageId ?? null,
    document_id: input.documentId ?? null,
    detail: input.detail ?? null,
    server_reply: input.serverReply ?? null,
  }));
  await inSlices(rows, INSERT_SLICE, async (slice) => {
    await db.insertInto('send_journal').values(slice).execute();
  });
}

export function listJournalForMessage(db: Db, messageId: number) {
  return db
    .selectFrom('send_journal')
    .selectAll()
    .where('message_id', '=', messageId)
    .orderBy('id')
    .execute();
}
