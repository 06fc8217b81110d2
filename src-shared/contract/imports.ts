// Contract entries for the import wizard (Fichier > Importer…): dossiers, or documents with a
// folder of their PDFs, from a CSV or Excel file (read the file and guess the columns, preview
// with the user's mapping, import); or one merged PDF split into documents (dry run first).
// Files are staged files (files.pick / files.upload), by reference only.
import { z } from 'zod';
import { documentTypeCode } from './documents.js';
import { defineOperation } from './operation.js';
import { id, text } from './primitives.js';

/** Field of a dossier → the header of the column that feeds it. */
const mappingSchema = z.strictObject({
  columns: z.record(text(40), text(200)),
  extraColumns: z.array(text(200)).max(100).optional(),
});

const rowProblemSchema = z.object({ line: z.int(), message: z.string() });

/** The table file as read: what the wizard shows above the mapping. */
const tableInfo = {
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  rowCount: z.int(),
  fields: z.array(z.string()),
  mapping: z.object({
    columns: z.record(z.string(), z.string()),
    extraColumns: z.array(z.string()).optional(),
  }),
};

/** Documents: the rows' file, their PDFs (as many files as the user chose) and how to match. */
const documentsInput = {
  structureId: id,
  file: text(100),
  pdfFiles: z.array(text(100)).max(5000).optional(),
  /** facture_{numero}, {dossier}-*, or a regular expression; empty: found by number. */
  pdfPattern: text(200).optional(),
  /** The type of rows that have none. */
  defaultType: documentTypeCode.optional(),
  /** Rows without a PDF get one made by Postier. */
  generateMissing: z.boolean().optional(),
};

const unmatchedSchema = {
  /** Rows that found no PDF; PDFs no row claimed. */
  unmatchedRows: z.array(z.object({ line: z.int(), number: z.string() })),
  unmatchedFiles: z.array(z.string()),
};

const splitPartSchema = z.object({
  key: z.string(),
  pages: z.array(z.int()),
  action: z.enum(['create', 'replace', 'attach', 'none']),
  documentNumber: z.string().nullable(),
  dossierNumber: z.string().nullable(),
  /** Why this part cannot be used, in the user's language. */
  problem: z.string().nullable(),
});

const regex = text(500);

export const documentsPreviewSchema = z.object({
  ...tableInfo,
  rows: z.array(
    z.object({
      line: z.int(),
      action: z.enum(['create', 'attach']),
      dossierNumber: z.string(),
      type: documentTypeCode,
      number: z.string(),
      period: z.string(),
      amountCents: z.int(),
      pdf: z.enum(['file', 'generate', 'none']),
      pdfFile: z.string().nullable(),
    }),
  ),
  toImport: z.int(),
  rejected: z.array(rowProblemSchema),
  ...unmatchedSchema,
});

export const documentsResultSchema = z.object({
  imported: z.int(),
  attached: z.int(),
  withPdf: z.int(),
  generated: z.int(),
  withoutPdf: z.int(),
  rejected: z.array(rowProblemSchema),
  ...unmatchedSchema,
});

export const splitResultSchema = z.object({
  dryRun: z.boolean(),
  pageCount: z.int(),
  documents: z.array(splitPartSchema),
  unmatchedKeys: z.array(splitPartSchema),
  pagesBeforeFirstKey: z.array(z.int()),
});

export const importOperations = [
  defineOperation(
    'imports.dossiersPreview',
    z.strictObject({ structureId: id, file: text(100), mapping: mappingSchema.optional() }),
    z.object({
      ...tableInfo,
      rows: z.array(
        z.object({
          line: z.int(),
          action: z.enum(['create', 'update']),
          number: z.string(),
          displayName: z.string(),
          emails: z.array(z.string()),
          emailOptIn: z.boolean(),
        }),
      ),
      toCreate: z.int(),
      toUpdate: z.int(),
      rejected: z.array(rowProblemSchema),
      /** Rows imported as written but worth a look (a SIN failing its check digit). */
      warnings: z.array(rowProblemSchema),
    }),
  ),
  defineOperation(
    'imports.dossiersCommit',
    z.strictObject({ structureId: id, file: text(100), mapping: mappingSchema }),
    z.object({ imported: z.int(), updated: z.int(), rejected: z.array(rowProblemSchema) }),
  ),
  defineOperation(
    'imports.documentsPreview',
    z.strictObject({ ...documentsInput, mapping: mappingSchema.optional() }),
    documentsPreviewSchema,
  ),
  defineOperation(
    'imports.documentsCommit',
    z.strictObject({ ...documentsInput, mapping: mappingSchema }),
    documentsResultSchema,
  ),
  /** One merged PDF cut into documents by a key found on each first page; dryRun: nothing written. */
  defineOperation(
    'imports.splitPdf',
    z.strictObject({
      structureId: id,
      file: text(100),
      key: regex,
      keyKind: z.enum(['auto', 'document', 'dossier']).optional(),
      type: documentTypeCode.optional(),
      period: text(7).optional(),
      issueDate: text(10).optional(),
      numberKey: regex.optional(),
      amountKey: regex.optional(),
      dryRun: z.boolean(),
    }),
    splitResultSchema,
  ),
] as const;
