// How big a PDF Postier takes in. Reading a PDF's text costs about 9 ms a page and a send
// attaches the whole file: a 20,000-page file held an import for three minutes, and a file
// over the mail size limit could never be sent anyway. The size is checked before the file
// is read, the page count as soon as pdfjs has read the file's index, before any page.
import fs from 'node:fs';
import { UserError } from '../../src-shared/errors.js';

export interface PdfLimits {
  maxBytes: number;
  maxPages: number;
}

const MB = 1024 * 1024;

/** One client's document: it is attached to a message (20 MB by default, plan.ts). */
export const DOCUMENT_PDF_LIMITS: PdfLimits = { maxBytes: 20 * MB, maxPages: 500 };

/** A merged PDF to split (a month of invoices): larger, still read in about a minute. */
export const MERGED_PDF_LIMITS: PdfLimits = { maxBytes: 200 * MB, maxPages: 5000 };

/** The file's bytes, refused before reading when over the size limit. */
export async function readPdfFile(file: string, label: string, limits: PdfLimits): Promise<Buffer> {
  let size: number;
  try {
    size = (await fs.promises.stat(file)).size;
  } catch {
    throw new UserError('error.pdf.notFound', { file });
  }
  checkPdfSize(size, label, limits);
  return fs.promises.readFile(file);
}

export function checkPdfSize(size: number, label: string, limits: PdfLimits): void {
  if (size > limits.maxBytes) {
    throw new UserError(
      'error.pdf.tooLarge',
      { file: label, size: megabytes(size), limit: megabytes(limits.maxBytes) },
      `${label}: ${megabytes(size)} MB, over the ${megabytes(limits.maxBytes)} MB limit`,
    );
  }
}

export function checkPageCount(pages: number, label: string, limits: Pick<PdfLimits, 'maxPages'>) {
  if (pages > limits.maxPages) {
    throw new UserError(
      'error.pdf.tooManyPages',
      { file: label, pages, limit: limits.maxPages },
      `${label}: ${pages} pages, over the ${limits.maxPages}-page limit`,
    );
  }
}

const PAGES_TYPE = /\/Type\s*\/Pages(?![A-Za-z])/;
const COUNT = /\/Count\s+(\d+)/;

/**
 * The page count the file's page tree declares, read from the raw bytes without parsing:
 * the root node's /Count is the largest of the tree's. Null when the tree sits in compressed
 * object streams (pdfjs's numPages decides then): this is only the fast path for files
 * written plainly, which a 20,000-page export usually is.
 */
export function declaredPageCount(bytes: Uint8Array): number | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let most: number | null = null;
  for (let at = buffer.indexOf('/Pages'); at !== -1; at = buffer.indexOf('/Pages', at + 6)) {
    const start = Math.max(0, buffer.lastIndexOf('obj', at));
    const end = buffer.indexOf('endobj', at);
    const object = buffer.toString('latin1', start, end === -1 ? buffer.length : end);
    if (!PAGES_TYPE.test(object)) continue;
    const count = Number(COUNT.exec(object)?.[1] ?? NaN);
    if (Number.isSafeInteger(count)) most = Math.max(most ?? 0, count);
  }
  return most;
}

/** Megabytes with one decimal, as the messages show them. */
export function megabytes(bytes: number): string {
  return (Math.round((bytes / MB) * 10) / 10).toLocaleString('fr-FR');
}
