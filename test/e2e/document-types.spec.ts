// Paramètres > Types de documents: the tax slips' fallback password and the invoices' draft
// watermark changed from the list, the table showing the new values; a change another
// workstation made meanwhile is refused with a clear message, and the list shows it.
import { DocumentTypesService } from '../../src-main/documents/document-types-service.js';
import { expect, test } from './support/office.js';
import { screens } from './support/screens-13.js';

test('a type’s password rule, fallback and watermark are changed, a stale change refused', async ({
  office,
}) => {
  const { page } = office;
  await page.keyboard.press('Control+4');
  await page.getByRole('tab', { name: 'Types de documents' }).click();
  const types = page.getByTestId('document-types');
  await types.getByRole('row', { name: /Relevé fiscal/ }).click();
  const editor = page.getByRole('region', { name: 'Modifier « Relevé fiscal »' });
  // The rule in plain words, never in braces; a label mistyped is named, nothing saved.
  const rule = editor.getByRole('textbox', { name: 'Mot de passe des PDF (règle)' });
  await expect(rule).toHaveValue('[NAS du dossier]');
  await expect(editor).toContainText('Le mot de passe sera le NAS du dossier');
  await rule.fill('[NAS du dosier]');
  await expect(editor.getByTestId('rule-problem')).toContainText(
    '« [NAS du dosier] » n’est pas un champ : vouliez-vous dire [NAS du dossier] ?',
  );
  await expect(editor.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
  await screens(page, 'types-rule-refused-fr');
  // The problem's advice, "Insérer un champ", is right beside the rule: the field chosen by
  // its label, put where the caret is.
  await rule.fill('');
  await editor.getByRole('button', { name: 'Insérer un champ' }).click();
  await page.getByRole('menuitem', { name: /^Numéro de dossier —/ }).click();
  await expect(rule).toHaveValue('[Numéro de dossier]');
  await expect(editor).toContainText(
    'Le mot de passe sera le champ « Numéro de dossier » du dossier.',
  );
  await editor.getByRole('textbox', { name: 'Si la donnée manque' }).fill('111111111');
  await office.screenshot('settings-types-edit');
  await editor.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.fui-ToastTitle').last()).toContainText(
    'Type « Relevé fiscal » enregistré.',
  );
  await expect(types.getByRole('row', { name: /Relevé fiscal/ })).toContainText('111111111');
  // Saved as Handlebars, read back in plain words.
  const slip = (await office.host.postier.documents.listTypes()).find((t) => t.code === 'taxslip')!;
  expect(slip.passwordRule).toBe('{{dossier}}');
  await expect(rule).toHaveValue('[Numéro de dossier]');
  await screens(page, 'types-rule-fr');
  await page.setViewportSize({ width: 1440, height: 900 });

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

test('the password rule in plain words in English', async ({ office }) => {
  const { page } = office;
  await page.getByRole('menuitem', { name: 'Affichage' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.keyboard.press('Control+4');
  await page.getByRole('tab', { name: 'Document types' }).click();
  await page
    .getByTestId('document-types')
    .getByRole('row', { name: /Tax slip/ })
    .click();
  const editor = page.getByRole('region', { name: 'Change “Tax slip”' });
  const rule = editor.getByRole('textbox', { name: 'PDF password (rule)' });
  await expect(rule).toHaveValue('[Record’s SIN]');
  await expect(editor).toContainText('The password will be the record’s SIN');
  await rule.fill('[Records SIN]');
  await expect(editor.getByTestId('rule-problem')).toContainText('[Record’s SIN]');
  await screens(page, 'types-rule-refused-en');
  await rule.fill('[NAS du dossier]');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('.fui-ToastTitle').last()).toContainText('saved');
  const slip = (await office.host.postier.documents.listTypes()).find((t) => t.code === 'taxslip')!;
  expect(slip.passwordRule).toBe('{{nas}}');
  await expect(rule).toHaveValue('[Record’s SIN]');
  await screens(page, 'types-rule-en');
});
