// The `postier` command's start, as billing software and scheduled tasks call it (once per
// drop or per document): the installed bin, in a fresh process each time, beside `node -e 0`
// measured in the same run, the runs of the three interleaved so that the machine's noise
// falls on all of them alike. Wall time is the median of RUNS; peak memory is the process's
// own high-water mark (its maxRSS, read as it exits), the median too.
import Sqlite from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostier } from '../../src-main/app/postier.js';
import { POSTIER_BIN, REPO_ROOT } from '../support/cli.js';
import { round, type Bench, type BenchFigure } from './harness.js';

const DOSSIERS = 1_000;
const RUNS = 11;

/** Preloaded into a measured process: writes its peak memory (KiB) to the file it is given. */
const PEAK_REPORTER = `
import fs from 'node:fs';
process.on('exit', () => {
  fs.writeFileSync(process.env.POSTIER_BENCH_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
`;

interface Contender {
  label: string;
  args: string[];
  walls: number[];
  peaks: number[];
}

async function dataFolderWithDossiers(root: string): Promise<string> {
  const data = path.join(root, 'data');
  const postier = await openPostier({ dataPath: data });
  const { id: structureId } = await postier.records.createStructure({ name: 'Bench' });
  await postier.close();
  // Rows straight into the file: the command's start and its listing are measured.
  const sqlite = new Sqlite(path.join(data, 'postier.sqlite'));
  const dossier = sqlite.prepare(
    'insert into dossiers (structure_id, number, title, last_name, first_name, email_opt_in) values (?, ?, ?, ?, ?, 1)',
  );
  const correspondent = sqlite.prepare(
    'insert into correspondents (dossier_id, name, email, receives_documents) values (?, ?, ?, 1)',
  );
  sqlite.transaction(() => {
    for (let i = 1; i <= DOSSIERS; i++) {
      const { lastInsertRowid } = dossier.run(structureId, String(10_000 + i), 'Mme', `Côté ${i}`, 'Hélène'); // prettier-ignore
      correspondent.run(lastInsertRowid, `Famille ${i}`, `famille${i}@example.com`);
    }
  })();
  sqlite.close();
  return data;
}

/** One run of `node ARGS`: wall ms (spawn to exit) and peak memory in MiB. */
function measure(contender: Contender, preload: string, peakFile: string, data: string): void {
  fs.rmSync(peakFile, { force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', preload, ...contender.args], {
    cwd: REPO_ROOT,
    env: { ...process.env, POSTIER_DATA: data, POSTIER_BENCH_PEAK_FILE: peakFile },
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${contender.label} failed (${result.status}): ${result.stderr.toString()}`);
  contender.walls.push(wall);
  contender.peaks.push(Number(fs.readFileSync(peakFile, 'utf8')) / 1024);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export const benchCli: Bench = async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bench-cli-'));
  try {
    const data = await dataFolderWithDossiers(root);
    const preload = path.join(root, 'peak.mjs');
    fs.writeFileSync(preload, PEAK_REPORTER);
    const peakFile = path.join(root, 'peak.txt');
    const contenders: Contender[] = [
      { label: 'node -e 0', args: ['-e', '0'], walls: [], peaks: [] },
      { label: 'postier --help', args: [POSTIER_BIN, '--help'], walls: [], peaks: [] },
      {
        label: 'postier dossiers list --json',
        args: [POSTIER_BIN, 'dossiers', 'list', '--json'],
        walls: [],
        peaks: [],
      },
    ];
    // A first call builds the bundle if a source changed since: not what is measured.
    const warmUp = spawnSync(process.execPath, [POSTIER_BIN, 'dossiers', 'list', '--json'], {
      env: { ...process.env, POSTIER_DATA: data },
      maxBuffer: 64 * 1024 * 1024,
    });
    const listed = JSON.parse(warmUp.stdout.toString()) as unknown[];
    if (listed.length === 0) throw new Error(`dossiers list printed none: ${warmUp.stderr}`);
    for (let run = 0; run < RUNS; run++)
      for (const contender of contenders) measure(contender, preload, peakFile, data);

    const [node, help, list] = contenders as [Contender, Contender, Contender];
    const nodeWall = median(node.walls);
    const baseline = `node -e 0 (${round(nodeWall)} ms)`;
    /** Wall time, its goal a multiple of node -e 0's in this run. */
    const wallFigure = (name: string, contender: Contender, times: number): BenchFigure => ({
      name,
      value: round(median(contender.walls)),
      unit: 'ms',
      note: `goal ${times}× node -e 0; median of ${RUNS} runs, interleaved`,
      goal: { max: round(times * nodeWall) },
      ratio: { value: median(contender.walls) / nodeWall, baseline },
    });
    return [
      {
        name: 'CLI: node -e 0 (baseline)',
        value: round(nodeWall),
        unit: 'ms',
        note: `median of ${RUNS}; peak ${round(median(node.peaks))} MiB`,
      },
      wallFigure('CLI: postier --help', help, 3),
      wallFigure(
        `CLI: postier dossiers list --json (${DOSSIERS.toLocaleString('en')} dossiers, ${listed.length} printed)`,
        list,
        4,
      ),
      {
        name: 'CLI: postier dossiers list --json, peak memory',
        value: round(median(list.peaks)),
        unit: 'MiB',
        note: `median of ${RUNS}; maxRSS as the process exits`,
        goal: { max: 120 },
        ratio: {
          value: median(list.peaks) / median(node.peaks),
          baseline: `node -e 0 (${round(median(node.peaks))} MiB)`,
        },
      },
    ] satisfies BenchFigure[];
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
};
