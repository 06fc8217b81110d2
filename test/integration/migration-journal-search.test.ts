// Migration 0004-journal-search on a file that already holds dossiers and documents (an office
// updating Postier): the search tables are filled from the rows already there, the French sort
// key is computed for every dossier, and later writes keep them in step.
import Sqlite from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migratorOn } from '../support/migrator.js';
import { tempFolder } from '../support/temp-folder.js';

describe('migration 0004-journal-search', () => {
  it('indexes the rows already there for the search and the French order', async () => {
    const sqlite = new Sqlite(path.join(tempFolder(), 'before-0004.sqlite'));
    const { db, migrator } = migratorOn(sqlite);
    expect((await migrator.migrateTo('0003-send-as')).error).toBeUndefined();
    sqlite.exec(`
      insert into structures (id, name) values (1, 'Résidence');
      insert into dossiers (id, structure_id, number, last_name, first_name, address)
        values (1, 1, '1001', 'Lefèvre', 'Hélène', '12, rue des Érables'),
               (2, 1, '1002', 'Boucher', 'Rémi', ''),
               (3, 1, '1003', 'Bélanger', 'Léa', '');
      insert into correspondents (dossier_id, name, email) values (2, 'Zoé Côté', 'zoe@example.com');
      insert into documents (structure_id, dossier_id, type_id, number, period, issue_date, currency, amount_cents)
        values (1, 1, 1, 'F-2026-0001', '2026-10', '2026-10-31', 'CAD', 100),
               (1, 2, 1, 'F-2026-0002', '2026-10', '2026-10-31', 'CAD', 200);
    `);
    const result = await migrator.migrateTo('0004-journal-search');
    expect(result.error).toBeUndefined();

    const dossiersMatching = (words: string) =>
      (
        sqlite
          .prepare('select rowid from dossier_search where dossier_search match ? order by rowid')
          .all(words) as { rowid: number }[]
      ).map((r) => r.rowid);
    expect(dossiersMatching('lefevre')).toEqual([1]);
    expect(dossiersMatching('erables')).toEqual([1]);
    expect(dossiersMatching('cote')).toEqual([2]); // a correspondent's name
    const numbersMatching = (part: string) =>
      sqlite
        .prepare('select rowid from document_search where document_search match ?')
        .all(`"${part}"`) as { rowid: number }[];
    expect(numbersMatching('2026-0002')).toEqual([{ rowid: 2 }]);
    expect(
      (
        sqlite.prepare('select last_name from dossiers order by sort_name').all() as {
          last_name: string;
        }[]
      ).map((r) => r.last_name),
    ).toEqual(['Bélanger', 'Boucher', 'Lefèvre']);

    // Later writes, from any door, keep the search in step (triggers).
    sqlite.exec(`
      update dossiers set last_name = 'Émond' where id = 3;
      delete from correspondents where dossier_id = 2;
      update documents set number = 'AV-2026-0002' where id = 2;
    `);
    expect(dossiersMatching('emond')).toEqual([3]);
    expect(dossiersMatching('belanger')).toEqual([]);
    expect(dossiersMatching('cote')).toEqual([]);
    expect(numbersMatching('F-2026-0002')).toEqual([]);
    expect(numbersMatching('AV-2026')).toEqual([{ rowid: 2 }]);
    sqlite.exec('delete from documents where id = 1');
    expect(numbersMatching('2026-0001')).toEqual([]);
    await db.destroy();
  });
});
