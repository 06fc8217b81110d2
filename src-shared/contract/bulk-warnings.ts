// Contract shapes of what a bulk send warns about by name (see domain/bulk-warnings.ts), and
// the operation that works them out again for the dialog's current text and files.
import { z } from 'zod';
import type { BulkWarnings } from '../domain/bulk-warnings.js';
import { ATTACHMENT_ROLES } from '../domain/outbox.js';
import { defineOperation } from './operation.js';
import { id, text } from './primitives.js';

const warnedDossier = z.object({
  dossierId: id,
  dossierNumber: z.string(),
  dossierName: z.string(),
  documentId: id,
  documentNumber: z.string(),
});

export const bulkWarningsSchema = z.object({
  fallbackPassword: z
    .object({
      password: z.string(),
      dossiers: z.array(warnedDossier.extend({ sinMissing: z.boolean() })),
    })
    .nullable(),
  passwordNotExplained: z.array(z.string()),
  largeAttachments: z.array(
    z.object({
      fileName: z.string(),
      size: z.int(),
      role: z.enum(ATTACHMENT_ROLES),
      dossier: warnedDossier.nullable(),
    }),
  ),
  senderDomains: z.array(
    z.object({
      sender: z.string(),
      account: z.string(),
      sentAs: z.boolean(),
      messages: z.int(),
    }),
  ),
}) satisfies z.ZodType<BulkWarnings>;

/** Staged files (files.pick / files.upload) by reference. */
export const stagedFileRefs = z.array(text(100)).max(20);

export const bulkWarningsOperations = [
  /** The warnings of these documents with this text and these files: nothing written. */
  defineOperation(
    'sending.bulkWarnings',
    z.strictObject({
      structureId: id,
      documentIds: z.array(id).max(100_000),
      subject: text(998).optional(),
      textBody: text(100_000).optional(),
      htmlBody: text(200_000).optional(),
      generalAttachments: stagedFileRefs.optional(),
      recipientAttachments: z
        .array(z.strictObject({ documentId: id, files: stagedFileRefs }))
        .max(100_000)
        .optional(),
    }),
    bulkWarningsSchema,
  ),
] as const;
