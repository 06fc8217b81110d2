// "Suivi des envois": how many messages are in each status, a page of messages matching the
// user's criteria (as in the Winpass search screen), and one message with its whole journal.
import type {
  MessageAttachment,
  OutboxMessage,
  SendJournalEntry,
  SendJournalEvent,
} from '../../src-shared/domain/outbox.js';
import type { Page } from '../../src-shared/domain/records.js';
import { MESSAGE_STATUSES, type MessageStatus } from '../../src-shared/domain/statuses.js';
import { parseIsoDate } from '../../src-shared/format/dates.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import * as q from '../db/outbox-engine-search.js';
import { listJournalForMessage } from '../db/send-journal-queries.js';
import { dossierDisplayName } from '../records/records-service.js';
import { readStored } from '../../src-shared/i18n/said.js';

const MAX_PAGE = 500;

export interface OutboxSearch {
  structureId?: number;
  statuses?: MessageStatus[];
  /** Calendar days of this workstation, YYYY-MM-DD, both ends included. */
  createdFrom?: string;
  createdTo?: string;
  sentFrom?: string;
  sentTo?: string;
  dossierId?: number;
  dossierNumber?: string;
  documentId?: number;
  batchId?: number;
  /** The user who queued the message. */
  queuedBy?: string;
  workstation?: string;
  /** Part of a recipient's address. */
  email?: string;
  /** A recipient (name, address) or a document number, accents and case aside. */
  text?: string;
  limit?: number;
  offset?: number;
}

export interface OutboxStatus {
  /** Every status with its count under the same criteria (the status filter aside). */
  counts: Record<MessageStatus, number>;
  /** Newest first. */
  page: Page<OutboxMessage>;
}

export interface MessageDetail {
  message: OutboxMessage;
  journal: SendJournalEntry[];
}

export async function outboxStatus(db: Db, search: OutboxSearch = {}): Promise<OutboxStatus> {
  const query = toQuery(search);
  const limit = Math.min(Math.max(1, search.limit ?? 50), MAX_PAGE);
  const offset = Math.max(0, search.offset ?? 0);
  const byStatus = await q.countMessagesByStatus(db, query);
  const counts = Object.fromEntries(
    MESSAGE_STATUSES.map((s) => [s, byStatus.get(s) ?? 0]),
  ) as Record<MessageStatus, number>;
  const { total, rows } = await q.searchMessages(db, query, limit, offset);
  return { counts, page: { total, items: rows.map(toOutboxMessage) } };
}

export async function messageDetail(db: Db, id: number): Promise<MessageDetail> {
  const row = await q.findMessageWithDocument(db, id);
  if (!row) throw new UserError('outbox.error.messageNotFound', { id });
  const journal = await listJournalForMessage(db, id);
  return {
    message: toOutboxMessage(row),
    journal: journal.map((j) => ({
      id: j.id,
      at: j.at,
      messageId: j.message_id,
      documentId: j.document_id,
      event: j.event as SendJournalEvent,
      actor: j.actor,
      workstation: j.workstation,
      ...storedDetail(j.detail),
      serverReply: j.server_reply,
    })),
  };
}

function toQuery(search: OutboxSearch): q.OutboxSearchQuery {
  const query: q.OutboxSearchQuery = {
    ...(search.structureId !== undefined && { structureId: search.structureId }),
    ...(search.statuses && { statuses: search.statuses }),
    ...(search.dossierId !== undefined && { dossierId: search.dossierId }),
    ...(search.dossierNumber && { dossierNumber: search.dossierNumber.trim() }),
    ...(search.documentId !== undefined && { documentId: search.documentId }),
    ...(search.batchId !== undefined && { batchId: search.batchId }),
    ...(search.queuedBy && { queuedBy: search.queuedBy }),
    ...(search.workstation && { workstation: search.workstation }),
    ...(search.email && { email: search.email }),
    ...(search.text && { text: search.text }),
  };
  if (search.createdFrom) query.createdFromIso = localDayStart(search.createdFrom, 0);
  if (search.createdTo) query.createdBeforeIso = localDayStart(search.createdTo, 1);
  if (search.sentFrom) query.sentFromIso = localDayStart(search.sentFrom, 0);
  if (search.sentTo) query.sentBeforeIso = localDayStart(search.sentTo, 1);
  return query;
}

/** Local midnight of `day` (+ `plusDays`), as the UTC text stored in the database. */
export function localDayStart(day: string, plusDays: number): string {
  const [y, m, d] = parseIsoDate(day).split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

export function toOutboxMessage(row: q.OutboxMessageRow): OutboxMessage {
  return {
    id: row.id,
    structureId: row.structure_id,
    documentId: row.document_id,
    documentNumber: row.document_number,
    dossierNumber: row.dossier_number,
    dossierName: dossierDisplayName({
      title: row.dossier_title,
      first_name: row.dossier_first_name,
      last_name: row.dossier_last_name,
    }),
    batchId: row.batch_id,
    fromName: row.from_name,
    fromAddress: row.from_address,
    replyTo: row.reply_to,
    to: jsonList<string>(row.to_addresses),
    cc: jsonList<string>(row.cc_addresses),
    bcc: jsonList<string>(row.bcc_addresses),
    subject: row.subject,
    textBody: row.text_body,
    htmlBody: row.html_body,
    attachments: jsonList<MessageAttachment>(row.attachments),
    passwordProtected: row.password_protected === 1,
    readReceipt: row.read_receipt === 1,
    messageIdHeader: row.message_id_header,
    status: row.status as MessageStatus,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    scheduledAt: row.scheduled_at,
    ...storedError(row.last_error),
    lastReply: row.last_reply,
    queuedBy: row.queued_by,
    workstation: row.workstation,
    createdAt: row.created_at,
    validatedAt: row.validated_at,
    sentAt: row.sent_at,
    version: row.version,
  };
}

/** A JSON array column; an unreadable value reads as empty rather than breaking a screen. */
export function jsonList<T>(text: string): T[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

/** The stored failure text: in French, and as a sentence a screen says in its language. */
function storedError(stored: string | null) {
  const { text, said } = readStored(stored);
  return { lastError: text, lastErrorSaid: said };
}

function storedDetail(stored: string | null) {
  const { text, said } = readStored(stored);
  return { detail: text, detailSaid: said };
}
