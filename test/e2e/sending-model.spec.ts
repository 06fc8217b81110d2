// Issue 13's sending screens as a clerk meets them: a send that goes on after its dialog
// closes (status bar, summary naming each failure, Suivi des envois opened on them), a
// document sent to one address of two read as such, "Valider et envoyer" after queuing for
// validation, a blocked batch withdrawn from the queue (Suppr), a reset that a cancel leaves
// untouched, and the dossiers without a SIN named before the click with a link to fix each.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/office.js';

const GAGNON_REFUSED = '5.1.1 <melanie.roy@example.com>: Recipient address rejected: User unknown';

async function openBulkSend(page: Page): Promise<{ dialog: Locator; grid: Locator }> {
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByTestId('bulk-grid');
  await expect(grid.getByRole('row', { name: /Mme Josiane Mailly/ })).toBeVisible();
  return { dialog, grid };
}

/** Leaves only these dossiers' documents checked. */
async function checkOnly(dialog: Locator, grid: Locator, names: RegExp[]): Promise<void> {
  await dialog.getByRole('button', { name: 'Tout / rien' }).click();
  await expect(dialog.getByText(/^0 document\S* coch\S* sur/)).toBeVisible();
  for (const name of names) await grid.getByRole('row', { name }).getByRole('checkbox').check();
}

/** The journal's row of a dossier's invoice of last month (what the bulk send lists first). */
async function journalRow(page: Page, dossierNumber: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Journal des documents' }).click();
  const grid = page.getByTestId('journal-grid');
  const now = new Date();
  const month = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const yyyymm = `${month.getFullYear()}${String(month.getMonth() + 1).padStart(2, '0')}`;
  await page.getByRole('searchbox').fill(`F${yyyymm}-${dossierNumber}`);
  await expect(grid.getByRole('row')).toHaveCount(2);
  return grid.getByRole('row').nth(1);
}

test.describe('with automatic validation', () => {
  test.use({ validationMode: 'automatic' });

  test('a send goes on after its dialog closes; its summary names the failure and opens Suivi des envois on it', async ({
    office,
  }) => {
    const { page, smtp } = office;
    // One message a second, so that the dialog closes while the send goes on.
    await page.keyboard.press('Control+4');
    await page.getByRole('textbox', { name: 'Attente entre deux messages (s)' }).fill('1');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByTestId('pacing-summary')).toContainText('1 s entre deux messages');
    await page.keyboard.press('Control+2');
    // Thérèse Gagnon's invoice goes to her son and to her daughter-in-law, whose box is gone.
    smtp.setBehavior(
      { recipient: 'melanie.roy@example.com' },
      { at: 'rcpt', reply: 550, text: GAGNON_REFUSED },
    );

    const { dialog, grid } = await openBulkSend(page);
    await checkOnly(dialog, grid, [/Mme Thérèse Gagnon/, /Mme Josiane Mailly/, /Bélanger/]);
    await dialog.getByRole('button', { name: 'Envoyer maintenant (3)' }).click();
    await expect(dialog.getByTestId('bulk-progress')).toBeVisible();
    await dialog.getByRole('button', { name: 'Fermer' }).click();
    await expect(dialog).toHaveCount(0);

    // The window is free; the status bar carries the send, then its end.
    const status = page.getByTestId('sending-status');
    await expect(status).toContainText(/Envoi en cours : \d sur 4 traités/);
    await office.screenshot('sending-status-bar');
    await page.getByRole('tab', { name: 'Dossiers' }).click();
    await expect(status).toContainText('Envoi terminé — envoyés : 3, en échec : 1', {
      timeout: 30_000,
    });
    // The three families, and the office's address told of the refusal (the staff
    // notification, sent to the cascade's address when nobody is chosen).
    await smtp.waitForMessages(4, 20_000);
    const recipients = smtp.messages.flatMap((m) => m.envelope.to);
    expect(recipients.filter((to) => to !== 'comptabilite@erables.example.com').sort()).toEqual([
      'anais.mailly@example.org',
      'genevieve.belanger@example.com',
      'stephane.gagnon@example.com',
    ]);
    expect(recipients).toContain('comptabilite@erables.example.com');

    await status.getByRole('button', { name: 'Voir le résumé' }).click();
    const summary = page.getByRole('dialog', { name: 'Résumé de l’envoi en masse' });
    const failures = summary.getByTestId('send-failures');
    await expect(failures.getByRole('row')).toHaveCount(2);
    await expect(failures).toContainText('Mme Thérèse Gagnon');
    await expect(failures).toContainText('melanie.roy@example.com');
    await expect(failures).toContainText('Le serveur a refusé le destinataire');
    await expect(failures).toContainText('User unknown');
    await office.screenshot('sending-summary-failures');
    await summary.getByRole('button', { name: 'Ouvrir les échecs dans Suivi des envois' }).click();

    // Suivi des envois on the batch's failures: that one message.
    const outbox = page.getByTestId('outbox-grid');
    await expect(page.getByRole('tab', { name: 'Suivi des envois', selected: true })).toBeVisible();
    await expect(outbox.getByRole('row')).toHaveCount(2);
    await expect(outbox.getByRole('row').nth(1)).toContainText('melanie.roy@example.com');
    await expect(outbox.locator('[data-status="failed"]')).toHaveCount(1);
    // Seen: the status bar has nothing more to say.
    await expect(status).toHaveCount(0);

    // The invoice went to one address of two: never a plain green "Envoyé".
    const gagnon = await journalRow(page, '1005');
    await expect(gagnon.locator('[data-state="partial"]')).toHaveAttribute(
      'aria-label',
      'Envoyé 1/2 — 1 en échec',
    );
    await expect(gagnon).toContainText('Envoyé 1/2 — 1 en échec');
    await expect(gagnon.locator('[data-state="sent"]')).toHaveCount(0);
    await office.screenshot('journal-partial-send');
  });

  test('a reset that is cancelled changes nothing; confirmed, it says how many documents will be sent again', async ({
    office,
  }) => {
    const { page } = office;
    const first = await openBulkSend(page);
    await checkOnly(first.dialog, first.grid, [/Mme Josiane Mailly/]);
    await first.dialog.getByRole('button', { name: 'Envoyer maintenant (1)' }).click();
    await expect(first.dialog.getByTestId('bulk-summary')).toContainText('Envoi terminé');
    await first.dialog.getByRole('button', { name: 'Fermer' }).click();

    await page.keyboard.press('Control+3');
    const outbox = page.getByTestId('outbox-grid');
    await outbox.getByRole('row', { name: /anais\.mailly@example\.org/ }).click();
    await page.getByRole('button', { name: 'Réinitialiser l’envoi' }).click();
    const confirm = page.getByRole('dialog', { name: 'Réinitialiser l’état d’envoi ?' });
    await expect(confirm).toContainText('1 document sera de nouveau proposé à l’envoi');
    await office.screenshot('outbox-reset-confirm');
    await confirm.getByRole('button', { name: 'Annuler' }).click();
    await expect(confirm).toHaveCount(0);

    // Still sent, and the next bulk send leaves it out (not checked, not sent twice).
    const mailly = await journalRow(page, '1003');
    await expect(mailly.locator('[data-state="sent"]')).toBeVisible();
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Envoi en masse…' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(/^24 document\S* coch\S* sur 24 ; 6 exclu/)).toBeVisible();
    await expect(
      dialog.getByTestId('bulk-grid').getByRole('row', { name: /Mme Josiane Mailly/ }),
    ).toHaveCount(0);
    await dialog.getByRole('tab', { name: /Dossiers exclus/ }).click();
    await expect(
      dialog.getByTestId('bulk-excluded').getByRole('row', { name: /Mme Josiane Mailly/ }),
    ).toContainText('Déjà envoyé');
    await dialog.getByRole('button', { name: 'Fermer' }).click();

    // Confirmed: the document is offered again, checked.
    await page.keyboard.press('Control+3');
    await outbox.getByRole('row', { name: /anais\.mailly@example\.org/ }).click();
    await page.getByRole('button', { name: 'Réinitialiser l’envoi' }).click();
    await confirm.getByRole('button', { name: 'Réinitialiser' }).click();
    await expect(page.locator('.fui-ToastTitle').last()).toContainText(
      '1 document sera de nouveau proposé à l’envoi',
    );
    await page.keyboard.press('Control+2');
    await page.getByRole('button', { name: 'Envoi en masse…' }).click();
    await expect(dialog.getByText(/^25 document\S* coch\S* sur 25 ; 5 exclu/)).toBeVisible();
    await expect(
      dialog
        .getByTestId('bulk-grid')
        .getByRole('row', { name: /Mme Josiane Mailly/ })
        .getByRole('checkbox'),
    ).toBeChecked();
  });
});

test.describe('with manual validation', () => {
  test.use({ validationMode: 'manual' });

  test('a batch queued for validation is validated from the dialog or opened in Suivi des envois; blocked, it is withdrawn with Suppr', async ({
    office,
  }) => {
    const { page, smtp } = office;
    const { dialog, grid } = await openBulkSend(page);
    await checkOnly(dialog, grid, [/Mme Josiane Mailly/, /Bélanger/]);
    await dialog.getByRole('button', { name: 'Mettre en file pour validation (2)' }).click();
    await expect(dialog.getByTestId('bulk-summary')).toContainText('rien n’est encore parti');
    await expect(dialog.getByRole('button', { name: 'Valider et envoyer' })).toBeEnabled();
    await office.screenshot('bulk-send-awaiting-validation');
    await dialog.getByRole('button', { name: 'Voir ce lot dans Suivi des envois' }).click();

    // Suivi des envois on that batch alone.
    const outbox = page.getByTestId('outbox-grid');
    await expect(
      page.getByRole('button', { name: /Retirer le filtre du lot n° \d+/ }),
    ).toBeVisible();
    await expect(outbox.getByRole('row')).toHaveCount(3);
    await expect(outbox.locator('[data-status="pending"]')).toHaveCount(2);

    // A wrong text noticed: the batch is blocked, then withdrawn (Suppr), never sent.
    await outbox.getByRole('row').nth(1).click();
    await page.keyboard.press('Control+A');
    await page.getByRole('button', { name: 'Bloquer', exact: true }).click();
    await expect(outbox.locator('[data-status="blocked"]')).toHaveCount(2);
    await outbox.getByRole('row').nth(1).click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: 'Retirer de la file ?' });
    await expect(confirm).toContainText('2 messages seront retirés de la file');
    await confirm.getByRole('button', { name: 'Retirer' }).click();
    await expect(outbox.locator('[data-status="withdrawn"]')).toHaveCount(2);
    await office.screenshot('outbox-withdrawn');

    // The journal of the message keeps the event.
    await outbox.getByRole('row').nth(1).dblclick();
    const details = page.getByRole('dialog');
    await expect(details).toContainText('Retiré de la file');
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);

    // The documents are not sent, and the next bulk send offers them again, checked.
    const mailly = await journalRow(page, '1003');
    await expect(mailly).toContainText('Non envoyé');
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Envoi en masse…' }).click();
    await expect(
      page.getByRole('dialog').getByText(/^25 document\S* coch\S* sur 25/),
    ).toBeVisible();
    expect(smtp.messages).toHaveLength(0);
  });

  test('the dossiers without a SIN are named before the click, each with a link to fix it, and the list follows the fix', async ({
    office,
  }) => {
    const { page } = office;
    const { dialog, grid } = await openBulkSend(page);
    // Another type and period: the list follows them (no invoice under "Relevé fiscal").
    await dialog.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Relevé fiscal' });
    await dialog.getByRole('textbox', { name: 'Période' }).fill('2025');
    await expect(grid.getByRole('row', { name: /RL-2025-1002/ })).toBeVisible();
    await expect(grid.getByRole('row', { name: /F2026/ })).toHaveCount(0);

    const missing = dialog.getByTestId('missing-sin');
    await expect(missing).toContainText('Dossiers sans NAS (3)');
    await expect(missing).toContainText('000000000');
    const names = missing.getByRole('listitem');
    await expect(names).toHaveText([
      /M\. Jean-François Bélanger \(1002\) — NAS manquant/,
      /Mme Thérèse Gagnon \(1005\) — NAS manquant/,
      /M\. André Lévesque \(1008\) — NAS manquant/,
    ]);
    await office.screenshot('bulk-send-missing-sin');

    // The preview: one message per address, as each will leave, with every file it carries.
    await grid.getByRole('row', { name: /RL-2025-1005/ }).click();
    const preview = dialog.getByTestId('bulk-preview');
    const addresses = preview.getByRole('tab');
    await expect(addresses).toHaveCount(2);
    await expect(addresses.nth(0)).toHaveAccessibleName('stephane.gagnon@example.com');
    await expect(addresses.nth(1)).toHaveAccessibleName('melanie.roy@example.com');
    await expect(preview).toContainText('le document, protégé par mot de passe');
    await addresses.nth(1).click();
    await expect(preview.getByTestId('bulk-preview-message')).toContainText(
      'melanie.roy@example.com',
    );

    await missing.getByRole('button', { name: 'Corriger le dossier Mme Thérèse Gagnon' }).click();
    const form = page.getByRole('dialog', { name: 'Dossier Mme Thérèse Gagnon' });
    await form.getByRole('button', { name: 'Modifier le NAS' }).click();
    await form.getByRole('textbox', { name: 'NAS' }).fill('046 454 286');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form).toHaveCount(0);

    await expect(missing).toContainText('Dossiers sans NAS (2)');
    await expect(names).toHaveText([/Bélanger \(1002\)/, /Lévesque \(1008\)/]);
    await expect(missing).not.toContainText('Gagnon');
    // The list and the text stay as they were: still the tax slips.
    await expect(grid.getByRole('row', { name: /RL-2025-1005/ })).toBeVisible();
  });

  test('an excluded dossier is opened from the dialog, fixed, and joins the list checked', async ({
    office,
  }) => {
    const { page } = office;
    const { dialog, grid } = await openBulkSend(page);
    await dialog.getByRole('tab', { name: /Dossiers exclus/ }).click();
    const excluded = dialog.getByTestId('bulk-excluded');
    const pelletier = excluded.getByRole('row', { name: /M\. Léopold Pelletier/ });
    // In plain words, never a field's code.
    await expect(pelletier).toContainText('Adresse non valide « etienne.pelletier@example »');
    await expect(excluded).not.toContainText('summary_number');
    await pelletier.getByRole('button', { name: 'Ouvrir le dossier M. Léopold Pelletier' }).click();
    const form = page.getByRole('dialog', { name: 'Dossier M. Léopold Pelletier' });
    await form
      .getByRole('textbox', { name: 'Adresse e-mail' })
      .fill('etienne.pelletier@example.com');
    await form.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(form).toHaveCount(0);

    await expect(excluded.getByRole('row', { name: /Pelletier/ })).toHaveCount(0);
    await dialog.getByRole('tab', { name: /Documents à envoyer/ }).click();
    await expect(
      grid.getByRole('row', { name: /M\. Léopold Pelletier/ }).getByRole('checkbox'),
    ).toBeChecked();
    await expect(dialog.getByText(/^26 document\S* coch\S* sur 26 ; 4 exclu/)).toBeVisible();
  });
});
