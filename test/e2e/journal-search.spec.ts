// The journal as a user reads it: the search typed without accents or capitals ("lefevre"
// finds the demo's Mme Bérénice Lefèvre-Côté, "cote" both Côté residents and nobody else),
// and a long journal scrolled to its end and back up, each page read next to its neighbour.
import { expect, test } from './support/office.js';

test.describe('journal', () => {
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

  test('a journal of 1,500 more documents scrolls to its end and back up without a gap or a repeat', async ({
    office,
  }) => {
    const { page, host } = office;
    const structureId = office.demo.structure.id;
    const dossiers = await host.postier.records.searchDossiers({ structureId, limit: 500 });
    const rows = Array.from({ length: 1500 }, (_, i) => ({
      structure_id: structureId,
      dossier_id: dossiers.items[i % dossiers.items.length]!.id,
      type_id: 1,
      number: `J-${String(i + 1).padStart(4, '0')}`,
      period: '2019-06',
      issue_date: '2019-06-01',
      currency: 'CAD',
      amount_cents: 1000 + i,
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await host.postier.db
        .insertInto('documents')
        .values(rows.slice(i, i + 500))
        .execute();
    }
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/documents.journal')) requests.push(request.postData() ?? '');
    });
    await page.getByRole('button', { name: 'Actualiser' }).click();
    const grid = page.getByTestId('journal-grid');

    // The oldest (J-0001, the same date, the smallest id) is the very last row.
    await grid.getByRole('gridcell', { name: /^F/ }).first().click();
    await page.keyboard.press('End');
    await expect(grid.getByRole('gridcell', { name: 'J-0001', exact: true })).toBeVisible();
    // Up by pages past the top of the last page of 200: the page above is read before it.
    for (let i = 0; i < 12; i++) await page.keyboard.press('PageUp');
    const shown = async () =>
      (await grid.getByRole('gridcell', { name: /^J-\d{4}$/ }).allInnerTexts()).map((n) =>
        Number(n.slice(2)),
      );
    await expect.poll(async () => (await shown()).some((n) => n > 200 && n <= 400)).toBe(true);
    const numbers = await shown();
    // Newest first: each row the next older one, none missing, none twice.
    expect(numbers.length).toBeGreaterThan(10);
    numbers.forEach((n, i) => i > 0 && expect(n).toBe(numbers[i - 1]! - 1));
    expect(requests.some((body) => body.includes('"before"'))).toBe(true);
  });
});
