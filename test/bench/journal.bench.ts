// The journal on 100,000 documents, as the journal screen reads it: pages of 200 with the
// total, first, middle and last, by keyset from a neighbour, sorted by amount or by name, and
// the search that ignores accents and case. In the service and through the headless host.
// Baselines measured in the same run: the OFFSET + LIKE query the journal used before
// (in-process), and a trivial call through the host (documents.types).
import Sqlite from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { runHost, type HostRun } from '../../src-main/host/run-host.js';
import type { JournalFilter, JournalSortKey } from '../../src-shared/domain/documents.js';
import { round, type Bench, type BenchFigure } from './harness.js';
import { fillPostgres, fillSqlite } from './journal-office.js';
import { onPostgres, SERVER_NOTE } from './postgres-bench.js';

const PAGE = 200;
const RUNS = 15;

interface Timing {
  median: number;
  /** The quickest run: what the work costs when the machine's other loads leave it alone. */
  min: number;
}

async function timed(work: () => Promise<unknown>, runs = RUNS): Promise<Timing> {
  await work(); // warm: the first call reads the pages from the disk cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: round(times[Math.floor(times.length / 2)]!, 2), min: round(times[0]!, 2) };
}

const OLD_SORT: Record<JournalSortKey, string> = {
  issueDate: 'd.issue_date',
  number: 'd.number',
  dossierName: 'p.last_name',
  amount: 'd.amount_cents',
  period: 'd.period',
  lastSentAt: 'd.last_sent_at',
};

/** The journal as it was read before keyset paging (count, then LIMIT/OFFSET, LIKE search). */
function oldJournalQuery(sqlite: Sqlite.Database, filter: JournalFilter): () => Promise<unknown> {
  const where = ['d.structure_id = @structureId'];
  if (filter.emailStates) where.push(`d.email_state = '${filter.emailStates[0]}'`);
  if (filter.types) where.push(`d.type_id in (select id from document_types where code = '${filter.types[0]}')`); // prettier-ignore
  if (filter.period) where.push(`d.period = '${filter.period}'`);
  if (filter.text) {
    where.push(`(d.number like @like or d.dossier_id in (select p.id from dossiers p where
      p.number like @like or p.last_name || ' ' || p.first_name like @like
      or p.first_name || ' ' || p.last_name like @like))`);
  }
  const clause = where.join(' and ');
  const count = sqlite.prepare(`select count(*) as n from documents d where ${clause}`);
  const page = sqlite.prepare(`select d.*, p.number as dossier_number, p.last_name, t.code
    from documents d join dossiers p on p.id = d.dossier_id join document_types t on t.id = d.type_id
    where ${clause} order by ${OLD_SORT[filter.sort ?? 'issueDate']} desc, d.id desc
    limit @limit offset @offset`);
  const params = {
    structureId: filter.structureId,
    like: `%${filter.text ?? ''}%`,
    limit: filter.limit ?? PAGE,
    offset: filter.offset ?? 0,
  };
  return () => {
    count.get(params);
    page.all(params);
    return Promise.resolve();
  };
}

async function hostCall(run: HostRun, operation: string, input: unknown): Promise<unknown> {
  const response = await fetch(`${run.host.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-postier-token': run.host.token },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
  if (!result.ok) throw new Error(`${operation}: ${JSON.stringify(result.error)}`);
  return result.value;
}

interface Case {
  label: string;
  filter: JournalFilter;
  goal: number;
}

/** The journal's cases: pages with a filter and the total, keyset steps, sorts, searches. */
async function journalCases(postier: Postier | null, structureId: number): Promise<Case[]> {
  // Without a Postier, only the labels are wanted (the lines skipped without PostgreSQL).
  const journal = (filter: JournalFilter) =>
    postier ? postier.documents.journal(filter) : Promise.resolve({ total: PAGE, last: null });
  const sent: JournalFilter = { structureId, emailStates: ['sent'], limit: PAGE };
  const { total } = await journal(sent);
  const middle = { ...sent, offset: Math.floor(total / 2) };
  const { last } = await journal(middle);
  const byAmount = { ...sent, sort: 'amount' as const, offset: Math.floor(total / 2) };
  const byName = { ...sent, sort: 'dossierName' as const, offset: Math.floor(total / 2) };
  const nameLast = (await journal(byName)).last;
  return [
    { label: 'state "sent", first page', filter: sent, goal: 20 },
    { label: 'state "sent", middle page', filter: middle, goal: 20 },
    { label: 'state "sent", last page', filter: { ...sent, offset: total - PAGE }, goal: 20 },
    { label: 'state "sent", next page after the middle (keyset)', filter: { ...sent, after: last! }, goal: 20 }, // prettier-ignore
    { label: 'sorted by amount, middle page', filter: byAmount, goal: 20 },
    { label: 'sorted by name, middle page', filter: byName, goal: 20 },
    { label: 'one type and period, sorted by amount', filter: { structureId, types: ['invoice'], period: '2024-03', sort: 'amount', limit: PAGE }, goal: 20 }, // prettier-ignore
    { label: 'sorted by name, next page (keyset)', filter: { ...byName, after: nameLast! }, goal: 20 }, // prettier-ignore
    { label: 'search "lefevre" (finds Lefèvre)', filter: { structureId, text: 'lefevre', limit: PAGE }, goal: 30 }, // prettier-ignore
    { label: 'search "cote" (finds Côté)', filter: { structureId, text: 'cote', limit: PAGE }, goal: 30 }, // prettier-ignore
    { label: 'search "erables" (an address)', filter: { structureId, text: 'erables', limit: PAGE }, goal: 30 }, // prettier-ignore
    { label: 'search "F-4242" (a number)', filter: { structureId, text: 'F-4242', limit: PAGE }, goal: 30 }, // prettier-ignore
  ];
}

/** The service's figures on SQLite in this run, by case: PostgreSQL's are compared with them. */
const onSqlite = new Map<string, { ms: number; total: number }>();

export const benchJournal: Bench = async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bench-journal-'));
  const dataPath = path.join(root, 'data');
  try {
    const setup = await openPostier({ dataPath });
    const { id: structureId } = await setup.records.createStructure({ name: 'Bench' });
    await setup.close();
    const fillStart = performance.now();
    fillSqlite(path.join(dataPath, 'postier.sqlite'), structureId);
    const fillMs = performance.now() - fillStart;

    const figures: BenchFigure[] = [];
    const postier = await openPostier({ dataPath });
    const cases = await journalCases(postier, structureId);
    const found = await postier.documents.journal(
      cases.find((c) => c.label.includes('lefevre'))!.filter,
    );
    if (!found.items.some((d) => d.dossierName.includes('Lefèvre')))
      throw new Error('"lefevre" did not find Lefèvre');
    const sqlite = new Sqlite(path.join(dataPath, 'postier.sqlite'), { readonly: true });
    const baselines = new Map<string, number>();
    for (const { label, filter, goal } of cases) {
      const { median: ms, min } = await timed(() => postier.documents.journal(filter));
      const { median: before } = await timed(oldJournalQuery(sqlite, filter));
      baselines.set(label, before);
      const { total } = await postier.documents.journal(filter);
      onSqlite.set(label, { ms, total });
      figures.push({
        name: `Journal of 100,000 documents, service: ${label}`,
        value: ms,
        unit: 'ms',
        note: `${PAGE} rows with the total; median of ${RUNS}, quickest ${min} ms`,
        goal: { max: goal },
        ratio: { value: ms / before, baseline: `OFFSET + LIKE query (${before} ms)` },
      });
    }
    sqlite.close();
    await postier.close();

    const run = await runHost({ dataPath, preferencesFolder: path.join(root, 'preferences') });
    try {
      // The host starts its preparation thread at once: measured once it is up, as a user
      // paging the journal a moment after the window opened.
      await run.postier.prepareThread().ready();
      const { median: trivial } = await timed(() => hostCall(run, 'documents.types', {}));
      for (const { label, filter } of cases.filter((c) => !c.label.includes('keyset'))) {
        const { median: ms, min } = await timed(() => hostCall(run, 'documents.journal', filter));
        figures.push({
          name: `Journal of 100,000 documents, via host: ${label}`,
          value: ms,
          unit: 'ms',
          note: `${PAGE} rows with the total, HTTP + JSON + contract checks; median of ${RUNS}, quickest ${min} ms`,
          goal: { max: 60 },
          ratio: { value: ms / trivial, baseline: `documents.types via host (${trivial} ms)` },
        });
      }
    } finally {
      await run.stop();
    }
    figures.push({
      name: 'Journal bench: inserting 100,000 rows (setup)',
      value: round(fillMs / 1000, 2),
      unit: 's',
    });
    return figures;
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
};

const PG_NAME = (label: string) => `Journal of 100,000 documents on PostgreSQL, service: ${label}`;

/**
 * The same office, cases and service calls on a PostgreSQL database (after the SQLite bench:
 * each figure's ratio is to SQLite's same call in this run). Each case's total must be
 * SQLite's: the same rows, the same answers.
 */
export const benchJournalPostgres: Bench = async () => {
  const names = [
    ...(await journalCases(null, 1)).map((c) => PG_NAME(c.label)),
    'Journal bench on PostgreSQL: inserting 100,000 rows (setup)',
  ];
  return onPostgres(names, async (url) => {
    const setup = await openPostier({ dataPath: url });
    const { id: structureId } = await setup.records.createStructure({ name: 'Bench' });
    await setup.close();
    const fillStart = performance.now();
    await fillPostgres(url, structureId);
    const fillMs = performance.now() - fillStart;
    const figures: BenchFigure[] = [];
    const postier = await openPostier({ dataPath: url });
    try {
      for (const { label, filter, goal } of await journalCases(postier, structureId)) {
        const { total } = await postier.documents.journal(filter);
        const sqlite = onSqlite.get(label);
        if (sqlite && sqlite.total !== total) {
          throw new Error(`${label}: ${total} documents on PostgreSQL, ${sqlite.total} on SQLite`);
        }
        const { median: ms, min } = await timed(() => postier.documents.journal(filter));
        figures.push({
          name: PG_NAME(label),
          value: ms,
          unit: 'ms',
          note: `${PAGE} rows with the total (${total}); median of ${RUNS}, quickest ${min} ms; ${SERVER_NOTE}`,
          goal: { max: goal },
          ...(sqlite && {
            ratio: { value: ms / sqlite.ms, baseline: `SQLite, same call (${sqlite.ms} ms)` },
          }),
        });
      }
    } finally {
      await postier.close();
    }
    figures.push({ name: names.at(-1)!, value: round(fillMs / 1000, 2), unit: 's' });
    return figures;
  });
};
