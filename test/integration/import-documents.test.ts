// Documents from a billing export and a folder of PDFs: each row matched to its PDF by
// number, bad rows and bad PDFs named, nothing half-imported. The command on both databases:
// on PostgreSQL the PDFs are in the database, read back from another workstation (issue 16).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { readPdfText } from '../../src-main/pdf/read.js';
import { postier as cli } from '../support/cli.js';
import { describeEachDialect, onPostgres } from '../support/dialects.js';
import {
  addDossiers,
  pdfOfPages,
  protectedPdf,
  truncatedPdf,
  writeText,
  writeWorkbook,
} from '../support/import-fixtures.js';
import {
  failInsertsWhere,
  freshPostier,
  storedContents,
  tableCounts,
} from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

const HEADER = 'N° client;Type;N° facture;Période;Date;Échéance;Montant TTC';

async function billingExport(folder: string): Promise<{ csv: string; pdfDir: string }> {
  const pdfDir = path.join(folder, 'pdf');
  fs.mkdirSync(pdfDir, { recursive: true });
  const invoice = async (name: string, text: string) =>
    fs.writeFileSync(path.join(pdfDir, name), await pdfOfPages([[text, 'Résidence Les Érables']]));
  await invoice('F-2026-012.pdf', 'Facture F-2026-012');
  await invoice('facture F-2026-112 Bélanger.pdf', 'Facture F-2026-112');
  await invoice('F-2026-1120.pdf', 'Facture F-2026-1120');
  await invoice('P5.pdf', 'Avis 197 pour P5');
  await invoice('autre.pdf', 'Rien à voir');
  fs.writeFileSync(path.join(pdfDir, 'F-2026-014.pdf'), '');
  fs.writeFileSync(path.join(pdfDir, 'F-2026-015.pdf'), await protectedPdf('secret'));
  fs.writeFileSync(path.join(pdfDir, 'F-2026-016.pdf'), await truncatedPdf());
  const csv = writeText(
    path.join(folder, 'factures.csv'),
    [
      HEADER,
      '12;Facture;F-2026-012;10/2026;31/10/2026;15/11/2026;1 234,56',
      '112;Facture;F-2026-112;10/2026;31/10/2026;;99,90 €',
      'P5;Avis d’échéance;197;01/2027;20/12/2026;;250',
      'CA13;Avis d’échéance;196;01/2027;20/12/2026;;80,00',
      '999;Facture;F-2026-099;10/2026;31/10/2026;;10',
      '12;Facture;F-2026-013;10/2026;31/10/2026;;douze',
      '12;Facture;F-2026-014;10/2026;31/10/2026;;1',
      '112;Facture;F-2026-015;10/2026;31/10/2026;;1',
      '112;Facture;F-2026-016;10/2026;31/10/2026;;1',
      '12;Facture;F-2026-017;10/2026;31/10/2026;;1',
      '112;Facture;F-2026-017;10/2026;31/10/2026;;2',
      '12;Bon de commande;B-1;10/2026;31/10/2026;;2',
      '12;Facture;F-2026-018;;;;3',
    ],
    'win1252',
  );
  return { csv, pdfDir };
}

async function importExport(
  postier: Postier,
  folder: string,
  options: { generateMissing?: boolean } = {},
) {
  const { csv, pdfDir } = await billingExport(folder);
  const table = await postier.imports.loadTable(csv);
  const mapping = await postier.imports.mappingFor('documents', table);
  return {
    table,
    mapping,
    pdfDir,
    result: await postier.imports.importDocuments(table, mapping, { pdfDir, ...options }),
  };
}

async function pdfTextOf(postier: Postier, number: string): Promise<string> {
  const document = (await postier.documents.journal({ text: number })).items.find(
    (d) => d.number === number,
  )!;
  return (await readPdfText(await postier.documents.readPdf(document.id))).join('\n');
}

describe('documents import', () => {
  it('matches each row to its PDF on token boundaries and names every row it leaves out', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12', '112', 'P5', 'CA13']);
    const { result } = await importExport(postier, tempFolder());

    expect(result).toMatchObject({ imported: 4, withPdf: 3, generated: 0, withoutPdf: 1 });
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [6, 'import.reason.unknownDossier'],
      [7, 'import.reason.invalidAmount'],
      [8, 'import.reason.pdfUnreadable'],
      [9, 'import.reason.pdfUnreadable'],
      [10, 'import.reason.pdfUnreadable'],
      [11, 'import.reason.duplicateInFile'],
      [12, 'import.reason.duplicateInFile'],
      [13, 'import.reason.unknownType'],
      [14, 'import.reason.missingPeriod'],
    ]);
    const reasons = result.rejected.map((r) => String(r.params.reason ?? ''));
    expect(reasons.slice(2, 5)).toEqual([
      'le fichier est vide (0 octet)',
      'il est protégé par un mot de passe',
      expect.stringMatching(/endommagé|incomplet/),
    ]);
    expect(result.unmatchedRows).toEqual([{ line: 5, number: '196' }]);
    expect(result.unmatchedFiles).toEqual(['autre.pdf', 'F-2026-1120.pdf']);

    // "F-2026-112" is the PDF whose name holds it, not "F-2026-1120".
    expect(await pdfTextOf(postier, 'F-2026-112')).toContain('Facture F-2026-112\n');
    expect(await pdfTextOf(postier, 'F-2026-012')).toContain('Facture F-2026-012');
    expect(await pdfTextOf(postier, '197')).toContain('Avis 197 pour P5');
    const journal = (await postier.documents.journal({ sort: 'number', descending: false })).items;
    expect(
      journal.map((d) => [
        d.number,
        d.type,
        d.dossierNumber,
        d.period,
        d.issueDate,
        d.dueDate,
        d.amountCents,
        d.hasPdf && d.pdfSource,
      ]),
    ).toEqual([
      ['196', 'notice', 'CA13', '2027-01', '2026-12-20', null, 8000, false],
      ['197', 'notice', 'P5', '2027-01', '2026-12-20', null, 25000, 'imported'],
      ['F-2026-012', 'invoice', '12', '2026-10', '2026-10-31', '2026-11-15', 123456, 'imported'],
      ['F-2026-112', 'invoice', '112', '2026-10', '2026-10-31', null, 9990, 'imported'],
    ]);
    expect(await tableCounts(postier)).toMatchObject({ documents: 4 });
  });

  it('generates the missing PDFs on request, and never imports a document twice', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12', '112', 'P5', 'CA13']);
    const { table, mapping, pdfDir, result } = await importExport(postier, tempFolder(), {
      generateMissing: true,
    });
    expect(result).toMatchObject({ imported: 4, withPdf: 3, generated: 1, withoutPdf: 0 });
    expect(await pdfTextOf(postier, '196')).toContain('196');

    const before = await tableCounts(postier);
    const files = (await storedContents(postier)).length;
    const again = await postier.imports.importDocuments(table, mapping, { pdfDir });
    expect(again.imported).toBe(0);
    expect(
      again.rejected.filter((r) => r.code === 'import.reason.documentExists').map((r) => r.line),
    ).toEqual([2, 3, 4, 5]);
    expect(await tableCounts(postier)).toEqual(before);
    expect((await storedContents(postier)).length).toBe(files);
  });

  it('brings the PDFs later to documents imported without them, and never to one already sent', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12', '112', 'P5', 'CA13']);
    const { csv, pdfDir } = await billingExport(tempFolder());
    const table = await postier.imports.loadTable(csv);
    const mapping = await postier.imports.mappingFor('documents', table);
    const first = await postier.imports.importDocuments(table, mapping);
    expect(first).toMatchObject({ imported: 7, attached: 0, withoutPdf: 7 });
    await postier.db
      .updateTable('documents')
      .set({ email_state: 'sent' })
      .where('number', '=', '197')
      .execute();

    const preview = await postier.imports.previewDocuments(table, mapping, { pdfDir });
    expect(preview.rows.map((r) => [r.number, r.action])).toEqual([
      ['F-2026-012', 'attach'],
      ['F-2026-112', 'attach'],
      ['F-2026-014', 'attach'],
      ['F-2026-015', 'attach'],
      ['F-2026-016', 'attach'],
    ]);
    const later = await postier.imports.importDocuments(table, mapping, { pdfDir });
    expect(later).toMatchObject({ imported: 0, attached: 2, withPdf: 0 });
    expect(
      later.rejected.filter((r) => r.code === 'import.reason.documentExists').map((r) => r.line),
    ).toEqual([4, 5]);
    expect(
      later.rejected.filter((r) => r.code === 'import.reason.pdfUnreadable').map((r) => r.line),
    ).toEqual([8, 9, 10]);
    expect(await pdfTextOf(postier, 'F-2026-112')).toContain('Facture F-2026-112');
    const journal = (await postier.documents.journal({ limit: 20 })).items;
    expect(
      journal
        .filter((d) => d.hasPdf)
        .map((d) => d.number)
        .sort(),
    ).toEqual(['F-2026-012', 'F-2026-112']);
    expect(await tableCounts(postier)).toMatchObject({ documents: 7 });
  });

  it('previews without writing anything', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12', '112', 'P5', 'CA13']);
    const { csv, pdfDir } = await billingExport(tempFolder());
    const table = await postier.imports.loadTable(csv);
    const preview = await postier.imports.previewDocuments(
      table,
      await postier.imports.mappingFor('documents', table),
      {
        pdfDir,
        limit: 2,
      },
    );
    expect(preview.rows.map((r) => [r.line, r.number, r.pdf, r.pdfFile])).toEqual([
      [2, 'F-2026-012', 'file', 'F-2026-012.pdf'],
      [3, 'F-2026-112', 'file', 'facture F-2026-112 Bélanger.pdf'],
    ]);
    // PDFs are only opened on commit: the preview counts the three bad PDFs as importable.
    expect(preview.toImport).toBe(7);
    expect(await tableCounts(postier)).toMatchObject({ documents: 0 });
    expect(await storedContents(postier)).toEqual([]);
  });

  it('reads a workbook with Excel dates and numbers, and a file-name column', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['A1']);
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'avis-a1.pdf'), await pdfOfPages([['Avis pour A1']]));
    const xlsx = await writeWorkbook(path.join(folder, 'avis.xlsx'), {
      Avis: [
        ['Dossier', 'N° avis', 'Date', 'Montant', 'Fichier'],
        ['A1', 42, new Date(Date.UTC(2026, 9, 31)), 1234.5, 'C:\\Exports\\avis-a1.pdf'],
      ],
    });
    const table = await postier.imports.loadTable(xlsx);
    const result = await postier.imports.importDocuments(
      table,
      await postier.imports.mappingFor('documents', table),
      {
        pdfDir: folder,
        defaultType: 'notice',
      },
    );
    expect(result).toMatchObject({ imported: 1, withPdf: 1, rejected: [] });
    const [document] = (await postier.documents.journal()).items;
    expect(document).toMatchObject({
      number: '42',
      type: 'notice',
      period: '2026-10',
      issueDate: '2026-10-31',
      amountCents: 123450,
    });
    expect((await readPdfText(await postier.documents.readPdf(document!.id))).join('')).toContain(
      'Avis pour A1',
    );
  });

  it('needs a type column or a default type, and a period or a date', async () => {
    const postier = await freshPostier();
    const file = writeText(path.join(tempFolder(), 'f.csv'), [
      'N° dossier;N° facture;Montant',
      '1;F1;10',
    ]);
    const table = await postier.imports.loadTable(file);
    const mapping = await postier.imports.mappingFor('documents', table);
    await expect(
      postier.imports.importDocuments(table, mapping, { defaultType: 'invoice' }),
    ).rejects.toMatchObject({
      code: 'import.error.missingColumn',
      params: { column: 'Période' },
    });
    await expect(postier.imports.importDocuments(table, mapping)).rejects.toMatchObject({
      code: 'import.error.missingColumn',
    });
  });

  it('removes the copied PDFs and leaves the journal as it was when the database fails', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12', '112', 'P5', 'CA13']);
    await failInsertsWhere(postier, 'documents', "new.number = '196'", 'réseau coupé');
    const before = await tableCounts(postier);
    await expect(importExport(postier, tempFolder())).rejects.toMatchObject({
      code: 'import.error.rolledBack',
      params: { file: 'factures.csv', detail: 'réseau coupé' },
    });
    expect(await tableCounts(postier)).toEqual(before);
    const pdfs = (await storedContents(postier)).filter((c) => c.pdf);
    if (onPostgres) {
      // PostgreSQL keeps a content row once stored, by design (content-store.ts `discard`: a
      // row may be shared by another workstation's document being written): the copies stay
      // in document_contents, but nothing in the journal points at them.
      expect(pdfs.length).toBeGreaterThan(0);
      const referencing = await postier.db
        .selectFrom('documents')
        .select('id')
        .where(
          'pdf_path',
          'in',
          pdfs.map((c) => c.reference),
        )
        .execute();
      expect(referencing).toEqual([]);
    } else {
      // A data folder's copied files are removed.
      expect(pdfs).toEqual([]);
    }
  });
});

describeEachDialect('postier documents import (CLI)', ({ freshData }) => {
  it('imports with --pdf-dir and prints the JSON result; another workstation reads the PDFs', async () => {
    const data = await freshData();
    const here = { XDG_CONFIG_HOME: tempFolder() };
    const there = { XDG_CONFIG_HOME: tempFolder() };
    expect((await cli(['--data', data, 'init'], here)).code).toBe(0);
    const folder = tempFolder();
    const clients = writeText(path.join(folder, 'clients.csv'), [
      'Numéro;Nom',
      '12;A',
      '112;B',
      'P5;C',
      'CA13;D',
    ]);
    expect((await cli(['--data', data, 'dossiers', 'import', clients], here)).code).toBe(0);
    const { csv, pdfDir } = await billingExport(folder);
    const run = await cli(
      ['--data', data, 'documents', 'import', csv, '--pdf-dir', pdfDir, '--json'],
      here,
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      imported: number;
      documentIds: number[];
      rejected: { line: number; reason: string }[];
      unmatchedFiles: string[];
    };
    expect(result.imported).toBe(4);
    expect(result.rejected.find((r) => r.line === 6)!.reason).toBe(
      'Document F-2026-099 : aucun dossier n° 999 ; importez ou créez d’abord ce dossier.',
    );
    expect(result.unmatchedFiles).toEqual(['autre.pdf', 'F-2026-1120.pdf']);
    // Each imported PDF, read back byte for byte where it was not imported.
    const sources = ['F-2026-012.pdf', 'facture F-2026-112 Bélanger.pdf', 'P5.pdf'];
    const read: Buffer[] = [];
    for (const id of result.documentIds) {
      const out = path.join(tempFolder(), `${id}.pdf`);
      const pdf = await cli(['--data', data, 'documents', 'pdf', String(id), '--out', out], there);
      if (pdf.stderr === `Le document n° ${id} n’a pas de PDF.\n`) continue;
      expect(pdf.stderr).toBe('');
      read.push(fs.readFileSync(out));
    }
    expect(read).toHaveLength(3);
    for (const source of sources) {
      const bytes = fs.readFileSync(path.join(pdfDir, source));
      expect(
        read.filter((r) => Buffer.compare(r, bytes) === 0),
        source,
      ).toHaveLength(1);
    }
  }, 180_000);
});
