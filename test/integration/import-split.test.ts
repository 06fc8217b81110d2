// One merged PDF of every invoice, split into one PDF per document by the number printed on
// its pages; every output opened back and checked page by page (on PostgreSQL too: the PDFs
// are then in the database, issue 16).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import muhammara from 'muhammara';
import { readPdfText } from '../../src-main/pdf/read.js';
import { postier as cli } from '../support/cli.js';
import { describeEachDialect, freshDataPlace, onPostgres } from '../support/dialects.js';
import {
  mergedInvoices,
  pdfOfPages,
  protectedPdf,
  truncatedPdf,
  writeText,
} from '../support/import-fixtures.js';
import { freshPostier, storedContents, tableCounts } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

const KEY = 'Facture n° (\\d+)';

/** 50 dossiers and their 50 invoices, imported from the billing export without PDFs. */
async function invoicesWithoutPdf(postier: Postier, folder: string, count = 50): Promise<void> {
  const dossiers = writeText(path.join(folder, 'clients.csv'), [
    'N° dossier;Nom;Email',
    ...Array.from({ length: count }, (_, i) => `D${i + 1};Client ${i + 1};c${i + 1}@example.com`),
  ]);
  let table = await postier.imports.loadTable(dossiers);
  await postier.imports.importDossiers(table, await postier.imports.mappingFor('dossiers', table));
  const invoices = writeText(path.join(folder, 'factures.csv'), [
    'N° dossier;N° facture;Date;Montant',
    ...Array.from({ length: count }, (_, i) => `D${i + 1};${1001 + i};31/10/2026;${100 + i},50`),
  ]);
  table = await postier.imports.loadTable(invoices);
  const result = await postier.imports.importDocuments(
    table,
    await postier.imports.mappingFor('documents', table),
    {
      defaultType: 'invoice',
    },
  );
  expect(result).toMatchObject({ imported: count, withoutPdf: count });
}

async function documentPdfPages(postier: Postier, number: string): Promise<string[]> {
  const document = (await postier.documents.journal({ text: number })).items.find(
    (d) => d.number === number,
  )!;
  return readPdfText(await postier.documents.readPdf(document.id));
}

describeEachDialect('splitting a merged PDF, on each database', ({ dialect, freshData }) => {
  it('gives back 50 invoices with the right pages, each in its own PDF', async () => {
    const postier = await freshPostier(await freshData());
    const folder = tempFolder();
    await invoicesWithoutPdf(postier, folder);
    const { pdf, invoices } = await mergedInvoices(50, { twoPageEvery: 4, cover: true });
    const merged = path.join(folder, 'factures-octobre.pdf');
    fs.writeFileSync(merged, pdf);

    const result = await postier.imports.splitPdf(merged, { key: KEY });
    expect(result.pageCount).toBe(1 + 50 + 12);
    expect(result.pagesBeforeFirstKey).toEqual([1]);
    expect(result.unmatchedKeys).toEqual([]);
    expect(result.documents).toHaveLength(50);
    expect(result.documents.every((d) => d.action === 'attach')).toBe(true);
    expect(result.documents[3]).toMatchObject({
      key: '1004',
      pages: [5, 6],
      documentNumber: '1004',
      dossierNumber: 'D4',
    });

    for (const invoice of invoices) {
      const pages = await documentPdfPages(postier, invoice.number);
      expect(pages).toHaveLength(invoice.pages);
      expect(pages[0]).toContain(
        `Facture n° ${invoice.number}\nRésidence Les Érables — client ${invoice.number}`,
      );
      if (invoice.pages === 2)
        expect(pages[1]).toContain(`Suite de la facture n° ${invoice.number}`);
    }
    const journal = (await postier.documents.journal({ limit: 100 })).items;
    expect(journal.every((d) => d.hasPdf && d.pdfSource === 'imported')).toBe(true);
    // In the database on PostgreSQL (by hash), in the data folder on SQLite.
    const paths = await postier.db.selectFrom('documents').select('pdf_path').execute();
    const where = dialect === 'postgres' ? /^sha256:[0-9a-f]{64}$/ : /^documents\/1\/2026-10\//;
    expect(paths.filter((p) => where.test(p.pdf_path ?? ''))).toHaveLength(50);
  }, 180_000);
});

describe('splitting a merged PDF', () => {
  it('previews with --dry-run without writing anything', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    await invoicesWithoutPdf(postier, folder, 5);
    const { pdf } = await mergedInvoices(6, { twoPageEvery: 2 });
    const merged = path.join(folder, 'fusion.pdf');
    fs.writeFileSync(merged, pdf);
    const result = await postier.imports.splitPdf(merged, { key: KEY, dryRun: true });
    expect(result.dryRun).toBe(true);
    expect(result.documents.map((d) => [d.key, d.pages, d.action])).toEqual([
      ['1001', [1], 'attach'],
      ['1002', [2, 3], 'attach'],
      ['1003', [4], 'attach'],
      ['1004', [5, 6], 'attach'],
      ['1005', [7], 'attach'],
    ]);
    expect(result.unmatchedKeys).toEqual([
      expect.objectContaining({
        key: '1006',
        pages: [8, 9],
        problem: expect.objectContaining({ code: 'import.reason.keyUnknown' }),
      }),
    ]);
    expect((await postier.documents.journal()).items.some((d) => d.hasPdf)).toBe(false);
    expect(await storedContents(postier)).toEqual([]);
  });

  it('creates documents for dossier keys, reads their number and amount, and reports unknown keys', async () => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    for (const number of ['P5', 'CA13'])
      await postier.records.createDossier(structure.id, { number, lastName: number });
    const folder = tempFolder();
    const merged = path.join(folder, 'avis.pdf');
    fs.writeFileSync(
      merged,
      await pdfOfPages([
        ['Avis d’échéance n°197', 'N° Client : P5', 'Prime : 1 234,56 €'],
        ['Conditions générales'],
        ['Avis d’échéance n°196', 'N° Client : CA13', 'Prime : 80,00 €'],
        ['Avis d’échéance n°195', 'N° Client : X9', 'Prime : 1,00 €'],
        ['Avis d’échéance n°194', 'N° Client : P5', 'Prime : 2,00 €'],
      ]),
    );
    const result = await postier.imports.splitPdf(merged, {
      key: 'N° Client : (\\w+)',
      type: 'notice',
      period: '2027-01',
      issueDate: '2026-12-20',
      numberKey: 'échéance n°(\\d+)',
      amountKey: 'Prime : ([\\d ,]+)',
    });
    expect(result.documents.map((d) => [d.key, d.pages, d.action, d.documentNumber])).toEqual([
      ['P5', [1, 2], 'create', '197'],
      ['CA13', [3], 'create', '196'],
    ]);
    expect(result.unmatchedKeys.map((p) => [p.key, p.pages, p.problem!.code])).toEqual([
      ['X9', [4], 'import.reason.keyUnknown'],
      ['P5', [5], 'import.reason.keyRepeated'],
    ]);
    const journal = (await postier.documents.journal({ sort: 'number', descending: false })).items;
    expect(
      journal.map((d) => [d.number, d.type, d.dossierNumber, d.period, d.issueDate, d.amountCents]),
    ).toEqual([
      ['196', 'notice', 'CA13', '2027-01', '2026-12-20', 8000],
      ['197', 'notice', 'P5', '2027-01', '2026-12-20', 123456],
    ]);
    expect(await documentPdfPages(postier, '197')).toEqual([
      'Avis d’échéance n°197\nN° Client : P5\nPrime : 1 234,56 €',
      'Conditions générales',
    ]);
  });

  it('replaces a PDF not yet sent, and never the PDF of a document already sent', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    await invoicesWithoutPdf(postier, folder, 2);
    const merged = path.join(folder, 'fusion.pdf');
    fs.writeFileSync(merged, (await mergedInvoices(2, { twoPageEvery: 99 })).pdf);
    await postier.imports.splitPdf(merged, { key: KEY });
    const first = (await postier.documents.journal({ text: '1001' })).items[0]!;
    const oldFile = await postier.documents.pdfPath(first.id);
    const pdfOf = async (id: number) =>
      (
        await postier.db
          .selectFrom('documents')
          .select('pdf_path')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).pdf_path;
    const oldReference = (await pdfOf(first.id))!;
    await postier.db
      .updateTable('documents')
      .set({ email_state: 'sent' })
      .where('number', '=', '1002')
      .execute();

    fs.writeFileSync(
      merged,
      await pdfOfPages([
        ['Facture n° 1001', 'corrigée'],
        ['Facture n° 1002', 'corrigée'],
      ]),
    );
    const again = await postier.imports.splitPdf(merged, { key: KEY });
    expect(again.documents.map((d) => [d.key, d.action])).toEqual([['1001', 'replace']]);
    expect(again.unmatchedKeys.map((p) => [p.key, p.problem!.code])).toEqual([
      ['1002', 'import.reason.alreadySent'],
    ]);
    expect((await documentPdfPages(postier, '1001'))[0]).toContain('corrigée');
    expect((await documentPdfPages(postier, '1002'))[0]).not.toContain('corrigée');
    // The document points at its new PDF and no document at the old one. In a data folder the
    // old file is removed; on PostgreSQL its content row stays (a content may be shared:
    // DatabaseContentStore.discard) and oldFile is only this workstation's copy of it.
    expect(await pdfOf(first.id)).not.toBe(oldReference);
    const stillPointing = await postier.db
      .selectFrom('documents')
      .select('id')
      .where('pdf_path', '=', oldReference)
      .execute();
    expect(stillPointing).toEqual([]);
    if (!onPostgres) expect(fs.existsSync(oldFile)).toBe(false);
    expect((await postier.documents.getDocument(first.id)).version).toBe(first.version + 1);
  });

  it('refuses an empty, protected, damaged or scanned PDF, or a key found nowhere, with nothing written', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    await invoicesWithoutPdf(postier, folder, 1);
    const before = await tableCounts(postier);
    const write = (name: string, bytes: Uint8Array) => {
      fs.writeFileSync(path.join(folder, name), bytes);
      return path.join(folder, name);
    };
    const cases: [string, Uint8Array, object][] = [
      [
        'vide.pdf',
        new Uint8Array(),
        {
          code: 'error.pdf.unreadable',
          params: { file: 'vide.pdf', reason: 'le fichier est vide (0 octet)' },
        },
      ],
      [
        'protege.pdf',
        await protectedPdf('1234'),
        { code: 'error.pdf.unreadable', params: { reason: 'il est protégé par un mot de passe' } },
      ],
      [
        'abime.pdf',
        await truncatedPdf(),
        { code: 'error.pdf.unreadable', params: { file: 'abime.pdf' } },
      ],
      [
        'scan.pdf',
        await pdfOfPages([[]]),
        { code: 'import.error.pdfNoText', params: { file: 'scan.pdf' } },
      ],
      [
        'autre.pdf',
        await pdfOfPages([['Bon de livraison 7']]),
        { code: 'import.error.noKeyFound', params: { file: 'autre.pdf', pattern: KEY } },
      ],
    ];
    for (const [name, bytes, error] of cases) {
      await expect(
        postier.imports.splitPdf(write(name, bytes), { key: KEY }),
      ).rejects.toMatchObject(error);
    }
    await expect(
      postier.imports.splitPdf(path.join(folder, 'absent.pdf'), { key: KEY }),
    ).rejects.toMatchObject({
      code: 'error.pdf.notFound',
    });
    expect(await tableCounts(postier)).toEqual(before);
    expect(await storedContents(postier)).toEqual([]);
  });

  it('keeps each page as it is: attributes inherited from the page tree survive the split', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    await invoicesWithoutPdf(postier, folder, 2);
    const merged = path.join(folder, 'herite.pdf');
    fs.writeFileSync(
      merged,
      pdfWithInheritedAttributes(['Facture n\xb0 1001', 'Facture n\xb0 1002']),
    );
    const result = await postier.imports.splitPdf(merged, { key: KEY });
    expect(result.documents.map((d) => d.key)).toEqual(['1001', '1002']);
    for (const number of ['1001', '1002']) {
      const document = (await postier.documents.journal({ text: number })).items[0]!;
      const reader = muhammara.createReader(await postier.documents.pdfPath(document.id));
      expect(reader.getPagesCount()).toBe(1);
      const page = reader.parsePage(0);
      expect([page.getMediaBox(), page.getRotate()]).toEqual([[0, 0, 300, 400], 90]);
      expect(await documentPdfPages(postier, number)).toEqual([`Facture n° ${number}`]);
    }
  });
});

/**
 * A PDF as some generators write it: page size, rotation and fonts given once on the page
 * tree, not on each page.
 */
function pdfWithInheritedAttributes(texts: string[]): Buffer {
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${texts.map((_, i) => `${4 + i * 2} 0 R`).join(' ')}] /Count ${texts.length}` +
      ' /MediaBox [0 0 300 400] /Rotate 90 /Resources << /Font << /F1 3 0 R >> >> >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ];
  for (const [i, text] of texts.entries()) {
    const content = `BT /F1 14 Tf 20 200 Td (${text}) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /Contents ${5 + i * 2} 0 R >>`);
    objects.push(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
  }
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

describe('postier documents split (CLI)', () => {
  it('prints the JSON plan of a dry run: documents, unmatched keys, pages before the first key', async () => {
    const data = await freshDataPlace();
    const folder = tempFolder();
    expect((await cli(['--data', data, 'init'])).code).toBe(0);
    const clients = writeText(path.join(folder, 'c.csv'), ['Numéro;Nom', '1001;Un', '1002;Deux']);
    expect((await cli(['--data', data, 'dossiers', 'import', clients])).code).toBe(0);
    const merged = path.join(folder, 'fusion.pdf');
    fs.writeFileSync(merged, (await mergedInvoices(3, { twoPageEvery: 2, cover: true })).pdf);
    const run = await cli([
      '--data',
      data,
      'documents',
      'split',
      merged,
      '--key',
      KEY,
      '--key-is',
      'dossier',
      '--period',
      '2026-10',
      '--dry-run',
      '--json',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      documents: { key: string; pages: number[]; action: string; documentNumber: string }[];
      unmatchedKeys: { key: string; reason: string }[];
      pagesBeforeFirstKey: number[];
    };
    expect(result.documents.map((d) => [d.key, d.pages, d.action, d.documentNumber])).toEqual([
      ['1001', [2], 'create', '2026-10-1001'],
      ['1002', [3, 4], 'create', '2026-10-1002'],
    ]);
    expect(result.unmatchedKeys).toEqual([
      expect.objectContaining({
        key: '1003',
        reason:
          'Pages 5 : « 1003 » n’est ni un numéro de document ni un numéro de dossier connu ; ces pages ne sont pas importées.',
      }),
    ]);
    expect(result.pagesBeforeFirstKey).toEqual([1]);
  });
});
