// The journals out: CSV that French Excel opens as is, and .xlsx with typed cells, read back.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { exportDocumentJournal } from '../../src-main/exports/document-journal-export.js';
import { exportSendJournalXlsx } from '../../src-main/outbox/journal-xlsx.js';
import { postier as cli } from '../support/cli.js';
import { writeText } from '../support/import-fixtures.js';
import { freshDataPlace } from '../support/dialects.js';
import { freshPostier } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

async function journalWithDocuments(postier: Postier): Promise<void> {
  const folder = tempFolder();
  let table = await postier.imports.loadTable(
    writeText(path.join(folder, 'c.csv'), [
      'Numéro;Civilité;Nom;Prénom;Email',
      '1;Mme;Côté; Hélène ;helene@example.com',
      '2;;=SOMME(A1);;leo@example.com',
      '3;Mme;Dubé; « K »;karine@example.com',
    ]),
  );
  await postier.imports.importDossiers(table, await postier.imports.mappingFor('dossiers', table));
  table = await postier.imports.loadTable(
    writeText(path.join(folder, 'f.csv'), [
      'N° dossier;N° facture;Date;Échéance;Montant;Taxes',
      '1;F-1;31/10/2026;15/11/2026;1 234,56;160,58',
      '2;AV-2;30/10/2026;;-12,50;0',
      '3;F-3;29/10/2026;;7;0',
    ]),
  );
  await postier.imports.importDocuments(
    table,
    await postier.imports.mappingFor('documents', table),
    {
      defaultType: 'invoice',
      generateMissing: true,
    },
  );
}

async function readSheet(file: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets[0]!;
}

describe('document journal export', () => {
  it('writes a CSV French Excel opens: BOM, semicolons, CRLF, 1234,56 and 31/10/2026', async () => {
    const postier = await freshPostier();
    await journalWithDocuments(postier);
    const file = path.join(tempFolder(), 'journal.csv');
    const result = await exportDocumentJournal(postier.db, file);
    expect(result).toEqual({ file, rows: 3 });
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\r\n');
    expect(
      text.startsWith(
        '\ufeffId;Type;N° document;N° dossier;Nom;Période;Date d’émission;Échéance;Montant;Taxes;Devise;PDF;Envoi par e-mail;Dernier envoi\r\n',
      ),
    ).toBe(true);
    expect(lines[1]).toMatch(
      /^\d+;Facture;F-3;3;Mme « K » Dubé;2026-10;29\/10\/2026;;7,00;0,00;CAD;généré;Non envoyé;$/,
    );
    // A name starting like a formula never runs in Excel; a negative amount stays a number.
    expect(lines[2]).toMatch(
      /^\d+;Facture;AV-2;2;'=SOMME\(A1\);2026-10;30\/10\/2026;;-12,50;0,00;CAD;généré;Non envoyé;$/,
    );
    expect(lines[3]).toMatch(
      /^\d+;Facture;F-1;1;Mme Hélène Côté;2026-10;31\/10\/2026;15\/11\/2026;1234,56;160,58;CAD;généré;Non envoyé;$/,
    );
    expect(lines[4]).toBe('');
  });

  it('writes an .xlsx workbook with dates as dates and amounts as numbers, filtered like the journal', async () => {
    const postier = await freshPostier();
    await journalWithDocuments(postier);
    const file = path.join(tempFolder(), 'journal.xlsx');
    expect((await exportDocumentJournal(postier.db, file, { text: 'F-' })).rows).toBe(2);
    const sheet = await readSheet(file);
    expect(sheet.name).toBe('Documents');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Id',
      'Type',
      'N° document',
      'N° dossier',
      'Nom',
      'Période',
      'Date d’émission',
      'Échéance',
      'Montant',
      'Taxes',
      'Devise',
      'PDF',
      'Envoi par e-mail',
      'Dernier envoi',
    ]);
    const row = sheet.getRow(3);
    expect(row.getCell(3).value).toBe('F-1');
    expect(row.getCell(7).value).toEqual(new Date(Date.UTC(2026, 9, 31)));
    expect(row.getCell(7).numFmt).toBe('dd/mm/yyyy');
    expect(row.getCell(9).value).toBe(1234.56);
    expect(row.getCell(9).numFmt).toBe('#,##0.00');
    expect(row.getCell(12).value).toBe('généré');
    expect(row.getCell(13).value).toBe('Non envoyé');
    expect(typeof row.getCell(1).value).toBe('number');
  });

  it('refuses an export file that is neither .csv nor .xlsx', async () => {
    const postier = await freshPostier();
    await expect(
      exportDocumentJournal(postier.db, path.join(tempFolder(), 'journal.ods')),
    ).rejects.toMatchObject({
      code: 'export.error.format',
      params: { file: 'journal.ods' },
    });
  });
});

describe('send journal export', () => {
  it('writes the send journal as .xlsx with local date-times and French event names, SIN masked', async () => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    await postier.records.updateStructure(structure.id, structure.version, {
      communicationEmail: 'bureau@example.com',
    });
    await journalWithDocuments(postier);
    await postier.records.updateDossier(
      (await postier.records.getDossierByNumber(structure.id, '1')).id,
      1,
      { sin: '046 454 286' },
    );
    const prepared = await postier.prepare.prepare({ type: 'invoice', period: '2026-10' });
    expect(prepared.queued.length).toBe(3);
    const f1 = (await postier.documents.journal({ text: 'F-1' })).items[0]!;
    await postier.db
      .updateTable('send_journal')
      .set({ detail: 'NAS 046-454-286 dans l’objet' })
      .where('document_id', '=', f1.id)
      .execute();

    const file = path.join(tempFolder(), 'envois.xlsx');
    const result = await exportSendJournalXlsx(postier.db, file);
    expect(result.rows).toBeGreaterThanOrEqual(3);
    const sheet = await readSheet(file);
    expect(sheet.name).toBe('Journal des envois');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Date',
      'Événement',
      'Utilisateur',
      'Poste',
      'Document',
      'Dossier',
      'Destinataires',
      'Détail',
      'Réponse du serveur',
    ]);
    const rows = sheet.getRows(2, result.rows)!;
    const queued = rows.filter((r) => r.getCell(2).value === 'Mis en file');
    expect(queued).toHaveLength(3);
    expect(queued.every((r) => r.getCell(1).value instanceof Date)).toBe(true);
    expect(queued.map((r) => r.getCell(7).value).sort()).toEqual([
      'helene@example.com',
      'karine@example.com',
      'leo@example.com',
    ]);
    const text = JSON.stringify(rows.map((r) => r.values));
    expect(text).not.toContain('046-454-286');
    expect(text).toContain('••• ••• 286');
  });
});

describe('export commands (CLI)', () => {
  it('exports the document journal and the send journal from the command line', async () => {
    const data = await freshDataPlace();
    const out = tempFolder();
    expect((await cli(['--data', data, 'demo'])).code).toBe(0);
    const documents = await cli([
      '--data',
      data,
      'documents',
      'export',
      '--out',
      path.join(out, 'docs.xlsx'),
      '--type',
      'invoice',
    ]);
    expect(documents.code).toBe(0);
    expect(documents.stdout).toMatch(/^\d+ lignes exportées dans « .*docs\.xlsx »\.\n$/);
    expect((await readSheet(path.join(out, 'docs.xlsx'))).actualRowCount).toBeGreaterThan(10);
    const journal = await cli([
      '--data',
      data,
      'journal',
      'export-xlsx',
      '--out',
      path.join(out, 'envois.xlsx'),
    ]);
    expect(journal.code).toBe(0);
    expect(fs.existsSync(path.join(out, 'envois.xlsx'))).toBe(true);
  });
});
