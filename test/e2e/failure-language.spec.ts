// Why a message failed, in the screen's language: an English clerk reads the refusal in
// English in the send summary, in Suivi des envois (list, details and journal) and in the
// fix-address dialog, with the server's own reply word for word; back in French, the same
// failure reads in French. An old failure kept as a plain French text still shows as it is.
import { expect, test } from './support/office.js';
import { screens } from './support/screens-13.js';

test.use({ validationMode: 'automatic' });

const REFUSED = '5.1.1 <melanie.roy@example.com>: Recipient address rejected: User unknown';
const EN_REFUSED = 'The server refused the recipient: check the e-mail address in the record.';
const FR_REFUSED = 'Le serveur a refusé le destinataire';

test('a refusal said in English on English screens, in French on French ones, the server reply as is', async ({
  office,
}) => {
  const { page, smtp } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  smtp.setBehavior(
    { recipient: 'melanie.roy@example.com' },
    { at: 'rcpt', reply: 550, text: REFUSED },
  );
  await page.getByRole('menuitem', { name: 'Affichage' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();

  // The send summary.
  await page.getByRole('button', { name: 'Bulk send…' }).click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByTestId('bulk-grid');
  await expect(grid.getByRole('row', { name: /Mme Thérèse Gagnon/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'All / none' }).click();
  await grid
    .getByRole('row', { name: /Mme Thérèse Gagnon/ })
    .getByRole('checkbox')
    .check();
  await dialog.getByRole('button', { name: 'Send now (1)' }).click();
  const failures = dialog.getByTestId('send-failures');
  await expect(failures).toContainText(EN_REFUSED, { timeout: 60_000 });
  await expect(failures).toContainText('Recipient address rejected: User unknown');
  await expect(dialog).not.toContainText(FR_REFUSED);
  await screens(page, 'failure-summary-en');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Suivi des envois: the list, the details and their journal.
  await dialog.getByRole('button', { name: 'Open the failures in Send tracking' }).click();
  const outbox = page.getByTestId('outbox-grid');
  const failed = outbox.getByRole('row', { name: /melanie\.roy@example\.com/ });
  await expect(failed).toContainText(EN_REFUSED);
  await screens(page, 'failure-outbox-en');
  await page.setViewportSize({ width: 1366, height: 768 });
  await failed.dblclick();
  const details = page.getByRole('dialog');
  await expect(details).toContainText(EN_REFUSED);
  await expect(details.getByTestId('message-journal')).toContainText(
    `${EN_REFUSED} This message will not go.`,
  );
  await expect(details).toContainText(REFUSED);
  await expect(details).not.toContainText(FR_REFUSED);
  await screens(page, 'failure-details-en');
  await page.setViewportSize({ width: 1366, height: 768 });
  await details.getByRole('button', { name: 'Close' }).click();

  // The fix-address dialog.
  await failed.click();
  await page.getByRole('button', { name: 'Correct the address…' }).click();
  const fix = page.getByRole('dialog');
  await expect(fix).toContainText(EN_REFUSED);
  await screens(page, 'failure-fix-en');
  await page.setViewportSize({ width: 1366, height: 768 });
  await fix.getByRole('button', { name: 'Cancel' }).click();

  // In French, the same failure in French.
  await page.getByRole('menuitem', { name: 'View' }).click();
  await page.getByRole('menuitem', { name: 'Français' }).click();
  await expect(failed).toContainText(`${FR_REFUSED} : vérifiez l’adresse e-mail dans le dossier.`);
  await failed.click();
  await page.getByRole('button', { name: 'Corriger l’adresse…' }).click();
  await expect(page.getByRole('dialog')).toContainText(FR_REFUSED);
  await screens(page, 'failure-fix-fr');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('dialog').getByRole('button', { name: 'Annuler' }).click();

  // A failure kept as a plain text before: shown as it is.
  await office.host.postier.db
    .updateTable('messages')
    .set({ last_error: 'Ancienne erreur en français.' })
    .where('status', '=', 'failed')
    .execute();
  await page.reload();
  await page.getByRole('tab', { name: 'Suivi des envois' }).click();
  await page.getByRole('checkbox', { name: /Erreur lors de l’envoi \(KO\)/ }).check();
  await page.getByRole('button', { name: 'Rechercher' }).click();
  await expect(failed).toContainText('Ancienne erreur en français.');
  await screens(page, 'failure-outbox-fr');
});
