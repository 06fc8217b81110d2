// The exchange folder: drops taken once their files stop changing, imported once, filed in
// done/ or error/ with a French report beside them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import {
  ExchangeFolder,
  type ExchangeFolderOptions,
} from '../../src-main/imports/exchange-folder.js';
import { postier as cli } from '../support/cli.js';
import { freshDataPlace } from '../support/dialects.js';
import { mergedInvoices, pdfOfPages, writeText } from '../support/import-fixtures.js';
import { freshPostier, tableCounts } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

/** What billing software drops at the end of the month: clients, invoices and their PDFs. */
async function monthlyDrop(folder: string, options: { badRow?: boolean } = {}): Promise<void> {
  fs.mkdirSync(folder, { recursive: true });
  writeText(
    path.join(folder, 'clients.csv'),
    [
      'N° client;Nom;Prénom;Courriel',
      'C1;Côté;Hélène;helene@example.com',
      'C2;Roy;Léo;leo@example.com',
      'C3;Dubé;Karine;karine@example.com',
    ],
    'win1252',
  );
  writeText(
    path.join(folder, 'factures.csv'),
    [
      'N° client;N° facture;Type;Date;Montant',
      'C1;F-101;Facture;31/10/2026;1 234,56',
      'C2;F-102;Facture;31/10/2026;99,90',
      ...(options.badRow ? ['C9;F-109;Facture;31/10/2026;5,00'] : []),
    ],
    'win1252',
  );
  for (const number of ['F-101', 'F-102']) {
    fs.writeFileSync(path.join(folder, `${number}.pdf`), await pdfOfPages([[`Facture ${number}`]]));
  }
}

function watcher(
  postier: Postier,
  folder: string,
  options: Partial<ExchangeFolderOptions> = {},
): ExchangeFolder {
  return new ExchangeFolder(postier.imports, postier.db, { folder, intervalMs: 20, ...options });
}

const report = (file: string) => fs.readFileSync(file, 'utf8');

describe('exchange folder', () => {
  it('imports a drop once, files it in done/ with its report, and never imports the same drop twice', async () => {
    const postier = await freshPostier();
    const exchange = tempFolder();
    await monthlyDrop(path.join(exchange, 'octobre'), { badRow: true });

    const outcomes = await watcher(postier, exchange).runOnce();
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([['octobre', 'done']]);
    expect(fs.readdirSync(exchange).sort()).toEqual(['done', 'en-cours']);
    expect(fs.readdirSync(path.join(exchange, 'done')).sort()).toEqual([
      'octobre',
      'octobre.rapport.txt',
    ]);
    expect(fs.readdirSync(path.join(exchange, 'done', 'octobre')).sort()).toEqual([
      'F-101.pdf',
      'F-102.pdf',
      'clients.csv',
      'factures.csv',
    ]);
    const text = report(path.join(exchange, 'done', 'octobre.rapport.txt'));
    expect(text.startsWith('\ufeffPostier — rapport d’import du dépôt « octobre »\r\n')).toBe(true);
    expect(text).toContain('Résultat : importé.');
    expect(text).toContain(
      'Fichier « clients.csv » (dossiers ; encodage Windows-1252 (ANSI), séparateur « ; ») :',
    );
    expect(text).toContain('3 dossiers créés, 0 mis à jour, 0 ligne rejetée.');
    expect(text).toContain(
      '2 documents importés : 2 avec leur PDF, 0 PDF généré, 0 sans PDF ; 0 PDF joint à des documents déjà là ; 1 ligne rejetée.',
    );
    expect(text).toContain(
      'Ligne 4 : Document F-109 : aucun dossier n° C9 ; importez ou créez d’abord ce dossier.',
    );
    const counts = await tableCounts(postier);
    expect(counts).toMatchObject({ dossiers: 3, documents: 2 });

    // The billing software drops the very same files again, under another name.
    fs.cpSync(path.join(exchange, 'done', 'octobre'), path.join(exchange, 'octobre-encore'), {
      recursive: true,
    });
    const again = await watcher(postier, exchange).runOnce();
    expect(again.map((o) => [o.name, o.status])).toEqual([['octobre-encore', 'duplicate']]);
    expect(report(again[0]!.reportFile)).toContain(
      'Résultat : déjà importé, rien n’a été importé une seconde fois.',
    );
    expect(report(again[0]!.reportFile)).toContain('sous le nom « octobre »');
    expect(await tableCounts(postier)).toEqual(counts);
  });

  it('files a bad drop in error/ with a report naming the file and the column, importing nothing', async () => {
    const postier = await freshPostier();
    const exchange = tempFolder();
    const drop = path.join(exchange, 'lot-mauvais');
    writeText(path.join(drop, 'factures.csv'), ['N° client;N° facture;Date', 'C1;F-1;31/10/2026']);
    fs.writeFileSync(path.join(drop, 'F-1.pdf'), '');
    const outcomes = await watcher(postier, exchange).runOnce();
    expect(outcomes.map((o) => o.status)).toEqual(['error']);
    expect(fs.existsSync(path.join(exchange, 'error', 'lot-mauvais', 'factures.csv'))).toBe(true);
    const text = report(path.join(exchange, 'error', 'lot-mauvais.rapport.txt'));
    expect(text).toContain('Résultat : ERREUR');
    expect(text).toContain(
      'Fichier « factures.csv » : ERREUR, Le fichier « factures.csv » n’a pas de colonne « Nom »',
    );
    expect(await tableCounts(postier)).toMatchObject({ dossiers: 0, documents: 0 });

    // Fixed and dropped again, the same content is imported: a failed drop is not remembered.
    const structure = await postier.records.chooseStructure();
    await postier.records.createDossier(structure.id, { number: 'C1', lastName: 'Côté' });
    writeText(path.join(exchange, 'lot-corrige', 'factures.csv'), [
      'N° client;N° facture;Date;Montant;Type',
      'C1;F-1;31/10/2026;10;Facture',
    ]);
    expect((await watcher(postier, exchange).runOnce()).map((o) => o.status)).toEqual(['done']);
    expect(await tableCounts(postier)).toMatchObject({ documents: 1 });
  });

  it('waits until the files stop changing, unless a .ready marker says the drop is complete', async () => {
    const postier = await freshPostier();
    const exchange = tempFolder();
    const folder = watcher(postier, exchange);
    const file = path.join(exchange, 'lot', 'clients.csv');
    writeText(file, ['Numéro;Nom', '1;Un']);
    expect(await folder.poll()).toEqual([]);
    fs.appendFileSync(file, '2;Deux\r\n');
    expect(await folder.poll()).toEqual([]);
    expect((await folder.poll()).map((o) => o.name)).toEqual(['lot']);
    expect(await tableCounts(postier)).toMatchObject({ dossiers: 2 });

    writeText(path.join(exchange, 'marque', 'clients.csv'), ['Numéro;Nom', '3;Trois']);
    fs.writeFileSync(path.join(exchange, 'marque', '.ready'), '');
    expect((await watcher(postier, exchange).poll()).map((o) => o.name)).toEqual(['marque']);
  });

  it('takes loose files as one drop, and splits a merged PDF dropped alone with --key', async () => {
    const postier = await freshPostier();
    const exchange = tempFolder();
    writeText(path.join(exchange, 'clients-novembre.csv'), [
      'Numéro;Nom;Email',
      '1001;Un;un@example.com',
      '1002;Deux;deux@example.com',
    ]);
    expect((await watcher(postier, exchange).runOnce()).map((o) => [o.name, o.status])).toEqual([
      ['clients-novembre', 'done'],
    ]);

    fs.writeFileSync(
      path.join(exchange, 'factures.pdf'),
      (await mergedInvoices(2, { twoPageEvery: 2 })).pdf,
    );
    const split = await watcher(postier, exchange, {
      splitKey: 'Facture n° (\\d+)',
      period: '2026-11',
    }).runOnce();
    expect(split.map((o) => [o.name, o.status, o.documentIds.length])).toEqual([
      ['factures', 'done', 2],
    ]);
    expect(report(split[0]!.reportFile)).toContain(
      'Fichier « factures.pdf » (PDF de 3 pages à découper) :',
    );
    const journal = (await postier.documents.journal()).items;
    expect(journal.map((d) => [d.number, d.dossierNumber, d.hasPdf]).sort()).toEqual([
      ['2026-11-1001', '1001', true],
      ['2026-11-1002', '1002', true],
    ]);

    fs.writeFileSync(path.join(exchange, 'seul.pdf'), await pdfOfPages([['Facture n° 1001']]));
    const noKey = await watcher(postier, exchange).runOnce();
    expect(noKey.map((o) => o.status)).toEqual(['error']);
    expect(report(noKey[0]!.reportFile)).toContain(
      'indiquez l’expression qui trouve les numéros dans les pages (--key)',
    );
  });

  it('files in error/ a drop another run left in en-cours/ when it stopped, and leaves a fresh one alone', async () => {
    const postier = await freshPostier();
    const exchange = tempFolder();
    const stale = path.join(exchange, 'en-cours', 'octobre');
    writeText(path.join(stale, 'clients.csv'), ['Numéro;Nom', '1;Un']);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000).toISOString();
    fs.writeFileSync(
      path.join(stale, '.postier-en-cours'),
      JSON.stringify({ at: twoHoursAgo, workstation: 'PC-ACCUEIL', user: 'marie' }),
    );
    const fresh = path.join(exchange, 'en-cours', 'novembre');
    writeText(path.join(fresh, 'clients.csv'), ['Numéro;Nom', '2;Deux']);
    fs.writeFileSync(
      path.join(fresh, '.postier-en-cours'),
      JSON.stringify({ at: new Date().toISOString(), workstation: 'PC-2', user: 'luc' }),
    );

    const outcomes = await watcher(postier, exchange).poll();
    expect(outcomes.map((o) => [o.name, o.status])).toEqual([['octobre', 'error']]);
    expect(fs.readdirSync(path.join(exchange, 'error', 'octobre'))).toEqual(['clients.csv']);
    expect(report(outcomes[0]!.reportFile)).toContain(
      'par marie (poste PC-ACCUEIL), a été interrompu',
    );
    expect(fs.readdirSync(path.join(exchange, 'en-cours'))).toEqual(['novembre']);
    expect(await tableCounts(postier)).toMatchObject({ dossiers: 0 });
  });

  it('queues the imported documents for sending when asked', async () => {
    const postier = await freshPostier();
    const structure = await postier.records.chooseStructure();
    await postier.records.updateStructure(structure.id, structure.version, {
      communicationEmail: 'bureau@example.com',
    });
    const exchange = tempFolder();
    await monthlyDrop(path.join(exchange, 'octobre'));
    const outcomes = await watcher(postier, exchange, {
      queue: async (documentIds) => {
        const result = await postier.prepare.prepare({ documentIds });
        return {
          queued: result.queued.length,
          excluded: result.excluded.map((e) => ({ document: e.documentNumber, reason: e.reason })),
        };
      },
    }).runOnce();
    expect(outcomes.map((o) => o.status)).toEqual(['done']);
    const messages = await postier.db
      .selectFrom('messages')
      .select(['document_id', 'to_addresses', 'status'])
      .execute();
    expect(messages.map((m) => [JSON.parse(m.to_addresses), m.status]).sort()).toEqual([
      [['helene@example.com'], 'pending'],
      [['leo@example.com'], 'pending'],
    ]);
    expect(report(outcomes[0]!.reportFile)).toContain(
      'Envoi : 2 e-mails mis en file d’attente ; 0 document écarté.',
    );
  });
});

describe('postier watch (CLI)', () => {
  it('processes what is there with --once, and says when the folder is missing', async () => {
    const data = await freshDataPlace();
    const exchange = tempFolder();
    expect((await cli(['--data', data, 'init'])).code).toBe(0);
    await monthlyDrop(path.join(exchange, 'octobre'));
    const run = await cli(['--data', data, 'watch', exchange, '--once', '--interval', '0,1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Dépôt « octobre » importé ; rapport : ${path.join(exchange, 'done', 'octobre.rapport.txt')}`,
    );
    const nothing = await cli(['--data', data, 'watch', exchange, '--once', '--interval', '0,1']);
    expect(nothing.stdout).toContain('Aucun dépôt prêt');
    const missing = await cli(['--data', data, 'watch', path.join(exchange, 'absent'), '--once']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Le dossier d’échange');
  });
});
