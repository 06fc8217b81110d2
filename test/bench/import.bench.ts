// Getting data in at month's end: a 10,000-client export, and a 1,000-page merged PDF split
// into one PDF per invoice. "Minutes" is the goal; these say how many seconds.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { mergedInvoices } from '../support/import-fixtures.js';
import { perSecond, round, type Bench, type BenchFigure } from './harness.js';

const DOSSIER_ROWS = 10_000;
const MERGED_PAGES = 1_000;

async function withPostier<T>(work: (postier: Postier, folder: string) => Promise<T>): Promise<T> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bench-import-'));
  const postier = await openPostier({ dataPath: path.join(folder, 'data') });
  try {
    await postier.records.ensureDefaultStructure();
    return await work(postier, folder);
  } finally {
    await postier.close();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** A Windows-1252 client list with two addresses per client, as a French export writes it. */
function clientList(file: string, rows: number): void {
  const lines = [
    'N° dossier;Civilité;Nom;Prénom;Adresse;Code postal;Ville;Email 1;Email 2;NAS;Gestionnaire',
  ];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `${100_000 + i};Mme;Lefèvre-Côté ${i};Hélène;"${i} rue des Érables\r\nApp. ${i % 9}";H2X 1Y4;Montréal;` +
        `h${i}@example.com;famille${i}@example.net;;Gestionnaire ${i % 7}`,
    );
  }
  fs.writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'win1252'));
}

export const dossierImport: Bench = () =>
  withPostier(async (postier, folder) => {
    const file = path.join(folder, 'clients.csv');
    clientList(file, DOSSIER_ROWS);
    let started = performance.now();
    const table = await postier.imports.loadTable(file);
    const readMs = performance.now() - started;
    const mapping = await postier.imports.mappingFor('dossiers', table);
    started = performance.now();
    const created = await postier.imports.importDossiers(table, mapping);
    const createMs = performance.now() - started;
    started = performance.now();
    const updated = await postier.imports.importDossiers(table, mapping);
    const updateMs = performance.now() - started;
    if (created.imported !== DOSSIER_ROWS || updated.updated !== DOSSIER_ROWS) {
      throw new Error(`import incomplet : ${JSON.stringify({ created, updated })}`);
    }
    const figures: BenchFigure[] = [
      {
        name: 'Import de dossiers, création (10 000 lignes, 2 e-mails)',
        value: perSecond(DOSSIER_ROWS, readMs + createMs),
        unit: 'lignes/s',
        note: `lecture ${round(readMs)} ms + écriture ${round(createMs)} ms, une transaction`,
      },
      {
        name: 'Import de dossiers, mise à jour (mêmes 10 000 lignes)',
        value: perSecond(DOSSIER_ROWS, readMs + updateMs),
        unit: 'lignes/s',
        note: `écriture ${round(updateMs)} ms`,
      },
    ];
    return figures;
  });

export const mergedPdfSplit: Bench = () =>
  withPostier(async (postier, folder) => {
    // Every third invoice has two pages: 750 invoices make 1,000 pages.
    const invoices = (MERGED_PAGES * 3) / 4;
    const structure = await postier.records.chooseStructure();
    const clients = path.join(folder, 'clients.csv');
    fs.writeFileSync(
      clients,
      ['Numéro;Nom', ...Array.from({ length: invoices }, (_, i) => `${1001 + i};Client ${i}`)].join(
        '\r\n',
      ),
    );
    const table = await postier.imports.loadTable(clients);
    await postier.imports.importDossiers(
      table,
      await postier.imports.mappingFor('dossiers', table),
      {
        structureId: structure.id,
      },
    );
    const { pdf } = await mergedInvoices(invoices, { twoPageEvery: 3 });
    const merged = path.join(folder, 'fusion.pdf');
    fs.writeFileSync(merged, pdf);

    const started = performance.now();
    const result = await postier.imports.splitPdf(merged, {
      key: 'Facture n° (\\d+)',
      keyKind: 'dossier',
      period: '2026-10',
    });
    const elapsed = performance.now() - started;
    if (result.pageCount !== MERGED_PAGES || result.documents.length !== invoices) {
      throw new Error(
        `découpage incomplet : ${result.pageCount} pages, ${result.documents.length} documents`,
      );
    }
    return [
      {
        name: 'Découpage d’un PDF fusionné (1 000 pages, 750 factures)',
        value: perSecond(MERGED_PAGES, elapsed),
        unit: 'pages/s',
        note: `${round(elapsed / 1000)} s en tout : texte des pages, copie, une transaction`,
      },
    ];
  });
