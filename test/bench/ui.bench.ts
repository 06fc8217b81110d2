// The screens' heaviest calls, through the headless host (HTTP, JSON, the contract's
// checks), as the page makes them: opening the bulk-send dialog on a month of 5,000
// invoices, and paging the document journal of 100,000 documents.
import Sqlite from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostier } from '../../src-main/app/postier.js';
import { runHost, type HostRun } from '../../src-main/host/run-host.js';
import { letterPdf } from '../e2e/support/minimal-pdf.js';
import { round, type Bench, type BenchFigure } from './harness.js';

const BULK_DOCUMENTS = 5_000;
const JOURNAL_DOCUMENTS = 100_000;
const JOURNAL_DOSSIERS = 5_000;
const PAGE = 200;

async function createDataFolder(): Promise<{ root: string; data: string; structureId: number }> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-ui-bench-'));
  const data = path.join(root, 'data');
  const postier = await openPostier({ dataPath: data });
  const structure = await postier.records.createStructure({
    name: 'Résidence Les Érables',
    functionalEmail: 'ne-pas-repondre@erables.example.com',
  });
  await postier.close();
  return { root, data, structureId: structure.id };
}

/** Rows straight into the file: what is measured is the screens' calls, not inserting. */
function fill(
  data: string,
  structureId: number,
  options: { dossiers: number; documents: number; pdf: string | null; period?: string },
): void {
  const sqlite = new Sqlite(path.join(data, 'postier.sqlite'));
  const insertDossier = sqlite.prepare(
    'insert into dossiers (structure_id, number, title, last_name, first_name, email_opt_in) values (?, ?, ?, ?, ?, 1)',
  );
  const insertCorrespondent = sqlite.prepare(
    'insert into correspondents (dossier_id, name, email, receives_documents) values (?, ?, ?, 1)',
  );
  const insertDocument = sqlite.prepare(
    `insert into documents (structure_id, dossier_id, type_id, number, period, issue_date, currency, amount_cents, email_state, pdf_path)
     values (?, ?, 1, ?, ?, ?, 'CAD', ?, ?, ?)`,
  );
  const names = [
    'Tremblay',
    'Gagnon',
    'Côté',
    'Bélanger',
    'Lévesque',
    'Pelletier',
    'Bouchard',
    'Morin',
  ];
  const states = ['none', 'sent', 'sent', 'queued', 'failed'];
  sqlite.transaction(() => {
    const first =
      (sqlite.prepare('select coalesce(max(id), 0) as id from dossiers').get() as { id: number })
        .id + 1;
    for (let i = 0; i < options.dossiers; i++) {
      const name = `${names[i % names.length]}-${i}`;
      insertDossier.run(structureId, String(10_000 + i), i % 2 ? 'M.' : 'Mme', name, 'Prénom');
      insertCorrespondent.run(first + i, `Famille ${name}`, `famille.${i}@example.com`);
    }
    for (let i = 0; i < options.documents; i++) {
      const month = String((i % 12) + 1).padStart(2, '0');
      const period = options.period ?? `${2020 + (i % 7)}-${month}`;
      insertDocument.run(
        structureId,
        first + (i % options.dossiers),
        `F-${i}`,
        period,
        `${period.slice(0, 7)}-15`,
        100_000 + (i % 90_000),
        options.period ? 'none' : states[i % states.length],
        options.pdf,
      );
    }
  })();
  sqlite.close();
}

async function call(run: HostRun, operation: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${run.host.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-postier-token': run.host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as {
    ok: boolean;
    value?: unknown;
    error?: { message: string };
  };
  if (!result.ok) throw new Error(`${operation}: ${result.error?.message}`);
  return result.value;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function withHost<T>(
  data: string,
  root: string,
  work: (run: HostRun) => Promise<T>,
): Promise<T> {
  const run = await runHost({ dataPath: data, preferencesFolder: path.join(root, 'preferences') });
  try {
    return await work(run);
  } finally {
    await run.stop();
  }
}

export const bulkSendDialog: Bench = async () => {
  const { root, data, structureId } = await createDataFolder();
  try {
    const pdf = 'documents/bench/invoice.pdf';
    fs.mkdirSync(path.join(data, 'documents', 'bench'), { recursive: true });
    fs.writeFileSync(path.join(data, pdf), letterPdf('Facture'));
    fill(data, structureId, {
      dossiers: BULK_DOCUMENTS,
      documents: BULK_DOCUMENTS,
      pdf,
      period: '2026-10',
    });
    return await withHost(data, root, async (run) => {
      // What the dialog asks for when it opens: the list (a dry run of the preparation), the
      // template and the fields for the editor.
      const open = () =>
        Promise.all([
          call(run, 'sending.bulkList', { structureId, type: 'invoice', period: '2026-10' }),
          call(run, 'templates.get', { structureId, type: 'invoice' }),
          call(run, 'templates.fields', { structureId }),
        ]);
      const list = (await open())[0] as { rows: unknown[] };
      if (list.rows.length !== BULK_DOCUMENTS)
        throw new Error(`${list.rows.length} rows instead of ${BULK_DOCUMENTS}`);
      const times = [await timed(open), await timed(open), await timed(open)];
      const preview = await timed(() =>
        call(run, 'sending.preview', {
          structureId,
          documentId: 1,
          subject: 'Facture {{numero}}',
          textBody: 'Bonjour {{destinataire}},',
        }),
      );
      const figures: BenchFigure[] = [
        {
          name: `Bulk-send dialog opens (${BULK_DOCUMENTS.toLocaleString('en')} invoices, via host)`,
          value: round(median(times), 0),
          unit: 'ms',
          note: 'list with addresses and exclusions + template + fields; median of 3',
        },
        {
          name: 'Bulk-send live preview of one row (via host)',
          value: round(preview, 1),
          unit: 'ms',
        },
      ];
      return figures;
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
};

export const journalPaging: Bench = async () => {
  const { root, data, structureId } = await createDataFolder();
  try {
    fill(data, structureId, {
      dossiers: JOURNAL_DOSSIERS,
      documents: JOURNAL_DOCUMENTS,
      pdf: null,
    });
    return await withHost(data, root, async (run) => {
      const page = (filter: Record<string, unknown>) => () =>
        call(run, 'documents.journal', { structureId, limit: PAGE, ...filter });
      const measure = async (filter: Record<string, unknown>) => {
        await page(filter)();
        const times: number[] = [];
        for (let i = 0; i < 5; i++) times.push(await timed(page(filter)));
        return round(median(times), 1);
      };
      const total = ((await page({})()) as { total: number }).total;
      if (total !== JOURNAL_DOCUMENTS)
        throw new Error(`${total} documents instead of ${JOURNAL_DOCUMENTS}`);
      const note = `${PAGE} rows of ${JOURNAL_DOCUMENTS.toLocaleString('en')}, with the total; median of 5`;
      return [
        {
          name: 'Journal first page (via host)',
          value: await measure({ offset: 0 }),
          unit: 'ms',
          note,
        },
        {
          name: 'Journal page in the middle (via host)',
          value: await measure({ offset: JOURNAL_DOCUMENTS / 2 }),
          unit: 'ms',
          note,
        },
        {
          name: 'Journal last page (via host)',
          value: await measure({ offset: JOURNAL_DOCUMENTS - PAGE }),
          unit: 'ms',
          note,
        },
        {
          name: 'Journal search by name, first page (via host)',
          value: await measure({ text: 'Gagnon-12' }),
          unit: 'ms',
          note,
        },
        {
          name: 'Journal of one period and state (via host)',
          value: await measure({ period: '2024-03', emailStates: ['sent'] }),
          unit: 'ms',
          note,
        },
      ];
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
};
