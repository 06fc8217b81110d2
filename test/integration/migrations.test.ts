// Each migration applied to a fresh database of this pass's dialect (a SQLite file, or a
// PostgreSQL database), checked for what later code relies on: the tables and columns, the
// seeded rows, the indexes the usual queries take; then all of them recorded once, down to
// nothing and up again.
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { openDatabase } from '../../src-main/db/connection.js';
import { migrateToLatest } from '../../src-main/db/migrate.js';
import { onPostgres } from '../support/dialects.js';
import { freshMigrationDb } from '../support/migrator.js';
import { tempFolder } from '../support/temp-folder.js';

describe('migration 0001-records-and-documents', () => {
  it('creates every table, the seeded document types and the journal index on a fresh database', async () => {
    const fresh = await freshMigrationDb();
    const result = await fresh.migrator.migrateTo('0001-records-and-documents');
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
      expect((await fresh.columns(table)).length, table).toBeGreaterThan(1);
    }
    expect(await fresh.columns('dossiers')).toEqual(
      expect.arrayContaining(['number', 'sin', 'email_opt_in', 'version']),
    );
    const { rows: types } = await sql`select code, password_rule, password_fallback, watermark
      from document_types order by id`.execute(fresh.db);
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
    // The journal's usual filter is served by an index, not a table scan. (PostgreSQL's
    // planner, without statistics on empty tables, may pick another index that covers part of
    // it: the journal's is checked to be there, on the filter's columns first.)
    const plan = await fresh.plan(
      "select id from documents where structure_id = 1 and type_id = 1 and period = '2026-10'",
    );
    if (onPostgres) {
      expect(plan).toMatch(/Index (Only )?Scan using documents_/);
      expect(await fresh.indexes('documents')).toContainEqual(
        expect.stringContaining(
          'documents_journal ON public.documents USING btree (structure_id, type_id, period, issue_date)',
        ),
      );
    } else expect(plan).toMatch(/USING (COVERING )?INDEX documents_journal/);
    await fresh.close();
  });
});

describe('migration 0002-outbox', () => {
  it('adds the outbox, the send journal and a free engine lease on top of 0001', async () => {
    const fresh = await freshMigrationDb();
    await fresh.migrator.migrateTo('0001-records-and-documents');
    const result = await fresh.migrator.migrateTo('0002-outbox');
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
      expect((await fresh.columns(table)).length, table).toBeGreaterThan(1);
    }
    expect(await fresh.columns('messages')).toEqual(
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
    const { rows: lease } = await sql`select id, holder from engine_lease`.execute(fresh.db);
    expect(lease).toEqual([{ id: 1, holder: null }]);
    // The engine's "next due message" query is served by an index.
    const plan = await fresh.plan(
      "select id from messages where status = 'validated' and next_attempt_at <= '2026' order by id",
    );
    expect(plan).toMatch(/(INDEX|Index (Only )?Scan using) messages_due/);
    await fresh.close();
  });
});

describe('all migrations', () => {
  it('is recorded once: opening again applies nothing', async () => {
    const first = await freshMigrationDb();
    expect(await migrateToLatest(first.db)).toEqual(Object.keys(migrations));
    expect(await migrateToLatest(first.db)).toEqual([]);
    await first.close();
    const second = await first.reopen();
    expect(await migrateToLatest(second.db)).toEqual([]);
    await second.close();
  });

  it('refuses a database written by a newer Postier with a clear message', async () => {
    const fresh = await freshMigrationDb();
    await migrateToLatest(fresh.db);
    await sql`insert into kysely_migration (name, timestamp)
      values ('9999-from-the-future', 'x')`.execute(fresh.db);
    await expect(migrateToLatest(fresh.db)).rejects.toMatchObject({
      code: 'error.database.tooNew',
    });
    await fresh.close();
  });

  it('run in order at start-up, and down to nothing and up again on a fresh database', async () => {
    const fresh = await freshMigrationDb();
    expect(await migrateToLatest(fresh.db)).toEqual(Object.keys(migrations));
    for (let i = 0; i < Object.keys(migrations).length; i++) {
      expect((await fresh.migrator.migrateDown()).error).toBeUndefined();
    }
    expect(await fresh.tables()).toEqual([]);
    expect((await fresh.migrator.migrateToLatest()).error).toBeUndefined();
    await fresh.close();
  });

  // A SQLite file's own settings: PostgreSQL has no journal mode, busy timeout or pragma.
  it.skipIf(onPostgres)(
    'uses the rollback journal, never WAL (unsafe on network drives)',
    async () => {
      const { sqlite, close } = openDatabase(path.join(tempFolder(), 'journal.sqlite'));
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      await close();
    },
  );
});
