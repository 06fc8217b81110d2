// What a run writes in the send journal besides the attempts' outcomes: that it started and
// ended, an account that refused to open, and the messages a dead engine left `sending`.
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { markOrphansUncertain } from '../db/outbox-engine-queue.js';
import { refreshDocumentEmailState } from '../db/outbox-prepare-queries.js';
import { appendJournal } from '../db/send-journal-queries.js';

export async function journalRun(
  db: Db,
  actor: Actor,
  event: 'run_started' | 'run_finished',
  key: MessageKey,
  params: Record<string, number>,
): Promise<void> {
  await writeTransaction(db, (tx) =>
    appendJournal(tx, { event, actor, detail: translate('fr', key, params) }),
  );
}

/** The account could not be opened (refused login, server unreachable...): the run stops. */
export async function journalAccountError(
  db: Db,
  actor: Actor,
  reason: string,
  serverReply: string | null,
): Promise<void> {
  await writeTransaction(db, (tx) =>
    appendJournal(tx, {
      event: 'account_error',
      actor,
      detail: translate('fr', 'outbox.journal.accountError', { reason }),
      serverReply,
    }),
  );
}

/**
 * Messages a dead engine left `sending` become `uncertain`: the server may have them. Those
 * `holderId` (this run) holds are left alone. Returns how many were found.
 */
export async function recoverOrphans(
  db: Db,
  holderId: string,
  actor: Actor,
  nowIso: string,
): Promise<number> {
  return writeTransaction(db, async (tx) => {
    const orphans = await markOrphansUncertain(tx, holderId, nowIso);
    for (const orphan of orphans) {
      await appendJournal(tx, {
        event: 'uncertain',
        actor,
        messageId: orphan.id,
        documentId: orphan.document_id,
        detail: translate('fr', 'outbox.journal.uncertainOrphan', {
          holder: orphan.sending_by?.split(':')[0] ?? '?',
        }),
      });
      await refreshDocumentEmailState(tx, orphan.document_id);
    }
    return orphans.length;
  });
}
