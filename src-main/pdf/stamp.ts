// Puts the draft watermark on an existing (imported) PDF, keeping its content as it is.
//
// The watermark is drawn by pdfkit, with the same code and built-in font as generated PDFs, into
// a small PDF with one page per page size; muhammara then places that page, as a form XObject,
// over each page of the imported file. No font file is needed and the text stays extractable.
import type muhammara from 'muhammara';
import { pdfAddon } from './muhammara-addon.js';
import { UserError } from '../../src-shared/errors.js';
import { inspectPdf } from './read.js';
import { renderPdf } from './render.js';

/** A page as it is shown: its visible box in the page's own space, and its rotation. */
interface PageGeometry {
  left: number;
  bottom: number;
  /** Width and height of the box before rotation. */
  width: number;
  height: number;
  /** 0, 90, 180 or 270, clockwise as /Rotate says. */
  rotate: number;
}

interface Size {
  width: number;
  height: number;
}

type Matrix = [number, number, number, number, number, number];

export async function stampWatermark(
  bytes: Uint8Array,
  text: string,
  fileLabel = 'document.pdf',
): Promise<Buffer> {
  // Clear reasons (password, damaged file) before muhammara's terse ones.
  await inspectPdf(bytes, fileLabel);
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const pages = rewriting(fileLabel, () => readGeometry(source));
  const sizes = distinctSizes(pages.map(shownSize));
  const { drawWatermark } = await import('./watermark.js');
  const watermarks = await renderPdf({ autoFirstPage: false }, (doc) => {
    for (const size of sizes) {
      doc.addPage({ size: [size.width, size.height], margin: 0 });
      drawWatermark(doc, text);
    }
  });
  return rewriting(fileLabel, () => overlay(source, pages, sizes, watermarks));
}

/**
 * muhammara is stricter than viewers: a file whose index is broken opens in pdfjs (and Acrobat)
 * but cannot be rewritten. The user gets the same advice as for any damaged file.
 */
function rewriting<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    const reason = 'sa structure interne est endommagée';
    throw new UserError('error.pdf.unreadable', { file, reason }, `${file}: ${String(error)}`);
  }
}

function readGeometry(source: Buffer): PageGeometry[] {
  const pdf = pdfAddon();
  const reader = pdf.createReader(new pdf.PDFRStreamForBuffer(source));
  return Array.from({ length: reader.getPagesCount() }, (_, index) => {
    const page = reader.parsePage(index);
    // muhammara gives boxes as [x1, y1, x2, y2] (not [x, y, width, height] as its typings say).
    const [x1, y1, x2, y2] = page.getCropBox();
    return {
      left: Math.min(x1, x2),
      bottom: Math.min(y1, y2),
      width: Math.abs(x2 - x1),
      height: Math.abs(y2 - y1),
      rotate: quarterTurns(page.getRotate()),
    };
  });
}

/** /Rotate as 0, 90, 180 or 270 (the format allows any multiple of 90, negative ones too). */
function quarterTurns(rotate: number): number {
  return (((Math.round(rotate / 90) * 90) % 360) + 360) % 360;
}

function shownSize(page: PageGeometry): Size {
  const sideways = page.rotate === 90 || page.rotate === 270;
  return sideways
    ? { width: page.height, height: page.width }
    : { width: page.width, height: page.height };
}

function sameSize(a: Size, b: Size): boolean {
  return Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;
}

function distinctSizes(sizes: Size[]): Size[] {
  return sizes.reduce<Size[]>(
    (kept, size) => (kept.some((k) => sameSize(k, size)) ? kept : [...kept, size]),
    [],
  );
}

/** Maps the watermark page (drawn upright, as the page is shown) onto the page's own space. */
function placement(page: PageGeometry): Matrix {
  const { left, bottom, width, height } = page;
  switch (page.rotate) {
    case 90:
      return [0, 1, -1, 0, left + width, bottom];
    case 180:
      return [-1, 0, 0, -1, left + width, bottom + height];
    case 270:
      return [0, -1, 1, 0, left, bottom + height];
    default:
      return [1, 0, 0, 1, left, bottom];
  }
}

function overlay(source: Buffer, pages: PageGeometry[], sizes: Size[], watermarks: Buffer): Buffer {
  const output = new BufferSink();
  const pdf = pdfAddon();
  const writer = pdf.createWriterToModify(new pdf.PDFRStreamForBuffer(source), output);
  const copying = writer.createPDFCopyingContext(new pdf.PDFRStreamForBuffer(watermarks));
  const forms = sizes.map((size, index) => {
    const form = writer.createFormXObject(0, 0, size.width, size.height);
    // The typings declare a page as first argument; the binding takes (and needs) a form.
    copying.mergePDFPageToFormXObject(form as unknown as muhammara.PDFPage, index);
    writer.endFormXObject(form);
    return form;
  });
  pages.forEach((page, index) => {
    const form = forms[sizes.findIndex((size) => sameSize(size, shownSize(page)))];
    if (!form) throw new Error(`No watermark drawn for page ${index + 1}.`);
    // `true` wraps the page's own content in q/Q so that its graphics state cannot leak into ours.
    const modifier = new pdf.PDFPageModifier(writer, index, true);
    modifier
      .startContext()
      .getContext()
      .q()
      .cm(...placement(page))
      .doXObject(form)
      .Q();
    modifier.endContext().writePage();
  });
  writer.end();
  return output.toBuffer();
}

/** muhammara's own buffer stream copies everything on each write; this one keeps the chunks. */
class BufferSink implements muhammara.WriteStream {
  private readonly chunks: Buffer[] = [];
  private position = 0;

  // muhammara passes plain arrays of byte values.
  write(bytes: number[]): number {
    this.chunks.push(Buffer.from(bytes));
    this.position += bytes.length;
    return bytes.length;
  }

  getCurrentPosition(): number {
    return this.position;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
