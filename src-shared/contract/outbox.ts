// Contract entries of the send tracking screen (Suivi des envois): the messages, their
// journal, and what the user does to queued messages (validate, block, withdraw, reset…).
import { z } from 'zod';
import { ATTACHMENT_ROLES, SEND_JOURNAL_EVENTS, type SendJournalEntry } from '../domain/outbox.js';
import { MESSAGE_STATUSES } from '../domain/statuses.js';
import type { Said } from '../i18n/said.js';
import { defineOperation } from './operation.js';
import { id, isoDateTime, pageOf, text, version } from './primitives.js';

/** A sentence in no language (i18n/said.ts): its key and parameters, some sentences too. */
const saidSchema: z.ZodType<Said> = z.lazy(() =>
  z.object({
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), saidSchema])),
  }),
);

/** A message as the tracking screen shows it; its files by name only, never by path. */
export const outboxMessageSchema = z.object({
  id,
  structureId: id,
  documentId: id,
  documentNumber: z.string(),
  dossierNumber: z.string(),
  dossierName: z.string(),
  batchId: id.nullable(),
  fromName: z.string().nullable(),
  fromAddress: z.string(),
  replyTo: z.string().nullable(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  subject: z.string(),
  textBody: z.string(),
  htmlBody: z.string().nullable(),
  attachments: z.array(
    z.object({
      fileName: z.string(),
      size: z.int(),
      role: z.enum(ATTACHMENT_ROLES),
      encrypted: z.boolean(),
    }),
  ),
  passwordProtected: z.boolean(),
  readReceipt: z.boolean(),
  messageIdHeader: z.string(),
  status: z.enum(MESSAGE_STATUSES),
  attempts: z.int(),
  nextAttemptAt: isoDateTime.nullable(),
  scheduledAt: isoDateTime.nullable(),
  lastError: z.string().nullable(),
  lastErrorSaid: saidSchema.nullable(),
  lastReply: z.string().nullable(),
  queuedBy: z.string(),
  workstation: z.string(),
  createdAt: isoDateTime,
  validatedAt: isoDateTime.nullable(),
  sentAt: isoDateTime.nullable(),
  version,
});

export const sendJournalEntrySchema = z.object({
  id,
  at: isoDateTime,
  messageId: id.nullable(),
  documentId: id.nullable(),
  event: z.enum(SEND_JOURNAL_EVENTS),
  actor: z.string(),
  workstation: z.string(),
  detail: z.string().nullable(),
  detailSaid: saidSchema.nullable(),
  serverReply: z.string().nullable(),
}) satisfies z.ZodType<SendJournalEntry>;

const outboxCriteria = {
  structureId: id.optional(),
  statuses: z.array(z.enum(MESSAGE_STATUSES)).max(MESSAGE_STATUSES.length).optional(),
  createdFrom: text(10).optional(),
  createdTo: text(10).optional(),
  sentFrom: text(10).optional(),
  sentTo: text(10).optional(),
  dossierNumber: text(50).optional(),
  documentId: id.optional(),
  batchId: id.optional(),
  queuedBy: text(100).optional(),
  workstation: text(100).optional(),
  email: text(254).optional(),
  /** A recipient (name, address) or a document number, accents and case aside. */
  text: text(254).optional(),
};

const messageTargets = z.array(z.strictObject({ id, version })).min(1).max(10_000);
const actionOutcomeSchema = z.object({
  changed: z.array(id),
  skipped: z.array(
    z.object({ id, status: z.enum(MESSAGE_STATUSES).nullable(), reason: z.string() }),
  ),
});

export const outboxOperations = [
  defineOperation(
    'outbox.search',
    z.strictObject({
      ...outboxCriteria,
      limit: z.int().min(1).max(500).optional(),
      offset: z.int().min(0).optional(),
    }),
    z.object({
      counts: z.record(z.enum(MESSAGE_STATUSES), z.int()),
      page: pageOf(outboxMessageSchema),
    }),
  ),
  defineOperation(
    'outbox.detail',
    z.strictObject({ id }),
    z.object({ message: outboxMessageSchema, journal: z.array(sendJournalEntrySchema) }),
  ),
  defineOperation(
    'outbox.validate',
    z.strictObject({ messages: messageTargets }),
    actionOutcomeSchema,
  ),
  defineOperation(
    'outbox.block',
    z.strictObject({ messages: messageTargets }),
    actionOutcomeSchema,
  ),
  defineOperation(
    'outbox.unblock',
    z.strictObject({ messages: messageTargets }),
    actionOutcomeSchema,
  ),
  /** "Reset the send status": the next bulk send picks these documents again. */
  defineOperation(
    'outbox.reset',
    z.strictObject({
      messageIds: z.array(id).max(10_000).optional(),
      documentIds: z.array(id).max(10_000).optional(),
      /** Only count what would be reset, for the confirmation: nothing changes. */
      dryRun: z.boolean().optional(),
    }),
    z.object({ documents: z.array(id), messages: z.array(id) }),
  ),
  /** "Retirer de la file": pending, validated or blocked → withdrawn; never one being sent. */
  defineOperation(
    'outbox.withdraw',
    z.strictObject({ messages: messageTargets }),
    actionOutcomeSchema,
  ),
  defineOperation(
    'outbox.fixAddress',
    z.strictObject({ id, version, address: text(254) }),
    outboxMessageSchema,
  ),
  defineOperation(
    'outbox.resolveUncertain',
    z.strictObject({ id, decision: z.enum(['sent', 'resend', 'failed']) }),
    z.object({}),
  ),
  /** The send journal as CSV (bytes, for the page to save). */
  defineOperation(
    'outbox.exportCsv',
    z.strictObject({ from: text(10).optional(), to: text(10).optional() }),
    z.object({ fileName: z.string(), base64: z.string(), rows: z.int() }),
  ),
] as const;
