// Opening the database file: settings safe for a file shared by several workstations.
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql, type SqliteDatabase, type Transaction } from 'kysely';
import { UserError } from '../../src-shared/errors.js';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
/** A connection inside a write transaction: pass it down, never reopen `db` inside. */
export type WriteTx = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  db: Db;
  sqlite: Sqlite.Database;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** How long to wait for another workstation's lock before giving up. */
  busyTimeoutMs?: number;
}

export function openDatabase(file: string, options: OpenOptions = {}): DatabaseHandle {
  const sqlite = new Sqlite(file);
  // WAL needs shared memory, which network file systems do not provide: the rollback
  // journal is the safe mode for a database on a shared drive.
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 15_000}`);
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return { db, sqlite, close: () => db.destroy() };
}

/** Statements kept compiled: enough for every query the app runs, few enough to stay small. */
const STATEMENT_CACHE_SIZE = 500;

/**
 * The database as Kysely sees it, with its statements kept compiled. Kysely asks for a new
 * statement for every query it runs, and SQLite compiling one costs about as much as
 * running a simple insert: a bulk send runs the same few queries thousands of times.
 * Reusing a statement is safe here: Kysely runs one query at a time on this connection (a
 * streamed select holds it until its iteration ends), and SQLite recompiles a statement by
 * itself after a schema change.
 */
function withStatementCache(sqlite: Sqlite.Database): SqliteDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement) {
        // Most recently used last: the first one is the one to drop when the cache is full.
        statements.delete(text);
      } else {
        statement = sqlite.prepare(text);
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          statements.delete(statements.keys().next().value!);
        }
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

/**
 * Runs `work` in a write transaction taken at once (BEGIN IMMEDIATE), so that two
 * workstations never deadlock upgrading read locks; the busy timeout makes the second wait.
 */
export async function writeTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await runBusyAware(() => sql`begin immediate`.execute(connection));
    try {
      const result = await work(connection);
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection).catch(() => undefined);
      throw error;
    }
  });
}

/** Turns SQLite's "busy" into an error the user can act on. */
export async function runBusyAware<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isBusyError(error)) throw new UserError('error.database.busy');
    throw error;
  }
}

export function isBusyError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}
