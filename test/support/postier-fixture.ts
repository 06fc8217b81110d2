// A Postier opened on a fresh temporary data folder (or database), with one structure.
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { closeAfterTest } from './close-after-test.js';
import { tempFolder } from './temp-folder.js';

/** `dataPath`: a folder, or a PostgreSQL database's URL (test/support/dialects.ts). */
export async function freshPostier(dataPath: string = tempFolder()): Promise<Postier> {
  const postier = closeAfterTest(await openPostier({ dataPath }));
  await postier.records.createStructure({
    name: 'Résidence Test',
    locale: 'fr-CA',
    currency: 'CAD',
  });
  return postier;
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
