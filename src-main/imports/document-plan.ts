// Step 3 for documents: every row of a billing export checked against the file, the
// dossiers and the journal, and matched to its PDF. Nothing is written here: the preview
// shows the plan and document-import.ts writes it.
import path from 'node:path';
import { DOCUMENT_TYPE_CODES } from '../../src-shared/domain/document-types.js';
import type { RecordTextField } from '../../src-shared/domain/records.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import * as iq from '../db/import-queries.js';
import { checkRecordText } from '../../src-shared/validation/record-text.js';
import { readAmount, readDate, readDocumentType, readPeriod } from './cell-values.js';
import { cellProblem } from './dossier-row-checks.js';
import { resolveMapping } from './column-mapping.js';
import type {
  ColumnMapping,
  DocumentField,
  DocumentImportOptions,
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

/** A row's text cells kept as they are: bounded and free of control characters. */
const BOUNDED_CELLS = [
  ['number', 'documentNumber'],
  ['summaryNumber', 'summaryNumber'],
  ['dossierNumber', 'number'],
] as const satisfies readonly (readonly [DocumentField, RecordTextField])[];

function planRow(
  line: number,
  cell: (field: DocumentField) => string,
  column: (field: DocumentField) => string,
  options: DocumentImportOptions,
  dossiers: Map<string, number>,
  today: string,
): PlannedDocument | RowProblem {
  for (const [field, limitedBy] of BOUNDED_CELLS) {
    const checked = checkRecordText(limitedBy, cell(field));
    if ('problem' in checked) return cellProblem(line, column(field), checked.problem);
  }
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

/**
 * A file a row names that is in the folder but went to another row: said as such, not as
 * missing from the folder.
 */
function usedByRow(problem: RowProblem, fileByLine: Map<number, string>): RowProblem {
  if (problem.code !== 'import.reason.pdfNotFound') return problem;
  const name = baseName(String(problem.params.file));
  for (const [otherLine, file] of fileByLine) {
    if (baseName(file) === name) {
      return {
        ...problem,
        code: 'import.reason.pdfUsedByRow',
        params: { ...problem.params, otherLine },
      };
    }
  }
  return problem;
}

function baseName(file: string): string {
  return path.posix.basename(file.replace(/\\/g, '/')).toLowerCase();
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
  rejected.push(...matches.problems.map((problem) => usedByRow(problem, matches.fileByLine)));
  for (const row of rows) {
    const file = matches.fileByLine.get(row.line);
    if (file) {
      row.pdf = 'file';
      row.pdfFile = file;
    }
  }
  return matches.unmatchedFiles;
}
