// A Postier opened on a fresh temporary data folder (or database), with one structure.
import { openPostier, type Postier } from '../../src-main/app/postier.js';
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
