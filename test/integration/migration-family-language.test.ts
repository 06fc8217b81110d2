// Migration 0005 on a database written before it: every dossier reads French, correspondents
// follow their dossier, and each structure's saved e-mail template becomes its template in
// the structure's own language (the language it was shown in) — nothing the office wrote is
// lost. Down and up again leave the saved templates as they were. Down from templates saved
// per language runs on both databases.
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onPostgres } from '../support/dialects.js';
import { freshMigrationDb, migratorOn } from '../support/migrator.js';
import { tempFolder } from '../support/temp-folder.js';

const TEMPLATE = JSON.stringify({
  subject: 'Votre facture {{numero}}',
  text: 'Bonjour',
  html: null,
});

function settings(sqlite: Sqlite.Database): Record<string, string> {
  const rows = sqlite.prepare('select key, value from settings order by key').all() as {
    key: string;
    value: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

describe('migration 0005-family-language', () => {
  // Templates saved before 0005 are on SQLite only: PostgreSQL support came after 0007 (its
  // up() renames nothing, there being nothing to rename).
  it.skipIf(onPostgres)(
    'gives every dossier French and keeps each saved template in its structure’s language',
    async () => {
      const sqlite = new Sqlite(path.join(tempFolder(), 'before-0005.sqlite'));
      const { db, migrator } = migratorOn(sqlite);
      expect((await migrator.migrateTo('0004-journal-search')).error).toBeUndefined();
      sqlite.exec(`
      insert into structures (id, name, locale) values (1, 'Résidence Les Érables', 'fr-CA'),
                                                       (2, 'Maple Lodge', 'en-CA');
      insert into dossiers (structure_id, number, last_name) values (1, '1001', 'Côté');
      insert into correspondents (dossier_id, name, email) values (1, 'Hélène', 'h@example.com');
    `);
      const insert = sqlite.prepare('insert into settings (key, value) values (?, ?)');
      insert.run('email.template.1.invoice', TEMPLATE);
      insert.run('email.template.2.notice', TEMPLATE);
      insert.run('outbox.validationMode', '"manual"');

      const up = await migrator.migrateTo('0005-family-language');
      expect(up.error).toBeUndefined();
      expect(sqlite.prepare('select language from dossiers').all()).toEqual([{ language: 'fr' }]);
      expect(sqlite.prepare('select language from correspondents').all()).toEqual([
        { language: null },
      ]);
      expect(settings(sqlite)).toEqual({
        'email.template.1.invoice.fr': TEMPLATE,
        'email.template.2.notice.en': TEMPLATE,
        'outbox.validationMode': '"manual"',
      });

      // Down (an English template saved since is dropped: 0004 had no place for it) and up.
      insert.run('email.template.1.invoice.en', TEMPLATE);
      expect((await migrator.migrateTo('0004-journal-search')).error).toBeUndefined();
      expect(settings(sqlite)).toEqual({
        'email.template.1.invoice': TEMPLATE,
        'email.template.2.notice': TEMPLATE,
        'outbox.validationMode': '"manual"',
      });
      expect((await migrator.migrateTo('0005-family-language')).error).toBeUndefined();
      expect(Object.keys(settings(sqlite))).toEqual([
        'email.template.1.invoice.fr',
        'email.template.2.notice.en',
        'outbox.validationMode',
      ]);
      await db.destroy();
    },
  );

  it('down keeps each structure’s template in its own language, then up again', async () => {
    const fresh = await freshMigrationDb();
    expect((await fresh.migrator.migrateTo('0005-family-language')).error).toBeUndefined();
    await sql`insert into structures (id, name, locale)
      values (1, 'Résidence Les Érables', 'fr-CA'), (2, 'Maple Lodge', 'en-CA')`.execute(fresh.db);
    for (const key of [
      'email.template.1.invoice.fr',
      'email.template.1.invoice.en',
      'email.template.2.notice.en',
      'email.template.2.notice.fr',
    ]) {
      await sql`insert into settings (key, value) values (${key}, ${TEMPLATE})`.execute(fresh.db);
    }
    await sql`insert into settings (key, value)
      values ('outbox.validationMode', '"manual"')`.execute(fresh.db);
    const settingsNow = async () => {
      const { rows } = await sql<{ key: string; value: string }>`select key, value
        from settings order by key`.execute(fresh.db);
      return Object.fromEntries(rows.map((r) => [r.key, r.value]));
    };

    expect((await fresh.migrator.migrateTo('0004-journal-search')).error).toBeUndefined();
    expect(await settingsNow()).toEqual({
      'email.template.1.invoice': TEMPLATE,
      'email.template.2.notice': TEMPLATE,
      'outbox.validationMode': '"manual"',
    });
    expect(await fresh.columns('dossiers')).not.toContain('language');
    expect((await fresh.migrator.migrateTo('0005-family-language')).error).toBeUndefined();
    expect(await fresh.columns('dossiers')).toContain('language');
    await fresh.close();
  });
});
