// Paramètres > Compte de messagerie for every sending method, the way an office sets it up:
// a Microsoft 365 account connected in the browser against a real OpenID provider on
// 127.0.0.1 (the consent page's link shown, Cancel, then a real consent); Outlook and
// Thunderbird, which open a window per message, and the bulk send refusing a whole month
// through them; and an SMTP account whose mailbox (a real Dovecot) gets the Sent copies and
// the bounces, a bounced message being fixed and resent from Messages revenus.
import type { ImapFlow } from 'imapflow';
import { parseReceivedMessage } from '../support/smtp-test-server.js';
import { deliveryStatusReport } from '../support/delivery-status-report.js';
import { dovecotAvailable, startDovecot, withImapClient } from '../support/dovecot.js';
import { startOidcTestProvider, TestBrowser } from '../support/oidc-test-provider.js';
import { expect, openSendDialog, test } from './support/office.js';

const MAILBOX = 'comptabilite@erables.example.com';

test('a Microsoft 365 account is connected in the browser; Outlook and Thunderbird say they cannot pace a month', async ({
  office,
}) => {
  const { page } = office;
  const idp = await startOidcTestProvider();
  try {
    await page.keyboard.press('Control+4');
    const method = page.getByRole('combobox', { name: 'Méthode' });
    await method.selectOption({ label: 'Microsoft 365 (API Graph)' });
    await expect(page.getByRole('textbox', { name: 'Serveur SMTP' })).toHaveCount(0);
    await page
      .getByRole('textbox', { name: 'Identifiant d’application (client id)' })
      .fill(idp.clientId);
    await page.getByRole('textbox', { name: 'Locataire Microsoft 365' }).fill('erables.example');
    await page.getByRole('textbox', { name: 'Adresse de connexion (avancé)' }).fill(idp.issuer);
    await expect(page.getByRole('checkbox', { name: /Lire la boîte/ })).toBeVisible();
    const connection = page.getByTestId('oauth-connection');
    await expect(connection.locator('[data-state="not_connected"]')).toBeVisible();
    await office.screenshot('settings-method-graph');

    // Connecting shows the consent page's link while Postier waits; Cancel stops waiting.
    await connection.getByRole('button', { name: 'Connecter le compte' }).click();
    const link = connection.getByTestId('oauth-url');
    await expect(link).toContainText(`${idp.issuer}/`);
    await expect(
      connection.getByRole('link', { name: 'ouvrir la page de connexion' }),
    ).toHaveAttribute('href', new RegExp(`^${idp.issuer}/.*login_hint=`));
    await office.screenshot('settings-method-graph-waiting');
    await connection.getByRole('button', { name: 'Annuler' }).click();
    await expect(connection.getByTestId('oauth-waiting')).toHaveCount(0);
    await expect(connection.locator('[data-state="not_connected"]')).toBeVisible();
    await expect(page.getByTestId('error-message')).toHaveCount(0);

    // Again, and this time the user signs in and consents in the browser.
    await connection.getByRole('button', { name: 'Connecter le compte' }).click();
    await expect(link).toContainText(`${idp.issuer}/`);
    await new TestBrowser().consent((await link.textContent())!, { login: MAILBOX });
    await expect(connection.locator('[data-state="connected"]')).toBeVisible();
    await expect(connection).toContainText(MAILBOX);
    await expect(page.locator('.fui-ToastTitle').last()).toContainText('Compte connecté');
    await office.screenshot('settings-method-graph-connected');
    await connection.getByRole('button', { name: 'Oublier sur ce poste' }).click();
    await expect(connection.locator('[data-state="not_connected"]')).toBeVisible();
  } finally {
    await idp.close();
  }

  // Outlook: opening each message for review cannot pace a bulk send; sending at once can.
  const method = page.getByRole('combobox', { name: 'Méthode' });
  await method.selectOption({ label: 'Outlook sur ce poste' });
  const cannotPace = page.getByTestId('method-cannot-pace');
  await expect(cannotPace).toContainText('une fenêtre par message');
  await page.getByRole('radio', { name: /Envoyer aussitôt/ }).check();
  await expect(cannotPace).toHaveCount(0);
  await page.getByRole('radio', { name: /Ouvrir pour relecture/ }).check();
  await expect(cannotPace).toBeVisible();
  await office.screenshot('settings-method-outlook');

  await method.selectOption({ label: 'Thunderbird sur ce poste' });
  await expect(page.getByRole('textbox', { name: 'Programme Thunderbird' })).toBeVisible();
  await expect(cannotPace).toBeVisible();
  await office.screenshot('settings-method-thunderbird');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.fui-ToastTitle').last()).toContainText('Paramètres enregistrés.');

  // The bulk send says so, and refuses the whole month through Thunderbird.
  await page.keyboard.press('Control+2');
  await page.keyboard.press('Control+Shift+E');
  const dialog = page.getByRole('dialog');
  const limit = dialog.getByTestId('bulk-method-limit');
  await expect(limit).toContainText('Méthode d’envoi : Thunderbird sur ce poste');
  await expect(limit).toContainText(/Cet envoi ferait \d+ messages.*au plus 20 à la fois/);
  await expect(
    dialog.getByRole('button', { name: 'Mettre en file pour validation (25)' }),
  ).toBeDisabled();
  await office.screenshot('bulk-send-method-limit');
  await dialog.getByRole('button', { name: 'Tout / rien' }).click();
  await expect(limit).toContainText('pas plus de 20 messages à la fois');
  await expect(limit).not.toContainText('Cet envoi ferait');
});

test.describe('an SMTP account with its mailbox', () => {
  test.use({ validationMode: 'automatic' });

  test('copies to the Sent folder, reads a bounce, and the address is fixed and the invoice resent', async ({
    office,
  }) => {
    test.skip(!dovecotAvailable(), 'Dovecot (dovecot-imapd) is not installed on this machine');
    const { page, smtp } = office;
    const password = 'motdepasse-imap';
    const imap = await startDovecot({ users: { [MAILBOX]: password } });
    const mailbox = <T>(work: (client: ImapFlow) => Promise<T>) =>
      withImapClient(imap, { user: MAILBOX, password }, work);
    try {
      await page.keyboard.press('Control+4');
      await page.getByRole('textbox', { name: 'Identifiant', exact: true }).fill(MAILBOX);
      await page.getByRole('textbox', { name: 'Mot de passe' }).fill(password);
      await page.getByRole('checkbox', { name: /Copier chaque message envoyé/ }).check();
      await page.getByRole('checkbox', { name: /Lire la boîte/ }).check();
      await page.getByRole('textbox', { name: 'Serveur IMAP' }).fill(imap.host);
      await page.getByRole('textbox', { name: 'Port' }).nth(1).fill(String(imap.port));
      await page
        .getByRole('combobox', { name: 'Sécurité' })
        .nth(1)
        .selectOption({ label: 'Aucune (port 143, réseau local)' });
      await page.getByRole('button', { name: 'Tester la connexion' }).click();
      const test = page.getByTestId('connection-test');
      await expect(test).toContainText('Connexion réussie');
      await expect(test).toContainText(
        `Boîte IMAP ${imap.host} : les copies iront dans le dossier`,
      );
      await office.screenshot('settings-method-smtp-mailbox');

      const number = `F${office.demo.period.replace('-', '')}-1002`;
      await openSendDialog(page, number);
      await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
      await smtp.waitForMessages(1, 20_000);
      const sent = parseReceivedMessage(smtp.messages[0]!.raw);
      expect(smtp.messages[0]!.envelope.to).toEqual(['genevieve.belanger@example.com']);
      // The copy in the mailbox's Sent folder.
      await expect
        .poll(
          () =>
            mailbox(async (c) => {
              const sentFolder = await c.status('Sent', { messages: true });
              return sentFolder ? sentFolder.messages : 0;
            }),
          { timeout: 15_000 },
        )
        .toBe(1);

      await mailbox((c) =>
        c.append(
          'INBOX',
          deliveryStatusReport({
            mailbox: MAILBOX,
            messageId: sent.header('message-id')!,
            recipient: 'genevieve.belanger@example.com',
            status: '5.1.1',
            diagnostic: '550 5.1.1 <genevieve.belanger@example.com>: Recipient address rejected',
          }),
        ),
      );

      await page.keyboard.press('Control+4');
      await page.getByRole('tab', { name: 'Messages revenus' }).click();
      await page.getByRole('button', { name: 'Vérifier maintenant' }).click();
      const summary = page.getByTestId('bounces-summary');
      await expect(summary).toContainText('1 retour, dont 1 pour des messages de Postier');
      await expect(summary).toContainText(/rangés? dans le dossier « Postier\/Retours »/);
      const row = page.getByTestId('bounces-list').getByRole('row', { name: /genevieve/ });
      await expect(row).toContainText('adresse inconnue (5.1.1)');
      await expect(row.locator('[data-status="failed"]')).toBeVisible();
      await office.screenshot('settings-bounces');

      await row.getByRole('button', { name: 'Corriger l’adresse et renvoyer…' }).click();
      const fix = page.getByRole('dialog');
      await fix
        .getByRole('textbox', { name: 'Nouvelle adresse e-mail' })
        .fill('genevieve.belanger@example.org');
      await fix.getByRole('button', { name: 'Corriger et renvoyer' }).click();
      await expect(row).toContainText('Adresse corrigée');
      // The invoice at its new address, and the office's address told of the bounce (the staff
      // notification, sent to the cascade's address when nobody is chosen).
      await smtp.waitForMessages(3, 20_000);
      const recipients = smtp.messages.map((m) => m.envelope.to.join(', '));
      expect(recipients.filter((to) => to === 'genevieve.belanger@example.org')).toHaveLength(1);
      expect(recipients).toContain('comptabilite@erables.example.com');
    } finally {
      await imap.stop();
    }
  });
});
