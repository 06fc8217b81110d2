// Fichier > Importer…: dossiers from the CSV an office exports from its billing software
// (semicolons, accents), the guessed columns, the rows left out with their line, the import;
// documents with their PDFs chosen together; a merged PDF split after a dry run.
import { mergedInvoices } from '../support/import-fixtures.js';
import { expect, letterPdf, test } from './support/office.js';

const CSV = [
  'Numéro;Civilité;Nom;Prénom;Courriel',
  '3001;Mme;Roy;Hélène;helene.roy@example.com',
  '3002;M.;Tessier;Luc;luc.tessier@example.net',
  ';M.;Sans-Numéro;Paul;paul@example.com',
].join('\r\n');

test('imports dossiers from a CSV file with a preview of each row', async ({ office }) => {
  const { page } = office;
  await page.keyboard.press('Control+1');
  await page.getByRole('menuitem', { name: 'Fichier' }).click();
  await page.getByRole('menuitem', { name: 'Importer…' }).click();
  const dialog = page.getByRole('dialog');
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choisir le fichier…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'residents.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });

  await expect(dialog.getByRole('combobox', { name: 'Numéro' })).toHaveValue('Numéro');
  await expect(dialog.getByRole('combobox', { name: 'Adresse e-mail 1' })).toHaveValue('Courriel');
  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toContainText('Mme Hélène Roy');
  await expect(preview).toContainText('luc.tessier@example.net');
  await expect(dialog).toContainText(/ligne 4 : /);
  await office.screenshot('import-dialog');

  await dialog.getByRole('button', { name: 'Importer (2)' }).click();
  await expect(page.locator('.fui-ToastTitle')).toContainText('2 dossiers créés');
  await page.getByRole('searchbox').fill('Tessier');
  await expect(
    page.getByTestId('dossiers-grid').getByRole('gridcell', { name: 'M. Luc Tessier' }),
  ).toBeVisible();
});

const NOTICES = [
  'N° dossier;N° avis;Période;Montant',
  '1001;AV-1001;2026-11;2784,49',
  '1002;AV-1002;2026-11;2360,25',
  '1003;AV-1003;2026-11;2777,25',
].join('\r\n');

test('imports documents with the PDFs chosen together, matched by their names', async ({
  office,
}) => {
  const { page } = office;
  await page.getByRole('menuitem', { name: 'Fichier' }).click();
  await page.getByRole('menuitem', { name: 'Importer…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'Documents et leurs PDF' }).click();

  let chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choisir le fichier…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'avis-novembre.csv', mimeType: 'text/csv', buffer: Buffer.from(NOTICES) });
  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choisir les PDF…' }).click();
  await (
    await chooser
  ).setFiles(
    ['AV-1001', 'AV-1002'].map((number) => ({
      name: `avis_${number}.pdf`,
      mimeType: 'application/pdf',
      buffer: letterPdf(`Avis ${number}`),
    })),
  );
  await expect(dialog.getByTestId('import-pdfs')).toContainText('2 PDF choisis');
  await dialog
    .getByRole('combobox', { name: 'Type des lignes sans type' })
    .selectOption({ label: 'Avis d’échéance' });

  await expect(dialog.getByRole('combobox', { name: 'N° du document' })).toHaveValue('N° avis');
  const preview = dialog.getByTestId('import-documents-preview');
  await expect(preview.getByRole('row', { name: /AV-1001/ })).toContainText('avis_AV-1001.pdf');
  await expect(preview.getByRole('row', { name: /AV-1003/ })).toContainText('aucun');
  await expect(dialog.getByTestId('import-unmatched')).toContainText(
    '1 ligne sans PDF : 4 (AV-1003).',
  );
  await dialog.getByRole('checkbox', { name: 'Faire le PDF des lignes qui n’en ont pas' }).check();
  await expect(preview.getByRole('row', { name: /AV-1003/ })).toContainText('fait par Postier');
  await office.screenshot('import-documents');

  await dialog.getByRole('button', { name: 'Importer (3)' }).click();
  await expect(dialog.getByTestId('import-result')).toContainText(
    '3 documents importés et 0 document complété de leur PDF : 2 avec le PDF choisi, 1 avec un PDF fait par Postier',
  );
  await office.screenshot('import-documents-result');
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  await page.getByRole('tab', { name: 'Journal des documents' }).click();
  await page.getByRole('searchbox').fill('AV-100');
  await expect(page.getByTestId('journal-grid').getByRole('row')).toHaveCount(4);
});

test('splits a merged PDF after a dry run of the cut', async ({ office }) => {
  const { page } = office;
  const { pdf } = await mergedInvoices(3, { first: 1001, twoPageEvery: 2, cover: true });
  await page.getByRole('menuitem', { name: 'Fichier' }).click();
  await page.getByRole('menuitem', { name: 'Importer…' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('tab', { name: 'PDF regroupé à découper' }).click();
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choisir le PDF…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'releves-novembre.pdf', mimeType: 'application/pdf', buffer: pdf });
  await dialog.getByRole('textbox', { name: /Clé sur la première page/ }).fill('Facture n° (\\d+)');
  await dialog
    .getByRole('combobox', { name: 'La clé est' })
    .selectOption({ label: 'le n° d’un dossier' });
  await dialog
    .getByRole('combobox', { name: 'Type des documents' })
    .selectOption({ label: 'Relevé de compte' });
  await dialog.getByRole('textbox', { name: 'Période des documents créés' }).fill('2026-11');
  await expect(dialog.getByRole('button', { name: 'Découper et importer (0)' })).toBeDisabled();

  await dialog.getByRole('button', { name: 'Aperçu (essai à blanc)' }).click();
  const summary = dialog.getByTestId('split-summary');
  await expect(summary).toContainText('5 pages lues : 3 documents seraient faits');
  await expect(summary).toContainText('Pages avant la première clé, laissées de côté : 1.');
  const parts = dialog.getByTestId('split-parts');
  await expect(parts.getByRole('row', { name: /^1002/ })).toContainText('3–4');
  await expect(parts.getByRole('row', { name: /^1002/ })).toContainText('Nouveau document');
  await office.screenshot('import-split-preview');

  await dialog.getByRole('button', { name: 'Découper et importer (3)' }).click();
  await expect(summary).toContainText('Import terminé');
  await expect(summary).toContainText('3 documents faits');
  await office.screenshot('import-split-result');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await page.getByRole('tab', { name: 'Journal des documents' }).click();
  await page.getByRole('combobox', { name: 'Type' }).selectOption('statement');
  await expect(page.getByTestId('journal-grid').getByRole('row')).toHaveCount(4);
});
