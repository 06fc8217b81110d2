// A queued message as its transport takes it: the row's addresses and bodies, and each
// attached file's place on this workstation with its content type. The transport builds the
// MIME bytes from this.
import path from 'node:path';
import type { MessageAttachment } from '../../src-shared/domain/outbox.js';
import type { MessageRow } from '../db/schema.js';
import type { DocumentContentStore } from '../documents/content-store.js';
import type { OutgoingMessage } from '../mail/transport.js';
import { jsonList } from '../outbox/outbox-status.js';
import type { AccountRun } from './account-run.js';
import type { Claimed } from './claims.js';

/** Messages built ahead while one is with the server. */
const BUILD_AHEAD = 2;

/** The columns of a queued message that make the message itself. */
export type MessageParts = Pick<
  MessageRow,
  | 'message_id_header'
  | 'from_name'
  | 'from_address'
  | 'reply_to'
  | 'to_addresses'
  | 'cc_addresses'
  | 'bcc_addresses'
  | 'subject'
  | 'text_body'
  | 'html_body'
  | 'attachments'
  | 'read_receipt'
>;

/**
 * The message with its files on this workstation: on a database, each attachment is copied
 * here first (once per content: documents/content-store.ts), with those of the messages
 * claimed `with` it in the same query (one query per claim, not one per message, and the
 * next ones can be built ahead). Throws as outgoingMessage does.
 */
export async function readyMessage(
  row: MessageParts,
  contents: DocumentContentStore,
  date: Date,
  claimedWith: readonly { row: Pick<MessageParts, 'attachments'> }[] = [],
): Promise<OutgoingMessage> {
  const paths = (parts: Pick<MessageParts, 'attachments'>) =>
    jsonList<MessageAttachment>(parts.attachments).map((a) => a.path);
  // A failure of the shared query is left to this message's own copy below, which says why.
  await contents
    .localFiles([row, ...claimedWith.map((c) => c.row)].flatMap(paths))
    .catch(() => undefined);
  for (const path of paths(row)) await contents.localFile(path);
  return outgoingMessage(row, contents, date);
}

/**
 * Throws when an attachment's path is refused by the data folder, or (on a database) is not
 * on this workstation yet (readyMessage copies it): the message cannot go now.
 */
export function outgoingMessage(
  row: MessageParts,
  contents: Pick<DocumentContentStore, 'localFileNow'>,
  date: Date,
): OutgoingMessage {
  const attachments = jsonList<MessageAttachment>(row.attachments);
  return {
    messageIdHeader: row.message_id_header,
    from: { name: row.from_name, address: row.from_address },
    replyTo: row.reply_to,
    to: jsonList<string>(row.to_addresses),
    cc: jsonList<string>(row.cc_addresses),
    bcc: jsonList<string>(row.bcc_addresses),
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    attachments: attachments.map((a) => ({
      fileName: a.fileName,
      absolutePath: contents.localFileNow(a.path),
      contentType: contentTypeOf(a.fileName),
    })),
    readReceiptTo: row.read_receipt ? (row.reply_to ?? row.from_address) : null,
    date,
  };
}

/**
 * The account's next claimed messages are made now, so that its transport can build them
 * (read their files, encode them) while the one before is on its way. One that cannot be
 * made is left for its own attempt, which reports why.
 */
export function buildAhead(
  claimed: readonly Claimed[],
  account: AccountRun,
  make: (claimed: Claimed) => OutgoingMessage,
): void {
  const transport = account.transport;
  if (!transport?.buildAhead) return;
  for (const next of claimed.slice(0, BUILD_AHEAD)) {
    if (next.message || next.account !== account) continue;
    try {
      next.message = make(next);
      transport.buildAhead(next.message);
    } catch {
      delete next.message;
    }
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
