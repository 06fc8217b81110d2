// Peak memory of the app's heaviest work, each in a fresh process so that the high-water mark
// is its own: a 10,000-message batch prepared on the preparation thread and sent at once to a
// local SMTP server, and a 100,000-row send journal exported as CSV. The data are set up here
// beforehand; the measured process (memory-child.ts) runs bundled as the app ships (esbuild,
// the preparation thread's bundle beside it), not through tsx, whose compiler would weigh in.
// Each peak is compared with the same process at rest (opened, its thread started).
import Sqlite from 'better-sqlite3';
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostier } from '../../src-main/app/postier.js';
import { REPO_ROOT, startSink, taxSlipOffice } from './bench-office.js';
import { perSecond, round, type Bench, type BenchFigure } from './harness.js';
import type { MemoryChildReport } from './memory-child.js';

const BATCH_MESSAGES = 10_000;
const EXPORT_ROWS = 100_000;
/** Inside the repository, so that the bundle finds node_modules as the app's does. */
const BUNDLE_FOLDER = path.join(REPO_ROOT, 'dist', 'bench');

/** memory-child.js and, beside it, prepare-worker.js built as scripts/build-electron.mjs does. */
async function bundleChild(): Promise<string> {
  const common = {
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'warning',
  } as const;
  await build({
    ...common,
    entryPoints: ['test/bench/memory-child.ts'],
    outfile: path.join(BUNDLE_FOLDER, 'memory-child.js'),
    packages: 'external',
  });
  await build({
    ...common,
    entryPoints: ['src-main/prepare/prepare-worker.ts'],
    outfile: path.join(BUNDLE_FOLDER, 'prepare-worker.js'),
    external: ['better-sqlite3', 'muhammara', 'keytar'],
    banner: {
      js: "import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url);",
    },
  });
  return path.join(BUNDLE_FOLDER, 'memory-child.js');
}

function runChild(child: string, args: string[]): Promise<MemoryChildReport> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [child, ...args], { cwd: REPO_ROOT });
    let out = '';
    let err = '';
    process_.stdout.on('data', (c: Buffer) => (out += c.toString()));
    process_.stderr.on('data', (c: Buffer) => (err += c.toString()));
    process_.on('close', (code) =>
      code === 0
        ? resolve(JSON.parse(out.trim().split('\n').pop()!) as MemoryChildReport)
        : reject(new Error(`${args[0]}: ${err}`)),
    );
  });
}

async function batchPeak(child: string): Promise<MemoryChildReport> {
  const sink = await startSink();
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bench-memory-'));
  try {
    const setup = await openPostier({ dataPath });
    const structureId = await taxSlipOffice(setup, BATCH_MESSAGES, sink.port);
    await setup.close();
    const report = await runChild(child, ['batch', dataPath, String(structureId)]);
    if (report.count !== BATCH_MESSAGES || (await sink.count()) !== BATCH_MESSAGES)
      throw new Error(`${report.count} sent of ${BATCH_MESSAGES}`);
    return report;
  } finally {
    sink.close();
    fs.rmSync(dataPath, { recursive: true, force: true });
  }
}

/** Bulk rows straight into the file: what is measured is the export, not inserting. */
function fillJournal(file: string, rows: number): void {
  const sqlite = new Sqlite(file);
  const messages = sqlite.prepare('select id, document_id from messages').all() as {
    id: number;
    document_id: number;
  }[];
  const insert = sqlite.prepare(
    `insert into send_journal (message_id, document_id, event, actor, workstation, detail, server_reply)
     values (?, ?, 'sent', 'bench', 'BENCH', 'Accepté par le serveur.', ?)`,
  );
  const existing = (sqlite.prepare('select count(*) as n from send_journal').get() as { n: number })
    .n;
  sqlite.transaction(() => {
    for (let i = 0; i < rows - existing; i++) {
      const message = messages[i % messages.length]!;
      insert.run(message.id, message.document_id, `250 2.0.0 Ok: queued as ${i}`);
    }
  })();
  sqlite.close();
}

async function exportPeak(child: string): Promise<MemoryChildReport> {
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bench-export-'));
  try {
    const setup = await openPostier({ dataPath });
    const structureId = await taxSlipOffice(setup, 100, 1);
    await setup.prepare.prepare({ structureId, type: 'taxslip', period: '2026', validate: true });
    await setup.close();
    fillJournal(path.join(dataPath, 'postier.sqlite'), EXPORT_ROWS);
    const report = await runChild(child, ['export', dataPath]);
    if (report.count !== EXPORT_ROWS) throw new Error(`${report.count} rows of ${EXPORT_ROWS}`);
    return report;
  } finally {
    fs.rmSync(dataPath, { recursive: true, force: true });
  }
}

export const peakMemory: Bench = async () => {
  const child = await bundleChild();
  const batch = await batchPeak(child);
  const exported = await exportPeak(child);
  const rest = 'the same process at rest (opened, thread started)';
  const figures: BenchFigure[] = [
    {
      name: `Peak RSS, ${BATCH_MESSAGES.toLocaleString('en')}-message batch (prepare + send)`,
      value: batch.peakMiB,
      unit: 'MiB',
      goal: { max: 250 },
      ratio: { value: round(batch.peakMiB / batch.restMiB, 2), baseline: rest },
      note: `${batch.restMiB} MiB at rest; tax slips encrypted per parent, prepared on the thread and sent at once to a local SMTP server: ${perSecond(batch.count, batch.ms)} msg/s`,
    },
    {
      name: `Peak RSS, journal export of ${EXPORT_ROWS.toLocaleString('en')} rows`,
      value: exported.peakMiB,
      unit: 'MiB',
      ratio: { value: round(exported.peakMiB / exported.restMiB, 2), baseline: rest },
      note: `${exported.restMiB} MiB at rest; ${exported.ms} ms`,
    },
  ];
  return figures;
};
