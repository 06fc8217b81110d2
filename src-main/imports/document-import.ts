// Documents from a billing export (one row per invoice or notice) and, optionally, a folder
// of PDFs: each row checked and matched to its PDF, then all of them written at once.
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_TYPE_CODES } from '../../src-shared/domain/document-types.js';
import type { Structure } from '../../src-shared/domain/records.js';
import { isUserError, UserError } from '../../src-shared/errors.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as dq from '../db/documents-queries.js';
import * as iq from '../db/import-queries.js';
import { findDossierById } from '../db/records-queries.js';
import type { DocumentTypeRow, NewDocumentRow } from '../db/schema.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { generatePdfForDocument } from '../documents/pdf-data.js';
import { inspectPdf } from '../pdf/read.js';
import { readAmount, readDate, readDocumentType, readPeriod } from './cell-values.js';
import { resolveMapping } from './column-mapping.js';
import { removeStoredPdfs, storeDocumentPdf, type StoredPdf } from '../documents/pdf-store.js';
import { rolledBack } from './dossier-import.js';
import type {
  ColumnMapping,
  DocumentField,
  DocumentImportOptions,
  DocumentImportPreview,
  DocumentImportResult,
  DocumentPreviewRow,
  LoadedTable,
  RowProblem,
} from './import-types.js';
import { listPdfFiles, matchPdfFiles } from './pdf-matching.js';
import { rejectDuplicates } from './row-problems.js';

export interface PlannedDocument extends DocumentPreviewRow {
  dossierId: number;
  taxCents: number;
  summaryNumber: string | null;
  explicitFile: string | null;
  /** The journal's document this row brings the PDF of. */
  existing: { id: number; version: number } | null;
}

export interface DocumentPlan {
  rows: PlannedDocument[];
  rejected: RowProblem[];
  unmatchedFiles: string[];
}

/** Checks every row against the file, the dossiers and the journal, and finds its PDF. */
export async function planDocuments(
  db: Db,
  structureId: number,
  table: LoadedTable,
  mapping: ColumnMapping<DocumentField>,
  options: DocumentImportOptions,
): Promise<DocumentPlan> {
  const label = path.basename(table.file);
  const indexes = resolveMapping('documents', table.headers, mapping, label);
  if (indexes.period === undefined && indexes.issueDate === undefined) {
    throw new UserError('import.error.missingColumn', {
      file: label,
      column: 'Période',
      headers: table.headers.join(', '),
    });
  }
  if (indexes.type === undefined && !options.defaultType) {
    throw new UserError('import.error.missingColumn', {
      file: label,
      column: 'Type',
      headers: table.headers.join(', '),
    });
  }
  const dossiers = new Map(
    (await iq.listDossiersForImport(db, structureId)).map((d) => [d.number, d.id]),
  );
  const existing = new Map(
    (await iq.listDocumentsForImport(db, structureId)).map((d) => [
      `${d.type_code}\u0000${d.number}`,
      d,
    ]),
  );
  const rejected: RowProblem[] = [];
  const planned: PlannedDocument[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const row of table.rows) {
    const cell = (field: DocumentField) => {
      const index = indexes[field];
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const column = (field: DocumentField) => table.headers[indexes[field] ?? -1] ?? field;
    const result = planRow(row.line, cell, column, options, dossiers, today);
    if ('code' in result) {
      rejected.push(result);
      continue;
    }
    const current = existing.get(`${result.type}\u0000${result.number}`);
    // Already in the journal: only its missing PDF may come now, and only before it is sent.
    if (current && (current.pdf_path !== null || current.email_state !== 'none')) {
      rejected.push(alreadyThere(result));
      continue;
    }
    if (current) {
      result.existing = { id: current.id, version: current.version };
      result.action = 'attach';
    }
    planned.push(result);
  }
  const { kept, duplicates } = rejectDuplicates(
    planned,
    (row) => `${row.type}\u0000${row.number}`,
    (row) => row.number,
  );
  rejected.push(...duplicates);
  const unmatchedFiles = matchFiles(kept, rejected, options);
  // An existing document without a PDF found now has nothing new to bring.
  rejected.push(...kept.filter((row) => row.existing && row.pdf !== 'file').map(alreadyThere));
  const rejectedLines = new Set(rejected.map((problem) => problem.line));
  const rows = kept.filter((row) => !rejectedLines.has(row.line));
  for (const row of rows) {
    if (row.pdf === 'none' && options.generateMissing) row.pdf = 'generate';
  }
  return { rows, rejected: rejected.sort((a, b) => a.line - b.line), unmatchedFiles };
}

function alreadyThere(row: PlannedDocument): RowProblem {
  return {
    line: row.line,
    code: 'import.reason.documentExists',
    params: { number: row.number, type: row.type },
  };
}

function planRow(
  line: number,
  cell: (field: DocumentField) => string,
  column: (field: DocumentField) => string,
  options: DocumentImportOptions,
  dossiers: Map<string, number>,
  today: string,
): PlannedDocument | RowProblem {
  const number = cell('number');
  if (number === '')
    return {
      line,
      code: 'import.reason.missingDocumentNumber',
      params: { column: column('number') },
    };
  const problem = (
    code: RowProblem['code'],
    field: DocumentField,
    value = cell(field),
  ): RowProblem => ({
    line,
    code,
    params: { number, value, column: column(field) },
  });
  const dossierNumber = cell('dossierNumber');
  if (dossierNumber === '') return problem('import.reason.missingDossierNumber', 'dossierNumber');
  const dossierId = dossiers.get(dossierNumber);
  if (dossierId === undefined) {
    return {
      line,
      code: 'import.reason.unknownDossier',
      params: { number, dossier: dossierNumber },
    };
  }
  const typeCell = cell('type');
  const type = typeCell ? readDocumentType(typeCell) : (options.defaultType ?? null);
  if (!type) {
    return {
      line,
      code: typeCell ? 'import.reason.unknownType' : 'import.reason.missingType',
      params: {
        number,
        value: typeCell,
        column: column('type'),
        types: DOCUMENT_TYPE_CODES.join(', '),
      },
    };
  }
  const amountCents = readAmount(cell('amount'));
  if (amountCents === null) return problem('import.reason.invalidAmount', 'amount');
  const taxCents = cell('tax') === '' ? 0 : readAmount(cell('tax'));
  if (taxCents === null) return problem('import.reason.invalidAmount', 'tax');
  const issueDate = cell('issueDate') === '' ? null : readDate(cell('issueDate'));
  if (cell('issueDate') !== '' && issueDate === null)
    return problem('import.reason.invalidDate', 'issueDate');
  const dueDate = cell('dueDate') === '' ? null : readDate(cell('dueDate'));
  if (cell('dueDate') !== '' && dueDate === null)
    return problem('import.reason.invalidDate', 'dueDate');
  let period: string | null;
  if (cell('period') !== '') {
    period = readPeriod(cell('period'));
    if (period === null) return problem('import.reason.invalidPeriod', 'period');
  } else {
    period = issueDate?.slice(0, 7) ?? null;
    if (period === null) return { line, code: 'import.reason.missingPeriod', params: { number } };
  }
  return {
    line,
    dossierId,
    dossierNumber,
    type,
    number,
    period,
    issueDate: issueDate ?? today,
    dueDate,
    amountCents,
    taxCents,
    summaryNumber: cell('summaryNumber') || null,
    explicitFile: cell('pdfFile') || null,
    existing: null,
    action: 'create',
    pdf: 'none',
    pdfFile: null,
  };
}

/** Sets each row's PDF; adds the rows whose PDF is missing or ambiguous to `rejected`. */
function matchFiles(
  rows: PlannedDocument[],
  rejected: RowProblem[],
  options: DocumentImportOptions,
): string[] {
  const explicit = rows.some((row) => row.explicitFile);
  if (!options.pdfDir) {
    if (explicit) {
      throw new UserError('import.error.pdfDirNeeded', {});
    }
    return [];
  }
  const files = listPdfFiles(options.pdfDir);
  const matches = matchPdfFiles(rows, files, options.pdfPattern);
  rejected.push(...matches.problems);
  for (const row of rows) {
    const file = matches.fileByLine.get(row.line);
    if (file) {
      row.pdf = 'file';
      row.pdfFile = file;
    }
  }
  return matches.unmatchedFiles;
}

// --- Preview and commit ------------------------------------------------------------------

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
  folder: DataFolder;
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
  const { db, folder, structure } = context;
  const plan = await planDocuments(db, structure.id, table, mapping, options);
  const rejected = [...plan.rejected];
  const pdfBytes = new Map<number, Uint8Array>();
  for (const row of plan.rows.filter((r) => r.pdf === 'file')) {
    const bytes = await readCheckedPdf(path.join(options.pdfDir!, row.pdfFile!), row, rejected);
    if (bytes) pdfBytes.set(row.line, bytes);
  }
  const rows = plan.rows.filter((row) => row.pdf !== 'file' || pdfBytes.has(row.line));
  const types = new Map((await dq.listDocumentTypes(db)).map((t) => [t.code, t]));
  const stored: StoredPdf[] = [];
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
        const file = storeDocumentPdf(
          folder,
          structure.id,
          row.period,
          type.code,
          row.number,
          bytes,
        );
        stored.push(file);
        insert.pdf_path = file.relative;
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
    removeStoredPdfs(stored);
    throw rolledBack(path.basename(table.file), error);
  }
}

async function readCheckedPdf(
  file: string,
  row: PlannedDocument,
  rejected: RowProblem[],
): Promise<Uint8Array | null> {
  try {
    const bytes = await fs.promises.readFile(file);
    await inspectPdf(bytes, path.basename(file));
    return bytes;
  } catch (error) {
    rejected.push({
      line: row.line,
      code: 'import.reason.pdfUnreadable',
      params: {
        number: row.number,
        file: row.pdfFile!,
        reason: isUserError(error) ? String(error.params.reason ?? '') : (error as Error).message,
      },
    });
    return null;
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
