// Every screen and dialog, looked at the way a user works: saved as screenshots under
// test-results/screenshots/ (journal, dossiers, send tracking, settings, the dialogs, the
// English interface), with the behaviour each one shows checked on the way.
import { expect, test } from './support/office.js';

test.describe('screens', () => {
  test('journal with its preview and context menu, dossiers, about, English', async ({
    office,
  }) => {
    const { page } = office;
    const journal = page.getByTestId('journal-grid');
    const invoice = `F${office.demo.period.replace('-', '')}-1003`;
    await journal.getByRole('gridcell', { name: invoice, exact: true }).click();
    await expect(page.getByTestId('pdf-preview')).toBeVisible();
    await page.waitForTimeout(1500); // the PDF viewer draws the page
    await office.screenshot('journal');

    // Shift+click selects a range; the context menu offers the single send.
    await journal
      .getByRole('gridcell', { name: `F${office.demo.period.replace('-', '')}-1006`, exact: true })
      .click({ modifiers: ['Shift'] });
    await expect(page.getByText(/4 sélectionnées/)).toBeVisible();
    await journal.getByRole('gridcell', { name: invoice, exact: true }).click({ button: 'right' });
    await expect(page.getByRole('menuitem', { name: /Envoyer par e-mail/ })).toBeVisible();
    await office.screenshot('journal-context-menu');
    await page.keyboard.press('Escape');

    // Filters: tax slips of the year only.
    await page.getByRole('combobox', { name: 'Type' }).selectOption('taxslip');
    await expect(journal.getByRole('row')).toHaveCount(9);
    await office.screenshot('journal-filtered');
    await page.getByRole('button', { name: 'Effacer les filtres' }).click();

    // Dossiers: the form, an address checked as typed, the SIN masked.
    await page.getByRole('tab', { name: 'Dossiers' }).click();
    await page.getByRole('searchbox').fill('Lefèvre');
    await page
      .getByTestId('dossiers-grid')
      .getByRole('gridcell', { name: 'Mme Bérénice Lefèvre-Côté' })
      .click();
    await expect(page.getByTestId('sin-masked')).toHaveText('••• ••• 286');
    const emails = page
      .getByTestId('correspondents')
      .getByRole('textbox', { name: 'Adresse e-mail' });
    await emails.nth(1).fill('fred.cote@example');
    await expect(
      page.getByText('Adresse non valide : vérifiez-la (exemple : nom@domaine.fr).'),
    ).toBeVisible();
    await expect(page.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
    await office.screenshot('dossier-invalid-address');
    await emails.nth(1).fill('frederic.cote@example.net');
    await page.getByRole('switch', { name: 'Reçoit les documents' }).nth(1).uncheck();
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.locator('.fui-ToastTitle')).toContainText('Dossier n° 1001 enregistré.');
    await office.screenshot('dossiers');

    // A new dossier (Ctrl+N) with one correspondent.
    await page.keyboard.press('Control+N');
    await page.getByRole('textbox', { name: 'Numéro' }).fill('2001');
    await page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Beaudoin');
    await page.getByRole('textbox', { name: 'Prénom' }).fill('Rita');
    await emails.first().fill('luc.beaudoin@example.com');
    await office.screenshot('dossier-new');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.locator('.fui-ToastTitle').last()).toContainText('Dossier n° 2001 créé.');

    await page.getByRole('menuitem', { name: 'Aide' }).click();
    await page.getByRole('menuitem', { name: /À propos de Postier/ }).click();
    await expect(page.getByRole('dialog')).toContainText('Dossier de données');
    await office.screenshot('about');
    await page.getByRole('button', { name: 'OK' }).click();

    // The interface in English, from the View menu.
    await page.getByRole('menuitem', { name: 'Affichage' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Document journal' }).click();
    await expect(page.getByRole('button', { name: 'Bulk send…' })).toBeVisible();
    await office.screenshot('journal-english');
  });

  test('settings: account with the connection test, templates, types, validation, workstation', async ({
    office,
  }) => {
    const { page } = office;
    await page.keyboard.press('Control+4');
    await expect(page.getByRole('heading', { name: 'Compte de messagerie' })).toBeVisible();
    await page.getByRole('button', { name: 'Tester la connexion' }).click();
    await expect(page.getByTestId('connection-test')).toContainText('Connexion réussie');
    await office.screenshot('settings-account');
    for (const [tab, name] of [
      ['Établissements', 'settings-structures'],
      ['Modèles de message', 'settings-templates'],
      ['Types de documents', 'settings-types'],
      ['Validation des envois', 'settings-validation'],
      ['Ce poste', 'settings-workstation'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      await expect(page.getByRole('heading', { name: tab })).toBeVisible();
      await office.screenshot(name);
    }
  });
});

test.describe('bulk send under way', () => {
  test.use({ validationMode: 'automatic' });

  test('shows the progress and remaining time, pauses, resumes and cancels', async ({ office }) => {
    const { page, smtp } = office;
    // A pace of one message a second, set in Paramètres like an office would.
    await page.keyboard.press('Control+4');
    await page.getByRole('textbox', { name: 'Attente entre deux messages (s)' }).fill('1');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByTestId('pacing-summary')).toContainText('1 s entre deux messages');

    await page.keyboard.press('Control+2');
    await page.keyboard.press('Control+Shift+E');
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: 'Envoyer maintenant (25)' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Envoyer maintenant (25)' }).click();
    const progress = dialog.getByTestId('bulk-progress');
    await expect(progress).toContainText(/Environ .* restantes/);
    await expect(progress).toContainText(/[1-9]\d* sur \d+ messages? traités?/, {
      timeout: 15_000,
    });
    await office.screenshot('bulk-send-progress');

    await dialog.getByRole('button', { name: 'Pause' }).click();
    await expect(progress).toContainText('En pause');
    const atPause = smtp.messages.length;
    await page.waitForTimeout(2500);
    expect(smtp.messages.length).toBe(atPause);
    await office.screenshot('bulk-send-paused');

    await dialog.getByRole('button', { name: 'Reprendre' }).click();
    await expect.poll(() => smtp.messages.length, { timeout: 15_000 }).toBeGreaterThan(atPause);
    await dialog.getByRole('button', { name: 'Annuler l’envoi' }).click();
    await expect(dialog.getByTestId('bulk-summary')).toContainText('Envoi annulé', {
      timeout: 20_000,
    });
    const sent = smtp.messages.length;
    await page.waitForTimeout(2000);
    expect(smtp.messages.length).toBe(sent);
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    // What was not sent is blocked, ready to be unblocked later.
    await page.keyboard.press('Control+3');
    await expect(
      page.getByTestId('outbox-grid').locator('[data-status="blocked"]').first(),
    ).toBeVisible();
    await office.screenshot('outbox');
  });
});
