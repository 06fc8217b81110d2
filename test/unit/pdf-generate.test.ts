import { describe, it, expect } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DRAFT_WATERMARK, type DocumentTypeCode } from '../../src-shared/domain/document-types.js';
import type { DocumentLine } from '../../src-shared/domain/documents.js';
import { generateDocumentPdf, type PdfDocumentData } from '../../src-main/pdf/generate.js';
import { readPdfText } from '../../src-main/pdf/read.js';

function invoice(overrides: Partial<PdfDocumentData> = {}): PdfDocumentData {
  return {
    locale: 'fr-CA',
    currency: 'CAD',
    structure: {
      name: 'Résidence Les Érables',
      address: '12, rue Principale\nSaint-Élie (Québec) J0K 1A0',
      phone: '819 555-0100',
      email: 'compta@erables.example',
    },
    recipient: {
      displayName: 'Bérénice Lefèvre-Côté',
      address: '45, chemin du Lac\nMontréal (Québec) H2X 1Y4',
      dossierNumber: 'D-0042',
    },
    typeCode: 'invoice',
    number: '2026-0123',
    period: '2026-10',
    issueDate: '2026-10-31',
    dueDate: '2026-11-30',
    lines: [
      {
        label: 'Hébergement — chambre privée',
        quantity: 1,
        unitCents: 100_000,
        amountCents: 100_000,
      },
      { label: 'Soins d’hygiène', quantity: 3, unitCents: 2_500, amountCents: 7_500 },
    ],
    amountCents: 123_456,
    taxCents: 15_956,
    summaryNumber: null,
    watermark: null,
    ...overrides,
  };
}

async function textOf(data: PdfDocumentData): Promise<string[]> {
  return readPdfText(await generateDocumentPdf(data));
}

/** Whitespace-insensitive, as a reader searching the PDF would match a wrapped label. */
function flatten(pages: string[]): string {
  return pages.join('\n').replace(/\s+/g, ' ');
}

describe('generateDocumentPdf', () => {
  it('prints a French-Canadian invoice with its number, recipient, period, dates and totals', async () => {
    const [page, ...others] = await textOf(invoice());
    expect(others).toHaveLength(0);
    expect(page).toContain('Facture n° 2026-0123');
    expect(page).toContain('Résidence Les Érables');
    expect(page).toContain('Saint-Élie (Québec) J0K 1A0');
    expect(page).toContain('Tél. 819 555-0100');
    expect(page).toContain('Bérénice Lefèvre-Côté');
    expect(page).toContain('Montréal (Québec) H2X 1Y4');
    expect(page).toContain('N° de dossier D-0042');
    expect(page).toContain('Période octobre 2026');
    expect(page).toContain('Date d’émission 31 octobre 2026');
    expect(page).toContain('Date d’échéance 30 novembre 2026');
    expect(page).toContain('Hébergement — chambre privée 1 1 000,00 $ 1 000,00 $');
    expect(page).toContain('Soins d’hygiène 3 25,00 $ 75,00 $');
    expect(page).toContain('Sous-total 1 075,00 $');
    expect(page).toContain('Taxes 159,56 $');
    expect(page).toContain('Total 1 234,56 $');
  });

  it('prints euros with French spacing and uses A4 paper in France', async () => {
    const pdf = await generateDocumentPdf(invoice({ locale: 'fr-FR', currency: 'EUR' }));
    const [page = ''] = await readPdfText(pdf);
    // Intl puts a narrow no-break space (U+202F) in "1 234,56 €": it must not come out as "/".
    expect(page).toContain('Total 1 234,56 €');
    expect(page).not.toContain('/234');
    expect(page).toContain('Hébergement — chambre privée 1 1 000,00 € 1 000,00 €');
    expect(await pageSize(pdf)).toEqual({ width: 595.28, height: 841.89 });
  });

  it('prints an English invoice on Letter paper in Canada', async () => {
    const pdf = await generateDocumentPdf(invoice({ locale: 'en-CA' }));
    const [page = ''] = await readPdfText(pdf);
    expect(page).toContain('Invoice No. 2026-0123');
    expect(page).toContain('Period October 2026');
    expect(page).toContain('Due date November 30, 2026');
    expect(page).toContain('Total $1,234.56');
    expect(page).not.toContain('Facture');
    expect(await pageSize(pdf)).toEqual({ width: 612, height: 792 });
  });

  it.each<[DocumentTypeCode, string, string]>([
    ['invoice', 'Facture n° 7', 'Invoice No. 7'],
    ['notice', 'Avis d’échéance n° 7', 'Due notice No. 7'],
    ['taxslip', 'Relevé fiscal n° 7', 'Tax slip No. 7'],
    ['statement', 'Relevé de compte n° 7', 'Account statement No. 7'],
    ['verification', 'Formulaire de vérification n° 7', 'Verification form No. 7'],
  ])('titles a %s in both languages', async (typeCode, french, english) => {
    const [fr = ''] = await textOf(invoice({ typeCode, number: '7' }));
    const [en = ''] = await textOf(
      invoice({ typeCode, number: '7', locale: 'en-US', currency: 'USD' }),
    );
    expect(fr).toContain(french);
    expect(en).toContain(english);
  });

  it('prints the summary number of a tax slip and a yearly period', async () => {
    const [page = ''] = await textOf(
      invoice({
        typeCode: 'taxslip',
        period: '2026',
        summaryNumber: 'RL24-0001234',
        dueDate: null,
      }),
    );
    expect(page).toContain('N° de sommaire RL24-0001234');
    expect(page).toContain('Période 2026');
    expect(page).not.toContain('Date d’échéance');
  });

  it('shows the total alone, on one line named after the document, when there are no lines', async () => {
    const [page = ''] = await textOf(
      invoice({ typeCode: 'statement', lines: [], amountCents: 45_000, taxCents: 0 }),
    );
    expect(page).toContain('Relevé de compte — octobre 2026 1 450,00 $ 450,00 $');
    expect(page).toContain('Total 450,00 $');
    expect(page).not.toContain('Sous-total');
  });

  it('draws the watermark on every page only when one is given', async () => {
    const lines = manyLines(60);
    const draft = await textOf(invoice({ lines, watermark: DRAFT_WATERMARK }));
    const final = await textOf(invoice({ lines }));
    expect(draft.length).toBeGreaterThan(1);
    for (const page of draft) expect(page).toContain('EXEMPLAIRE DE DÉMONSTRATION — non valide');
    for (const page of final) expect(page).not.toContain('EXEMPLAIRE');
  });

  it('spreads 80 lines over several pages, repeating the table header, losing none', async () => {
    const lines = manyLines(80);
    const pages = await textOf(invoice({ lines }));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('Description Qté Prix unitaire Montant');
      expect(page).toContain(`Page ${index + 1} / ${pages.length}`);
    });
    const all = flatten(pages);
    for (const line of lines) expect(all).toContain(line.label);
    expect(pages.at(-1)).toContain('Total 1 234,56 $');
  });

  it('wraps a long label inside its column and keeps all of it', async () => {
    const label =
      'Frais de participation aux activités récréatives du mois, sorties accompagnées et matériel d’atelier compris, selon l’entente signée à l’admission';
    const pages = await textOf(
      invoice({ lines: [{ label, quantity: 1, unitCents: 5_000, amountCents: 5_000 }] }),
    );
    const [page = ''] = pages;
    expect(
      page.split('\n').find((line) => line.startsWith('Frais de participation')),
    ).not.toContain('l’admission');
    expect(flatten(pages)).toContain(label);
  });

  it('folds characters the built-in fonts lack instead of printing other letters', async () => {
    const [page = ''] = await textOf(
      invoice({
        recipient: { displayName: 'Nguyễn Thị Ánh', address: 'Hà Nội', dossierNumber: '7' },
      }),
    );
    expect(page).toContain('Nguyen Thi Ánh');
    expect(page).toContain('Hà Noi');
  });

  it('sets the title, author and creator, and gives the same bytes for the same document', async () => {
    const first = await generateDocumentPdf(invoice());
    const second = await generateDocumentPdf(invoice());
    expect(first.equals(second)).toBe(true);
    const pdf = await getDocument({ data: new Uint8Array(first), verbosity: 0 }).promise;
    const { info } = await pdf.getMetadata();
    await pdf.destroy();
    expect(info).toMatchObject({
      Title: 'Facture n°\u00a02026-0123',
      Author: 'Résidence Les Érables',
      Creator: 'Postier',
    });
  });

  it('refuses an issue date that is not a date', async () => {
    await expect(generateDocumentPdf(invoice({ issueDate: '31/10/2026' }))).rejects.toMatchObject({
      code: 'error.date.invalid',
    });
  });
});

function manyLines(count: number): DocumentLine[] {
  return Array.from({ length: count }, (_, index) => ({
    label: `Séance n° ${String(index + 1).padStart(3, '0')} — atelier d’ergothérapie`,
    quantity: (index % 4) + 1,
    unitCents: 1_250 + index,
    amountCents: ((index % 4) + 1) * (1_250 + index),
  }));
}

async function pageSize(pdf: Buffer): Promise<{ width: number; height: number }> {
  const document = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const page = await document.getPage(1);
  const [, , width = 0, height = 0] = page.view;
  await document.destroy();
  return { width: Math.round(width * 100) / 100, height: Math.round(height * 100) / 100 };
}
