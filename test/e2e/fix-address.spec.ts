// A message the server refuses (550, unknown user) shows KO with the server's reply; the
// address is corrected in Suivi des envois and the document goes to the new address.
import { expect, openSendDialog, test } from './support/office.js';

test.use({ validationMode: 'automatic' });

test('a refused address is corrected and the document resent', async ({ office }) => {
  const { page, smtp } = office;
  smtp.setBehavior(
    { recipient: 'stephane.gagnon@example.com' },
    {
      at: 'rcpt',
      reply: 550,
      text: '5.1.1 <stephane.gagnon@example.com>: Recipient address rejected: User unknown',
    },
  );
  const number = `F${office.demo.period.replace('-', '')}-1005`;
  await openSendDialog(page, number);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await smtp.waitForMessages(1, 20_000);
  expect(smtp.messages[0]!.envelope.to).toEqual(['melanie.roy@example.com']);

  await page.getByRole('tab', { name: 'Suivi des envois' }).click();
  await page.getByRole('checkbox', { name: /Erreur lors de l’envoi \(KO\)/ }).check();
  await page.getByRole('button', { name: 'Rechercher' }).click();
  const grid = page.getByTestId('outbox-grid');
  const failed = grid.getByRole('row', { name: /stephane\.gagnon@example\.com/ });
  await expect(failed.locator('[data-status="failed"]')).toBeVisible({ timeout: 20_000 });

  // The details show every journal event and the server's own reply.
  await failed.dblclick();
  const details = page.getByRole('dialog');
  await expect(details.getByTestId('message-journal')).toContainText('Mis en file');
  await expect(details.getByTestId('message-journal')).toContainText('Échec');
  await expect(details).toContainText('Recipient address rejected: User unknown');
  await office.screenshot('outbox-message-details');
  await details.getByRole('button', { name: 'Fermer' }).click();

  await failed.click();
  await page.getByRole('button', { name: 'Corriger l’adresse…' }).click();
  const fix = page.getByRole('dialog');
  await fix
    .getByRole('textbox', { name: 'Nouvelle adresse e-mail' })
    .fill('stephane.gagnon@example');
  await expect(fix.getByRole('button', { name: 'Corriger et renvoyer' })).toBeDisabled();
  await fix
    .getByRole('textbox', { name: 'Nouvelle adresse e-mail' })
    .fill('stephane.gagnon@example.org');
  // Échap with an address typed asks first; Annuler keeps it.
  await page.keyboard.press('Escape');
  const drop = page.getByRole('dialog', { name: 'Abandonner la correction ?' });
  await expect(drop).toContainText('stephane.gagnon@example.org ne sera pas enregistrée');
  await drop.getByRole('button', { name: 'Annuler' }).click();
  await expect(fix.getByRole('textbox', { name: 'Nouvelle adresse e-mail' })).toHaveValue(
    'stephane.gagnon@example.org',
  );
  await office.screenshot('outbox-fix-address');
  await fix.getByRole('button', { name: 'Corriger et renvoyer' }).click();

  // The document at its new address, and the office's address told of the refusal (the staff
  // notification, sent to the cascade's address when nobody is chosen).
  await smtp.waitForMessages(3, 20_000);
  const recipients = smtp.messages.map((m) => m.envelope.to.join(', '));
  expect(recipients.filter((to) => to === 'stephane.gagnon@example.org')).toHaveLength(1);
  expect(recipients).toContain('comptabilite@erables.example.com');
  await page.getByRole('button', { name: 'Effacer les filtres' }).click();
  await expect(
    grid
      .getByRole('row', { name: /stephane\.gagnon@example\.org/ })
      .locator('[data-status="sent"]'),
  ).toBeVisible({
    timeout: 20_000,
  });
  await office.screenshot('outbox-after-fix');
});
