// Each migration applied to a fresh database file, checked for what later code relies on.
import Sqlite from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { openDatabase } from '../../src-main/db/connection.js';
import { migrateToLatest } from '../../src-main/db/migrate.js';
import { migratorOn } from '../support/migrator.js';
import { tempFolder } from '../support/temp-folder.js';

function columns(sqlite: Sqlite.Database, table: string): string[] {
  return (sqlite.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map(
    (c) => c.name,
  );
}

describe('migration 0001-records-and-documents', () => {
  it('creates every table, the seeded document types and the journal index on a fresh file', async () => {
    const sqlite = new Sqlite(path.join(tempFolder(), 'fresh.sqlite'));
    const { db, migrator } = migratorOn(sqlite);
    const result = await migrator.migrateTo('0001-records-and-documents');
    expect(result.error).toBeUndefined();
    expect(result.results?.map((r) => r.migrationName)).toEqual(['0001-records-and-documents']);

    for (const table of [
      'structures',
      'staff',
      'client_groups',
      'dossiers',
      'correspondents',
      'document_types',
      'documents',
      'document_attachments',
      'settings',
    ]) {
      expect(columns(sqlite, table).length, table).toBeGreaterThan(1);
    }
    expect(columns(sqlite, 'dossiers')).toEqual(
      expect.arrayContaining(['number', 'sin', 'email_opt_in', 'version']),
    );
    const types = sqlite
      .prepare(
        'select code, password_rule, password_fallback, watermark from document_types order by id',
      )
      .all();
    expect(types).toEqual([
      { code: 'invoice', password_rule: null, password_fallback: null, watermark: null },
      { code: 'notice', password_rule: null, password_fallback: null, watermark: null },
      {
        code: 'taxslip',
        password_rule: '{{nas}}',
        password_fallback: '000000000',
        watermark: null,
      },
      { code: 'statement', password_rule: null, password_fallback: null, watermark: null },
      {
        code: 'verification',
        password_rule: '{{nas}}',
        password_fallback: '000000000',
        watermark: 'EXEMPLAIRE DE DÉMONSTRATION — non valide',
      },
    ]);
    // The journal's usual filter is served by an index, not a table scan.
    const plan = sqlite
      .prepare(
        "explain query plan select id from documents where structure_id = 1 and type_id = 1 and period = '2026-10'",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(
      /USING (COVERING )?INDEX documents_journal/,
    );
    await db.destroy();
  });
});

describe('migration 0002-outbox', () => {
  it('adds the outbox, the send journal and a free engine lease on top of 0001', async () => {
    const sqlite = new Sqlite(path.join(tempFolder(), 'outbox.sqlite'));
    const { db, migrator } = migratorOn(sqlite);
    await migrator.migrateTo('0001-records-and-documents');
    const result = await migrator.migrateTo('0002-outbox');
    expect(result.error).toBeUndefined();
    expect(result.results?.map((r) => r.migrationName)).toEqual(['0002-outbox']);
    for (const table of [
      'mail_accounts',
      'send_batches',
      'messages',
      'message_addresses',
      'send_journal',
      'engine_lease',
    ]) {
      expect(columns(sqlite, table).length, table).toBeGreaterThan(1);
    }
    expect(columns(sqlite, 'messages')).toEqual(
      expect.arrayContaining([
        'status',
        'attempts',
        'next_attempt_at',
        'last_reply',
        'message_id_header',
        'queued_by',
        'workstation',
      ]),
    );
    expect(sqlite.prepare('select id, holder from engine_lease').all()).toEqual([
      { id: 1, holder: null },
    ]);
    // The engine's "next due message" query is served by an index.
    const plan = sqlite
      .prepare(
        "explain query plan select id from messages where status = 'validated' and next_attempt_at <= '2026' order by id",
      )
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/INDEX messages_due/);
    await db.destroy();
  });
});

describe('all migrations', () => {
  it('is recorded once: opening again applies nothing', async () => {
    const file = path.join(tempFolder(), 'again.sqlite');
    const first = openDatabase(file);
    await migrateToLatest(first.db);
    await first.close();
    const second = openDatabase(file);
    expect(await migrateToLatest(second.db)).toEqual([]);
    await second.close();
  });

  it('refuses a database written by a newer Postier with a clear message', async () => {
    const file = path.join(tempFolder(), 'newer.sqlite');
    const handle = openDatabase(file);
    await migrateToLatest(handle.db);
    handle.sqlite
      .prepare(
        "insert into kysely_migration (name, timestamp) values ('9999-from-the-future', 'x')",
      )
      .run();
    await expect(migrateToLatest(handle.db)).rejects.toMatchObject({
      code: 'error.database.tooNew',
    });
    await handle.close();
  });

  it('run in order at start-up, and down to nothing and up again on a fresh file', async () => {
    const file = path.join(tempFolder(), 'updown.sqlite');
    const handle = openDatabase(file);
    expect(await migrateToLatest(handle.db)).toEqual(Object.keys(migrations));
    await handle.close();
    const sqlite = new Sqlite(file);
    const { db, migrator } = migratorOn(sqlite);
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      expect((await migrator.migrateDown()).error).toBeUndefined();
    }
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%'",
      )
      .all();
    expect(tables).toEqual([]);
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    await db.destroy();
  });

  it('uses the rollback journal, never WAL (unsafe on network drives)', async () => {
    const { sqlite, close } = openDatabase(path.join(tempFolder(), 'journal.sqlite'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await close();
  });
});
