// "Réinitialiser l'état d'envoi": the sent, failed and uncertain messages of the chosen
// documents (or the chosen messages) stop counting, so that the next bulk send queues the
// documents again. The messages stay, as history, and the journal says who reset them.
// A dry run answers how many documents would be proposed again, for the confirmation the
// user reads before anything changes.
import { UserError } from '../../src-shared/errors.js';
import type { Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as q from '../db/message-action-queries.js';
import * as queued from '../db/outbox-prepare-queries.js';
import { appendJournal } from '../db/send-journal-queries.js';
import { jsonList } from './outbox-status.js';
import { storeSaid } from '../../src-shared/i18n/said.js';

export interface ResetTarget {
  structureId?: number;
  documentIds?: number[];
  messageIds?: number[];
  /** Every document of a type and/or period: the bulk "reset the send status". */
  all?: boolean;
  type?: string;
  period?: string;
}

export interface ResetOutcome {
  /** The documents the next bulk send will propose again. */
  documents: number[];
  messages: number[];
}

export async function resetSendState(
  db: Db,
  actor: Actor,
  target: ResetTarget,
  options: { dryRun?: boolean } = {},
): Promise<ResetOutcome> {
  const chosen = target.documentIds?.length || target.messageIds?.length;
  if (!chosen && !(target.all && (target.type || target.period)))
    throw new UserError('error.reset.nothingChosen');
  const selection: q.ResetSelection = {
    ...(target.structureId !== undefined && { structureId: target.structureId }),
    ...(target.documentIds?.length && { documentIds: target.documentIds }),
    ...(target.messageIds?.length && { messageIds: target.messageIds }),
    ...(target.type && { typeCode: target.type }),
    ...(target.period && { period: target.period }),
  };
  if (options.dryRun) return outcomeOf(await q.listResettableMessages(db, selection));
  return writeTransaction(db, async (tx) => {
    const rows = await q.listResettableMessages(tx, selection);
    const ids = rows.map((r) => r.id);
    const messages = await q.findMessages(tx, ids);
    await q.deleteMessageAddresses(tx, ids);
    for (const message of messages) {
      await appendJournal(tx, {
        event: 'reset',
        actor,
        messageId: message.id,
        documentId: message.document_id,
        detail: storeSaid({
          code: 'sending.journal.reset',
          params: {
            to: jsonList<string>(message.to_addresses).join(', '),
          },
        }),
      });
    }
    await queued.refreshDocumentEmailStates(tx, [
      ...new Set([...rows.map((r) => r.document_id), ...(target.documentIds ?? [])]),
    ]);
    return outcomeOf(rows);
  });
}

function outcomeOf(rows: { id: number; document_id: number }[]): ResetOutcome {
  return {
    documents: [...new Set(rows.map((r) => r.document_id))],
    messages: rows.map((r) => r.id),
  };
}
