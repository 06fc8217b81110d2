// Kysely's migrator over a bare SQLite file with the app's migrations, to apply them one by one.
import type Sqlite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../migrations/index.js';

export function migratorOn(sqlite: Sqlite.Database) {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  return { db, migrator };
}
