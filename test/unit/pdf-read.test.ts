import { describe, it, expect, vi, afterEach } from 'vitest';
import { UserError } from '../../src-shared/errors.js';
import { inspectPdf, readPdfText } from '../../src-main/pdf/read.js';
import { renderPdf } from '../../src-main/pdf/render.js';
import { declaredPageCount } from '../../src-main/pdf/pdf-limits.js';

/** A PDF as another program would hand it over: plain text on a few pages. */
function samplePdf(
  options: PDFKit.PDFDocumentOptions = {},
  pages = ['Facture n° 123'],
): Promise<Buffer> {
  return renderPdf({ ...options, autoFirstPage: false }, (doc) => {
    for (const text of pages) doc.addPage().fontSize(14).text(text, 72, 72);
  });
}

async function unreadableReason(action: Promise<unknown>): Promise<string> {
  const error: unknown = await action.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as UserError).code).toBe('error.pdf.unreadable');
  expect((error as UserError).params.file).toBe('releve.pdf');
  return String((error as UserError).params.reason);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('readPdfText', () => {
  it('returns the text of each page, phrases kept whole', async () => {
    const pdf = await samplePdf({}, [
      'Facture n° 123 — Bérénice Lefèvre-Côté',
      'Relevé de l’année 2026',
    ]);
    expect(await readPdfText(pdf)).toEqual([
      'Facture n° 123 — Bérénice Lefèvre-Côté',
      'Relevé de l’année 2026',
    ]);
  });

  it('opens a password-protected PDF with the right password only', async () => {
    const pdf = await samplePdf({ userPassword: '123456789', pdfVersion: '1.7ext3' });
    expect(await readPdfText(pdf, { password: '123456789' })).toEqual(['Facture n° 123']);
    const reason = await unreadableReason(
      readPdfText(pdf, { password: '000000000', fileLabel: 'releve.pdf' }),
    );
    expect(reason).toContain('mot de passe est incorrect');
  });

  it('leaves the caller’s buffer usable', async () => {
    const pdf = new Uint8Array(await samplePdf());
    await readPdfText(pdf);
    expect(await readPdfText(pdf)).toEqual(['Facture n° 123']);
  });
});

describe('inspectPdf', () => {
  it('counts the pages of a readable PDF', async () => {
    const pdf = await samplePdf({}, ['un', 'deux', 'trois']);
    expect(await inspectPdf(pdf, 'releve.pdf')).toEqual({ pageCount: 3, encrypted: false });
  });

  it('accepts a PDF encrypted only against changes, and says it is encrypted', async () => {
    const pdf = await samplePdf({ ownerPassword: 'bureau', permissions: { modifying: false } });
    expect(await inspectPdf(pdf, 'releve.pdf')).toEqual({ pageCount: 1, encrypted: true });
  });

  it('refuses an empty file', async () => {
    expect(await unreadableReason(inspectPdf(new Uint8Array(0), 'releve.pdf'))).toContain('vide');
  });

  it('refuses a file that is not a PDF', async () => {
    const text = Buffer.from('Nom;Montant\nBérénice;1234,56\n'.repeat(40));
    expect(await unreadableReason(inspectPdf(text, 'releve.pdf'))).toContain('pas un fichier PDF');
  });

  it('refuses a truncated PDF', async () => {
    const pdf = await samplePdf({}, ['un', 'deux']);
    const half = pdf.subarray(0, Math.floor(pdf.length / 2));
    expect(await unreadableReason(inspectPdf(half, 'releve.pdf'))).toContain('incomplet');
  });

  it('refuses a PDF whose content is damaged', async () => {
    const pdf = Buffer.from(await samplePdf());
    const stream = pdf.indexOf('stream\n') + 'stream\n'.length;
    pdf.fill('garbage', stream + 2, stream + 40);
    expect(await unreadableReason(inspectPdf(pdf, 'releve.pdf'))).toContain('endommagé');
  });

  it('reads a PDF whose index is wrong, as viewers do, without writing to the console', async () => {
    const log = vi.spyOn(console, 'log');
    const warn = vi.spyOn(console, 'warn');
    const pdf = (await samplePdf()).toString('latin1');
    const badIndex = Buffer.from(pdf.replace(/startxref\n\d+/, 'startxref\n17'), 'latin1');
    expect(await inspectPdf(badIndex, 'releve.pdf')).toEqual({ pageCount: 1, encrypted: false });
    expect(await readPdfText(badIndex)).toEqual(['Facture n° 123']);
    expect(log).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['RC4 (PDF 1.4)', '1.4'],
    ['AES-256 (PDF 1.7 ext. 3)', '1.7ext3'],
  ] as const)('refuses a password-protected PDF, %s, saying so', async (_name, pdfVersion) => {
    const pdf = await samplePdf({ userPassword: '123456789', pdfVersion });
    expect(await unreadableReason(inspectPdf(pdf, 'releve.pdf'))).toContain(
      'protégé par un mot de passe',
    );
  });
});

describe('page limits', () => {
  it('reads the page count the page tree declares, without parsing the file', async () => {
    const pdf = await samplePdf({}, ['un', 'deux', 'trois']);
    expect(declaredPageCount(pdf)).toBe(3);
    expect(declaredPageCount(Buffer.from('%PDF-1.7\n/Pages sans arbre\n%%EOF'))).toBeNull();
  });

  it('refuses a PDF over the page limit it is read with, naming the file and the limit', async () => {
    const pdf = await samplePdf({}, ['un', 'deux', 'trois']);
    const error: unknown = await readPdfText(pdf, {
      fileLabel: 'releve.pdf',
      limits: { maxBytes: pdf.length, maxPages: 2 },
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('error.pdf.tooManyPages');
    expect((error as UserError).params).toEqual({ file: 'releve.pdf', pages: 3, limit: 2 });
    const sized = await readPdfText(pdf, {
      fileLabel: 'releve.pdf',
      limits: { maxBytes: pdf.length - 1, maxPages: 10 },
    }).catch((caught: unknown) => caught);
    expect((sized as UserError).code).toBe('error.pdf.tooLarge');
    expect(await readPdfText(pdf, { limits: { maxBytes: pdf.length, maxPages: 3 } })).toHaveLength(
      3,
    );
  });
});
