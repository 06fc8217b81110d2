// A Postier opened on a fresh temporary data folder (or database), with one structure.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
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
 * What `postier`'s content store holds (documents/content-store.ts), to check that nothing was
 * written or that so many PDFs were: a data folder's entries under documents/ (folders too), or
 * on PostgreSQL the `document_contents` rows; `pdf` says which are PDFs.
 */
export async function storedContents(
  postier: Postier,
): Promise<{ reference: string; pdf: boolean }[]> {
  if (postier.location.kind === 'folder') {
    const root = postier.folder.documentsFolder;
    const entries = fs.existsSync(root)
      ? (fs.readdirSync(root, { recursive: true }) as string[])
      : [];
    return entries.map((reference) => ({ reference, pdf: reference.endsWith('.pdf') }));
  }
  const rows = await postier.db
    .selectFrom('document_contents')
    .select(['sha256', 'content'])
    .execute();
  return rows.map((row) => ({
    reference: `sha256:${row.sha256}`,
    pdf: Buffer.from(row.content).subarray(0, 5).toString('latin1') === '%PDF-',
  }));
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

/**
 * A stand-in for a disk or network failure: the database refuses a row of `table` whose
 * `condition` (SQL on the row, `new.…`) holds, with `message`; a trigger in each database's
 * own language.
 */
export async function failInsertsWhere(
  postier: Postier,
  table: string,
  condition: string,
  message: string,
): Promise<void> {
  const name = sql.raw(`fail_${table}`);
  const quoted = sql.lit(message);
  if (postier.location.kind === 'postgres') {
    await sql`create function ${name}() returns trigger language plpgsql as $$
      begin
        if ${sql.raw(condition)} then raise exception ${quoted}; end if;
        return new;
      end $$`.execute(postier.db);
    await sql`create trigger ${name} before insert on ${sql.raw(table)}
      for each row execute function ${name}()`.execute(postier.db);
  } else {
    await sql`create trigger ${name} before insert on ${sql.raw(table)} when ${sql.raw(condition)}
      begin select raise(abort, ${quoted}); end`.execute(postier.db);
  }
}
