// The sender as providers accept it, seen before the click and on the wire: the single send's
// preview shows the real From (the account's address under the manager's name) and the
// manager's address as Reply-To, and each message reaching the SMTP server carries exactly
// those, with the account's own address as the envelope sender. And the window's forms stop
// typing at the records' limits (RECORD_LIMITS), so nobody types what the core would refuse.
import { RECORD_LIMITS } from '../../src-shared/domain/records.js';
import { parseReceivedMessage } from '../support/smtp-test-server.js';
import { expect, openSendDialog, test } from './support/office.js';

test.use({ validationMode: 'automatic' });

const ACCOUNT = 'comptabilite@erables.example.com';
const MANAGER = 'sophie.gagne@erables.example.com';

test('the preview shows the real From and Reply-To, and the server receives them', async ({
  office,
}) => {
  const { page, smtp } = office;
  // Dossier 1001 has a manager, Sophie Gagné: the cascade's address is hers.
  const number = `F${office.demo.period.replace('-', '')}-1001`;
  await openSendDialog(page, number);
  const preview = page.getByTestId('send-preview');
  await expect(preview).toContainText(`De : Sophie Gagné <${ACCOUNT}>`);
  await expect(preview).toContainText(`Réponse à ${MANAGER}`);
  await office.screenshot('send-dialog-sender');

  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await smtp.waitForMessages(2, 20_000);
  for (const received of smtp.messages) {
    expect(received.envelope.from).toBe(ACCOUNT);
    const message = parseReceivedMessage(received.raw);
    expect(message.decodedHeader('from')).toBe(`Sophie Gagné <${ACCOUNT}>`);
    expect(message.decodedHeader('reply-to')).toBe(MANAGER);
  }
});

test('the dossier form stops typing at the limits', async ({ office }) => {
  const { page } = office;
  await page.getByRole('tab', { name: 'Dossiers' }).click();
  await page.getByRole('button', { name: 'Nouveau dossier' }).click();
  const typed = async (name: string, text: string) => {
    const box = page.getByRole('textbox', { name, exact: true });
    await box.click();
    await page.keyboard.insertText(text);
    return (await box.inputValue()).length;
  };
  expect(await typed('Nom', 'x'.repeat(150))).toBe(RECORD_LIMITS.lastName);
  expect(await typed('Prénom', 'y'.repeat(150))).toBe(RECORD_LIMITS.firstName);
  expect(await typed('Numéro', '9'.repeat(80))).toBe(RECORD_LIMITS.number);
  await page.getByRole('button', { name: 'Annuler', exact: true }).click();
});
