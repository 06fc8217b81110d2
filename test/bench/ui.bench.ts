// The screens' heaviest calls, through the headless host (HTTP, JSON, the contract's
// checks), as the page makes them: opening the bulk-send dialog on a month of 5,000
// invoices, and paging the document journal of 100,000 documents.
import Sqlite from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  options: {
    dossiers: number;
    documents: number;
    /** The documents' PDF: one for all, or one each (`i` the document's place). */
    pdf: string | null | ((i: number) => string);
    period?: string;
  },
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
        typeof options.pdf === 'function' ? options.pdf(i) : options.pdf,
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
    // A PDF file each, as an import leaves them: the dialog looks at every one (its size).
    const pdf = (i: number) => `documents/bench/F-${i}.pdf`;
    fs.mkdirSync(path.join(data, 'documents', 'bench'), { recursive: true });
    const bytes = letterPdf('Facture');
    for (let i = 0; i < BULK_DOCUMENTS; i++) fs.writeFileSync(path.join(data, pdf(i)), bytes);
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
      const opening = await timings(open, 5);
      // The dialog's own floor: its 5,000 documents read by one SQL query, nothing else.
      const reading = await timings(async () => readBulkDocuments(data, structureId), 5);
      const preview = () =>
        call(run, 'sending.preview', {
          structureId,
          documentId: 1,
          subject: 'Facture {{numero}}',
          textBody: 'Bonjour {{destinataire}},',
        });
      await preview();
      const previewing = await timings(preview, 7);
      // Any call's floor through the host: HTTP, JSON and the contract's checks.
      const fields = () => call(run, 'templates.fields', { structureId });
      await fields();
      const calling = await timings(fields, 7);
      const figures: BenchFigure[] = [
        {
          name: `Bulk-send dialog opens (${BULK_DOCUMENTS.toLocaleString('en')} invoices, via host)`,
          value: round(opening.wall, 0),
          unit: 'ms',
          goal: { max: 300 },
          ratio: {
            value: round(opening.wall / reading.wall, 1),
            baseline: `one SQL query reading the ${BULK_DOCUMENTS.toLocaleString('en')} documents (${round(reading.wall, 1)} ms)`,
          },
          note: `list with addresses and exclusions + template + fields; median of 5; CPU ${round(opening.cpu, 0)} ms (host and client share this process)`,
        },
        {
          name: 'Bulk-send live preview of one row (via host)',
          value: round(previewing.wall, 1),
          unit: 'ms',
          goal: { max: 20 },
          ratio: {
            value: round(previewing.wall / calling.wall, 1),
            baseline: `templates.fields via host (${round(calling.wall, 1)} ms)`,
          },
          note: `subject and text as typed, one planner call in dry run; median of 7`,
        },
      ];
      return figures;
    });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
};

/** Median wall and CPU time of `count` runs (CPU: this process, host and client together). */
async function timings(
  work: () => Promise<unknown>,
  count: number,
): Promise<{ wall: number; cpu: number }> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < count; i++) {
    const cpu = process.cpuUsage();
    walls.push(await timed(work));
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

/** The bulk dialog's documents with their dossiers, as the planner reads them, straight from the file. */
function readBulkDocuments(data: string, structureId: number): number {
  const sqlite = new Sqlite(path.join(data, 'postier.sqlite'), { readonly: true });
  try {
    return sqlite
      .prepare(
        `select d.*, p.number, p.title, p.first_name, p.last_name, p.email_opt_in, p.sin, p.extra
         from documents d join dossiers p on p.id = d.dossier_id
         where d.structure_id = ? and d.period = '2026-10' order by p.number, d.id`,
      )
      .all(structureId).length;
  } finally {
    sqlite.close();
  }
}

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

// ------------------------------------------------------------ the host's start

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `postier host` started as the user starts it (bin/postier.js, a fresh process), until it
 * answers the window's first page (the start-up address, its cookie, the page) and the
 * page's first call (app.info). Milliseconds from the spawn.
 */
async function hostFirstPage(data: string): Promise<{ page: number; call: number }> {
  const start = performance.now();
  const child = spawn(
    process.execPath,
    [path.join(REPO_ROOT, 'bin', 'postier.js'), 'host', '--data', data, '--no-open'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
        if (found) resolve(found[1]!);
      });
      child.on('exit', (code) => reject(new Error(`postier host exited (${code}): ${out}`)));
    });
    const entry = await fetch(url, { redirect: 'manual' });
    const cookie = (entry.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = await fetch(new URL('/', url), { headers: { cookie } });
    const html = await page.text();
    if (page.status !== 200 || !html.includes('<html'))
      throw new Error(`first page: ${page.status}`);
    const pageMs = performance.now() - start;
    const token = /name="postier-token" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const info = await fetch(new URL('/api/app.info', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-postier-token': token, cookie },
      body: '{}',
    });
    if (!((await info.json()) as { ok: boolean }).ok) throw new Error('app.info refused');
    return { page: pageMs, call: performance.now() - start };
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.once('close', resolve));
  }
}

export const hostStart: Bench = async () => {
  const { root, data } = await createDataFolder();
  try {
    const node = median(
      [0, 1, 2].map(() => {
        const start = performance.now();
        spawnSync(process.execPath, ['-e', '0']);
        return performance.now() - start;
      }),
    );
    await hostFirstPage(data); // builds what is missing (the renderer, the command's bundle)
    const runs: { page: number; call: number }[] = [];
    for (let i = 0; i < 3; i++) runs.push(await hostFirstPage(data));
    const page = median(runs.map((r) => r.page));
    const call = median(runs.map((r) => r.call));
    return [
      {
        name: 'Host start to its first page (postier host)',
        value: round(page, 0),
        unit: 'ms',
        goal: { max: 1500 },
        ratio: { value: round(page / node, 1), baseline: `node -e 0 (${round(node, 0)} ms)` },
        note: `a fresh process until the window's page is served; its first call (app.info) answered at ${round(call, 0)} ms; median of 3`,
      },
    ];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
};
