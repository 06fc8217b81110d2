// Contract entries for mail accounts, e-mail templates, shared sending settings, preparing
// and running sends (bulk and single). The send tracking screen's entries are in outbox.ts.
import { z } from 'zod';
import { AUTO_PAUSE_MAX } from '../domain/auto-pause.js';
import {
  MAIL_ACCOUNT_KINDS,
  MAIL_PRESETS,
  SEND_AS_MAX,
  SMTP_SECURITIES,
  type MailAccount,
  type Pacing,
} from '../domain/mail.js';
import { ATTACHMENT_ROLES, EXCLUSION_REASONS, type ExcludedDossier } from '../domain/outbox.js';
import { bulkWarningsSchema } from './bulk-warnings.js';
import { documentTypeCode, emailState } from './documents.js';
import { defineOperation } from './operation.js';
import { emptyInput, id, isoDateTime, optionalText, text, version } from './primitives.js';

export const pacingSchema = z.object({
  delayMs: z.int().min(0).max(3_600_000),
  pauseEvery: z.int().min(0).max(100_000),
  pauseMs: z.int().min(0).max(3_600_000),
  maxPerRun: z.int().min(1).max(1_000_000).nullable(),
  maxPerDay: z.int().min(1).max(1_000_000).nullable(),
  maxAttempts: z.int().min(1).max(50),
  retryBaseMs: z.int().min(0).max(86_400_000),
}) satisfies z.ZodType<Pacing>;

export const mailAccountSchema = z.object({
  id,
  structureId: id,
  kind: z.enum(MAIL_ACCOUNT_KINDS),
  preset: z.enum(MAIL_PRESETS).nullable(),
  host: z.string().nullable(),
  port: z.int().nullable(),
  security: z.enum(SMTP_SECURITIES),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  fromName: z.string().nullable(),
  fromAddress: z.string().nullable(),
  replyTo: z.string().nullable(),
  sendAs: z.array(z.string()),
  archiveBcc: z.string().nullable(),
  ccSender: z.boolean(),
  readReceipt: z.boolean(),
  pacing: pacingSchema,
  maxMessageBytes: z.int(),
  version,
}) satisfies z.ZodType<MailAccount>;

const mailAccountInput = z.strictObject({
  kind: z.enum(MAIL_ACCOUNT_KINDS).optional(),
  preset: z.enum(MAIL_PRESETS).nullable().optional(),
  host: optionalText(253),
  port: z.int().min(1).max(65_535).nullable().optional(),
  security: z.enum(SMTP_SECURITIES).optional(),
  username: optionalText(254),
  /** Set or replace the password; '' removes it. Never sent back. */
  password: text(1000).optional(),
  fromName: optionalText(200),
  fromAddress: optionalText(254),
  replyTo: optionalText(254),
  /** Replaces the whole list; [] empties it. */
  sendAs: z.array(text(254)).max(SEND_AS_MAX).optional(),
  archiveBcc: optionalText(254),
  ccSender: z.boolean().optional(),
  readReceipt: z.boolean().optional(),
  pacing: pacingSchema.partial().strict().optional(),
  maxMessageBytes: z
    .int()
    .min(1024)
    .max(200 * 1024 * 1024)
    .optional(),
});

export const emailTemplateSchema = z.object({
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
});

/** Refusals in a row before a run pauses an account (0: never): settings.setAutoPause. */
const autoPauseInput = z.strictObject({
  autoPauseAfterFailures: z.int().min(0).max(AUTO_PAUSE_MAX),
});
const templateInput = z.strictObject({
  subject: text(998),
  text: text(100_000),
  html: text(200_000).nullable(),
});

export const excludedSchema = z.object({
  dossierId: id,
  dossierNumber: z.string(),
  dossierName: z.string(),
  documentId: id,
  documentNumber: z.string(),
  reason: z.enum(EXCLUSION_REASONS),
  detail: z.string().nullable(),
}) satisfies z.ZodType<ExcludedDossier>;

/** A warning of the preparation, already in the user's language. */
export const warningSchema = z.object({ code: z.string(), message: z.string() });

/** One row of the bulk-send list: a document and the addresses it would go to. */
export const bulkRowSchema = z.object({
  documentId: id,
  number: z.string(),
  dossierId: id,
  dossierNumber: z.string(),
  dossierName: z.string(),
  amountCents: z.int(),
  currency: z.string(),
  lastSentAt: isoDateTime.nullable(),
  emailState,
  addresses: z.array(z.string()),
  passwordProtected: z.boolean(),
});

/** The exact message one recipient would get. */
export const previewMessageSchema = z.object({
  to: z.array(z.string()),
  cc: z.array(z.string()),
  /** The From and Reply-To that leave: the account's address unless it may send as the sender. */
  from: z.string(),
  replyTo: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  attachments: z.array(
    z.object({
      fileName: z.string(),
      size: z.int(),
      encrypted: z.boolean(),
      role: z.enum(ATTACHMENT_ROLES),
    }),
  ),
  passwordProtected: z.boolean(),
});

export const templateOverride = {
  subject: text(998).optional(),
  textBody: text(100_000).optional(),
  htmlBody: text(200_000).optional(),
};

/** Staged files (files.pick / files.upload) by reference. */
export const fileRefs = z.array(text(100)).max(20);

/** What sending.queue takes: the documents, their texts and files, perhaps a time. */
export const queueInput = z.strictObject({
  structureId: id,
  documentIds: z.array(id).min(1).max(100_000),
  /** Single send: these addresses instead of the dossier's receiving correspondents. */
  addresses: z.array(text(254)).max(20).optional(),
  ...templateOverride,
  generalAttachments: fileRefs.optional(),
  recipientAttachments: z
    .array(z.strictObject({ documentId: id, files: fileRefs }))
    .max(100_000)
    .optional(),
  /** A scheduled send: not before this time (ISO); a past one is refused. */
  notBefore: isoDateTime.optional(),
});

export const sendingStateSchema = z.object({
  running: z.boolean(),
  paused: z.boolean(),
  progress: z
    .object({
      sent: z.int(),
      failed: z.int(),
      retrying: z.int(),
      uncertain: z.int(),
      remaining: z.int(),
      total: z.int(),
      nextSendAt: z.string().nullable(),
    })
    .nullable(),
  startedAt: isoDateTime.nullable(),
});

export const VALIDATION_MODES = ['manual', 'automatic'] as const;

export const sendingOperations = [
  defineOperation('accounts.get', z.strictObject({ structureId: id }), mailAccountSchema),
  defineOperation(
    'accounts.set',
    z.strictObject({ structureId: id, account: mailAccountInput }),
    mailAccountSchema,
  ),
  defineOperation('templates.fields', z.strictObject({ structureId: id }), z.array(z.string())),
  defineOperation(
    'templates.get',
    /** language: the families' language the template is for; the structure's when absent. */
    z.strictObject({
      structureId: id,
      type: documentTypeCode,
      language: z.enum(['fr', 'en']).optional(),
    }),
    emailTemplateSchema.extend({ isDefault: z.boolean() }),
  ),
  /** Saves the structure's template for a type; null goes back to Postier's default. */
  defineOperation(
    'templates.save',
    z.strictObject({
      structureId: id,
      type: documentTypeCode,
      template: templateInput.nullable(),
      language: z.enum(['fr', 'en']).optional(),
    }),
    emailTemplateSchema.extend({ isDefault: z.boolean() }),
  ),
  defineOperation(
    'settings.get',
    emptyInput,
    z.object({ validationMode: z.enum(VALIDATION_MODES), autoPauseAfterFailures: z.int() }),
  ),
  defineOperation('settings.setAutoPause', autoPauseInput, autoPauseInput.strip()),
  defineOperation(
    'settings.set',
    z.strictObject({ validationMode: z.enum(VALIDATION_MODES) }),
    z.object({ validationMode: z.enum(VALIDATION_MODES) }),
  ),
  /** What the bulk-send dialog lists for a type and period: no message is written. */
  defineOperation(
    'sending.bulkList',
    z.strictObject({ structureId: id, type: documentTypeCode, period: text(7) }),
    z.object({
      rows: z.array(bulkRowSchema),
      excluded: z.array(excludedSchema),
      warnings: z.array(warningSchema),
      account: mailAccountSchema,
      /** False: the method opens a window per message; a large batch is refused. */
      canPace: z.boolean(),
      validationMode: z.enum(VALIDATION_MODES),
      passwordRule: z.string().nullable(),
      /** The warnings said by name, with the dossiers to fix. */
      notices: bulkWarningsSchema,
    }),
  ),
  /** The exact messages of one document with these templates (and addresses): nothing written. */
  defineOperation(
    'sending.preview',
    z.strictObject({
      structureId: id,
      documentId: id,
      addresses: z.array(text(254)).max(20).optional(),
      ...templateOverride,
      /** The bulk send's files: for everyone, and this document's own. */
      generalAttachments: fileRefs.optional(),
      rowAttachments: fileRefs.optional(),
    }),
    z.object({
      messages: z.array(previewMessageSchema),
      excluded: z.array(excludedSchema),
      warnings: z.array(warningSchema),
    }),
  ),
  /** Queues the messages (and starts sending what is validated). */
  defineOperation(
    'sending.queue',
    queueInput,
    z.object({
      batchId: id.nullable(),
      queued: z.int(),
      validated: z.int(),
      excluded: z.array(excludedSchema),
      warnings: z.array(warningSchema),
    }),
  ),
  defineOperation('sending.state', emptyInput, sendingStateSchema),
  defineOperation('sending.pause', emptyInput, sendingStateSchema),
  defineOperation('sending.resume', emptyInput, sendingStateSchema),
  /** Stops the run and blocks what this batch has not sent yet (unblock to send it later). */
  defineOperation('sending.cancel', z.strictObject({ batchId: id }), sendingStateSchema),
] as const;
