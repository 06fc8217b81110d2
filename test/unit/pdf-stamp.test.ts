import { describe, it, expect } from 'vitest';
import { getDocument, Util } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DRAFT_WATERMARK } from '../../src-shared/domain/document-types.js';
import { UserError } from '../../src-shared/errors.js';
import { inspectPdf, readPdfText } from '../../src-main/pdf/read.js';
import { renderPdf } from '../../src-main/pdf/render.js';
import { stampWatermark } from '../../src-main/pdf/stamp.js';

interface ImportedPage {
  text: string;
  size: PDFKit.PDFDocumentOptions['size'];
  layout?: 'portrait' | 'landscape';
  /** Entries set on the page dictionary as another program may write them. */
  extra?: Record<string, unknown>;
}

/** A PDF as the office's billing software would export it. */
function importedPdf(pages: ImportedPage[]): Promise<Buffer> {
  return renderPdf({ autoFirstPage: false }, (doc) => {
    for (const page of pages) {
      doc.addPage({ size: page.size, layout: page.layout ?? 'portrait' });
      doc.fontSize(14).text(page.text, 72, 72);
      Object.assign(doc.page.dictionary.data, page.extra ?? {});
    }
  });
}

describe('stampWatermark', () => {
  it('adds the watermark to every page and keeps what was there', async () => {
    const original = await importedPdf([
      { text: 'Relevé fiscal 2026 — Bérénice Lefèvre-Côté', size: 'LETTER' },
      { text: 'Détail des frais de garde', size: 'LETTER' },
    ]);
    const stamped = await stampWatermark(original, DRAFT_WATERMARK);
    const pages = await readPdfText(stamped);
    expect(pages).toEqual([
      'Relevé fiscal 2026 — Bérénice Lefèvre-Côté\nEXEMPLAIRE DE DÉMONSTRATION — non valide',
      'Détail des frais de garde\nEXEMPLAIRE DE DÉMONSTRATION — non valide',
    ]);
    expect(await inspectPdf(stamped, 'releve.pdf')).toEqual({ pageCount: 2, encrypted: false });
  });

  it('draws it upright and rising, as the page is shown, on landscape, turned and cropped pages', async () => {
    const original = await importedPdf([
      { text: 'Paysage', size: 'A4', layout: 'landscape' },
      { text: 'Tournée', size: 'LETTER', extra: { Rotate: 90 } },
      { text: 'Tournée à l’envers', size: 'LETTER', extra: { Rotate: -90 } },
      { text: 'Retournée', size: 'LETTER', extra: { Rotate: 180 } },
      { text: 'Recadrée', size: 'LETTER', extra: { CropBox: [40, 300, 460, 720] } },
    ]);
    const stamped = await stampWatermark(original, 'COPIE');
    expect(await readPdfText(stamped)).toEqual([
      'Paysage\nCOPIE',
      'Tournée\nCOPIE',
      'Tournée à l’envers\nCOPIE',
      'Retournée\nCOPIE',
      'Recadrée\nCOPIE',
    ]);
    for (const angle of await shownAngles(stamped, 'COPIE')) {
      expect(angle).toBeGreaterThan(20);
      expect(angle).toBeLessThan(70);
    }
  });

  it('refuses a password-protected PDF with the reason a user understands', async () => {
    const locked = await renderPdf({ userPassword: '123456789' }, (doc) =>
      doc.text('Secret', 72, 72),
    );
    const error: unknown = await stampWatermark(locked, DRAFT_WATERMARK, 'releve.pdf').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({
      code: 'error.pdf.unreadable',
      params: { file: 'releve.pdf', reason: 'il est protégé par un mot de passe' },
    });
  });
  it('explains that a PDF with a broken index cannot be stamped', async () => {
    const original = (await importedPdf([{ text: 'Relevé', size: 'LETTER' }])).toString('latin1');
    const badIndex = Buffer.from(original.replace(/startxref\n\d+/, 'startxref\n17'), 'latin1');
    await expect(stampWatermark(badIndex, 'COPIE', 'releve.pdf')).rejects.toMatchObject({
      code: 'error.pdf.unreadable',
      params: { file: 'releve.pdf', reason: 'sa structure interne est endommagée' },
    });
  });
});

/** The angle, in degrees counter-clockwise as a reader sees the page, of `text` on each page. */
async function shownAngles(pdf: Buffer, text: string): Promise<number[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const angles: number[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const page = await document.getPage(number);
    const { items } = await page.getTextContent();
    const item = items.find((candidate) => 'str' in candidate && candidate.str === text);
    if (!item || !('str' in item)) throw new Error(`No "${text}" on page ${number}`);
    // The viewport applies /Rotate and the crop box; its y axis points down.
    const [a = 0, b = 0] = Util.transform(page.getViewport({ scale: 1 }).transform, item.transform);
    angles.push((Math.atan2(-b, a) * 180) / Math.PI);
  }
  await document.destroy();
  return angles;
}
