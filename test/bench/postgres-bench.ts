// The PostgreSQL side of the benches: a throw-away server (test/support/postgres-server.ts:
// initdb in a temporary folder, a loopback port, fsync off as in the tests) with a fresh
// database, this workstation's per-user files in a temporary folder. Without PostgreSQL's
// binaries the bench's lines are listed as skipped, and say why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasPostgres, startPostgres } from '../support/postgres-server.js';
import type { BenchFigure } from './harness.js';

/** What PostgreSQL's lines say of the server they ran on. */
export const SERVER_NOTE = 'throw-away local server on loopback, fsync off';

export async function onPostgres(
  names: string[],
  work: (url: string) => Promise<BenchFigure[]>,
): Promise<BenchFigure[]> {
  if (!hasPostgres()) {
    const skipped = 'PostgreSQL is not installed (Debian package postgresql): skipped';
    return names.map((name) => ({ name, value: 0, unit: '', skipped }));
  }
  const server = await startPostgres();
  // A server's per-workstation files (documents until they live in the database, sandbox,
  // logs) go under the per-user folder: a temporary one here, not the user's own.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-bench-pg-home-'));
  const before = process.env.XDG_CONFIG_HOME;
  process.env.XDG_CONFIG_HOME = home;
  try {
    return await work(await server.createDatabase());
  } finally {
    if (before === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = before;
    await server.stop();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
