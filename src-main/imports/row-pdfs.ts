// The PDFs of a documents import, read and checked before anything is written: within the
// size and page limits, readable, and not a PDF another row or another document already has
// (the same file twice would send one client's document to another). A row whose PDF fails
// is left out and named, with the reason.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { isUserError, type ErrorParams } from '../../src-shared/errors.js';
import type { MessageKey } from '../../src-shared/i18n/catalog.js';
import type { Db } from '../db/connection.js';
import type { DocumentContentStore } from '../documents/content-store.js';
import { holderParams, StoredPdfIndex } from '../documents/pdf-reuse.js';
import { DOCUMENT_PDF_LIMITS, readPdfFile } from '../pdf/pdf-limits.js';
import { inspectPdf } from '../pdf/read.js';
import type { RowProblem } from './import-types.js';

export interface RowWithPdf {
  line: number;
  number: string;
  pdfFile: string | null;
}

/** Row code for each refusal of the PDF readers; anything else reads "unusable (reason)". */
const ROW_CODES: Partial<Record<MessageKey, MessageKey>> = {
  'error.pdf.tooLarge': 'import.reason.pdfTooLarge',
  'error.pdf.tooManyPages': 'import.reason.pdfTooManyPages',
  'error.pdf.notFound': 'import.reason.pdfNotFound',
};

/** Each row's checked PDF bytes, by line; the refused rows added to `rejected`. */
export async function readRowPdfs(
  context: { db: Db; contents: DocumentContentStore; structureId: number },
  rows: RowWithPdf[],
  pdfDir: string,
  rejected: RowProblem[],
): Promise<Map<number, Uint8Array>> {
  const pdfs = new Map<number, Uint8Array>();
  if (rows.length === 0) return pdfs;
  const stored = await StoredPdfIndex.build(context.db, context.contents, context.structureId);
  const lineByHash = new Map<string, number>();
  for (const row of rows) {
    const file = row.pdfFile!;
    try {
      const bytes = await readPdfFile(
        path.join(pdfDir, file),
        path.basename(file),
        DOCUMENT_PDF_LIMITS,
      );
      await inspectPdf(bytes, path.basename(file));
      const hash = createHash('sha256').update(bytes).digest('hex');
      const otherLine = lineByHash.get(hash);
      if (otherLine !== undefined) {
        rejected.push(refusal(row, 'import.reason.pdfUsedByRow', { otherLine }));
        continue;
      }
      const holder = await stored.holderOf(bytes);
      if (holder) {
        rejected.push(refusal(row, 'import.reason.pdfUsedByDocument', holderParams(holder)));
        continue;
      }
      lineByHash.set(hash, row.line);
      pdfs.set(row.line, bytes);
    } catch (error) {
      rejected.push(rowProblem(row, error));
    }
  }
  return pdfs;
}

function rowProblem(row: RowWithPdf, error: unknown): RowProblem {
  if (!isUserError(error)) {
    return refusal(row, 'import.reason.pdfUnreadable', { reason: (error as Error).message });
  }
  const code = ROW_CODES[error.code];
  if (code) return refusal(row, code, error.params);
  return refusal(row, 'import.reason.pdfUnreadable', { reason: String(error.params.reason ?? '') });
}

function refusal(row: RowWithPdf, code: MessageKey, params: ErrorParams): RowProblem {
  // The row's own file name (as the row or the folder gives it), not the reader's label.
  return { line: row.line, code, params: { ...params, number: row.number, file: row.pdfFile! } };
}
