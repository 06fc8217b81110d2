// "M'envoyer un exemplaire" (issue 17, point 4): the exact message one recipient of a send
// would get (its rendered texts, its PDF encrypted with that recipient's password), to the
// user's own address, subject prefixed "[TEST] ". Nothing is queued and no status changes:
// the files are written in a folder of their own, removed once the copy left (send/test-copy).
import { randomUUID } from 'node:crypto';
import { UserError } from '../../src-shared/errors.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import { domainOf } from '../../src-shared/validation/identity.js';
import { storableAddress } from '../records/email-address.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { OutboxFiles } from './attachments.js';
import { fetchSources } from './outbox-contents.js';
import type { BatchPlanner } from './planner.js';
import type { PrepareInput } from './prepare-input.js';

export const TEST_SUBJECT_PREFIX = '[TEST] ';

/** Whose message is copied: a dossier (its number) and, for a dossier with two, an address. */
export interface TestCopyChoice {
  dossierNumber?: string;
  recipient?: string;
}

/** The copy, ready for its account's transport, and what it copies. */
export interface TestCopy {
  accountId: number;
  documentId: number;
  documentNumber: string;
  dossierNumber: string;
  /** The recipient whose message it is. */
  recipient: string;
  to: string;
  /** The columns the transport reads (see send/outgoing-message.ts). */
  parts: {
    message_id_header: string;
    from_name: string | null;
    from_address: string;
    reply_to: string | null;
    to_addresses: string;
    cc_addresses: string;
    bcc_addresses: string;
    subject: string;
    text_body: string;
    html_body: string | null;
    attachments: string;
    read_receipt: number;
  };
  /** Removes the files written for the copy. */
  removeFiles(): void;
}

export async function buildTestCopy(
  planner: BatchPlanner,
  folder: DataFolder,
  input: PrepareInput,
  choice: TestCopyChoice,
  to: string,
): Promise<TestCopy> {
  const address = testAddress(to);
  const plan = await planner.plan({ ...input, dryRun: false });
  const wanted = choice.recipient?.trim().toLowerCase();
  const message = plan.messages.find(
    (m) =>
      (choice.dossierNumber === undefined ||
        m.document.dossier_number === choice.dossierNumber.trim()) &&
      (wanted === undefined || m.recipient.key === wanted),
  );
  if (!message) {
    const excluded = plan.excluded.find((e) => e.dossierNumber === choice.dossierNumber?.trim());
    throw new UserError('testCopy.error.noMessage', {
      dossier: choice.dossierNumber ?? '',
      reason: excluded ? translate('fr', `exclusion.${excluded.reason}`) : '',
    });
  }
  // A folder no batch uses: batch ids are positive.
  const files = new OutboxFiles(folder, -Math.floor(Math.random() * 1e9) - 1);
  // Sent from this workstation at once: its files stay here (a stored PDF copied here first).
  await fetchSources(planner.contents, [message]);
  const written = files.writeMessageFiles(message.attachments);
  const row = plan.rowValues(message, JSON.stringify(written.attachments));
  return {
    accountId: plan.account.id,
    documentId: message.document.id,
    documentNumber: message.document.number,
    dossierNumber: message.document.dossier_number,
    recipient: message.recipient.address,
    to: address,
    parts: {
      message_id_header: `<${randomUUID()}@${domainOf(row.from_address)}>`,
      from_name: row.from_name,
      from_address: row.from_address,
      reply_to: row.reply_to,
      to_addresses: JSON.stringify([address]),
      cc_addresses: '[]',
      bcc_addresses: '[]',
      subject: `${TEST_SUBJECT_PREFIX}${row.subject}`,
      text_body: row.text_body,
      html_body: row.html_body,
      attachments: row.attachments,
      read_receipt: 0,
    },
    removeFiles: () => files.removeAll(),
  };
}

function testAddress(to: string): string {
  try {
    const address = storableAddress(to);
    if (address.includes('@')) return address;
  } catch {
    // said below
  }
  throw new UserError('testCopy.error.address', { value: to.trim().slice(0, 80) });
}
