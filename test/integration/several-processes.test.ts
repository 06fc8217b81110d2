// Several workstations on one database (a shared SQLite file, or one PostgreSQL database):
// real processes writing at the same time. Sending at once: engine-lease.test.ts.
import Sqlite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { openPostier } from '../../src-main/app/postier.js';
import { DATABASE_FILE_NAME } from '../../src-main/data-folder/data-folder.js';
import { REPO_ROOT } from '../support/cli.js';
import { describeEachDialect } from '../support/dialects.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const WRITER = path.join(REPO_ROOT, 'test', 'support', 'concurrent-writer.ts');

interface WriterResult {
  created: number;
  duplicates: number;
  errors: string[];
}

function runWriter(
  dataPath: string,
  prefix: string,
  count: number,
  shared: string,
): Promise<WriterResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [WRITER, dataPath, prefix, String(count), shared], { cwd: REPO_ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`writer ${prefix} exited ${code}: ${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as WriterResult);
    });
  });
}

/** SQLite's own check of the file after the writers (PostgreSQL needs none: a server). */
function expectSqliteIntact(dataPath: string): void {
  const raw = new Sqlite(path.join(dataPath, DATABASE_FILE_NAME), { readonly: true });
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  raw.close();
}

describeEachDialect('one database, several processes', ({ dialect, freshData }) => {
  it('three processes writing at once lose nothing and never duplicate a dossier number', async () => {
    const dataPath = await freshData();
    const setup = await openPostier({ dataPath });
    await setup.records.createStructure({ name: 'Bureau partagé' });
    await setup.close();

    const perWriter = 40;
    const results = await Promise.all(
      ['A', 'B', 'C'].map((prefix) => runWriter(dataPath, prefix, perWriter, 'COMMUN')),
    );
    for (const result of results) expect(result.errors).toEqual([]);

    const check = await openPostier({ dataPath });
    const all = await check.records.searchDossiers({ limit: 500 });
    // Each writer's own numbers all made it; each shared number exists exactly once.
    expect(all.total).toBe(3 * perWriter + perWriter);
    const numbers = all.items.map((d) => d.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(all.total);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(2 * perWriter);
    // Every dossier kept its correspondent: no half-written dossier.
    expect(all.items.every((d) => d.correspondents.length === 1)).toBe(true);
    await check.close();
    if (dialect === 'sqlite') expectSqliteIntact(dataPath);
  }, 120_000);

  it('three workstations starting on a fresh database at once migrate it exactly once', async () => {
    const dataPath = await freshData();
    const results = await Promise.all(['A', 'B', 'C'].map((p) => runWriter(dataPath, p, 0, '')));
    expect(results.map((r) => r.errors)).toEqual([[], [], []]);
    const check = await openPostier({ dataPath });
    try {
      const { rows: names } = await sql<{
        name: string;
      }>`select name from kysely_migration order by name`.execute(check.db);
      expect(names).toEqual(Object.keys(migrations).map((name) => ({ name })));
    } finally {
      await check.close();
    }
    if (dialect === 'sqlite') expectSqliteIntact(dataPath);
  }, 60_000);
});
