// `postier db move --to postgres://…` (issue 16, point 5): an office moves from its data folder
// (the SQLite file beside its documents) into an empty PostgreSQL database. Every table is
// copied with its ids and record versions, the sequences set after them, every file the rows
// name handed to the target's store; then the counts of each table and the SHA-256 of each
// file read back are compared, before anything is committed. One PostgreSQL transaction:
// a failure leaves the target as empty as it was. The data folder is only read, in one read
// transaction that keeps any send from starting meanwhile (move-source.ts).
import type Sqlite from 'better-sqlite3';
import { UserError } from '../../src-shared/errors.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import { DataFolder, resolveDataLocation, withoutPassword } from '../data-folder/data-folder.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { NO_LEASE } from '../db/outbox-engine-lease.js';
import {
  SEEDED_TABLES,
  emptyTable,
  insertRows,
  referencedPaths,
  resetSequences,
  sourceColumns,
  sourceCount,
  sourcePages,
  sourceTables,
  targetColumns,
  targetCount,
  type Row,
} from '../db/table-copy.js';
import { contentStoreFor, type DocumentContentStore } from '../documents/content-store.js';
import { copyFiles, differingFiles, withReferences } from './move-files.js';
import { openSource } from './move-source.js';
import { migrateTarget, openTarget, refuseNonEmpty, type OpenTarget } from './move-target.js';

/** Where the database store keeps the files' contents (migration 0009). */
const CONTENTS_TABLE = 'document_contents';

export interface MoveProgress {
  /** 'files': the documents' files; 'rows': one table's rows. */
  kind: 'files' | 'rows';
  /** The table's name ('' for files). */
  name: string;
  done: number;
  total: number;
}

export interface TableComparison {
  table: string;
  source: number;
  target: number;
  /** Rows the files added (document_contents: one per distinct content): target = source + added. */
  added: number;
}

export interface MoveReport {
  /** The target's URL as it may be shown. */
  server: string;
  tables: TableComparison[];
  files: {
    /** Files read from the data folder and stored in the target. */
    copied: number;
    /** Of those, read back from the target with the same SHA-256. */
    identical: number;
    bytes: number;
    /** Named by a row but already absent from the data folder. */
    missing: string[];
    /** Where the target keeps them: in the database, or this workstation's folder. */
    storage: DocumentContentStore['kind'];
  };
}

export interface MoveRequest {
  /** The data folder moving (never a server). */
  from: DataFolder;
  /** postgres://user@host:port/db, without a password. */
  to: string;
  busyTimeoutMs?: number;
  credentials?: () => Promise<CredentialStore>;
  onProgress?: (progress: MoveProgress) => void;
}

/** A move that failed once it had started writing: the target was emptied again. */
export class MoveFailedError extends Error {
  constructor(
    readonly reason: unknown,
    readonly server: string,
  ) {
    super(`move failed: ${reason instanceof Error ? reason.message : String(reason)}`);
    this.name = 'MoveFailedError';
  }
}

export async function moveOffice(request: MoveRequest): Promise<MoveReport> {
  const location = resolveDataLocation(request.to);
  if (location.kind !== 'postgres') {
    throw new UserError('error.dbMove.notPostgres', { to: request.to });
  }
  const source = await openSource(request.from, request.busyTimeoutMs);
  let target: OpenTarget | null = null;
  try {
    const tables = sourceTables(source.handle.sqlite);
    target = await openTarget(location.url, request.credentials);
    try {
      await refuseNonEmpty(target, location.url, tables);
      await migrateTarget(target);
    } catch (error) {
      throw target.explain(error);
    }
    const copy = new OfficeCopy(
      source.handle.sqlite,
      request.from,
      new DataFolder(location.folder),
      request.onProgress,
    );
    return await copy.into(target, tables, withoutPassword(location.url));
  } finally {
    await target?.handle.close();
    await source.close();
  }
}

class OfficeCopy {
  constructor(
    private readonly sqlite: Sqlite.Database,
    private readonly folder: DataFolder,
    /** The target's per-workstation folder (its store's local copies). */
    private readonly targetFolder: DataFolder,
    private readonly onProgress: (progress: MoveProgress) => void = () => undefined,
  ) {}

  /** Everything in one transaction of the target, read from the source's snapshot. */
  async into(target: OpenTarget, tables: string[], server: string): Promise<MoveReport> {
    try {
      const counts = new Map(tables.map((table) => [table, sourceCount(this.sqlite, table)]));
      const paths = referencedPaths(this.sqlite);
      return await writeTransaction(target.handle.db, async (tx) => {
        const store = contentStoreFor(tx, this.targetFolder);
        const files = await copyFiles(paths, this.folder, store, (done, total) =>
          this.onProgress({ kind: 'files', name: '', done, total }),
        );
        const references = new Map(files.moved.map((file) => [file.path, file.reference]));
        for (const table of tables) {
          await this.copyTable(tx, table, counts.get(table) ?? 0, references);
        }
        await resetSequences(tx);
        // The store's own rows: one per distinct content kept in the database.
        const contents = store.kind === 'database' ? new Set(references.values()).size : 0;
        const comparison: TableComparison[] = [];
        for (const table of tables) {
          const added = table === CONTENTS_TABLE ? contents : 0;
          const source = counts.get(table) ?? 0;
          comparison.push({ table, source, target: await targetCount(tx, table), added });
        }
        const differing = await differingFiles(files.moved, store);
        const wrong = comparison.filter((c) => c.source + c.added !== c.target);
        if (wrong.length > 0 || differing.length > 0) {
          // Thrown inside the transaction: nothing of it is committed.
          throw new UserError('error.dbMove.notIdentical', {
            tables: wrong.map((c) => `${c.table} ${c.source}/${c.target}`).join(', ') || '—',
            files: differing.slice(0, 5).join(', ') || '—',
          });
        }
        return {
          server,
          tables: comparison,
          files: {
            copied: files.moved.length,
            identical: files.moved.length - differing.length,
            bytes: files.moved.reduce((sum, file) => sum + file.size, 0),
            missing: files.missing,
            storage: store.kind,
          },
        };
      });
    } catch (error) {
      if (error instanceof UserError && error.code === 'error.dbMove.notIdentical') {
        throw new MoveFailedError(error, server);
      }
      throw new MoveFailedError(target.explain(error), server);
    }
  }

  private async copyTable(
    tx: Db,
    table: string,
    total: number,
    references: Map<string, string>,
  ): Promise<void> {
    const columns = await this.columnsOf(tx, table);
    // What a migration wrote by itself (document types, the lease row) gives way to the source's.
    if (SEEDED_TABLES.includes(table)) await emptyTable(tx, table);
    const pageSize = Math.max(1, Math.min(500, Math.floor(20_000 / columns.length)));
    let done = 0;
    this.onProgress({ kind: 'rows', name: table, done, total });
    for (const page of sourcePages(this.sqlite, table, columns, pageSize)) {
      await insertRows(
        tx,
        table,
        columns,
        page.map((row) => this.targetRow(table, row, references)),
      );
      done += page.length;
      this.onProgress({ kind: 'rows', name: table, done, total });
    }
  }

  private targetRow(table: string, row: Row, references: Map<string, string>): Row {
    // The folder's engines' lease means nothing on the server: nobody sends from it yet.
    if (table === 'engine_lease') return { ...row, ...NO_LEASE };
    return withReferences(table, row, references);
  }

  /** The target's written columns; a column on one side only means two different schemas. */
  private async columnsOf(tx: Db, table: string): Promise<string[]> {
    const target = await targetColumns(tx, table);
    const source = sourceColumns(this.sqlite, table);
    const names = target.map((c) => c.name);
    const unmatched = [
      ...names.filter((name) => !source.includes(name)),
      ...source.filter((name) => !names.includes(name)),
    ];
    if (target.length === 0 || unmatched.length > 0) {
      throw new Error(`table ${table}: columns differ (${unmatched.join(', ') || 'no table'})`);
    }
    return target.filter((c) => !c.generated).map((c) => c.name);
  }
}
