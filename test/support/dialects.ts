// The integration suite's database matrix: one test file runs on SQLite (a data folder) and
// on PostgreSQL (a database on a throw-away server, postgres-server.ts), not two copies of it.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { hasPostgres, startPostgres, type PostgresServer } from './postgres-server.js';
import { tempFolder } from './temp-folder.js';

export type DialectName = 'sqlite' | 'postgres';
export const dialects: DialectName[] = ['sqlite', 'postgres'];

export interface DialectPlace {
  dialect: DialectName;
  /** A fresh place for `--data` / POSTIER_DATA: an empty folder, or a new database's URL. */
  freshData(): Promise<string>;
}

/**
 * `describe.each(dialects)`: `body` declares its tests once, they run on both. The PostgreSQL
 * server starts once per file; without PostgreSQL binaries its half is skipped, and says so.
 */
export function describeEachDialect(title: string, body: (place: DialectPlace) => void): void {
  describe.each(dialects)(`${title} [%s]`, (dialect) => {
    if (dialect === 'postgres' && !hasPostgres()) {
      it.skip('needs PostgreSQL (Debian package postgresql)', () => undefined);
      return;
    }
    let server: PostgresServer | null = null;
    if (dialect === 'postgres') {
      beforeAll(async () => {
        server = await startPostgres();
      }, 120_000);
      afterAll(() => server?.stop());
    }
    body({
      dialect,
      freshData: () =>
        dialect === 'sqlite' ? Promise.resolve(tempFolder()) : server!.createDatabase(),
    });
  });
}
