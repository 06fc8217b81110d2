// The document journal on a real SQLite file: adding (generated or imported PDF), filtering,
// paging, and refusing bad input without writing anything. On both databases: an imported
// PDF read back byte for byte by `postier documents pdf` on another workstation (issue 16).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { readPdfText } from '../../src-main/pdf/read.js';
import { postier as cli } from '../support/cli.js';
import { describeEachDialect } from '../support/dialects.js';
import { freshPostier, storedContents, tableCounts } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

async function withDossiers(): Promise<Postier> {
  const postier = await freshPostier();
  const structure = await postier.records.chooseStructure();
  await postier.records.createDossier(structure.id, {
    number: '1001',
    title: 'Mme',
    lastName: 'Lefèvre-Côté',
    firstName: 'Bérénice',
    address: '12, rue des Érables\nSherbrooke (Québec)',
  });
  await postier.records.createDossier(structure.id, {
    number: '1002',
    lastName: 'Tremblay',
    firstName: 'Gérard',
  });
  return postier;
}

function pdfFile(folder: string, text: string): Promise<string> {
  const file = path.join(folder, 'imported.pdf');
  return new Promise((resolve) => {
    const doc = new PDFDocument();
    const out = fs.createWriteStream(file);
    doc.pipe(out);
    doc.text(text);
    doc.end();
    out.on('finish', () => resolve(file));
  });
}

describe('documents journal', () => {
  it('generates the PDF of a new invoice, stored relative to the data folder', async () => {
    const postier = await withDossiers();
    const doc = await postier.documents.addDocument({
      dossierNumber: '1001',
      type: 'invoice',
      number: 'F-2026-10-001',
      period: '2026-10',
      issueDate: '2026-11-01',
      amountCents: 243_350,
    });
    expect(doc).toMatchObject({
      dossierNumber: '1001',
      dossierName: 'Mme Bérénice Lefèvre-Côté',
      type: 'invoice',
      hasPdf: true,
      pdfSource: 'generated',
      emailState: 'none',
      currency: 'CAD',
    });
    const row = await postier.db
      .selectFrom('documents')
      .select('pdf_path')
      .where('id', '=', doc.id)
      .executeTakeFirstOrThrow();
    const pdf = await postier.documents.readPdf(doc.id);
    if (postier.location.kind === 'folder') {
      expect(row.pdf_path).toMatch(/^documents\/\d+\/2026-10\/invoice-F-2026-10-001\.pdf$/);
    } else {
      // PostgreSQL keeps the PDF in the database (document_contents), referenced by its hash.
      expect(row.pdf_path).toBe(`sha256:${createHash('sha256').update(pdf).digest('hex')}`);
    }
    const text = (await readPdfText(pdf)).join('\n');
    expect(text).toContain('F-2026-10-001');
    expect(text).toContain('Bérénice Lefèvre-Côté');
    expect(text.replace(/[\u00a0\u202f]/g, ' ')).toContain('2 433,50 $');
    expect(text).not.toContain('EXEMPLAIRE DE DÉMONSTRATION');
  });

  it('watermarks the verification form, a draft type', async () => {
    const postier = await withDossiers();
    const doc = await postier.documents.addDocument({
      dossierNumber: '1002',
      type: 'verification',
      number: 'V-1',
      period: '2025',
      amountCents: 100,
    });
    const text = (await readPdfText(await postier.documents.readPdf(doc.id))).join('\n');
    expect(text).toContain('EXEMPLAIRE DE DÉMONSTRATION — non valide');
  });

  it('keeps an imported PDF byte for byte', async () => {
    const postier = await withDossiers();
    const source = await pdfFile(tempFolder(), 'Facture importée 777');
    const doc = await postier.documents.addDocument({
      dossierNumber: '1002',
      type: 'invoice',
      number: '777',
      period: '2026-10',
      amountCents: 5000,
      pdfFile: source,
    });
    expect(doc.pdfSource).toBe('imported');
    expect(Buffer.compare(await postier.documents.readPdf(doc.id), fs.readFileSync(source))).toBe(
      0,
    );
  });

  it('exports a PDF to a chosen file', async () => {
    const postier = await withDossiers();
    const doc = await postier.documents.addDocument({
      dossierNumber: '1001',
      type: 'notice',
      number: 'AE-1',
      period: '2026-11',
      amountCents: 1,
    });
    const out = path.join(tempFolder(), 'copie.pdf');
    await postier.documents.exportPdf(doc.id, out);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it.each([
    ['unknown dossier', { dossierNumber: '9999' }, 'error.dossier.notFound'],
    ['unknown type', { type: 'bon-de-commande' }, 'error.documentType.unknown'],
    ['bad period', { period: '13/2026' }, 'error.period.invalid'],
    ['bad date', { issueDate: '2026-02-30' }, 'error.date.invalid'],
    ['amount not a number', { amountCents: Number.NaN }, 'error.amount.invalid'],
    ['missing PDF file', { pdfFile: '/nulle/part/facture.pdf' }, 'error.pdf.notFound'],
  ])('refuses %s and leaves the database and folder unchanged', async (_label, override, code) => {
    const postier = await withDossiers();
    const before = await tableCounts(postier);
    const filesBefore = (await storedContents(postier)).length;
    await expect(
      postier.documents.addDocument({
        dossierNumber: '1001',
        type: 'invoice',
        number: 'X1',
        period: '2026-10',
        amountCents: 100,
        ...(override as object),
      } as never),
    ).rejects.toMatchObject({ code });
    expect(await tableCounts(postier)).toEqual(before);
    expect((await storedContents(postier)).length).toBe(filesBefore);
  });

  it('refuses an unreadable PDF file', async () => {
    const postier = await withDossiers();
    const folder = tempFolder();
    const garbage = path.join(folder, 'facture.pdf');
    fs.writeFileSync(garbage, 'ceci n’est pas un PDF');
    const before = await tableCounts(postier);
    await expect(
      postier.documents.addDocument({
        dossierNumber: '1001',
        type: 'invoice',
        number: 'X2',
        period: '2026-10',
        amountCents: 100,
        pdfFile: garbage,
      }),
    ).rejects.toMatchObject({ code: 'error.pdf.unreadable', params: { file: 'facture.pdf' } });
    expect(await tableCounts(postier)).toEqual(before);
  });

  it('refuses a duplicate document number and removes the PDF it had written', async () => {
    const postier = await withDossiers();
    await postier.documents.addDocument({
      dossierNumber: '1001',
      type: 'invoice',
      number: 'F1',
      period: '2026-10',
      amountCents: 100,
    });
    const files = () =>
      fs
        .readdirSync(postier.folder.documentsFolder, { recursive: true })
        .filter((f) => String(f).endsWith('.pdf'));
    const before = files();
    await expect(
      postier.documents.addDocument({
        dossierNumber: '1002',
        type: 'invoice',
        number: 'F1',
        period: '2026-10',
        amountCents: 100,
      }),
    ).rejects.toMatchObject({ code: 'error.document.duplicateNumber' });
    expect(files()).toEqual(before);
    // The same number for another type is a different document.
    await postier.documents.addDocument({
      dossierNumber: '1002',
      type: 'notice',
      number: 'F1',
      period: '2026-10',
      amountCents: 100,
    });
  });

  it('filters by type, period, state and text, sorts and pages', async () => {
    const postier = await withDossiers();
    for (let i = 1; i <= 12; i++) {
      await postier.documents.addDocument({
        dossierNumber: i % 2 ? '1001' : '1002',
        type: i % 3 ? 'invoice' : 'notice',
        number: `N-${String(i).padStart(2, '0')}`,
        period: i <= 6 ? '2026-09' : '2026-10',
        issueDate: `2026-10-${String(i).padStart(2, '0')}`,
        amountCents: i * 1000,
      });
    }
    await postier.db
      .updateTable('documents')
      .set({ email_state: 'sent', last_sent_at: '2026-10-20T10:00:00Z' })
      .where('number', '=', 'N-07')
      .execute();

    const all = await postier.documents.journal({ limit: 5 });
    expect(all.total).toBe(12);
    expect(all.items.map((d) => d.number)).toEqual(['N-12', 'N-11', 'N-10', 'N-09', 'N-08']);
    const page3 = await postier.documents.journal({ limit: 5, offset: 10 });
    expect(page3.items.map((d) => d.number)).toEqual(['N-02', 'N-01']);

    const notices = await postier.documents.journal({ types: ['notice'], period: '2026-10' });
    expect(notices.items.map((d) => d.number).sort()).toEqual(['N-09', 'N-12']);
    const sent = await postier.documents.journal({ emailStates: ['sent'] });
    expect(sent.items.map((d) => [d.number, d.lastSentAt])).toEqual([
      ['N-07', '2026-10-20T10:00:00Z'],
    ]);
    const byName = await postier.documents.journal({ text: 'tremblay', limit: 100 });
    expect(byName.total).toBe(6);
    const byAmount = await postier.documents.journal({
      sort: 'amount',
      descending: false,
      limit: 2,
    });
    expect(byAmount.items.map((d) => d.amountCents)).toEqual([1000, 2000]);
    const byDossier = await postier.documents.journal({ text: '1001', limit: 100 });
    expect(byDossier.total).toBe(6);
  });
});

describeEachDialect('a document’s PDF', ({ dialect, freshData }) => {
  it('imported on one workstation, is read back byte for byte by `documents pdf` on another', async () => {
    const data = await freshData();
    // Two workstations: each its own per-user folder (a server's files go there).
    const here = { XDG_CONFIG_HOME: tempFolder(), POSTIER_USER: 'sgagne' };
    const there = { XDG_CONFIG_HOME: tempFolder(), POSTIER_USER: 'mtremblay' };
    const run = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
      const result = await cli(['--data', data, ...args], env);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code, args.join(' ')).toBe(0);
      return result.stdout;
    };
    await run(here, 'init');
    await run(here, 'demo');
    const source = await pdfFile(tempFolder(), 'Facture importée 777');
    const added = await run(
      here,
      ...['documents', 'add', '--dossier', '1002', '--type', 'invoice', '--number', '777'],
      ...['--period', '2026-10', '--amount', '50', '--pdf', source],
    );
    const id = /\(id (\d+)\)/.exec(added)![1]!;
    const out = path.join(tempFolder(), 'lu.pdf');
    await run(there, 'documents', 'pdf', id, '--out', out);
    expect(Buffer.compare(fs.readFileSync(out), fs.readFileSync(source))).toBe(0);

    const office = await openPostier({ dataPath: data });
    const row = await office.db
      .selectFrom('documents')
      .select('pdf_path')
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow();
    const contents = await office.db.selectFrom('document_contents').select('sha256').execute();
    await office.close();
    const sha256 = createHash('sha256').update(fs.readFileSync(source)).digest('hex');
    if (dialect === 'postgres') {
      // In the database, by its hash: no file on either workstation.
      expect(row.pdf_path).toBe(`sha256:${sha256}`);
      expect(contents.map((c) => c.sha256)).toContain(sha256);
      const written = fs.readdirSync(here.XDG_CONFIG_HOME, { recursive: true }) as string[];
      expect(written.filter((f) => f.endsWith('.pdf'))).toEqual([]);
    } else {
      expect(row.pdf_path).toBe('documents/1/2026-10/invoice-777.pdf');
      expect(contents).toEqual([]);
    }
  });
});
