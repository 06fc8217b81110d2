// One schema, two dialects (issue 16): the same migrations and queries on a data folder's
// SQLite file and on a PostgreSQL server, opened as a user opens them (--data / POSTIER_DATA).
import Sqlite from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { openPostier } from '../../src-main/app/postier.js';
import { isUserError } from '../../src-shared/errors.js';
import { postier as cli } from '../support/cli.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { describeEachDialect, onPostgres } from '../support/dialects.js';
import { migratorOn } from '../support/migrator.js';
import { tempFolder } from '../support/temp-folder.js';

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describeEachDialect('the office database', ({ dialect, freshData }) => {
  const open = async (dataPath: string) =>
    closeAfterTest(await openPostier({ dataPath, busyTimeoutMs: 2000 }));
  const env = () => ({ XDG_CONFIG_HOME: tempFolder(), HOME: tempFolder() });

  it('is created by every migration once, then found up to date', async () => {
    const data = await freshData();
    const first = await open(data);
    expect(first.location.kind).toBe(dialect === 'sqlite' ? 'folder' : 'postgres');
    expect(first.appliedMigrations).toEqual(Object.keys(migrations));
    await first.close();
    expect((await open(data)).appliedMigrations).toEqual([]);
  });

  it('writes ids, the `now` defaults, counts and sums as SQLite does', async () => {
    const postier = await open(await freshData());
    const a = await postier.records.createStructure({
      name: 'Résidence A',
      locale: 'fr-CA',
      currency: 'CAD',
    });
    const b = await postier.records.createStructure({
      name: 'Résidence B',
      locale: 'en-CA',
      currency: 'CAD',
    });
    expect(b.id).toBe(a.id + 1);
    const row = await postier.db
      .selectFrom('structures')
      .select(['created_at', 'updated_at'])
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.created_at).toMatch(ISO_UTC);
    expect(Date.now() - Date.parse(row.created_at)).toBeLessThan(60_000);
    const count = await postier.db
      .selectFrom('structures')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('id').as('total')])
      .executeTakeFirstOrThrow();
    expect(count).toEqual({ n: 2, total: a.id + b.id });
  });

  it("keeps the dossiers' search text with their names and correspondents (triggers)", async () => {
    const postier = await open(await freshData());
    const structure = await postier.records.ensureDefaultStructure('Résidence');
    const dossier = await postier.records.createDossier(structure.id, {
      number: 'D-1',
      lastName: 'Bélanger',
      firstName: 'Hélène',
      correspondents: [{ name: 'Zoé Côté', email: 'zoe@example.org' }],
    });
    const found = async (word: string) => {
      const query =
        dialect === 'sqlite'
          ? sql<{
              id: number;
            }>`select rowid as id from dossier_search where dossier_search match ${`"${word}"*`}`
          : sql<{
              id: number;
            }>`select dossier_id as id from dossier_search where words like ${`% ${word}%`}`;
      return (await query.execute(postier.db)).rows.map((row) => row.id);
    };
    expect(await found('belanger')).toEqual([dossier.id]);
    expect(await found('cote')).toEqual([dossier.id]);
    await postier.db.deleteFrom('correspondents').where('dossier_id', '=', dossier.id).execute();
    expect(await found('cote')).toEqual([]);
    expect(await found('belanger')).toEqual([dossier.id]);
  });

  it('refuses a second dossier with the same number, naming it, and keeps the first', async () => {
    const postier = await open(await freshData());
    const structure = await postier.records.ensureDefaultStructure('Résidence Test');
    await postier.records.createDossier(structure.id, { number: '1001', lastName: 'Roy' });
    const error = await postier.records
      .createDossier(structure.id, { number: '1001', lastName: 'Côté' })
      .catch((e: unknown) => e);
    expect(isUserError(error) && error.params).toEqual({
      number: '1001',
      structure: 'Résidence Test',
    });
    const page = await postier.records.searchDossiers({});
    expect(page.items.map((d) => d.lastName)).toEqual(['Roy']);
  });

  it('is named by `postier init`', async () => {
    const data = await freshData();
    const result = await cli(['init', '--data', data, '--structure-name', 'Résidence Test'], env());
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(dialect === 'sqlite' ? 'postier.sqlite' : data);
    expect(result.stdout).toContain('Mises à jour appliquées');
  });
});

describe('a PostgreSQL address', () => {
  it('with a password in it is refused: the password goes to pgpass or the credential store', async () => {
    const error = await openPostier({
      dataPath: 'postgres://office:secret@db.example:5432/postier',
    }).catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe('error.postgres.passwordInUrl');
  });

  it('of a server that does not answer says so, without hanging', async () => {
    const error = await openPostier({
      dataPath: 'postgres://office@127.0.0.1:1/postier',
    }).catch((e: unknown) => e);
    expect(isUserError(error) && error.code).toBe('error.postgres.unreachable');
    expect(isUserError(error) && error.params).toMatchObject({ reason: 'ECONNREFUSED' });
  });
});

// SQLite's own: run in the SQLite pass (and when the file is run alone).
describe.skipIf(onPostgres)('the released migrations on SQLite', () => {
  it('still write the schema they wrote when released (their PostgreSQL branches aside)', async () => {
    const sqlite = new Sqlite(':memory:');
    await migratorOn(sqlite).migrator.migrateTo('0005-family-language');
    const rows = sqlite
      .prepare(
        "select type, name, tbl_name, sql from sqlite_master where name not like 'kysely%' order by type, name",
      )
      .all();
    sqlite.close();
    // sha-256 of the schema 0001–0005 wrote before PostgreSQL support (commit f82b8db).
    expect(createHash('sha256').update(JSON.stringify(rows)).digest('hex')).toBe(
      '200767c47a2d3bbc04cf2ea0c82afa1e8dc3cff68346b85ce07a0f47f38550c5',
    );
  });
});
