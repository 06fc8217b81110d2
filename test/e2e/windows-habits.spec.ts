// Windows habits a clerk has in her hands, checked in French and in English: Alt+letter
// opens a menu (its letter underlined), "Nouveau dossier" and "Envoi en masse" answer from
// every screen, one Tab stop per list (arrows inside), each row's check box named after it.
import type { Page } from '@playwright/test';
import { expect, test } from './support/office.js';

async function toEnglish(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Affichage' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Records' })).toBeVisible();
}

test('Alt+letter opens the menu whose letter is underlined', async ({ office }) => {
  const { page } = office;
  const bar = page.getByRole('menubar');
  await expect(bar.getByRole('menuitem', { name: 'Fichier' })).toHaveAttribute(
    'aria-keyshortcuts',
    'Alt+f',
  );
  await expect(
    bar.getByRole('menuitem', { name: 'Fichier' }).locator('span', { hasText: /^F$/ }),
  ).toHaveCSS('text-decoration-line', 'underline');
  await page.keyboard.press('Alt+f');
  await expect(page.getByRole('menuitem', { name: /Nouveau dossier…/ })).toBeVisible();
  await office.screenshot('windows-habits-alt-f');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: /Nouveau dossier…/ })).toHaveCount(0);
  await page.keyboard.press('Alt+d');
  await expect(page.getByRole('menuitem', { name: /Tout sélectionner/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+e');
  await expect(page.getByRole('menuitem', { name: /Envoi en masse…/ })).toBeVisible();
  await page.keyboard.press('Escape');

  await toEnglish(page);
  await expect(bar.getByRole('menuitem', { name: 'View' })).toHaveAttribute(
    'aria-keyshortcuts',
    'Alt+v',
  );
  await page.keyboard.press('Alt+f');
  await expect(page.getByRole('menuitem', { name: /New record…/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+s');
  await expect(page.getByRole('menuitem', { name: /Bulk send…/ })).toBeVisible();
  await page.keyboard.press('Escape');
});

test('Nouveau dossier and Envoi en masse answer from every screen', async ({ office }) => {
  const { page } = office;
  // From Suivi des envois, Ctrl+N opens a new dossier's form.
  await page.getByRole('tab', { name: 'Suivi des envois' }).click();
  await page.keyboard.press('Control+N');
  await expect(page.getByRole('tab', { name: 'Dossiers' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('textbox', { name: 'Numéro' })).toBeFocused();
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();

  // From Paramètres, the menu's Envoi en masse opens the bulk dialog.
  await page.getByRole('tab', { name: 'Paramètres' }).click();
  await page.getByRole('menuitem', { name: 'Envoi', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: /Envoi en masse…/ })).toBeEnabled();
  await page.getByRole('menuitem', { name: /Envoi en masse…/ }).click();
  await expect(page.getByRole('dialog').getByTestId('bulk-grid')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await toEnglish(page);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.keyboard.press('Control+Shift+E');
  await expect(page.getByRole('dialog').getByTestId('bulk-grid')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('tab', { name: 'Send tracking' }).click();
  await page.getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /New record…/ }).click();
  await expect(page.getByRole('textbox', { name: 'Number' })).toBeFocused();
});

test('a list is one Tab stop, arrows move inside, each check box named after its row', async ({
  office,
}) => {
  const { page } = office;
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByTestId('bulk-grid');
  await expect(
    grid.getByRole('checkbox', { name: 'Envoyer ce document — Mme Bérénice Lefèvre-Côté' }),
  ).toBeChecked();
  // No two row check boxes share a name.
  const names = await grid
    .getByRole('row')
    .getByRole('checkbox')
    .evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label')));
  expect(names.length).toBeGreaterThan(5);
  expect(new Set(names).size).toBe(names.length);

  // Tab enters the list once; arrows move the selection; the next Tab leaves the list.
  const scroller = grid.locator('[tabindex="0"]');
  await expect(scroller).toHaveCount(1);
  await expect(
    grid.locator('[role="row"][aria-selected] input[type="checkbox"]:not([tabindex="-1"])'),
  ).toHaveCount(0);
  await scroller.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('[role="row"][aria-selected="true"]')).toHaveCount(1);
  await expect(grid.locator('[role="row"][aria-selected="true"]')).toHaveAttribute(
    'aria-rowindex',
    '3',
  );
  await page.keyboard.press('Tab');
  const inGrid = await grid.evaluate((g) => g.contains(document.activeElement));
  expect(inGrid).toBe(false);
  await page.keyboard.press('Shift+Tab');
  await expect(scroller).toBeFocused();
  await page.keyboard.press('Escape');

  await toEnglish(page);
  await page.getByRole('tab', { name: 'Document journal' }).click();
  await page.getByRole('button', { name: 'Bulk send…' }).click();
  await expect(
    page
      .getByTestId('bulk-grid')
      .getByRole('checkbox', { name: 'Send this document — Mme Bérénice Lefèvre-Côté' }),
  ).toBeChecked();
});

test('leaving a changed dossier asks Enregistrer / Ne pas enregistrer / Annuler, Entrée saves', async ({
  office,
}) => {
  const { page } = office;
  const grid = page.getByTestId('dossiers-grid');
  const name = page.getByRole('textbox', { name: 'Nom', exact: true });
  await page.getByRole('tab', { name: 'Dossiers' }).click();
  await grid.getByRole('gridcell', { name: 'Mme Bérénice Lefèvre-Côté' }).click();
  await name.fill('Lefèvre-Côté-Roy');
  await grid.getByRole('gridcell', { name: 'M. Marcel Gauthier' }).click();
  const ask = page.getByRole('alertdialog');
  await expect(ask.getByRole('button')).toHaveText([
    'Enregistrer',
    'Ne pas enregistrer',
    'Annuler',
  ]);
  await expect(ask.getByRole('button', { name: 'Enregistrer', exact: true })).toBeFocused();
  await office.screenshot('windows-habits-unsaved-fr');

  // Annuler (Échap) stays on the changed form.
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(name).toHaveValue('Lefèvre-Côté-Roy');

  // Entrée saves, then the other dossier opens.
  await grid.getByRole('gridcell', { name: 'M. Marcel Gauthier' }).click();
  await expect(ask.getByRole('button', { name: 'Enregistrer', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('.fui-ToastTitle')).toContainText('Dossier n° 1001 enregistré.');
  await expect(page.getByRole('heading', { name: /M\. Marcel Gauthier/ })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: /Lefèvre-Côté-Roy/ })).toBeVisible();

  // In English: Save / Don't save / Cancel; Don't save drops the change.
  await toEnglish(page);
  await page.getByRole('tab', { name: 'Records' }).click();
  await grid.getByRole('gridcell', { name: /Lefèvre-Côté-Roy/ }).click();
  await page.getByRole('textbox', { name: 'Last name', exact: true }).fill('Lefèvre');
  await grid.getByRole('gridcell', { name: 'M. Marcel Gauthier' }).click();
  await expect(ask.getByRole('button')).toHaveText(['Save', 'Don’t save', 'Cancel']);
  await expect(ask.getByRole('button', { name: 'Save', exact: true })).toBeFocused();
  await ask.getByRole('button', { name: 'Don’t save' }).click();
  await expect(page.getByRole('heading', { name: /M\. Marcel Gauthier/ })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: /Lefèvre-Côté-Roy/ })).toBeVisible();
});

test('the dialog behind an error message is usable again once the message is closed', async ({
  office,
}) => {
  const { page } = office;
  await page.getByRole('menuitem', { name: 'Fichier' }).click();
  await page.getByRole('menuitem', { name: 'Importer…' }).click();
  const dialog = page.getByRole('dialog');
  let chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choisir le fichier…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'vide.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  const error = page.getByTestId('error-message');
  await expect(error).toBeVisible();
  await office.screenshot('windows-habits-error-over-dialog');
  await page.keyboard.press('Enter');
  await expect(error).toHaveCount(0);

  // The import dialog has the keyboard back and answers clicks.
  const focusInDialog = await dialog.evaluate((d) => d.contains(document.activeElement));
  expect(focusInDialog).toBe(true);
  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choisir le fichier…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'residents.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Numéro;Nom;Prénom;Courriel\n3001;Roy;Hélène;helene.roy@example.net\n',
      'utf8',
    ),
  });
  await expect(dialog.getByTestId('import-preview')).toContainText('Roy');
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  // In English, the same.
  await toEnglish(page);
  await page.getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Import…' }).click();
  chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose the file…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await expect(error).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(error).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Choose the file…' })).toBeEnabled();
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
});

test('Suivi des envois’ dates are typed as the window writes them, never mm/dd/yyyy', async ({
  office,
}) => {
  const { page } = office;
  await page.getByRole('tab', { name: 'Suivi des envois' }).click();
  const from = page.getByRole('textbox', { name: 'Créé du' });
  // A text box in the screen's form, not the browser's date box (which follows the
  // browser's locale whatever the screen language).
  await expect(from).not.toHaveAttribute('type', 'date');
  await expect(from).toHaveAttribute('placeholder', 'AAAA-MM-JJ');
  await from.fill('05/12/2026');
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(page.getByText(/La date « 05\/12\/2026 » n’est pas valide/)).toBeVisible();
  await office.screenshot('windows-habits-outbox-date');
  await page.getByRole('button', { name: 'OK' }).click();

  await toEnglish(page);
  await page.getByRole('tab', { name: 'Send tracking' }).click();
  await expect(page.getByRole('textbox', { name: 'Created from' })).toHaveAttribute(
    'placeholder',
    'YYYY-MM-DD',
  );
});

test('Échap in the bulk send asks before a written text is lost, and closes at once otherwise', async ({
  office,
}) => {
  const { page } = office;
  // Nothing written: Échap closes the dialog without a question.
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Envoi en masse' });
  await expect(bulk.getByTestId('bulk-grid')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bulk).toHaveCount(0);

  // A subject written: Échap asks; Annuler keeps the dialog and the text.
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const subject = bulk.getByRole('textbox', { name: 'Objet' });
  await subject.fill('Votre facture de novembre');
  await page.keyboard.press('Escape');
  const question = page.getByRole('dialog', { name: 'Fermer sans envoyer ?' });
  await expect(question).toContainText('Le texte modifié et les pièces jointes ajoutées');
  await office.screenshot('windows-habits-bulk-escape');
  await question.getByRole('button', { name: 'Annuler' }).click();
  await expect(subject).toHaveValue('Votre facture de novembre');

  // Asked again and confirmed: the dialog closes.
  await bulk.getByRole('button', { name: 'Fermer', exact: true }).click();
  await question.getByRole('button', { name: 'Fermer sans envoyer' }).click();
  await expect(bulk).toHaveCount(0);
});

test('Échap in a dossier opened from the bulk send asks Enregistrer / Ne pas enregistrer / Annuler; Entrée saves', async ({
  office,
}) => {
  const { page } = office;
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const bulk = page.getByRole('dialog', { name: 'Envoi en masse' });
  await bulk.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Relevé fiscal' });
  await bulk.getByRole('textbox', { name: 'Période' }).fill('2025');
  const missing = bulk.getByTestId('missing-sin');
  await expect(missing).toContainText('Dossiers sans NAS (3)');

  await missing.getByRole('button', { name: 'Corriger le dossier Mme Thérèse Gagnon' }).click();
  const form = page.getByRole('dialog', { name: 'Dossier Mme Thérèse Gagnon' });
  await form.getByRole('button', { name: 'Modifier le NAS' }).click();
  await form.getByRole('textbox', { name: 'NAS' }).fill('046 454 286');
  await page.keyboard.press('Escape');
  const question = page.getByRole('alertdialog');
  await expect(question.getByRole('button', { name: 'Enregistrer', exact: true })).toBeFocused();
  await expect(question.getByRole('button', { name: 'Ne pas enregistrer' })).toBeVisible();
  // Annuler goes back to the form with what was typed.
  await question.getByRole('button', { name: 'Annuler' }).click();
  await expect(form.getByRole('textbox', { name: 'NAS' })).toHaveValue('046 454 286');
  // Asked again, Entrée saves: the form closes and the dossier leaves the warning.
  await page.keyboard.press('Escape');
  await expect(question.getByRole('button', { name: 'Enregistrer', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(missing).toContainText('Dossiers sans NAS (2)');
  await expect(missing).not.toContainText('Gagnon');
});
