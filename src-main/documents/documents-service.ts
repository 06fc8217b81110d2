// The document journal: adding documents (PDF generated or imported), listing, reading PDFs.
import path from 'node:path';
import {
  DOCUMENT_TYPE_CODES,
  isDocumentTypeCode,
  type DocumentTypeCode,
} from '../../src-shared/domain/document-types.js';
import type {
  DocumentInput,
  DocumentType,
  JournalDocument,
  JournalFilter,
  JournalPage,
} from '../../src-shared/domain/documents.js';
import { NO_SEND } from '../../src-shared/domain/document-send-state.js';
import { parseIsoDate, parsePeriod } from '../../src-shared/format/dates.js';
import { UserError } from '../../src-shared/errors.js';
import { boundedText } from '../../src-shared/validation/record-text.js';
import { isUniqueViolation, writeTransaction, type Db } from '../db/connection.js';
import * as q from '../db/documents-queries.js';
import { queryJournalPage } from '../db/journal-queries.js';
import { readDocumentSendStates } from '../db/document-send-state-queries.js';
import { findDossierByNumber } from '../db/records-queries.js';
import type { DocumentTypeRow } from '../db/schema.js';
import { writeFileAtomic } from '../data-folder/atomic-write.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { DOCUMENT_PDF_LIMITS, readPdfFile } from '../pdf/pdf-limits.js';
import { inspectPdf } from '../pdf/read.js';
import { dossierDisplayName, type RecordsService } from '../records/records-service.js';
import { generatePdfForDocument } from './pdf-data.js';
import { holderParams, StoredPdfIndex } from './pdf-reuse.js';
import { contentStoreFor, isContentReference, type DocumentContentStore } from './content-store.js';
import { documentPdfPlace, storeDocumentPdf } from './pdf-store.js';

const MAX_PAGE = 500;

export class DocumentsService {
  /** Where the PDFs are: the data folder's files, or the database (PostgreSQL). */
  readonly contents: DocumentContentStore;

  constructor(
    private readonly db: Db,
    private readonly folder: DataFolder,
    private readonly records: RecordsService,
  ) {
    this.contents = contentStoreFor(db, folder);
  }

  async listTypes(): Promise<DocumentType[]> {
    return (await q.listDocumentTypes(this.db)).map(toDocumentType);
  }

  /**
   * Adds a document: checks everything first, writes the PDF to the data folder, then
   * inserts the row. If the row cannot be inserted the PDF is removed: nothing half-written.
   */
  async addDocument(input: DocumentInput): Promise<JournalDocument> {
    const structure = await this.records.chooseStructure(input.structureId);
    const type = await this.requireType(input.type);
    const dossier = await findDossierByNumber(this.db, structure.id, input.dossierNumber.trim());
    if (!dossier) throw new UserError('error.dossier.notFound', { number: input.dossierNumber });
    const number = boundedText('documentNumber', input.number);
    if (number === '') throw new UserError('error.field.required', { field: 'number' });
    if (!Number.isSafeInteger(input.amountCents)) {
      throw new UserError('error.amount.invalid', { value: String(input.amountCents) });
    }
    // Said before a PDF is read or made (and a folder made for it), not after.
    if (
      await q.documentNumberTaken(this.db, { structureId: structure.id, typeId: type.id, number })
    )
      throw new UserError('error.document.duplicateNumber', { type: type.name_fr, number });
    const period = parsePeriod(input.period);
    const issueDate = parseIsoDate(input.issueDate ?? new Date().toISOString().slice(0, 10));
    const dueDate = input.dueDate ? parseIsoDate(input.dueDate) : null;
    const imported = input.pdfFile ? await this.readImportedPdf(input.pdfFile, structure.id) : null;

    const row = {
      structure_id: structure.id,
      dossier_id: dossier.id,
      type_id: type.id,
      number,
      period,
      issue_date: issueDate,
      due_date: dueDate,
      currency: structure.currency,
      amount_cents: input.amountCents,
      tax_cents: input.taxCents ?? 0,
      // No lines: the PDF layout prints one line named after the type and period.
      lines: JSON.stringify(input.lines ?? []),
      summary_number: input.summaryNumber
        ? boundedText('summaryNumber', input.summaryNumber) || null
        : null,
      pdf_source: imported ? ('imported' as const) : ('generated' as const),
    };
    const pdfBytes = imported ?? (await generatePdfForDocument(row, dossier, type, structure));
    const pdfPath = await storeDocumentPdf(
      this.contents,
      structure.id,
      period,
      type.code,
      number,
      pdfBytes,
    );
    try {
      const id = await writeTransaction(this.db, (tx) =>
        q.insertDocument(tx, { ...row, pdf_path: pdfPath }),
      );
      return await this.getDocument(id);
    } catch (error) {
      await this.contents.discard(pdfPath);
      if (isUniqueViolation(error)) {
        throw new UserError('error.document.duplicateNumber', { type: type.name_fr, number });
      }
      throw error;
    }
  }

  async getDocument(id: number): Promise<JournalDocument> {
    const found = (await this.journal({ documentIds: [id] })).items[0];
    if (!found) throw new UserError('error.document.notFound', { id });
    return found;
  }

  /** One page of the journal, filtered and sorted in SQL, after/before a cursor or at an offset. */
  async journal(filter: JournalFilter = {}): Promise<JournalPage> {
    const limit = Math.min(Math.max(1, filter.limit ?? 50), MAX_PAGE);
    const offset = Math.max(0, filter.offset ?? 0);
    const { after, before } = filter;
    const { total, rows, first, last } = await queryJournalPage(this.db, filter, {
      limit,
      offset,
      ...(after && { after }),
      ...(before && { before }),
    });
    // Two reads at once: on PostgreSQL each is a round trip to the server (a pool of connections).
    const ids = rows.map((r) => r.id);
    const [attachments, sends] = await Promise.all([
      q.countAttachments(this.db, ids),
      readDocumentSendStates(this.db, ids),
    ]);
    return {
      total,
      ...(first && { first }),
      ...(last && { last }),
      items: rows.map((r) => ({
        id: r.id,
        structureId: r.structure_id,
        dossierId: r.dossier_id,
        dossierNumber: r.dossier_number,
        dossierName: dossierDisplayName({
          title: r.dossier_title,
          first_name: r.dossier_first_name,
          last_name: r.dossier_last_name,
        }),
        type: r.type_code as DocumentTypeCode,
        number: r.number,
        period: r.period,
        issueDate: r.issue_date,
        dueDate: r.due_date,
        currency: r.currency,
        amountCents: r.amount_cents,
        taxCents: r.tax_cents,
        summaryNumber: r.summary_number,
        hasPdf: r.pdf_path !== null,
        pdfSource: r.pdf_source,
        emailState: (sends.get(r.id) ?? NO_SEND).state,
        send: sends.get(r.id) ?? NO_SEND,
        lastSentAt: r.last_sent_at,
        attachmentCount: attachments.get(r.id) ?? 0,
        version: r.version,
      })),
    };
  }

  /**
   * A file holding a document's PDF on this workstation (to open it): the data folder's, or
   * a copy of the database's (PostgreSQL).
   */
  async pdfPath(id: number): Promise<string> {
    return this.contents.localFile(await this.pdfReference(id));
  }

  async readPdf(id: number): Promise<Buffer> {
    return this.contents.read(await this.pdfReference(id));
  }

  /** A document's PDF with a file name for it (the stored file's, else type-number.pdf). */
  async namedPdf(id: number): Promise<{ fileName: string; bytes: Buffer }> {
    const detail = await this.pdfDetail(id);
    const fileName = isContentReference(detail.pdf_path)
      ? path.posix.basename(documentPdfPlace(0, '', detail.type_code, detail.number))
      : path.posix.basename(detail.pdf_path);
    return { fileName, bytes: await this.contents.read(detail.pdf_path) };
  }

  /** What documents.pdf_path holds: the store's reference of the PDF. */
  private async pdfReference(id: number): Promise<string> {
    return (await this.pdfDetail(id)).pdf_path;
  }

  private async pdfDetail(id: number) {
    const detail = await q.findDocumentDetail(this.db, id);
    if (!detail) throw new UserError('error.document.notFound', { id });
    if (!detail.pdf_path) throw new UserError('error.document.noPdf', { id });
    return { ...detail, pdf_path: detail.pdf_path };
  }

  /** Copies a document's PDF to `outFile` (through a temporary file: never a half PDF). */
  async exportPdf(id: number, outFile: string): Promise<string> {
    const target = path.resolve(outFile);
    writeFileAtomic(target, await this.readPdf(id));
    return target;
  }

  /** A PDF given for a new document: within the limits, readable, no other document's. */
  private async readImportedPdf(file: string, structureId: number): Promise<Buffer> {
    const label = path.basename(file);
    const bytes = await readPdfFile(file, label, DOCUMENT_PDF_LIMITS);
    await inspectPdf(bytes, label);
    const index = await StoredPdfIndex.build(this.db, this.contents, structureId);
    const holder = await index.holderOf(bytes);
    if (holder)
      throw new UserError('error.pdf.alreadyUsed', { file: label, ...holderParams(holder) });
    return bytes;
  }

  private async requireType(code: string): Promise<DocumentTypeRow> {
    const type = isDocumentTypeCode(code) ? await q.findDocumentType(this.db, code) : undefined;
    if (!type) {
      throw new UserError('error.documentType.unknown', {
        type: code,
        types: DOCUMENT_TYPE_CODES.join(', '),
      });
    }
    return type;
  }
}

export function toDocumentType(row: DocumentTypeRow): DocumentType {
  return {
    id: row.id,
    code: row.code as DocumentTypeCode,
    nameFr: row.name_fr,
    nameEn: row.name_en,
    passwordRule: row.password_rule,
    passwordFallback: row.password_fallback,
    watermark: row.watermark,
    requiresSummaryNumber: row.requires_summary_number === 1,
    version: row.version,
  };
}
