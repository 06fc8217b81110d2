// Contract entries for importing dossiers from a CSV or Excel file (Fichier > Importer…):
// read the file and guess the columns, preview with the user's mapping, import.
import { z } from 'zod';
import { defineOperation } from './operation.js';
import { id, text } from './primitives.js';

/** Field of a dossier → the header of the column that feeds it. */
const mappingSchema = z.strictObject({
  columns: z.record(text(40), text(200)),
  extraColumns: z.array(text(200)).max(100).optional(),
});

const rowProblemSchema = z.object({ line: z.int(), message: z.string() });

export const importOperations = [
  defineOperation(
    'imports.dossiersPreview',
    z.strictObject({ structureId: id, file: text(100), mapping: mappingSchema.optional() }),
    z.object({
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
    }),
  ),
  defineOperation(
    'imports.dossiersCommit',
    z.strictObject({ structureId: id, file: text(100), mapping: mappingSchema }),
    z.object({ imported: z.int(), updated: z.int(), rejected: z.array(rowProblemSchema) }),
  ),
] as const;
