// Dossiers and correspondents from the files billing software exports: real CSV and Excel
// files, a real SQLite database, the real CLI.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { POSTIER_BIN, REPO_ROOT, postier as cli } from '../support/cli.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { freshDataPlace, onPostgres } from '../support/dialects.js';
import { writeText, writeWorkbook } from '../support/import-fixtures.js';
import { failInsertsWhere, freshPostier, tableCounts } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

const HEADER =
  'N° dossier;Civilité;Nom;Prénom;Adresse;Code postal;Ville;Email 1;Email 2;NAS;Gestionnaire;Groupe;Envoi par e-mail';

/** A Windows-1252 export with accents, « » quotes, a multi-line address and bad rows. */
function clientList(folder: string): string {
  return writeText(
    path.join(folder, 'clients.csv'),
    [
      HEADER,
      '1001;Mme;Lefèvre-Côté;Bérénice;"12 rue des Érables',
      'App. 3";H2X 1Y4;Montréal;helene.cote@example.com;fred@example.net;046 454 286;Émile Gagné;Étage 2;Oui',
      '1002;M.;Bélanger;Jean-François;8 av. « du Parc »;G1R 2B3;Québec;genevieve@example.com;;;Émile Gagné;;oui',
      ';M.;Sans;Numéro;;;;;;;;;',
      '1003;Mme;Mailly;Josiane;;;;pas-une-adresse;;;;;non',
      '1004;M.;Tremblay;Gérard;;;;gerard@example.com;;12345;;;',
      '1005;Mme;Gagnon;Thérèse;;;;therese@example.com;;;;;X',
      '1002;M.;Doublon;Ça;;;;x@example.com;;;;;',
      '1006;Mlle;Ouellet;Ghislaine;;;;ghislaine@example.com;g2@example.com;;;;peut-être',
    ],
    'win1252',
  );
}

/**
 * How much an import's transaction has written so far: SQLite's rollback journal (only that
 * transaction writes that much), or on PostgreSQL how much the dossiers table has grown (an
 * update writes each row's new version into it, committed or not).
 */
async function importWrites(data: string): Promise<() => Promise<number>> {
  if (!onPostgres) {
    const journal = path.join(data, 'postier.sqlite-journal');
    return async () => fs.statSync(journal, { throwIfNoEntry: false })?.size ?? 0;
  }
  const watcher = closeAfterTest(await openPostier({ dataPath: data }));
  const size = async () =>
    Number(
      (await sql<{ n: number }>`select pg_relation_size('dossiers') as n`.execute(watcher.db))
        .rows[0]!.n,
    );
  const start = await size();
  return async () => (await size()) - start;
}

describe('dossiers import', () => {
  it('imports a Windows-1252 client list: good rows in, every bad row named by its editor line', async () => {
    const postier = await freshPostier();
    const table = await postier.imports.loadTable(clientList(tempFolder()));
    expect(table).toMatchObject({
      format: 'csv',
      encoding: 'win1252',
      delimiter: ';',
      headerLine: 1,
    });
    const mapping = await postier.imports.mappingFor('dossiers', table);
    const result = await postier.imports.importDossiers(table, mapping);

    expect(result).toMatchObject({
      imported: 2,
      updated: 0,
      createdStaff: ['Émile Gagné'],
      createdGroups: ['Étage 2'],
    });
    // Line 2 spans two lines (quoted address): the next record is on line 4.
    expect(result.rejected.map((r) => [r.line, r.code])).toEqual([
      [4, 'import.reason.duplicateInFile'],
      [5, 'import.reason.missingNumber'],
      [6, 'import.reason.invalidEmail'],
      [7, 'import.reason.invalidSin'],
      [9, 'import.reason.duplicateInFile'],
      [10, 'import.reason.invalidYesNo'],
    ]);
    expect(result.rejected[0]!.params).toMatchObject({ number: '1002', lines: '9' });
    expect(result.rejected[4]!.params).toMatchObject({ number: '1002', lines: '4' });
    expect(result.rejected[2]!.params).toMatchObject({
      email: 'pas-une-adresse',
      column: 'Email 1',
    });
    // The SIN itself never appears in a report.
    expect(JSON.stringify(result)).not.toContain('12345');

    const dossier = await postier.records.getDossierByNumber(1, '1001');
    expect(dossier).toMatchObject({
      title: 'Mme',
      lastName: 'Lefèvre-Côté',
      firstName: 'Bérénice',
      address: '12 rue des Érables\nApp. 3\nH2X 1Y4 Montréal',
      emailOptIn: true,
      sinMasked: '••• ••• 286',
    });
    expect(dossier.correspondents.map((c) => [c.email, c.receivesDocuments])).toEqual([
      ['helene.cote@example.com', true],
      ['fred@example.net', true],
    ]);
    const staff = await postier.records.listStaff(1);
    expect(dossier.managerId).toBe(staff.find((s) => s.name === 'Émile Gagné')!.id);
    expect((await postier.records.getDossierByNumber(1, '1005')).emailOptIn).toBe(true);
    expect(await tableCounts(postier)).toMatchObject({ dossiers: 2, correspondents: 3 });
  });

  it('updates by number: file fields win, existing correspondents stay, Email 1/2 receive documents', async () => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    const existing = await postier.records.createDossier(structure.id, {
      number: '2001',
      lastName: 'Ancien',
      sin: '130 692 544',
      emailOptIn: false,
      correspondents: [
        { name: 'Tuteur', email: 'tuteur@example.com', receivesDocuments: true },
        { name: 'Fils', email: 'FILS@example.com', receivesDocuments: false },
      ],
    });
    const folder = tempFolder();
    const file = writeText(
      path.join(folder, 'maj.csv'),
      [
        'No client;Nom;Prénom;Courriel;Courriel 2;NAS',
        '2001;Nouveau;Zoé;fils@example.com;nouvelle@example.com;',
        '2002;Neuf;Léo;;;',
      ],
      'utf8-bom',
    );
    const table = await postier.imports.loadTable(file);
    expect(table.encoding).toBe('utf8');
    const result = await postier.imports.importDossiers(
      table,
      await postier.imports.mappingFor('dossiers', table),
    );
    expect(result).toMatchObject({ imported: 1, updated: 1, rejected: [] });

    const updated = await postier.records.getDossier(existing.id);
    expect(updated).toMatchObject({
      lastName: 'Nouveau',
      firstName: 'Zoé',
      emailOptIn: false,
      sinMasked: '••• ••• 544',
    });
    expect(updated.version).toBe(existing.version + 1);
    expect(updated.correspondents.map((c) => [c.email, c.receivesDocuments])).toEqual([
      ['tuteur@example.com', true],
      ['FILS@example.com', true],
      ['nouvelle@example.com', true],
    ]);
    // A dossier without an address is not opted in.
    expect((await postier.records.getDossierByNumber(structure.id, '2002')).emailOptIn).toBe(false);

    // Importing the same file again changes nothing but the versions.
    const again = await postier.imports.importDossiers(
      table,
      await postier.imports.mappingFor('dossiers', table),
    );
    expect(again).toMatchObject({ imported: 0, updated: 2 });
    expect(await tableCounts(postier)).toMatchObject({ dossiers: 2, correspondents: 3 });
  });

  it('reads tab-separated text and .xlsx workbooks (named sheet, numbers and dates as typed)', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    const tsv = writeText(
      path.join(folder, 'export.txt'),
      ['Numéro\tNom\tE-mail', '7\tTabulé\tt@example.com'],
      'utf8',
    );
    const tsvTable = await postier.imports.loadTable(tsv);
    expect(tsvTable.delimiter).toBe('\t');
    expect(tsvTable.rows[0]!.cells).toEqual(['7', 'Tabulé', 't@example.com']);

    const xlsx = await writeWorkbook(path.join(folder, 'clients.xlsx'), {
      Notes: [['rien ici']],
      Clients: [
        ['N° client', 'Nom', 'Prénom', 'Email', 'Opt-in'],
        [3001, 'Côté', 'Éloïse', 'eloise@example.com', true],
        [],
        [
          'P24',
          'Rondele',
          'Caroline',
          { text: 'caroline@example.com', hyperlink: 'mailto:caroline@example.com' },
          'Non',
        ],
      ],
    });
    const first = await postier.imports.loadTable(xlsx);
    // Unnamed: the first sheet holding data, not the notes before it.
    expect(first).toMatchObject({ format: 'xlsx', sheet: 'Clients', sheets: ['Notes', 'Clients'] });
    await expect(postier.imports.loadTable(xlsx, { sheet: 'Inconnue' })).rejects.toMatchObject({
      code: 'import.error.sheetNotFound',
      params: { sheet: 'Inconnue', sheets: 'Notes, Clients' },
    });
    const table = await postier.imports.loadTable(xlsx, { sheet: 'Clients' });
    expect(table.rows.map((r) => r.line)).toEqual([2, 4]);
    const result = await postier.imports.importDossiers(
      table,
      await postier.imports.mappingFor('dossiers', table),
    );
    expect(result).toMatchObject({ imported: 2, rejected: [] });
    const p24 = await postier.records.getDossierByNumber(1, 'P24');
    expect([p24.emailOptIn, p24.correspondents[0]!.email]).toEqual([false, 'caroline@example.com']);
    expect((await postier.records.getDossierByNumber(1, '3001')).emailOptIn).toBe(true);
  });

  it('lets the user correct a wrong encoding guess', async () => {
    const postier = await freshPostier();
    // UTF-8 bytes that are also valid Windows-1252 text: only the user knows.
    const file = writeText(path.join(tempFolder(), 'c.csv'), ['Numéro;Nom', '1;Côté'], 'utf8');
    const guessed = await postier.imports.loadTable(file);
    expect(guessed.rows[0]!.cells[1]).toBe('Côté');
    const forced = await postier.imports.loadTable(file, { encoding: 'win1252' });
    expect(forced).toMatchObject({ encoding: 'win1252', encodingOverridden: true });
    expect(forced.rows[0]!.cells[1]).toBe('CÃ´tÃ©');
  });

  it('refuses unusable files with a message naming the file or the column', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    fs.writeFileSync(path.join(folder, 'vide.csv'), '');
    await expect(postier.imports.loadTable(path.join(folder, 'vide.csv'))).rejects.toMatchObject({
      code: 'import.error.emptyFile',
      params: { file: 'vide.csv' },
    });
    writeText(path.join(folder, 'entete.csv'), ['Numéro;Nom']);
    await expect(postier.imports.loadTable(path.join(folder, 'entete.csv'))).rejects.toMatchObject({
      code: 'import.error.noRows',
    });
    fs.writeFileSync(
      path.join(folder, 'ancien.xls'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]),
    );
    await expect(postier.imports.loadTable(path.join(folder, 'ancien.xls'))).rejects.toMatchObject({
      code: 'import.error.oldExcelFormat',
    });
    const noName = writeText(path.join(folder, 'sans-nom.csv'), [
      'N° dossier;Prénom;Email',
      '1;Luc;l@example.com',
    ]);
    const table = await postier.imports.loadTable(noName);
    const before = await tableCounts(postier);
    await expect(
      postier.imports.importDossiers(table, await postier.imports.mappingFor('dossiers', table)),
    ).rejects.toMatchObject({
      code: 'import.error.missingColumn',
      params: { file: 'sans-nom.csv', column: 'Nom', headers: 'N° dossier, Prénom, Email' },
    });
    expect(await tableCounts(postier)).toEqual(before);
  });

  it('saves a mapping by name and reuses it next month, whatever the column order', async () => {
    const postier = await freshPostier();
    const folder = tempFolder();
    const october = await postier.imports.loadTable(
      writeText(path.join(folder, 'oct.csv'), [
        'Code;Famille;Adresse électronique',
        'A1;Roy;roy@example.com',
      ]),
    );
    const mapping = {
      columns: { number: 'Code', lastName: 'Famille', email1: 'Adresse électronique' },
    };
    await postier.imports.saveMapping('Logiciel X', 'dossiers', mapping);
    expect((await postier.imports.listMappings()).map((m) => [m.name, m.kind])).toEqual([
      ['Logiciel X', 'dossiers'],
    ]);
    await postier.imports.importDossiers(october, mapping);

    const november = await postier.imports.loadTable(
      writeText(path.join(folder, 'nov.csv'), [
        'Adresse électronique;Code;Famille',
        'lee@example.com;A2;Lee',
      ]),
    );
    const saved = await postier.imports.mappingFor('dossiers', november, 'Logiciel X');
    expect((await postier.imports.importDossiers(november, saved)).imported).toBe(1);
    expect((await postier.records.getDossierByNumber(1, 'A2')).correspondents[0]!.email).toBe(
      'lee@example.com',
    );
    await expect(postier.imports.mappingFor('dossiers', november, 'Autre')).rejects.toMatchObject({
      code: 'import.error.mappingNotFound',
      params: { names: 'Logiciel X' },
    });
  });

  it('rolls the whole import back when the database fails part-way, and says so', async () => {
    const postier = await freshPostier();
    const rows = Array.from({ length: 600 }, (_, i) => `${5000 + i};Nom ${i};c${i}@example.com`);
    rows[450] = '5450;Panne;boom@example.com';
    const file = writeText(path.join(tempFolder(), 'gros.csv'), ['Numéro;Nom;Email', ...rows]);
    // A stand-in for a disk or network failure on the 451st correspondent.
    await failInsertsWhere(
      postier,
      'correspondents',
      "new.email = 'boom@example.com'",
      'disque plein',
    );
    const table = await postier.imports.loadTable(file);
    const before = await tableCounts(postier);
    await expect(
      postier.imports.importDossiers(table, await postier.imports.mappingFor('dossiers', table)),
    ).rejects.toMatchObject({
      code: 'import.error.rolledBack',
      params: { file: 'gros.csv', detail: 'disque plein' },
    });
    expect(await tableCounts(postier)).toEqual(before);
    expect(await postier.records.listStaff(1)).toEqual([]);
  });

  it('leaves nothing half-imported when the process is killed during the import', async () => {
    const data = await freshDataPlace();
    const folder = tempFolder();
    const count = 20_000;
    const first = writeText(path.join(folder, 'avant.csv'), [
      'Numéro;Nom;Email 1;Email 2',
      ...Array.from(
        { length: count },
        (_, i) => `${i + 1};Avant ${i};a${i}@example.com;b${i}@example.com`,
      ),
    ]);
    const opened = await openPostier({ dataPath: data });
    await opened.records.ensureDefaultStructure();
    const table = await opened.imports.loadTable(first);
    await opened.imports.importDossiers(table, await opened.imports.mappingFor('dossiers', table));
    await opened.close();
    const written = await importWrites(data);
    // Updating every dossier rewrites existing pages, which the rollback journal keeps.
    const second = writeText(path.join(folder, 'apres.csv'), [
      'Numéro;Nom;Email 1;Email 2',
      ...Array.from(
        { length: count },
        (_, i) => `${i + 1};Après ${i};c${i}@example.com;b${i}@example.com`,
      ),
    ]);
    const child = spawn(
      process.execPath,
      [POSTIER_BIN, '--data', data, 'dossiers', 'import', second],
      {
        cwd: REPO_ROOT,
        stdio: 'ignore',
      },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Killed once the import's transaction has written a lot, still uncommitted.
    let seen = false;
    for (let i = 0; i < 4000 && !seen; i++) {
      seen = (await written()) > 256 * 1024;
      if (!seen) await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    await exited;
    expect(seen).toBe(true);
    const reopened = await openPostier({ dataPath: data });
    try {
      const countRows = async (table: 'dossiers' | 'correspondents', where?: string) => {
        let query = reopened.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
        if (where) query = query.where(sql<boolean>`${sql.raw(where)}`);
        return Number((await query.executeTakeFirstOrThrow()).n);
      };
      expect(await countRows('dossiers', "last_name like 'Après%'")).toBe(0);
      expect(await countRows('correspondents')).toBe(2 * count);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});

describe('postier dossiers import (CLI)', () => {
  it('previews, then imports and prints the JSON result with line numbers and reasons', async () => {
    const data = await freshDataPlace();
    const file = clientList(tempFolder());
    expect((await cli(['--data', data, 'init'])).code).toBe(0);
    const preview = await cli(['--data', data, 'dossiers', 'import', file, '--dry-run']);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain('encodage Windows-1252 (ANSI), séparateur « ; »');
    expect(preview.stdout).toContain('2 dossiers à créer, 0 à mettre à jour, 6 lignes rejetées');
    expect(preview.stdout).toContain(
      'Ligne 6 : Dossier 1003 : l’adresse e-mail « pas-une-adresse » (colonne « Email 1 ») n’est pas valide.',
    );

    const run = await cli([
      '--data',
      data,
      'dossiers',
      'import',
      file,
      '--json',
      '--save-mapping',
      'Winpass',
    ]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      imported: number;
      updated: number;
      rejected: { line: number; reason: string }[];
    };
    expect(result.imported).toBe(2);
    expect(result.updated).toBe(0);
    expect(result.rejected.map((r) => r.line)).toEqual([4, 5, 6, 7, 9, 10]);
    expect(result.rejected[1]!.reason).toBe('Numéro de dossier manquant (colonne « N° dossier »).');
    expect(run.stderr).toContain('Correspondance de colonnes « Winpass » enregistrée');

    const missing = await cli([
      '--data',
      data,
      'dossiers',
      'import',
      file,
      '--map',
      'lastName=Famille',
    ]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'La colonne « Famille » (pour « Nom ») n’est pas dans le fichier « clients.csv »',
    );
  });
});
