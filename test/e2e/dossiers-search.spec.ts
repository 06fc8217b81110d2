// The Dossiers screen's search as a clerk types it: without accents or capitals ("lefevre"
// finds the demo's Mme Bérénice Lefèvre-Côté, "cote" every Côté, by name or correspondent).
import { expect, test } from './support/office.js';

/** Lower case without accents: the clerk's reading of a name, independent of the search. */
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

test.describe('dossiers', () => {
  test('typing "lefevre" finds Lefèvre, "cote" finds Côté', async ({ office }) => {
    const { page, host } = office;
    const structureId = office.demo.structure.id;
    const all = await host.postier.records.searchDossiers({ structureId, limit: 500 });
    /** The demo's dossiers a clerk would expect for a word: in a name or a correspondent. */
    const expected = (word: string) =>
      all.items.filter((d) =>
        [d.lastName, d.firstName, ...d.correspondents.flatMap((c) => [c.name, c.email ?? ''])]
          .flatMap((part) => plain(part).split(/[^\p{L}\p{N}]+/u))
          .some((w) => w.startsWith(word)),
      );

    await page.getByRole('tab', { name: 'Dossiers' }).click();
    const grid = page.getByTestId('dossiers-grid');
    await page.getByRole('searchbox').fill('lefevre');
    await expect(grid.getByRole('gridcell', { name: 'Mme Bérénice Lefèvre-Côté' })).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(expected('lefevre').length + 1); // + header
    await office.screenshot('dossiers-search-lefevre');

    const cote = expected('cote');
    expect(cote.length).toBeGreaterThanOrEqual(2);
    await page.getByRole('searchbox').fill('cote');
    await expect(grid.getByRole('gridcell', { name: 'Mme Françoise Côté' })).toBeVisible();
    await expect(grid.getByRole('gridcell', { name: 'Mme Bérénice Lefèvre-Côté' })).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(cote.length + 1);
    for (const dossier of cote) {
      await expect(grid.getByRole('gridcell', { name: dossier.number, exact: true })).toBeVisible();
    }
  });
});
