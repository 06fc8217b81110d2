// Closing the loop: each new message of the mailbox that is a bounce of one of our messages
// (matched by the Message-ID it quotes) marks that message failed with the reason in plain
// words, journaled, and its document's e-mail state follows; the user can then fix the address
// and send again from the message. Other mail, and bounces of messages that are not ours, are
// never touched.
import { storeSaid } from '../../src-shared/i18n/said.js';
import type { Actor } from '../workstation/identity.js';
import {
  findMessagesByHeaderIds,
  markMessageBounced,
  type BouncedMessageRow,
} from '../db/bounce-queries.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { refreshDocumentEmailState } from '../db/outbox-prepare-queries.js';
import { appendJournal } from '../db/send-journal-queries.js';
import type { BounceMailbox, MailboxCursor } from '../mail/bounce-mailbox.js';
import { bounceReason, bounceReasonText, type BounceReason } from './bounce-reasons.js';
import {
  readDeliveryReport,
  type DeliveryReport,
  type FailedRecipient,
} from './delivery-report.js';

export interface BounceOutcome {
  messageId: number;
  documentId: number;
  address: string;
  status: string;
  reason: BounceReason;
  /** The reason in French, as the journal says it. */
  reasonText: string;
  diagnostic: string | null;
  /** failed: marked now; already_failed: known before; not_sent: not a message that went. */
  change: 'failed' | 'already_failed' | 'not_sent';
}

export interface BounceCheckSummary {
  /** New messages looked at in the mailbox. */
  examined: number;
  /** Bounces among them (ours or not). */
  bounces: number;
  ours: BounceOutcome[];
  /** Bounces of messages Postier did not send: left where they are. */
  unknown: number;
  /** Our bounces moved to the bounce folder. */
  moved: number;
  /** The folder they went to, when some did. */
  movedTo: string | null;
}

export interface ProcessBouncesOptions {
  actor: Actor;
  cursor: MailboxCursor | null;
  /** Where our processed bounces go; null: they stay in the inbox. */
  moveTo: string | null;
  now?: () => Date;
}

export async function processBounces(
  db: Db,
  mailbox: BounceMailbox,
  options: ProcessBouncesOptions,
): Promise<{ summary: BounceCheckSummary; cursor: MailboxCursor | null }> {
  const { items, cursor } = await mailbox.candidates(options.cursor);
  const summary: BounceCheckSummary = {
    examined: items.length,
    bounces: 0,
    ours: [],
    unknown: 0,
    moved: 0,
    movedTo: null,
  };
  const processed: string[] = [];
  for (const item of items) {
    const report = await readDeliveryReport(item.raw).catch(() => null);
    if (!report || report.failed.length === 0) continue;
    summary.bounces++;
    const rows = await findMessagesByHeaderIds(db, report.originalIds);
    if (rows.length === 0) {
      summary.unknown++;
      continue;
    }
    for (const row of rows) summary.ours.push(await recordBounce(db, row, report, options));
    processed.push(item.ref);
  }
  if (options.moveTo && processed.length > 0) {
    await mailbox.move(processed, options.moveTo);
    summary.moved = processed.length;
    summary.movedTo = options.moveTo;
  }
  return { summary, cursor };
}

async function recordBounce(
  db: Db,
  row: BouncedMessageRow,
  report: DeliveryReport,
  options: ProcessBouncesOptions,
): Promise<BounceOutcome> {
  const recipient = recipientOf(row, report.failed);
  const reason = bounceReason(recipient);
  const outcome: BounceOutcome = {
    messageId: row.id,
    documentId: row.document_id,
    address: recipient.address,
    status: recipient.status,
    reason,
    reasonText: bounceReasonText(reason),
    diagnostic: recipient.diagnostic,
    change: row.status === 'failed' ? 'already_failed' : 'not_sent',
  };
  // Stored as sentences in no language (i18n/said.ts): each screen says them in its own.
  const params = {
    address: recipient.address,
    reason: { code: `bounces.reason.${reason}`, params: {} },
    status: recipient.status || '?',
  };
  const marked = await writeTransaction(db, async (tx) => {
    const nowIso = (options.now?.() ?? new Date()).toISOString();
    const error = storeSaid({ code: 'bounces.lastError', params });
    if (!(await markMessageBounced(tx, row, { error, reply: recipient.diagnostic, nowIso })))
      return false;
    await appendJournal(tx, {
      event: 'failed',
      actor: options.actor,
      messageId: row.id,
      documentId: row.document_id,
      detail: storeSaid({ code: 'bounces.journal', params }),
      serverReply: recipient.diagnostic,
    });
    await refreshDocumentEmailState(tx, row.document_id);
    return true;
  });
  return marked ? { ...outcome, change: 'failed' } : outcome;
}

/** The failed recipient that is one of the message's; else the first (a forwarded address). */
function recipientOf(row: BouncedMessageRow, failed: FailedRecipient[]): FailedRecipient {
  const addresses = [row.to_addresses, row.cc_addresses, row.bcc_addresses]
    .flatMap((json) => JSON.parse(json) as string[])
    .map((a) => a.toLowerCase());
  return failed.find((r) => addresses.includes(r.address)) ?? failed[0]!;
}
