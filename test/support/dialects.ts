// The integration suite's database matrix: `npm test` runs the integration files once on
// SQLite (a data folder each) and once more on PostgreSQL (a database each on one throw-away
// server), chosen by POSTIER_TEST_DIALECT (test/run-all.mjs sets it per pass) — not two copies
// of the tests. A file written for both asks `freshDataPlace()` for its data place; a file that
// is about one of them (a SQLite file's damage, the move to PostgreSQL) is listed in
// test/dialect-matrix.mjs and runs in one pass only.
import { afterAll, describe, inject, it } from 'vitest';
import { createDatabaseOn, hasPostgres, startPostgres } from './postgres-server.js';
import { tempFolder } from './temp-folder.js';

export type DialectName = 'sqlite' | 'postgres';

/** The pass this run is: POSTIER_TEST_DIALECT, or null when a file is run alone (`npx vitest`). */
function chosenDialect(): DialectName | null {
  const chosen = process.env.POSTIER_TEST_DIALECT;
  if (chosen === 'sqlite' || chosen === 'postgres') return chosen;
  if (chosen) throw new Error(`POSTIER_TEST_DIALECT must be sqlite or postgres, not ${chosen}`);
  return null;
}

/** The database this run's tests open by default (`freshPostier()`, `freshDataPlace()`). */
export const testDialect: DialectName = chosenDialect() ?? 'sqlite';
export const onPostgres = testDialect === 'postgres';

/**
 * The dialects a `describeEachDialect` block runs on: this pass's one, or both when a file is
 * run alone outside the matrix (a developer checking one file sees both halves).
 */
export const dialects: DialectName[] = chosenDialect() ? [testDialect] : ['sqlite', 'postgres'];

let ownServer: Promise<{ port: number; stop(): Promise<void> }> | null = null;

/** The port of the run's server (the global setup's), else one started for this file. */
async function serverPort(): Promise<number> {
  const shared = inject('postgresPort');
  if (shared) return shared;
  ownServer ??= startPostgres();
  return (await ownServer).port;
}

afterAll(async () => {
  if (ownServer) await (await ownServer).stop();
  ownServer = null;
}, 60_000);

/** A fresh place for `--data` / POSTIER_DATA: an empty folder, or a new database's URL. */
export async function freshDataPlaceOn(dialect: DialectName): Promise<string> {
  if (dialect === 'sqlite') return tempFolder();
  return createDatabaseOn(await serverPort());
}

/** A fresh data place on this run's dialect. */
export function freshDataPlace(): Promise<string> {
  return freshDataPlaceOn(testDialect);
}

export interface DialectPlace {
  dialect: DialectName;
  /** A fresh place for `--data` / POSTIER_DATA: an empty folder, or a new database's URL. */
  freshData(): Promise<string>;
}

/**
 * `describe.each(dialects)`: `body` declares its tests once, they run on each dialect of this
 * run. Without PostgreSQL binaries its PostgreSQL half is skipped, and says so.
 */
export function describeEachDialect(title: string, body: (place: DialectPlace) => void): void {
  describe.each(dialects)(`${title} [%s]`, (dialect) => {
    if (dialect === 'postgres' && !hasPostgres()) {
      it.skip('needs PostgreSQL (Debian package postgresql)', () => undefined);
      return;
    }
    body({ dialect, freshData: () => freshDataPlaceOn(dialect) });
  });
}
