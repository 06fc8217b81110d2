// The import wizard's documents steps through the contract, with files the page uploaded (the
// page never holds a path): a billing export and the PDFs chosen one by one, matched by their
// names, previewed then imported; a merged PDF split with a dry run first. Paths never come
// back to the page.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfText } from '../../src-main/pdf/read.js';
import { addDossiers, mergedInvoices, pdfOfPages } from '../support/import-fixtures.js';
import { contractOver } from '../support/main-side.js';
import { freshPostier } from '../support/postier-fixture.js';

async function wizard() {
  const postier = await freshPostier();
  const structureId = (await postier.records.listStructures())[0]!.id;
  const { call } = contractOver(postier);
  const upload = async (name: string, bytes: Buffer | string): Promise<string> => {
    const result = await call('files.upload', {
      name,
      base64: Buffer.from(bytes).toString('base64'),
    });
    expect(result).toMatchObject({ ok: true });
    return (result as { value: { ref: string } }).value.ref;
  };
  return { postier, structureId, call, upload };
}

const INVOICES = [
  'N° dossier;N° facture;Date;Montant',
  '1001;F-1001;31/10/2026;2784,49',
  '1002;F-1002;31/10/2026;2360,25',
  '1003;F-1003;31/10/2026;2777,25',
].join('\r\n');

describe('documents with the PDFs the user chose', () => {
  it('matches each PDF by its name, previews, and imports with a PDF made for the row without one', async () => {
    const { postier, structureId, call, upload } = await wizard();
    await addDossiers(postier, ['1001', '1002', '1003']);
    const file = await upload('factures-octobre.csv', INVOICES);
    const pdfFiles = [
      await upload('facture_F-1001.pdf', await pdfOfPages([['Facture F-1001']])),
      await upload('facture_F-1002.pdf', await pdfOfPages([['Facture F-1002']])),
      await upload('relevé.pdf', await pdfOfPages([['Relevé']])),
    ];
    const options = {
      structureId,
      file,
      pdfFiles,
      pdfPattern: 'facture_{numero}',
      defaultType: 'invoice',
    };

    const preview = await call('imports.documentsPreview', options);
    expect(preview).toMatchObject({
      ok: true,
      value: {
        fileName: 'factures-octobre.csv',
        rowCount: 3,
        mapping: { columns: { dossierNumber: 'N° dossier', number: 'N° facture' } },
        toImport: 3,
        rejected: [],
        unmatchedRows: [{ line: 4, number: 'F-1003' }],
        unmatchedFiles: ['relevé.pdf'],
      },
    });
    const rows = (preview as { value: { rows: { number: string; pdf: string }[] } }).value.rows;
    expect(rows.map((r) => [r.number, r.pdf])).toEqual([
      ['F-1001', 'file'],
      ['F-1002', 'file'],
      ['F-1003', 'none'],
    ]);
    expect(JSON.stringify(preview)).not.toMatch(/postier-files-|folder-/);
    expect(await postier.documents.journal({})).toMatchObject({ total: 0 });

    const mapping = (preview as { value: { mapping: unknown } }).value.mapping;
    const result = await call('imports.documentsCommit', {
      ...options,
      mapping,
      generateMissing: true,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { imported: 3, withPdf: 2, generated: 1, withoutPdf: 0, rejected: [] },
    });
    const journal = await postier.documents.journal({ sort: 'number' });
    const first = journal.items.find((d) => d.number === 'F-1001')!;
    expect((await readPdfText(await postier.documents.readPdf(first.id))).join('\n')).toContain(
      'Facture F-1001',
    );
  });

  it('refuses two chosen PDFs with the same name, and a row whose dossier is unknown is named', async () => {
    const { postier, structureId, call, upload } = await wizard();
    await addDossiers(postier, ['1001', '1002']);
    const file = await upload('factures.csv', INVOICES);
    const twice = [
      await upload('facture_F-1001.pdf', await pdfOfPages([['A']])),
      await upload('FACTURE_F-1001.pdf', await pdfOfPages([['B']])),
    ];
    const sameName = await call('imports.documentsPreview', {
      structureId,
      file,
      pdfFiles: twice,
      defaultType: 'invoice',
    });
    expect(sameName).toMatchObject({
      ok: false,
      error: {
        code: 'ui.error.sameFileName',
        message: expect.stringContaining('« FACTURE_F-1001.pdf »'),
      },
    });

    const preview = await call('imports.documentsPreview', {
      structureId,
      file,
      defaultType: 'invoice',
    });
    expect(preview).toMatchObject({
      ok: true,
      value: { toImport: 2, rejected: [{ line: 4, message: expect.stringContaining('1003') }] },
    });
  });
});

describe('a merged PDF split from the wizard', () => {
  it('shows the cut in a dry run, writes nothing, then imports each part', async () => {
    const { postier, structureId, call, upload } = await wizard();
    await addDossiers(postier, ['1001', '1002', '1003']);
    const { pdf } = await mergedInvoices(3, { first: 1001, twoPageEvery: 2, cover: true });
    const file = await upload('factures-octobre.pdf', pdf);
    const input = {
      structureId,
      file,
      key: 'Facture n° (\\d+)',
      keyKind: 'dossier',
      type: 'invoice',
      period: '2026-10',
      issueDate: '2026-10-31',
    };

    const dry = await call('imports.splitPdf', { ...input, dryRun: true });
    expect(dry).toMatchObject({
      ok: true,
      value: {
        dryRun: true,
        pageCount: 5,
        pagesBeforeFirstKey: [1],
        unmatchedKeys: [],
        documents: [
          { key: '1001', pages: [2], action: 'create', dossierNumber: '1001', problem: null },
          { key: '1002', pages: [3, 4], action: 'create', dossierNumber: '1002' },
          { key: '1003', pages: [5], action: 'create', dossierNumber: '1003' },
        ],
      },
    });
    expect(await postier.documents.journal({})).toMatchObject({ total: 0 });

    const done = await call('imports.splitPdf', { ...input, dryRun: false });
    expect(done).toMatchObject({ ok: true, value: { dryRun: false } });
    const journal = await postier.documents.journal({});
    expect(journal.total).toBe(3);
    const second = journal.items.find((d) => d.dossierNumber === '1002')!;
    expect(await readPdfText(await postier.documents.readPdf(second.id))).toHaveLength(2);
  });

  it('says which key is wrong', async () => {
    const { structureId, call, upload } = await wizard();
    const file = await upload(path.basename('fusion.pdf'), await pdfOfPages([['Facture n° 1']]));
    const result = await call('imports.splitPdf', {
      structureId,
      file,
      key: 'Facture n° (\\d+',
      dryRun: true,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('(\\d+') },
    });
  });
});
