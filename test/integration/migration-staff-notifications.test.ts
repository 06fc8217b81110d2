// Migration 0007 on a database written before it: every staff member reads French, and a
// notification claimed for one run and event cannot be claimed again; down and up again
// leave the staff as they were.
import Sqlite from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratorOn } from '../support/migrator.js';
import { tempFolder } from '../support/temp-folder.js';

describe('migration 0007-staff-notifications', () => {
  it('gives every staff member French and refuses a second notification for one run and event', async () => {
    const sqlite = new Sqlite(path.join(tempFolder(), 'before-0007.sqlite'));
    const { migrator } = migratorOn(sqlite);
    expect((await migrator.migrateTo('0005-family-language')).error).toBeUndefined();
    sqlite.exec(`
      insert into structures (id, name) values (1, 'Résidence Les Érables');
      insert into staff (structure_id, name, email) values (1, 'Marie Tremblay', 'marie@example.com');
    `);

    expect((await migrator.migrateTo('0007-staff-notifications')).error).toBeUndefined();
    expect(sqlite.prepare('select name, language from staff').all()).toEqual([
      { name: 'Marie Tremblay', language: 'fr' },
    ]);
    const claim = sqlite.prepare(
      `insert into notifications_sent (run_key, event, structure_id, at) values (?, ?, 1, '2026-12-05T08:00:00.000Z')`,
    );
    claim.run('run-1', 'failures');
    claim.run('run-1', 'run_finished');
    claim.run('run-2', 'failures');
    expect(() => claim.run('run-1', 'failures')).toThrow(/UNIQUE|PRIMARY/);

    expect((await migrator.migrateTo('0005-family-language')).error).toBeUndefined();
    expect((await migrator.migrateTo('0007-staff-notifications')).error).toBeUndefined();
    expect(sqlite.prepare('select name, email, language from staff').all()).toEqual([
      { name: 'Marie Tremblay', email: 'marie@example.com', language: 'fr' },
    ]);
    sqlite.close();
  });
});
