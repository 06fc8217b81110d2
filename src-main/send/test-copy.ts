// "M'envoyer un exemplaire" (issue 17, point 4): the exact message a chosen recipient of a
// send would get (prepare/test-copy.ts builds it) goes to the user's own address through the
// structure's account, now, outside the queue: no message is written, no status changes,
// and the journal records it as a test. The window's two dialogs and `send prepare
// --test-to` come through sendTestCopy.
import { translate } from '../../src-shared/i18n/catalog.js';
import { currentActor, type Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { appendJournal } from '../db/send-journal-queries.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import type { PrepareInput, PrepareService } from '../prepare/prepare.js';
import type { TestCopy, TestCopyChoice } from '../prepare/test-copy.js';
import { contentStoreFor } from '../documents/content-store.js';
import { readyMessage } from './outgoing-message.js';
import type { TransportFactory } from './run-contract.js';

export interface TestCopySent {
  to: string;
  subject: string;
  /** Whose message it is. */
  recipient: string;
  dossierNumber: string;
  documentNumber: string;
}

/** What sends a built copy: the engine's transports (SendEngine.deliverTestCopy). */
export interface TestCopyDelivery {
  deliverTestCopy(copy: TestCopy, actor?: Actor): Promise<TestCopySent>;
}

/** Builds the chosen recipient's message for `to` and sends it now. */
export async function sendTestCopy(
  parts: { prepare: PrepareService; engine: TestCopyDelivery },
  input: PrepareInput,
  choice: TestCopyChoice,
  to: string,
  actor?: Actor,
): Promise<TestCopySent> {
  const copy = await parts.prepare.testCopy(input, choice, to);
  return parts.engine.deliverTestCopy(copy, actor);
}

/** Sends the copy through its account's transport; journals it; removes its files. */
export async function deliverTestCopy(
  deps: { db: Db; folder: DataFolder; transportFactory: TransportFactory },
  copy: TestCopy,
  actor: Actor = currentActor(),
): Promise<TestCopySent> {
  try {
    const transport = await deps.transportFactory(copy.accountId);
    try {
      const contents = contentStoreFor(deps.db, deps.folder);
      await transport.send(await readyMessage(copy.parts, contents, new Date()));
    } finally {
      await transport.close().catch(() => undefined);
    }
  } finally {
    copy.removeFiles();
  }
  const detail = translate('fr', 'testCopy.journal', {
    recipient: copy.recipient,
    document: copy.documentNumber,
    dossier: copy.dossierNumber,
    to: copy.to,
  });
  await writeTransaction(deps.db, (tx) =>
    appendJournal(tx, { event: 'test_sent', actor, documentId: copy.documentId, detail }),
  );
  return {
    to: copy.to,
    subject: copy.parts.subject,
    recipient: copy.recipient,
    dossierNumber: copy.dossierNumber,
    documentNumber: copy.documentNumber,
  };
}
