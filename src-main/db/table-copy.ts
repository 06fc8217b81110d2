// SQL of moving an office (src-main/db-move/): reading every table of a data folder's SQLite
// file as it is, writing the rows into a PostgreSQL database of the same schema with their
// ids, and the counts and sequences around it. Tables are found, not listed, so that a
// migration's new table moves too.
import type Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Db } from './connection.js';

export type Row = Record<string, unknown>;

/** Kysely's own bookkeeping: each side has its own (the target is migrated first). */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/**
 * Tables a fresh migration fills by itself (the document types, the free lease row): their
 * rows do not make a database "not empty", and the move replaces them with the source's.
 */
export const SEEDED_TABLES = ['document_types', 'engine_lease'];

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The source's tables holding office data, parents before children (foreign keys): not
 * SQLite's own, not Kysely's, not the search's virtual tables (FTS5) and their shadow tables,
 * which the target builds from the rows (its own search table, by triggers).
 */
export function sourceTables(sqlite: Sqlite.Database): string[] {
  const rows = sqlite
    .prepare("select name, sql from sqlite_master where type = 'table' order by name")
    .all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql ?? '')).map((r) => r.name);
  const tables = rows
    .map((r) => r.name)
    .filter(
      (name) =>
        !name.startsWith('sqlite_') &&
        !MIGRATION_TABLES.includes(name) &&
        !virtual.some((v) => name === v || name.startsWith(`${v}_`)),
    );
  const parents = new Map(
    tables.map((table) => {
      const keys = sqlite.prepare(`pragma foreign_key_list(${quoted(table)})`).all() as {
        table: string;
      }[];
      return [table, keys.map((k) => k.table).filter((t) => t !== table && tables.includes(t))];
    }),
  );
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const parent of parents.get(table) ?? []) visit(parent, [...path, table]);
    ordered.push(table);
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

/** The migrations this Postier knows that the source file has not had. */
export function missingMigrations(sqlite: Sqlite.Database): string[] {
  const applied = new Set(
    (sqlite.prepare('select name from kysely_migration').all() as { name: string }[]).map(
      (r) => r.name,
    ),
  );
  return Object.keys(migrations).filter((name) => !applied.has(name));
}

export function sourceColumns(sqlite: Sqlite.Database, table: string): string[] {
  const columns = sqlite.prepare(`pragma table_xinfo(${quoted(table)})`).all() as {
    name: string;
  }[];
  return columns.map((c) => c.name);
}

export function sourceCount(sqlite: Sqlite.Database, table: string): number {
  const row = sqlite.prepare(`select count(*) as n from ${quoted(table)}`).get() as { n: number };
  return row.n;
}

/** The source's rows of `table`, `pageSize` at a time, in rowid order (ids kept as they are). */
export function* sourcePages(
  sqlite: Sqlite.Database,
  table: string,
  columns: string[],
  pageSize: number,
): Generator<Row[]> {
  const statement = sqlite.prepare(
    `select rowid as "__rowid", ${columns.map(quoted).join(', ')} from ${quoted(table)} where rowid > ? order by rowid limit ?`,
  );
  for (let last = Number.MIN_SAFE_INTEGER; ;) {
    const rows = statement.all(last, pageSize) as Row[];
    if (rows.length === 0) return;
    last = rows[rows.length - 1]!.__rowid as number;
    yield rows.map(({ __rowid: _rowid, ...row }) => row);
    if (rows.length < pageSize) return;
  }
}

/** A snapshot of the source: the file's read lock, held until `end` (rollback journal). */
export function beginSnapshot(sqlite: Sqlite.Database): () => void {
  sqlite.exec('begin');
  // A deferred transaction takes its lock at its first read: take it now.
  sqlite.prepare('select count(*) from sqlite_master').get();
  return () => sqlite.exec('commit');
}

export function countSendingMessages(sqlite: Sqlite.Database): number {
  const row = sqlite
    .prepare("select count(*) as n from messages where status = 'sending'")
    .get() as { n: number };
  return row.n;
}

/** The paths a source's rows name: documents' PDFs, their attachments, messages' files. */
export function referencedPaths(sqlite: Sqlite.Database): string[] {
  const paths = new Set<string>();
  const add = (rows: unknown[]) => {
    for (const row of rows as { p: string | null }[]) if (row.p) paths.add(row.p);
  };
  add(sqlite.prepare('select pdf_path as p from documents where pdf_path is not null').all());
  add(sqlite.prepare('select file_path as p from document_attachments').all());
  const messages = sqlite
    .prepare("select attachments as p from messages where attachments not in ('', '[]')")
    .all() as { p: string }[];
  for (const { p } of messages) {
    for (const attachment of JSON.parse(p) as { path?: string }[]) {
      if (attachment.path) paths.add(attachment.path);
    }
  }
  return [...paths].sort();
}

// ─── PostgreSQL, the target ───────────────────────────────────────────────────────────────

/** The target's tables (current schema) with their row counts. */
export async function targetTableCounts(db: Db): Promise<Map<string, number>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    db,
  );
  const counts = new Map<string, number>();
  for (const { name } of tables.rows) counts.set(name, await targetCount(db, name));
  return counts;
}

export async function targetCount(db: Db, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(
    db,
  );
  return result.rows[0]!.n;
}

export interface TargetColumn {
  name: string;
  /** Computed by the database (sort_name): never written. */
  generated: boolean;
}

export async function targetColumns(db: Db, table: string): Promise<TargetColumn[]> {
  const result = await sql<{ name: string; generated: string }>`
    select column_name as name, is_generated as generated from information_schema.columns
    where table_schema = current_schema() and table_name = ${table}
    order by ordinal_position`.execute(db);
  return result.rows.map((r) => ({ name: r.name, generated: r.generated !== 'NEVER' }));
}

export async function emptyTable(db: Db, table: string): Promise<void> {
  await sql`delete from ${sql.table(table)}`.execute(db);
}

/** Writes `rows` as they are, ids included (identity columns are "by default"). */
export async function insertRows(
  db: Db,
  table: string,
  columns: string[],
  rows: Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((row) => sql`(${sql.join(columns.map((c) => row[c] ?? null))})`);
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
    values ${sql.join(values)}`.execute(db);
}

/** Each identity column's next value after the highest id written: new rows get new ids. */
export async function resetSequences(db: Db): Promise<void> {
  const identities = await sql<{ table: string; column: string }>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = current_schema() and is_identity = 'YES'`.execute(db);
  for (const { table, column } of identities.rows) {
    await sql`select setval(pg_get_serial_sequence(${table}, ${column}),
      coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
      db,
    );
  }
}
