// Fichier > Importer…: dossiers from the CSV an office exports from its billing software
// (semicolons, accents), the guessed columns, the rows left out with their line, the import.
import { expect, test } from './support/office.js';

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
  await expect(page.locator('.fui-ToastTitle')).toContainText('2 dossier(s) créé(s)');
  await page.getByRole('searchbox').fill('Tessier');
  await expect(
    page.getByTestId('dossiers-grid').getByRole('gridcell', { name: 'M. Luc Tessier' }),
  ).toBeVisible();
});
