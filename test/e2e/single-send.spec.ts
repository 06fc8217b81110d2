// "Envoyer par e-mail" on one invoice: correspondents chosen with a click and Ctrl+click,
// another address typed in, the exact message shown, and each message reaching the SMTP
// server with the invoice attached.
import { expect, openSendDialog, test } from './support/office.js';
import { parseReceivedMessage } from '../support/smtp-test-server.js';

test.use({ validationMode: 'automatic' });

test('sends one invoice to a chosen correspondent and a typed address', async ({ office }) => {
  const { page, smtp } = office;
  const number = `F${office.demo.period.replace('-', '')}-1001`;
  await openSendDialog(page, number);

  const recipients = page.getByTestId('recipients');
  const helene = recipients.getByRole('option', { name: /Hélène Côté/ });
  const frederic = recipients.getByRole('option', { name: /Frédéric Côté/ });
  // Both receive documents: both are chosen to begin with.
  await expect(helene).toHaveAttribute('aria-selected', 'true');
  await expect(frederic).toHaveAttribute('aria-selected', 'true');
  // A plain click keeps one; Ctrl+click adds the other back, as in any Windows list.
  await frederic.click();
  await expect(helene).toHaveAttribute('aria-selected', 'false');
  await helene.click({ modifiers: ['Control'] });
  await expect(helene).toHaveAttribute('aria-selected', 'true');
  await expect(frederic).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('2 adresses choisies')).toBeVisible();
  const preview = page.getByTestId('send-preview');
  await expect(preview).toContainText('helene.cote@example.com, fred.cote@example.net');

  // Hélène is left out; the family's notary, who is not among the correspondents, is typed in.
  await frederic.click();
  await expect(helene).toHaveAttribute('aria-selected', 'false');
  const other = page.getByRole('textbox', { name: 'Envoi à une autre adresse e-mail' });
  await other.fill('notaire.famille@example');
  await expect(page.getByRole('button', { name: 'Ajouter' })).toBeDisabled();
  await other.fill('notaire.famille@example.org');
  await other.press('Enter');
  await expect(page.getByText('2 adresses choisies')).toBeVisible();
  await expect(preview).toContainText('fred.cote@example.net, notaire.famille@example.org');
  await expect(preview).toContainText(`Facture ${number}`);
  await office.screenshot('send-dialog');

  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await smtp.waitForMessages(2, 20_000);
  const received = smtp.messages.map((m) => parseReceivedMessage(m.raw));
  expect(smtp.messages.flatMap((m) => m.envelope.to).sort()).toEqual([
    'fred.cote@example.net',
    'notaire.famille@example.org',
  ]);
  for (const message of received) {
    expect(message.decodedHeader('subject')).toContain(number);
    expect(message.attachments.map((a) => a.filename)).toEqual([`Facture ${number}.pdf`]);
    expect(message.attachments[0]!.content.subarray(0, 5).toString()).toBe('%PDF-');
  }

  // The journal shows the envelope and the date and time of the send.
  await page.keyboard.press('F5');
  const row = page.getByRole('row', { name: new RegExp(number) });
  await expect(row.locator('[data-state="sent"]')).toBeVisible();
  await expect(row).toContainText(/\d{4}-\d{2}-\d{2} \d{1,2} h \d{2}|\d{2}:\d{2}/);
});
