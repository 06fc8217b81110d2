// A Postier on a fresh temporary data folder holding the demo nursing home (30 residents,
// October 2026 invoices, 8 tax slips), for the bulk-send tests.
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { createDemoOffice, type DemoSummary } from '../../src-main/demo/demo-office.js';
import { closeAfterTest } from './close-after-test.js';
import { freshDataPlace } from './dialects.js';

/** The demo's "today": its month of invoices is October 2026, its tax slips 2025. */
export const DEMO_TODAY = new Date('2026-11-24T12:00:00Z');

/** `dataPath`: by default a fresh place on this run's database (test/support/dialects.ts). */
export async function demoPostier(
  dataPath?: string,
): Promise<{ postier: Postier; demo: DemoSummary }> {
  const place = dataPath ?? (await freshDataPlace());
  const postier = closeAfterTest(await openPostier({ dataPath: place }));
  const demo = await createDemoOffice(postier, DEMO_TODAY);
  return { postier, demo };
}

/** The id of a demo document by its number (F202610-1001, RL-2025-1003...). */
export async function documentId(postier: Postier, number: string): Promise<number> {
  const row = await postier.db
    .selectFrom('documents')
    .select('id')
    .where('number', '=', number)
    .executeTakeFirstOrThrow();
  return row.id;
}
