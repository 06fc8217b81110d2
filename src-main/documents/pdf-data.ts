// Turns a document's row (with its dossier, type and structure) into what the PDF layout needs.
import type { DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type { DocumentLine } from '../../src-shared/domain/documents.js';
import type { Structure } from '../../src-shared/domain/records.js';
import type { DocumentDetailRow } from '../db/documents-queries.js';
import type { DocumentTypeRow, DossierRow } from '../db/schema.js';
import { generateDocumentPdf, type PdfDocumentData } from '../pdf/generate.js';
import { dossierDisplayName } from '../records/records-service.js';

/** The document's own fields that its PDF shows. */
type DocumentFields = Pick<
  DocumentDetailRow,
  | 'number'
  | 'period'
  | 'issue_date'
  | 'due_date'
  | 'currency'
  | 'amount_cents'
  | 'tax_cents'
  | 'lines'
  | 'summary_number'
>;

export type PdfSourceRow = DocumentFields &
  Pick<
    DocumentDetailRow,
    | 'dossier_number'
    | 'dossier_title'
    | 'dossier_first_name'
    | 'dossier_last_name'
    | 'dossier_address'
    | 'type_code'
    | 'type_watermark'
    | 'structure_name'
    | 'structure_address'
    | 'structure_phone'
    | 'structure_email'
    | 'structure_locale'
  >;

export function pdfDataFromDetail(row: PdfSourceRow): PdfDocumentData {
  return {
    locale: row.structure_locale,
    currency: row.currency,
    structure: {
      name: row.structure_name,
      address: row.structure_address,
      phone: row.structure_phone,
      email: row.structure_email,
    },
    recipient: {
      displayName: dossierDisplayName({
        title: row.dossier_title,
        first_name: row.dossier_first_name,
        last_name: row.dossier_last_name,
      }),
      address: row.dossier_address,
      dossierNumber: row.dossier_number,
    },
    typeCode: row.type_code as DocumentTypeCode,
    number: row.number,
    period: row.period,
    issueDate: row.issue_date,
    dueDate: row.due_date,
    lines: JSON.parse(row.lines) as DocumentLine[],
    amountCents: row.amount_cents,
    taxCents: row.tax_cents,
    summaryNumber: row.summary_number,
    watermark: row.type_watermark,
  };
}

/** Generates the PDF of a document not yet stored, from its fields and its owners' rows. */
export function generatePdfForDocument(
  document: DocumentFields,
  dossier: DossierRow,
  type: Pick<DocumentTypeRow, 'code' | 'watermark'>,
  structure: Structure,
): Promise<Buffer> {
  return generateDocumentPdf(
    pdfDataFromDetail({
      ...document,
      dossier_number: dossier.number,
      dossier_title: dossier.title,
      dossier_first_name: dossier.first_name,
      dossier_last_name: dossier.last_name,
      dossier_address: dossier.address,
      type_code: type.code,
      type_watermark: type.watermark,
      structure_name: structure.name,
      structure_address: structure.address,
      structure_phone: structure.phone,
      structure_email: structure.communicationEmail,
      structure_locale: structure.locale,
    }),
  );
}
