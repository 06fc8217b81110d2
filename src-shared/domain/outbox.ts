// The outbox: one message per e-mail, its attachments, its journal, and what a run reports.
import type { MessageStatus } from './statuses.js';
import type { Said } from '../i18n/said.js';

export const ATTACHMENT_ROLES = ['document', 'extra', 'recipient', 'general'] as const;
export type AttachmentRole = (typeof ATTACHMENT_ROLES)[number];

export interface MessageAttachment {
  fileName: string;
  /** Relative to the data folder, forward slashes. */
  path: string;
  size: number;
  role: AttachmentRole;
  /** The file was encrypted for this message with the document type's password rule. */
  encrypted: boolean;
}

export interface OutboxMessage {
  id: number;
  structureId: number;
  documentId: number;
  documentNumber: string;
  dossierNumber: string;
  dossierName: string;
  batchId: number | null;
  fromName: string | null;
  fromAddress: string;
  replyTo: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  textBody: string;
  htmlBody: string | null;
  attachments: MessageAttachment[];
  passwordProtected: boolean;
  readReceipt: boolean;
  messageIdHeader: string;
  status: MessageStatus;
  attempts: number;
  nextAttemptAt: string | null;
  /** The time the user chose for it to leave (a scheduled send); null: as soon as validated. */
  scheduledAt: string | null;
  /** Why it failed, in French (the office's language): for the CLI and exports. */
  lastError: string | null;
  /** The same, in no language, for a screen to say in its own (null: an old plain text). */
  lastErrorSaid: Said | null;
  /** The server's own reply text, as received. */
  lastReply: string | null;
  queuedBy: string;
  workstation: string;
  createdAt: string;
  validatedAt: string | null;
  sentAt: string | null;
  version: number;
}

export const SEND_JOURNAL_EVENTS = [
  'queued',
  'validated',
  'blocked',
  'unblocked',
  'reset',
  'withdrawn',
  'address_fixed',
  'sending',
  'sent',
  'retry_scheduled',
  'failed',
  'uncertain',
  'resolved',
  'account_error',
  'run_started',
  'run_finished',
  'notified',
  'notify_failed',
  'scheduled',
  'rescheduled',
  'test_sent',
] as const;
export type SendJournalEvent = (typeof SEND_JOURNAL_EVENTS)[number];

export interface SendJournalEntry {
  id: number;
  at: string;
  messageId: number | null;
  documentId: number | null;
  event: SendJournalEvent;
  actor: string;
  workstation: string;
  /** In French; `detailSaid`: the same in no language (null: an old plain text). */
  detail: string | null;
  detailSaid: Said | null;
  serverReply: string | null;
}

export const EXCLUSION_REASONS = [
  'no_address',
  'invalid_address',
  'opted_out',
  'no_pdf',
  'precondition',
  'already_sent',
  'already_queued',
  'too_large',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface ExcludedDossier {
  dossierId: number;
  dossierNumber: string;
  dossierName: string;
  documentId: number;
  documentNumber: string;
  reason: ExclusionReason;
  /** e.g. the invalid address, the missing field. */
  detail: string | null;
}

export interface SendProgress {
  sent: number;
  failed: number;
  retrying: number;
  uncertain: number;
  remaining: number;
  /** When the next message will go, ISO; null when nothing more is due in this run. */
  nextSendAt: string | null;
}

export interface RunSummary {
  sent: number;
  failed: number;
  retrying: number;
  uncertain: number;
  excluded: number;
  remaining: number;
  /** Set when an account-level problem stopped the run (messages stay validated). */
  stoppedBy: { code: string; message: string } | null;
}
