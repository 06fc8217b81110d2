// Files over Postier's limits, or not what their name says, refused with a message naming the
// file (or row) and the limit, before they cost minutes or gigabytes, and nothing half-imported:
// workbooks (zip bombs, text named .xlsx, cut short), CSVs, PDFs (too many pages, too big, not
// a PDF, cut short) and a PDF another row or document already has.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import {
  DOCUMENT_PDF_LIMITS,
  MERGED_PDF_LIMITS,
  type PdfLimits,
} from '../../src-main/pdf/pdf-limits.js';
import { MAX_TABLE_FILE_BYTES } from '../../src-main/imports/table-limits.js';
import { WORKBOOK_LIMITS } from '../../src-main/imports/workbook-check.js';
import { isUserError, type UserError } from '../../src-shared/errors.js';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import {
  addDossiers,
  pdfOfPages,
  truncatedPdf,
  writeText,
  writeWorkbook,
} from '../support/import-fixtures.js';
import {
  blankPagesPdf,
  deflatedPart,
  MB,
  SHEET_HEAD,
  SHEET_TAIL,
  sparseFile,
  workbookZip,
  zipBombSheet,
} from '../support/bad-files.js';
import { freshPostier, storedContents, tableCounts } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

/**
 * The same PDF with its page tree's type spelled with an escape (/P#61ges is /Pages, same
 * length, offsets kept): no plain-text scan finds it, only a real parser.
 */
async function escapedTreePdf(pages: number): Promise<Buffer> {
  const plain = (await blankPagesPdf(pages)).toString('latin1');
  expect(plain).toContain('<<\n/Type /Pages');
  return Buffer.from(plain.replace('<<\n/Type /Pages', '<</Type/P#61ges'), 'latin1');
}

/** The error a promise rejects with, rendered in French as the user reads it. */
async function refusal(promise: Promise<unknown>): Promise<{ error: UserError; text: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw new Error(`expected a UserError, got ${String(error)}`);
  return { error, text: translate('fr', error.code, error.params) };
}

/** A PDF a page over the page limit and one a byte over the size limit. */
async function overLimitPdfs(folder: string, limits: PdfLimits, names: [string, string]) {
  const many = path.join(folder, names[0]);
  fs.writeFileSync(many, await blankPagesPdf(limits.maxPages + 1));
  const big = sparseFile(
    path.join(folder, names[1]),
    limits.maxBytes + 1,
    await pdfOfPages([['Facture n° 1']]),
  );
  return { many, big };
}

/** Each file refused by `run` with its code, a message naming it and saying `said`. */
async function expectRefusals(
  cases: readonly (readonly [string, MessageKey, string])[],
  run: (file: string) => Promise<unknown>,
): Promise<void> {
  for (const [file, code, said] of cases) {
    const { error, text } = await refusal(run(file));
    expect(error.code, path.basename(file)).toBe(code);
    expect(text).toContain(`« ${path.basename(file)} »`);
    expect(text).toContain(said);
  }
}

/** The PDFs the content store holds: files under documents/, or rows on PostgreSQL. */
async function storedPdfs(postier: Postier): Promise<string[]> {
  return (await storedContents(postier)).filter((c) => c.pdf).map((c) => c.reference);
}

// --- Workbooks and CSVs ------------------------------------------------------------------

describe('table files over the limits', () => {
  it('refuses a zip bomb named .xlsx before inflating it, memory bounded', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    // 150 MB of sheet XML in a zip of a few hundred kilobytes; one directory honest about it,
    // one lying (it claims a kilobyte), which only inflating can catch.
    const sheet = await zipBombSheet(150 * MB);
    const honest = path.join(folder, 'bombe.xlsx');
    fs.writeFileSync(honest, await workbookZip(sheet));
    const lying = path.join(folder, 'bombe-menteuse.xlsx');
    fs.writeFileSync(lying, await workbookZip(sheet, () => 1024));
    expect(fs.statSync(lying).size).toBeLessThan(1 * MB);

    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      for (const file of [honest, lying]) {
        const { error, text } = await refusal(postier.imports.loadTable(file));
        expect(error.code).toBe('import.error.workbookTooLarge');
        expect(text).toContain(`« ${path.basename(file)} »`);
        expect(text).toContain(`${WORKBOOK_LIMITS.unpackedBytes / MB} Mo`);
      }
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    expect(peak).toBeLessThan(500 * MB);
  });

  it('refuses a workbook over the row or cell limit before exceljs builds it', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    const rows = await deflatedPart(
      'xl/worksheets/sheet1.xml',
      SHEET_HEAD,
      '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>',
      WORKBOOK_LIMITS.rows + 1,
      SHEET_TAIL,
    );
    const cells = await deflatedPart(
      'xl/worksheets/sheet1.xml',
      `${SHEET_HEAD}<row r="1">`,
      '<c/>',
      WORKBOOK_LIMITS.cells + 1,
      `</row>${SHEET_TAIL}`,
    );
    const cases = [
      ['lignes.xlsx', rows, 'import.error.workbookTooManyRows', WORKBOOK_LIMITS.rows],
      ['cellules.xlsx', cells, 'import.error.workbookTooManyCells', WORKBOOK_LIMITS.cells],
    ] as const;
    for (const [name, part, code, limit] of cases) {
      const file = path.join(folder, name);
      fs.writeFileSync(file, await workbookZip(part));
      const { error, text } = await refusal(postier.imports.loadTable(file));
      expect(error.code).toBe(code);
      expect(text).toContain(`« ${name} »`);
      expect(error.params.limit).toBe(limit);
    }
  });

  it('says when a file named .xlsx is not a workbook, is empty, or is cut short', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    const text = writeText(path.join(folder, 'clients.xlsx'), ['Numéro;Nom', '1;Tremblay']);
    const empty = path.join(folder, 'vide.xlsx');
    fs.writeFileSync(empty, '');
    const whole = await writeWorkbook(path.join(folder, 'entier.xlsx'), {
      Clients: [['Numéro', 'Nom'], ...Array.from({ length: 50 }, (_, i) => [i, `Client ${i}`])],
    });
    const cut = path.join(folder, 'coupe.xlsx');
    const bytes = fs.readFileSync(whole);
    fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    // The end record kept, a part's data lost in the middle: its inflation fails.
    const holed = path.join(folder, 'troue.xlsx');
    const damaged = Buffer.from(bytes);
    damaged.fill(0x41, 200, Math.floor(bytes.length / 2));
    fs.writeFileSync(holed, damaged);

    const cases = [
      [text, 'import.error.notAWorkbook'],
      [empty, 'import.error.emptyFile'],
      [cut, 'import.error.workbookDamaged'],
      [holed, 'import.error.workbookDamaged'],
    ] as const;
    for (const [file, code] of cases) {
      const { error, text: message } = await refusal(postier.imports.loadTable(file));
      expect(error.code, path.basename(file)).toBe(code);
      expect(message).toContain(`« ${path.basename(file)} »`);
    }
    // The whole workbook still reads.
    expect((await postier.imports.loadTable(whole)).rows).toHaveLength(50);
  });

  it('refuses a CSV over the size limit before reading it', async () => {
    const postier = await freshPostier();
    const file = sparseFile(
      path.join(tempFolder(), 'export.csv'),
      MAX_TABLE_FILE_BYTES + 1,
      Buffer.from('Numéro;Nom\r\n1;Tremblay\r\n'),
    );
    const { error, text } = await refusal(postier.imports.loadTable(file));
    expect(error.code).toBe('import.error.fileTooLarge');
    expect(text).toContain('« export.csv »');
    expect(text).toContain(`${MAX_TABLE_FILE_BYTES / MB} Mo`);
  });
});

// --- PDFs ----------------------------------------------------------------------------------

describe('PDFs over the limits or already used', () => {
  const addWithPdf = (postier: Postier, pdfFile: string, number = 'F-1') =>
    postier.documents.addDocument({
      dossierNumber: '12',
      type: 'invoice',
      number,
      period: '2026-10',
      amountCents: 100,
      pdfFile,
    });

  it('refuses, for documents add --pdf, a PDF over the page or size limit, not a PDF, or cut short', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12']);
    const folder = tempFolder();
    const { many, big } = await overLimitPdfs(folder, DOCUMENT_PDF_LIMITS, [
      'long.pdf',
      'lourd.pdf',
    ]);
    const escaped = path.join(folder, 'long-compact.pdf');
    fs.writeFileSync(escaped, await escapedTreePdf(DOCUMENT_PDF_LIMITS.maxPages + 1));
    const text = path.join(folder, 'texte.pdf');
    fs.writeFileSync(text, 'Ceci est un courriel enregistré, pas un PDF.\n');
    const cut = path.join(folder, 'coupe.pdf');
    fs.writeFileSync(cut, await truncatedPdf());
    const before = await tableCounts(postier);

    const cases = [
      [many, 'error.pdf.tooManyPages', `au plus ${DOCUMENT_PDF_LIMITS.maxPages} pages`],
      [escaped, 'error.pdf.tooManyPages', `a ${DOCUMENT_PDF_LIMITS.maxPages + 1} pages`],
      [big, 'error.pdf.tooLarge', `au plus ${DOCUMENT_PDF_LIMITS.maxBytes / MB} Mo`],
      [text, 'error.pdf.unreadable', 'ce n’est pas un fichier PDF'],
      [cut, 'error.pdf.unreadable', 'PDF lisible'],
    ] as const;
    await expectRefusals(cases, (file) => addWithPdf(postier, file));
    expect(await tableCounts(postier)).toEqual(before);
    expect(await storedPdfs(postier)).toEqual([]);
  });

  it('refuses a PDF already attached to another document, naming it', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12']);
    const file = path.join(tempFolder(), 'facture.pdf');
    fs.writeFileSync(file, await pdfOfPages([['Facture F-1']]));
    const first = await addWithPdf(postier, file, 'F-1');
    const { error, text } = await refusal(addWithPdf(postier, file, 'F-2'));
    expect(error.code).toBe('error.pdf.alreadyUsed');
    expect(text).toContain(`document F-1 (n° ${first.id})`);
    expect((await postier.documents.journal()).total).toBe(1);
  });

  it('leaves out the import rows whose PDF is over a limit, broken, or another row’s or document’s', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12', '13']);
    const folder = tempFolder();
    const pdfDir = path.join(folder, 'pdf');
    fs.mkdirSync(pdfDir);
    const write = (name: string, bytes: Buffer | string) =>
      fs.writeFileSync(path.join(pdfDir, name), bytes);
    const shared = await pdfOfPages([['Facture F-2']]);
    write('F-1.pdf', await blankPagesPdf(DOCUMENT_PDF_LIMITS.maxPages + 1));
    sparseFile(path.join(pdfDir, 'F-3.pdf'), DOCUMENT_PDF_LIMITS.maxBytes + 1, shared);
    write('F-2.pdf', shared);
    write('copie.pdf', shared);
    write('F-5.pdf', 'pas un PDF');
    write('F-6.pdf', await truncatedPdf());
    const attached = await pdfOfPages([['Facture F-0']]);
    write('deja.pdf', attached);
    const held = await postier.documents.addDocument({
      dossierNumber: '13',
      type: 'invoice',
      number: 'F-0',
      period: '2026-10',
      amountCents: 1,
      pdfFile: path.join(pdfDir, 'deja.pdf'),
    });
    const csv = writeText(path.join(folder, 'factures.csv'), [
      'N° client;Type;N° facture;Période;Montant;Fichier PDF',
      '12;Facture;F-1;10/2026;1;F-1.pdf',
      '12;Facture;F-2;10/2026;1;F-2.pdf',
      '12;Facture;F-3;10/2026;1;F-3.pdf',
      '13;Facture;F-4;10/2026;1;F-2.pdf',
      '12;Facture;F-5;10/2026;1;F-5.pdf',
      '12;Facture;F-6;10/2026;1;F-6.pdf',
      '13;Facture;F-7;10/2026;1;copie.pdf',
      '13;Facture;F-8;10/2026;1;deja.pdf',
    ]);
    const before = await tableCounts(postier);
    const table = await postier.imports.loadTable(csv);
    const mapping = await postier.imports.mappingFor('documents', table);
    const result = await postier.imports.importDocuments(table, mapping, { pdfDir });

    expect(result.imported).toBe(1);
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [2, 'import.reason.pdfTooManyPages'],
      [4, 'import.reason.pdfTooLarge'],
      [5, 'import.reason.pdfUsedByRow'],
      [6, 'import.reason.pdfUnreadable'],
      [7, 'import.reason.pdfUnreadable'],
      [8, 'import.reason.pdfUsedByRow'],
      [9, 'import.reason.pdfUsedByDocument'],
    ]);
    const said = Object.fromEntries(
      result.rejected.map((r) => [r.line, translate('fr', r.code, r.params)]),
    );
    expect(said[2]).toContain(`« F-1.pdf » a ${DOCUMENT_PDF_LIMITS.maxPages + 1} pages`);
    expect(said[4]).toContain(`limite de ${DOCUMENT_PDF_LIMITS.maxBytes / MB} Mo`);
    expect(said[5]).toBe(
      'Document F-4 : le PDF « F-2.pdf » est déjà utilisé par la ligne 3 ; un même PDF n’est pas joint à deux documents.',
    );
    expect(said[8]).toContain('« copie.pdf » est déjà utilisé par la ligne 3');
    expect(said[9]).toContain(`déjà celui du document F-0 (n° ${held.id})`);
    // Only F-2 came in, with its own PDF; nothing else written.
    expect(await tableCounts(postier)).toEqual({ ...before, documents: before.documents! + 1 });
    expect(await storedPdfs(postier)).toHaveLength(2);
  });

  it('bounds the merged PDF of a split: larger limits, still refused above them', async () => {
    const postier = await freshPostier();
    await addDossiers(postier, ['12']);
    const folder = tempFolder();
    const { many, big } = await overLimitPdfs(folder, MERGED_PDF_LIMITS, [
      'fusion.pdf',
      'fusion-lourde.pdf',
    ]);
    const before = await tableCounts(postier);
    const cases = [
      [many, 'error.pdf.tooManyPages', `au plus ${MERGED_PDF_LIMITS.maxPages} pages`],
      [big, 'error.pdf.tooLarge', `au plus ${MERGED_PDF_LIMITS.maxBytes / MB} Mo`],
    ] as const;
    await expectRefusals(cases, (file) =>
      postier.imports.splitPdf(file, { key: 'Facture n° (\\d+)' }),
    );
    // A merged file over one document's page limit but within a merged one's is read.
    const long = path.join(folder, 'mois.pdf');
    fs.writeFileSync(long, await blankPagesPdf(DOCUMENT_PDF_LIMITS.maxPages + 1));
    const { error } = await refusal(postier.imports.splitPdf(long, { key: 'Facture n° (\\d+)' }));
    expect(error.code).toBe('import.error.pdfNoText');
    expect(await tableCounts(postier)).toEqual(before);
  });
});
