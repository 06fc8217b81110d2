// Documents from a billing export (one row per invoice or notice) and, optionally, a folder
// of PDFs: each row checked and matched to its PDF (document-plan.ts), then all of them
// written at once.
import path from 'node:path';
import type { Structure } from '../../src-shared/domain/records.js';
import { UserError } from '../../src-shared/errors.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as dq from '../db/documents-queries.js';
import * as iq from '../db/import-queries.js';
import { findDossierById } from '../db/records-queries.js';
import type { DocumentTypeRow, NewDocumentRow } from '../db/schema.js';
import type { DocumentContentStore } from '../documents/content-store.js';
import { generatePdfForDocument } from '../documents/pdf-data.js';
import { removeStoredPdfs, storeDocumentPdf } from '../documents/pdf-store.js';
import { rolledBack } from './dossier-import.js';
import { planDocuments, type PlannedDocument } from './document-plan.js';
import { readRowPdfs } from './row-pdfs.js';
import type {
  ColumnMapping,
  DocumentField,
  DocumentImportOptions,
  DocumentImportPreview,
  DocumentImportResult,
  DocumentPreviewRow,
  LoadedTable,
} from './import-types.js';

export async function previewDocuments(
  db: Db,
  structureId: number,
  table: LoadedTable,
  mapping: ColumnMapping<DocumentField>,
  options: DocumentImportOptions,
  limit = 20,
): Promise<DocumentImportPreview> {
  const plan = await planDocuments(db, structureId, table, mapping, options);
  return {
    mapping,
    rows: plan.rows.slice(0, limit).map(previewRow),
    toImport: plan.rows.length,
    rejected: plan.rejected,
    unmatchedRows: unmatchedRows(plan.rows),
    unmatchedFiles: plan.unmatchedFiles,
  };
}

function previewRow(row: PlannedDocument): DocumentPreviewRow {
  const {
    dossierId: _dossierId,
    taxCents: _taxCents,
    summaryNumber: _summary,
    explicitFile: _file,
    existing: _existing,
    ...preview
  } = row;
  return preview;
}

function unmatchedRows(rows: PlannedDocument[]): { line: number; number: string }[] {
  return rows
    .filter((row) => row.pdf !== 'file')
    .map((row) => ({ line: row.line, number: row.number }));
}

export interface DocumentCommitContext {
  db: Db;
  /** Where the PDFs go: the data folder, or the database (PostgreSQL). */
  contents: DocumentContentStore;
  structure: Structure;
}

/**
 * Checks every PDF, writes them into the data folder, then inserts every document in one
 * transaction. A row whose PDF is unreadable is left out (and named); a failure while
 * writing removes the copied PDFs and leaves the journal as it was.
 */
export async function commitDocuments(
  context: DocumentCommitContext,
  table: LoadedTable,
  mapping: ColumnMapping<DocumentField>,
  options: DocumentImportOptions,
): Promise<DocumentImportResult> {
  const { db, contents, structure } = context;
  const plan = await planDocuments(db, structure.id, table, mapping, options);
  const rejected = [...plan.rejected];
  const pdfBytes = await readRowPdfs(
    { db, contents, structureId: structure.id },
    plan.rows.filter((r) => r.pdf === 'file'),
    options.pdfDir ?? '',
    rejected,
  );
  const rows = plan.rows.filter((row) => row.pdf !== 'file' || pdfBytes.has(row.line));
  const types = new Map((await dq.listDocumentTypes(db)).map((t) => [t.code, t]));
  const stored: string[] = [];
  try {
    const inserts: NewDocumentRow[] = [];
    const attachments: { id: number; version: number; pdfPath: string }[] = [];
    for (const row of rows) {
      const type = types.get(row.type)!;
      const insert = documentRow(structure, type, row);
      const bytes =
        pdfBytes.get(row.line) ??
        (row.pdf === 'generate' ? await generate(db, structure, type, insert) : null);
      if (bytes) {
        const reference = await storeDocumentPdf(
          contents,
          structure.id,
          row.period,
          type.code,
          row.number,
          bytes,
        );
        stored.push(reference);
        insert.pdf_path = reference;
      }
      if (row.existing) attachments.push({ ...row.existing, pdfPath: insert.pdf_path! });
      else inserts.push(insert);
    }
    const documentIds = await writeTransaction(db, async (tx) => {
      for (const { id, version, pdfPath } of attachments) {
        if (!(await iq.replaceDocumentPdf(tx, id, version, pdfPath))) {
          throw new UserError('error.record.stale', { record: 'document' });
        }
      }
      return [...attachments.map((a) => a.id), ...(await iq.insertDocuments(tx, inserts))];
    });
    const created = rows.filter((row) => !row.existing);
    return {
      imported: created.length,
      attached: attachments.length,
      withPdf: created.filter((r) => r.pdf === 'file').length,
      generated: created.filter((r) => r.pdf === 'generate').length,
      withoutPdf: created.filter((r) => r.pdf === 'none').length,
      documentIds,
      rejected: rejected.sort((a, b) => a.line - b.line),
      unmatchedRows: unmatchedRows(rows),
      unmatchedFiles: plan.unmatchedFiles,
    };
  } catch (error) {
    await removeStoredPdfs(contents, stored);
    throw rolledBack(path.basename(table.file), error);
  }
}

function documentRow(
  structure: Structure,
  type: DocumentTypeRow,
  row: PlannedDocument,
): NewDocumentRow {
  return {
    structure_id: structure.id,
    dossier_id: row.dossierId,
    type_id: type.id,
    number: row.number,
    period: row.period,
    issue_date: row.issueDate,
    due_date: row.dueDate,
    currency: structure.currency,
    amount_cents: row.amountCents,
    tax_cents: row.taxCents,
    lines: '[]',
    summary_number: row.summaryNumber,
    pdf_path: null,
    pdf_source: row.pdf === 'file' ? 'imported' : 'generated',
  };
}

async function generate(
  db: Db,
  structure: Structure,
  type: DocumentTypeRow,
  row: NewDocumentRow,
): Promise<Buffer> {
  const dossier = (await findDossierById(db, row.dossier_id))!;
  return generatePdfForDocument(
    {
      ...row,
      due_date: row.due_date ?? null,
      tax_cents: row.tax_cents ?? 0,
      lines: row.lines ?? '[]',
      summary_number: row.summary_number ?? null,
    },
    dossier,
    type,
    structure,
  );
}
