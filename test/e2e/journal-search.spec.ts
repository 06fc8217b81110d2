// The journal's search as a user types it, without accents or capitals: "lefevre" finds the
// demo's Mme Bérénice Lefèvre-Côté, "cote" finds both Côté residents and nobody else.
import { expect, test } from './support/office.js';

test.describe('journal search', () => {
  test('typing "lefevre" finds Lefèvre, "cote" finds Côté', async ({ office }) => {
    const { page, host } = office;
    const structureId = office.demo.structure.id;
    const dossiers = await host.postier.records.searchDossiers({ structureId, limit: 500 });
    /** A demo resident's documents, read by her dossier (not by the search under test). */
    const documentsOf = async (lastName: string) => {
      const dossier = dossiers.items.find((d) => d.lastName === lastName)!;
      const page = await host.postier.documents.journal({ dossierId: dossier.id, limit: 500 });
      expect(page.total).toBeGreaterThan(0);
      return page.items.map((d) => d.number);
    };
    const lefevre = await documentsOf('Lefèvre-Côté');
    const cote = await documentsOf('Côté');

    const grid = page.getByTestId('journal-grid');
    await page.getByRole('searchbox').fill('lefevre');
    await expect(grid.getByRole('gridcell', { name: 'Mme Bérénice Lefèvre-Côté' })).toHaveCount(
      lefevre.length,
    );
    await expect(grid.getByRole('row')).toHaveCount(lefevre.length + 1); // and the header row
    for (const number of lefevre) {
      await expect(grid.getByRole('gridcell', { name: number, exact: true })).toBeVisible();
    }
    await office.screenshot('journal-search-lefevre');

    // "cote": Mme Françoise Côté and Mme Bérénice Lefèvre-Côté, nobody else.
    await page.getByRole('searchbox').fill('cote');
    await expect(grid.getByRole('gridcell', { name: 'Mme Françoise Côté' })).toHaveCount(
      cote.length,
    );
    await expect(grid.getByRole('row')).toHaveCount(cote.length + lefevre.length + 1);
    for (const number of [...cote, ...lefevre]) {
      await expect(grid.getByRole('gridcell', { name: number, exact: true })).toBeVisible();
    }
  });
});
