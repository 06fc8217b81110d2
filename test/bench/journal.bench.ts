// The journal on 100,000 documents: filter and page in SQL, as the journal screen does.
import Sqlite from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostier } from '../../src-main/app/postier.js';
import type { JournalFilter } from '../../src-shared/domain/documents.js';
import { round, type Bench, type BenchFigure } from './harness.js';

const DOCUMENTS = 100_000;
const DOSSIERS = 5_000;

/** Bulk rows straight into the file: what is measured is reading, not inserting. */
function fillDatabase(file: string): void {
  const sqlite = new Sqlite(file);
  const structureId = (sqlite.prepare('select id from structures limit 1').get() as { id: number })
    .id;
  const insertDossier = sqlite.prepare(
    'insert into dossiers (structure_id, number, last_name, first_name, email_opt_in) values (?, ?, ?, ?, 1)',
  );
  const insertDocument = sqlite.prepare(
    `insert into documents (structure_id, dossier_id, type_id, number, period, issue_date, currency, amount_cents, email_state, pdf_path)
     values (?, ?, ?, ?, ?, ?, 'CAD', ?, ?, ?)`,
  );
  const lastNames = [
    'Tremblay',
    'Gagnon',
    'Côté',
    'Bélanger',
    'Lévesque',
    'Pelletier',
    'Bouchard',
    'Morin',
  ];
  const states = ['none', 'sent', 'sent', 'sent', 'queued', 'failed'];
  sqlite.transaction(() => {
    for (let i = 1; i <= DOSSIERS; i++) {
      insertDossier.run(
        structureId,
        String(10_000 + i),
        `${lastNames[i % lastNames.length]}-${i}`,
        'Prénom',
      );
    }
    for (let i = 1; i <= DOCUMENTS; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const year = 2020 + (i % 7);
      insertDocument.run(
        structureId,
        (i % DOSSIERS) + 1,
        (i % 5) + 1,
        `F-${i}`,
        `${year}-${month}`,
        `${year}-${month}-${String((i % 28) + 1).padStart(2, '0')}`,
        1000 + (i % 90_000),
        states[i % states.length],
        `documents/1/${year}-${month}/invoice-F-${i}.pdf`,
      );
    }
  })();
  sqlite.close();
}

async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return round(times[Math.floor(times.length / 2)]!, 2);
}

export const benchJournal: Bench = async () => {
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bench-journal-'));
  try {
    const setup = await openPostier({ dataPath });
    await setup.records.createStructure({ name: 'Bench' });
    await setup.close();
    const fillStart = performance.now();
    fillDatabase(path.join(dataPath, 'postier.sqlite'));
    const fillMs = performance.now() - fillStart;

    const postier = await openPostier({ dataPath });
    const cases: [string, JournalFilter][] = [
      ['first page, newest first', { limit: 50 }],
      ['type + period', { types: ['invoice'], period: '2024-03', limit: 50 }],
      ['status "failed"', { emailStates: ['failed'], limit: 50 }],
      ['text "Côté"', { text: 'Côté', limit: 50 }],
      ['page at offset 50,000', { limit: 50, offset: 50_000 }],
      ['sort by amount', { sort: 'amount', limit: 50 }],
    ];
    const figures: BenchFigure[] = [];
    for (const [label, filter] of cases) {
      const ms = await medianMs(7, () => postier.documents.journal(filter));
      figures.push({
        name: `Journal of 100,000 documents: ${label}`,
        value: ms,
        unit: 'ms',
        note: 'median of 7, count + page of 50',
      });
    }
    figures.push({
      name: 'Journal bench: inserting 100,000 rows (setup)',
      value: round(fillMs / 1000, 2),
      unit: 's',
    });
    await postier.close();
    return figures;
  } finally {
    fs.rmSync(dataPath, { recursive: true, force: true });
  }
};
