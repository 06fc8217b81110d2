// Brings a database file to the current schema at start-up, safely from several processes.
import { Migrator, sql, type MigrationResultSet } from 'kysely';
import { setTimeout as sleep } from 'node:timers/promises';
import { migrations } from '../../migrations/index.js';
import { isPostgres } from '../../migrations/dialect.js';
import { UserError } from '../../src-shared/errors.js';
import { beginImmediate, isBusyError, type Db } from './connection.js';

const provider = { getMigrations: () => Promise.resolve(migrations) };

export async function migrateToLatest(db: Db, attempts = 20): Promise<string[]> {
  if (isPostgres(db)) {
    // Kysely runs PostgreSQL's migrations in one transaction under an advisory lock: a
    // second workstation starting at once waits for it, then finds everything done.
    const result = await new Migrator({ db, provider }).migrateToLatest();
    if (result.error) throw translateMigrationError(result.error);
    return applied(result);
  }
  for (let attempt = 1; ; attempt++) {
    const result = await migrateUnderWriteLock(db);
    if (!result.error) return applied(result);
    if (isBusyError(result.error) && attempt < attempts) {
      // Another workstation is migrating the same file: wait for it, then re-check.
      await sleep(100 * attempt);
      continue;
    }
    throw translateMigrationError(result.error);
  }
}

/**
 * Kysely's own transaction is deferred: two workstations starting at once would both read
 * "nothing applied" and both create the tables. Taking the write lock first (BEGIN
 * IMMEDIATE) makes the second wait, then find everything done.
 */
async function migrateUnderWriteLock(db: Db): Promise<MigrationResultSet> {
  return db.connection().execute(async (connection) => {
    try {
      await beginImmediate(db, connection);
    } catch (error) {
      return { error, results: [] };
    }
    const migrator = new Migrator({ db: connection, provider, disableTransactions: true });
    const result = await migrator.migrateToLatest();
    await sql.raw(result.error ? 'rollback' : 'commit').execute(connection);
    return result;
  });
}

function applied(result: MigrationResultSet): string[] {
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

function translateMigrationError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (/corrupted migrations/i.test(message)) return new UserError('error.database.tooNew');
  if (isBusyError(error)) return new UserError('error.database.busy');
  return error instanceof Error ? error : new Error(message);
}
