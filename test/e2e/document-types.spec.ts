// Paramètres > Types de documents: the tax slips' fallback password and the invoices' draft
// watermark changed from the list, the table showing the new values; a change another
// workstation made meanwhile is refused with a clear message, and the list shows it.
import { DocumentTypesService } from '../../src-main/documents/document-types-service.js';
import { expect, test } from './support/office.js';

test('a type’s password rule, fallback and watermark are changed, a stale change refused', async ({
  office,
}) => {
  const { page } = office;
  await page.keyboard.press('Control+4');
  await page.getByRole('tab', { name: 'Types de documents' }).click();
  const types = page.getByTestId('document-types');
  await types.getByRole('row', { name: /Relevé fiscal/ }).click();
  const editor = page.getByRole('region', { name: 'Modifier « Relevé fiscal »' });
  await expect(editor.getByRole('textbox', { name: 'Mot de passe des PDF (règle)' })).toHaveValue(
    '{{nas}}',
  );
  await expect(editor).toContainText('Le mot de passe sera le NAS du dossier');
  await editor.getByRole('textbox', { name: 'Si la donnée manque' }).fill('111111111');
  await office.screenshot('settings-types-edit');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.fui-ToastTitle').last()).toContainText(
    'Type « Relevé fiscal » enregistré.',
  );
  await expect(types.getByRole('row', { name: /Relevé fiscal/ })).toContainText('111111111');

  // Another workstation changes the invoices while this one has them open.
  await types.getByRole('row', { name: /^Facture/ }).click();
  const invoices = page.getByRole('region', { name: 'Modifier « Facture »' });
  const service = new DocumentTypesService(office.host.postier.db);
  const invoice = (await office.host.postier.documents.listTypes()).find(
    (t) => t.code === 'invoice',
  )!;
  await service.update('invoice', invoice.version, { watermark: 'COPIE DU POSTE 2' });
  await invoices.getByRole('textbox', { name: 'Filigrane' }).fill('BROUILLON');
  await invoices.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByTestId('error-message')).toContainText('a été modifié par un autre poste');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(types.getByRole('row', { name: /^Facture/ })).toContainText('COPIE DU POSTE 2');
  await expect(invoices.getByRole('textbox', { name: 'Filigrane' })).toHaveValue(
    'COPIE DU POSTE 2',
  );
});
