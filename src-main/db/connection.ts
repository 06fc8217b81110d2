// Opening the database file: settings safe for a file shared by several workstations.
import Sqlite from 'better-sqlite3';
import {
  Kysely,
  SqliteDialect,
  sql,
  type SqliteDatabase,
  type SqliteStatement,
  type Transaction,
} from 'kysely';
import {
  BusyGate,
  busyError,
  DEFAULT_BUSY_TIMEOUT_MS,
  isBusyError,
  translateBusy,
} from './busy.js';
import type { Database } from './schema.js';
import { isPostgres } from '../../migrations/dialect.js';
import type { PostgresHandle } from './postgres-dialect.js';

export type Db = Kysely<Database>;
/** A connection inside a write transaction: pass it down, never reopen `db` inside. */
export type WriteTx = Kysely<Database> | Transaction<Database>;

export interface DatabaseHandle {
  dialect: 'sqlite';
  db: Db;
  sqlite: Sqlite.Database;
  close(): Promise<void>;
}

/** An office's database, either dialect (a data folder's file or a PostgreSQL server). */
export type AnyDatabaseHandle = DatabaseHandle | PostgresHandle;

export interface OpenOptions {
  /** How long to wait for another workstation's lock before giving up. */
  busyTimeoutMs?: number;
}

/** Each open connection's patience, found again from the Kysely instance over it. */
const gates = new WeakMap<Db, BusyGate>();

/**
 * Opens the file and waits for another workstation's lock quietly (the whole busy timeout,
 * in one blocking call). The app opens through openDatabaseWaiting, which says it waits.
 */
export function openDatabase(file: string, options: OpenOptions = {}): DatabaseHandle {
  const handle = connect(file, options);
  try {
    setJournalMode(handle.sqlite);
  } catch (error) {
    handle.sqlite.close();
    throw isBusyError(error) ? busyError(null) : error;
  }
  return handle;
}

/** Opens the file; a wait for another workstation's lock past 2 s is announced (busy.ts). */
export async function openDatabaseWaiting(
  file: string,
  options: OpenOptions = {},
): Promise<DatabaseHandle> {
  const handle = connect(file, options);
  try {
    await gateOf(handle.db)!.run(() => setJournalMode(handle.sqlite));
  } catch (error) {
    handle.sqlite.close();
    throw error;
  }
  return handle;
}

function connect(file: string, options: OpenOptions): DatabaseHandle {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  // The timeout is given to the constructor so that it applies from the very first
  // statement: set by a pragma after another one, that one would wait the library's 5 s.
  const sqlite = new Sqlite(file, { timeout: busyTimeoutMs });
  // This pragma does not read the file, so it cannot meet a lock (the others do: below).
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  gates.set(db, new BusyGate(sqlite, busyTimeoutMs));
  return { dialect: 'sqlite', db, sqlite, close: () => db.destroy() };
}

/**
 * WAL needs shared memory, which network file systems do not provide: the rollback journal
 * is the safe mode for a database on a shared drive. These pragmas read the file's schema,
 * so they are the first statements that may meet another workstation's lock.
 */
function setJournalMode(sqlite: Sqlite.Database): void {
  sqlite.pragma('journal_mode = DELETE');
  sqlite.pragma('synchronous = FULL');
}

/** The patience of the connection `db` was opened on (undefined for a transaction's). */
export function gateOf(db: Db): BusyGate | undefined {
  return gates.get(db);
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
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement) {
        // Most recently used last: the first one is the one to drop when the cache is full.
        statements.delete(text);
      } else {
        statement = busyAwareStatement(
          sqlite,
          translateBusy(sqlite, () => sqlite.prepare(text)),
        );
        if (statements.size >= STATEMENT_CACHE_SIZE) {
          statements.delete(statements.keys().next().value!);
        }
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

/** A statement whose "busy" reads as the sentence the user can act on (busy.ts). */
function busyAwareStatement(sqlite: Sqlite.Database, statement: Sqlite.Statement): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => translateBusy(sqlite, () => statement.all(parameters)),
    run: (parameters) => translateBusy(sqlite, () => statement.run(parameters)),
    iterate: (parameters) => statement.iterate(parameters) as IterableIterator<unknown>,
  };
}

/** The advisory lock key of Postier's write transactions on PostgreSQL ("POST" in ASCII). */
const POSTGRES_WRITE_LOCK = 0x504f5354;

/**
 * Runs `work` in a write transaction taken at once (BEGIN IMMEDIATE), so that two
 * workstations never deadlock upgrading read locks; the busy timeout makes the second wait.
 */
export async function writeTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await beginImmediate(db, connection);
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

/**
 * Takes the write lock on `connection` (one of `db`'s), waiting for another workstation's
 * lock in slices that announce the wait. On PostgreSQL, the same one-writer-at-a-time: a
 * transaction-scoped advisory lock that every write transaction takes first.
 */
export async function beginImmediate(db: Db, connection: Db): Promise<void> {
  if (isPostgres(db)) {
    await sql`begin`.execute(connection);
    await sql`select pg_advisory_xact_lock(${POSTGRES_WRITE_LOCK})`.execute(connection);
    return;
  }
  const begin = () => sql`begin immediate`.execute(connection);
  const gate = gateOf(db);
  await (gate ? gate.run(begin) : runBusyAware(begin));
}

/** Turns SQLite's "busy" into an error the user can act on. */
export async function runBusyAware<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isBusyError(error)) throw busyError(null);
    throw error;
  }
}

export { isBusyError };

/** A unique constraint refused the write: SQLite's code, or PostgreSQL's SQLSTATE 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}
