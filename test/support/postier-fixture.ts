// A Postier opened on a fresh temporary data folder (or database), with one structure.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { DATABASE_FILE_NAME, isPostgresUrl } from '../../src-main/data-folder/data-folder.js';
import { closeAfterTest } from './close-after-test.js';
import { freshDataPlace } from './dialects.js';

/**
 * `dataPath`: a folder, or a PostgreSQL database's URL; by default a fresh one on this run's
 * database (test/support/dialects.ts).
 */
export async function freshPostier(dataPath?: string): Promise<Postier> {
  const place = dataPath ?? (await freshDataPlace());
  const postier = closeAfterTest(await openPostier({ dataPath: place }));
  await postier.records.createStructure({
    name: 'Résidence Test',
    locale: 'fr-CA',
    currency: 'CAD',
  });
  return postier;
}

/** What to give `--data` / POSTIER_DATA to reach `postier`'s database: its folder or its URL. */
export function dataPlace(postier: Postier): string {
  return postier.location.kind === 'postgres' ? postier.location.url : postier.location.folder;
}

/** Row counts of the tables a failed operation must leave untouched. */
export async function tableCounts(postier: Postier): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'dossiers',
    'correspondents',
    'documents',
    'document_attachments',
  ] as const) {
    const row = await postier.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

/**
 * Whether `secret` is anywhere in the database at `place` (a folder or a URL): in the SQLite
 * file's bytes, or in any row of any PostgreSQL table read as text (a bytea column is shown
 * in hex, so the secret's hex is looked for too).
 */
export async function databaseHolds(place: string, secret: string): Promise<boolean> {
  if (!isPostgresUrl(place)) {
    return fs.readFileSync(path.join(place, DATABASE_FILE_NAME)).includes(Buffer.from(secret));
  }
  const hex = Buffer.from(secret).toString('hex');
  const client = new pg.Client({ connectionString: place });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    for (const { name } of tables.rows) {
      const rows = await client.query<{ row: string }>(`select t::text as row from "${name}" t`);
      if (rows.rows.some(({ row }) => row.includes(secret) || row.includes(hex))) return true;
    }
    return false;
  } finally {
    await client.end();
  }
}
