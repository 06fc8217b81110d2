// Contract entries for the document journal: pages of documents, one document, its PDF.
import { z } from 'zod';
import { DOCUMENT_TYPE_CODES } from '../domain/document-types.js';
import { JOURNAL_SORT_KEYS, type DocumentType, type JournalDocument } from '../domain/documents.js';
import { DOCUMENT_EMAIL_STATES } from '../domain/statuses.js';
import { defineOperation } from './operation.js';
import { emptyInput, id, isoDateTime, optionalText, pageOf, text, version } from './primitives.js';

export const documentTypeCode = z.enum(DOCUMENT_TYPE_CODES);
export const emailState = z.enum(DOCUMENT_EMAIL_STATES);
/** "2026-10" or "2026"; the services say clearly when it is not a period. */
const period = text(7);

export const journalDocumentSchema = z.object({
  id,
  structureId: id,
  dossierId: id,
  dossierNumber: z.string(),
  dossierName: z.string(),
  type: documentTypeCode,
  number: z.string(),
  period: z.string(),
  issueDate: z.string(),
  dueDate: z.string().nullable(),
  currency: z.string(),
  amountCents: z.int(),
  taxCents: z.int(),
  summaryNumber: z.string().nullable(),
  hasPdf: z.boolean(),
  pdfSource: z.enum(['generated', 'imported']),
  emailState,
  send: z.object({
    state: emailState,
    sent: z.int(),
    failed: z.int(),
    uncertain: z.int(),
    waiting: z.int(),
    total: z.int(),
  }),
  lastSentAt: isoDateTime.nullable(),
  attachmentCount: z.int(),
  version,
}) satisfies z.ZodType<JournalDocument>;

export const documentTypeSchema = z.object({
  id,
  code: documentTypeCode,
  nameFr: z.string(),
  nameEn: z.string(),
  passwordRule: z.string().nullable(),
  passwordFallback: z.string().nullable(),
  watermark: z.string().nullable(),
  requiresSummaryNumber: z.boolean(),
  version,
}) satisfies z.ZodType<DocumentType>;

export const journalFilterSchema = z.strictObject({
  structureId: id.optional(),
  types: z.array(documentTypeCode).max(DOCUMENT_TYPE_CODES.length).optional(),
  period: period.optional(),
  periodFrom: period.optional(),
  periodTo: period.optional(),
  emailStates: z.array(emailState).max(DOCUMENT_EMAIL_STATES.length).optional(),
  dossierId: id.optional(),
  documentIds: z.array(id).max(1000).optional(),
  text: text(200).optional(),
  sort: z.enum(JOURNAL_SORT_KEYS).optional(),
  descending: z.boolean().optional(),
  limit: z.int().min(1).max(500).optional(),
  offset: z.int().min(0).optional(),
  after: text(1000).optional(),
  before: text(1000).optional(),
});

/** A page of the journal and the cursors that ask for its neighbours (keyset paging). */
const journalPageSchema = pageOf(journalDocumentSchema).extend({
  first: z.string().optional(),
  last: z.string().optional(),
});

export const documentAttachmentSchema = z.object({
  id,
  fileName: z.string(),
  sizeBytes: z.int(),
});

export const documentsOperations = [
  defineOperation('documents.types', emptyInput, z.array(documentTypeSchema)),
  /** A type's password rule, its fallback and its draft watermark (Paramètres). */
  defineOperation(
    'documents.updateType',
    z.strictObject({
      code: documentTypeCode,
      version,
      patch: z.strictObject({
        passwordRule: optionalText(200),
        passwordFallback: optionalText(40),
        watermark: optionalText(120),
      }),
    }),
    documentTypeSchema,
  ),
  defineOperation('documents.journal', journalFilterSchema, journalPageSchema),
  defineOperation(
    'documents.get',
    z.strictObject({ id }),
    z.object({ document: journalDocumentSchema, attachments: z.array(documentAttachmentSchema) }),
  ),
  /** The PDF's bytes, for the preview pane: the renderer never sees where the file is. */
  defineOperation(
    'documents.pdf',
    z.strictObject({ id }),
    z.object({ fileName: z.string(), base64: z.string() }),
  ),
] as const;
