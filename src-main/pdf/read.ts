// Reads PDFs back (imported files, generated ones in tests) with pdfjs, and tells a user why a
// file cannot be used before anything is sent with it.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { UserError } from '../../src-shared/errors.js';
import {
  checkPageCount,
  checkPdfSize,
  declaredPageCount,
  DOCUMENT_PDF_LIMITS,
  type PdfLimits,
} from './pdf-limits.js';

export interface ReadPdfOptions {
  password?: string;
  /** The file name shown in error messages. */
  fileLabel?: string;
  /** Refused above these, before any page is read; one document's limits unless given. */
  limits?: PdfLimits;
}

export interface PdfInspection {
  pageCount: number;
  /** Encrypted without needing a password to open (restrictions only). */
  encrypted: boolean;
}

const DEFAULT_FILE_LABEL = 'document.pdf';
/** Readers accept the header and the end marker that far from the file's edges. */
const MARKER_SLACK = 1024;
const PASSWORD_NEEDED = 1;

type TextContentItem = Awaited<ReturnType<PDFPageProxy['getTextContent']>>['items'][number];

/** The text of each page; the items of a line are joined with spaces, lines with newlines. */
export async function readPdfText(
  bytes: Uint8Array,
  options: ReadPdfOptions = {},
): Promise<string[]> {
  const file = options.fileLabel ?? DEFAULT_FILE_LABEL;
  return withPdf(bytes, file, options, (pdf) => pagesText(pdf));
}

/** Checks that a file is a PDF Postier can open and send; throws 'error.pdf.unreadable' if not. */
export async function inspectPdf(
  bytes: Uint8Array,
  fileLabel: string,
  limits: PdfLimits = DOCUMENT_PDF_LIMITS,
): Promise<PdfInspection> {
  return withPdf(bytes, fileLabel, { limits }, async (pdf) => {
    // Reading every page is what finds damage the file's index hides.
    await pagesText(pdf);
    const { info } = await pdf.getMetadata();
    return { pageCount: pdf.numPages, encrypted: hasEncryption(info) };
  });
}

async function withPdf<T>(
  bytes: Uint8Array,
  file: string,
  { password, limits = DOCUMENT_PDF_LIMITS }: ReadPdfOptions,
  use: (pdf: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  checkPdfSize(bytes.length, file, limits);
  checkEnvelope(bytes, file);
  checkPageCount(declaredPageCount(bytes) ?? 0, file, limits);
  // pdfjs takes a third of a second to load: only a command that reads a PDF pays for it.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    // pdfjs may take ownership of (detach) the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    password,
    // Warnings (a repaired index, standard font data left out below) are not for the user's
    // console; real failures come back as rejected promises.
    verbosity: VerbosityLevel.ERRORS,
    stopAtErrors: true,
    isEvalSupported: false,
    // Text extraction needs no glyph shapes: no standard font files to load (pdfjs falls back
    // on its built-in metrics), no system fonts to search, no fetch.
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
  });
  try {
    const pdf = await task.promise;
    if (pdf.numPages === 0) throw unreadable(file, 'aucune page');
    // numPages comes from the file's index (about 1 s for 20,000 pages); reading the pages
    // is what takes minutes.
    checkPageCount(pdf.numPages, file, limits);
    return await use(pdf);
  } catch (error) {
    throw error instanceof UserError ? error : unreadable(file, reasonFor(error));
  } finally {
    await task.destroy();
  }
}

/** The cheap checks, with the clearest reasons: empty, not a PDF, cut short. */
function checkEnvelope(bytes: Uint8Array, file: string): void {
  if (bytes.length === 0) throw unreadable(file, 'le fichier est vide (0 octet)');
  const head = Buffer.from(bytes.subarray(0, MARKER_SLACK)).toString('latin1');
  if (!head.includes('%PDF-')) throw unreadable(file, 'ce n’est pas un fichier PDF');
  const tail = Buffer.from(bytes.subarray(-MARKER_SLACK)).toString('latin1');
  if (!tail.includes('%%EOF'))
    throw unreadable(file, 'le fichier est incomplet, peut-être tronqué');
}

function reasonFor(error: unknown): string {
  const { name, code } = (error ?? {}) as { name?: string; code?: number };
  if (name === 'PasswordException') {
    return code === PASSWORD_NEEDED
      ? 'il est protégé par un mot de passe'
      : 'le mot de passe est incorrect';
  }
  return 'le fichier est endommagé';
}

function unreadable(file: string, reason: string): UserError {
  return new UserError(
    'error.pdf.unreadable',
    { file, reason },
    `${file}: not a readable PDF (${reason})`,
  );
}

function hasEncryption(info: unknown): boolean {
  return (
    typeof info === 'object' &&
    info !== null &&
    Boolean((info as { EncryptFilterName?: unknown }).EncryptFilterName)
  );
}

async function pagesText(pdf: PDFDocumentProxy): Promise<string[]> {
  const pages: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pages.push(joinItems(content.items));
    page.cleanup();
  }
  return pages;
}

/**
 * pdfjs gives runs of text and already adds " " runs for the gaps between them, and `hasEOL` at
 * line ends: one line of text per printed line, single-spaced, searchable as printed.
 */
function joinItems(items: TextContentItem[]): string {
  let text = '';
  let direction: number | null = null;
  for (const item of items) {
    if (!('str' in item) || (item.str === '' && !item.hasEOL)) continue;
    // pdfjs marks no line end where the writing turns (a diagonal watermark over a page).
    const itemDirection = Math.atan2(item.transform[1] ?? 0, item.transform[0] ?? 1);
    if (direction !== null && Math.abs(itemDirection - direction) > 0.01) text += '\n';
    direction = itemDirection;
    text += item.hasEOL ? `${item.str}\n` : item.str;
  }
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n');
}
