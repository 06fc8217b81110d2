// The user's decision about an uncertain message (one the server may have received without
// saying so): it was sent, send it again, or count it as failed. Only the user can tell, so
// the engine never sends an uncertain message again on its own.
import type { MessageKey } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import type { Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { resolveUncertainRow } from '../db/outbox-engine-queue.js';
import { findMessageRowById } from '../db/message-action-queries.js';
import { refreshDocumentEmailState } from '../db/outbox-prepare-queries.js';
import { appendJournal } from '../db/send-journal-queries.js';
import { storeSaid } from '../../src-shared/i18n/said.js';

export type UncertainDecision = 'sent' | 'resend' | 'failed';

const DECISION_STATUS = { sent: 'sent', resend: 'validated', failed: 'failed' } as const;
const DECISION_DETAIL: Record<UncertainDecision, MessageKey> = {
  sent: 'outbox.journal.resolvedSent',
  resend: 'outbox.journal.resolvedResend',
  failed: 'outbox.journal.resolvedFailed',
};

/** The user says what became of an uncertain message: sent, to send again, or failed. */
export async function resolveUncertain(
  db: Db,
  messageId: number,
  decision: UncertainDecision,
  actor: Actor,
  now: number = Date.now(),
): Promise<void> {
  await writeTransaction(db, async (tx) => {
    const row = await findMessageRowById(tx, messageId);
    if (!row) throw new UserError('outbox.error.messageNotFound', { id: messageId });
    const nowIso = new Date(now).toISOString();
    if (!(await resolveUncertainRow(tx, messageId, DECISION_STATUS[decision], nowIso))) {
      throw new UserError('outbox.error.notUncertain', { id: messageId, status: row.status });
    }
    await appendJournal(tx, {
      event: 'resolved',
      actor,
      messageId,
      documentId: row.document_id,
      detail: storeSaid({ code: DECISION_DETAIL[decision], params: {} }),
    });
    await refreshDocumentEmailState(tx, row.document_id);
  });
}
