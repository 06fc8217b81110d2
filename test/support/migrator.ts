// Kysely's migrator with the app's migrations, to apply them one by one: over a bare SQLite
// file (migratorOn), or over a fresh database of this pass's dialect (freshMigrationDb), with
// what the tests read of its schema: tables, columns, and the plan of a query.
import Sqlite from 'better-sqlite3';
import path from 'node:path';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { openDatabase, type Db } from '../../src-main/db/connection.js';
import { openPostgresDatabase } from '../../src-main/db/postgres-dialect.js';
import { freshDataPlace, onPostgres } from './dialects.js';

export function migratorOn(sqlite: Sqlite.Database) {
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  return { db, migrator };
}

export interface MigrationDb {
  /** The app's view of it (migrateToLatest takes it). */
  db: Db;
  migrator: Migrator;
  /** Its tables, Kysely's own and SQLite's internal ones left out, by name. */
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  /**
   * How the database would run `query`: SQLite's `explain query plan`; PostgreSQL's `explain`
   * with sequential scans off (an empty table is otherwise scanned whatever its indexes).
   */
  plan(query: string): Promise<string>;
  /** PostgreSQL: the table's index definitions (`create index … (columns)`). */
  indexes(table: string): Promise<string[]>;
  close(): Promise<void>;
  /** The same database opened again (after close). */
  reopen(): Promise<MigrationDb>;
}

/** A fresh empty database on this pass's dialect (a file, or a database on the test server). */
export async function freshMigrationDb(): Promise<MigrationDb> {
  const place = await freshDataPlace();
  return onPostgres
    ? postgresMigrationDb(place)
    : sqliteMigrationDb(path.join(place, 'fresh.sqlite'));
}

function migratorOver(db: Db): Migrator {
  return new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
}

/** The app's connection (its pragmas) for migrateToLatest; the migrator on a bare one, as before. */
function sqliteMigrationDb(file: string): MigrationDb {
  const app = openDatabase(file);
  const sqlite = new Sqlite(file);
  const bare = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) }) as Db;
  return {
    db: app.db,
    migrator: migratorOver(bare),
    tables: async () =>
      (
        sqlite
          .prepare(
            "select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%' order by name",
          )
          .all() as { name: string }[]
      ).map((t) => t.name),
    columns: async (table) =>
      (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      ),
    plan: async (query) =>
      (sqlite.prepare(`explain query plan ${query}`).all() as { detail: string }[])
        .map((p) => p.detail)
        .join(' '),
    indexes: () => Promise.reject(new Error('SQLite: read the plan instead')),
    close: async () => {
      await bare.destroy();
      await app.close();
    },
    reopen: async () => sqliteMigrationDb(file),
  };
}

function postgresMigrationDb(url: string): MigrationDb {
  const { db, close } = openPostgresDatabase(url);
  return {
    db,
    migrator: migratorOver(db),
    tables: async () => {
      const { rows } = await sql<{ name: string }>`select table_name as name
        from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name not like 'kysely%'
        order by table_name`.execute(db);
      return rows.map((t) => t.name);
    },
    columns: async (table) => {
      const { rows } = await sql<{ name: string }>`select column_name as name
        from information_schema.columns
        where table_schema = 'public' and table_name = ${table}
        order by ordinal_position`.execute(db);
      return rows.map((c) => c.name);
    },
    plan: (query) =>
      db.connection().execute(async (connection) => {
        await sql`set enable_seqscan = off`.execute(connection);
        try {
          const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${sql.raw(query)}`.execute(
            connection,
          );
          return rows.map((r) => r['QUERY PLAN']).join(' ');
        } finally {
          await sql`reset enable_seqscan`.execute(connection);
        }
      }),
    indexes: async (table) => {
      const { rows } = await sql<{ definition: string }>`select indexdef as definition
        from pg_indexes where schemaname = 'public' and tablename = ${table}`.execute(db);
      return rows.map((i) => i.definition);
    },
    close,
    reopen: async () => postgresMigrationDb(url),
  };
}
