// Messages revenus in the layout walk: the office's mailbox is a real Dovecot on 127.0.0.1,
// set in Paramètres > Compte de messagerie as a clerk does it (the bounces read from it),
// and a bounce of a message Postier sent is put in its inbox, as a mail server sends it.
import type { Page } from '@playwright/test';
import type { MessageKey } from '../../../src-shared/i18n/catalog.js';
import { deliveryStatusReport } from '../../support/delivery-status-report.js';
import { startDovecot, withImapClient, type Dovecot } from '../../support/dovecot.js';
import { parseReceivedMessage, type SmtpTestServer } from '../../support/smtp-test-server.js';
import { expect } from './office.js';

export const OFFICE_MAILBOX = 'comptabilite@erables.example.com';
const PASSWORD = 'motdepasse-imap';

export interface BounceMailbox {
  imap: Dovecot;
  /** Puts in the inbox the bounce of the message the test server received to `recipient`. */
  bounce(smtp: SmtpTestServer, recipient: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the mailbox and sets the account to read its bounces (Paramètres, then saved). */
export async function setUpBounceMailbox(
  page: Page,
  t: (key: MessageKey) => string,
): Promise<BounceMailbox> {
  const imap = await startDovecot({ users: { [OFFICE_MAILBOX]: PASSWORD } });
  await page.keyboard.press('Control+4');
  await page
    .getByRole('textbox', { name: t('ui.settings.account.username'), exact: true })
    .fill(OFFICE_MAILBOX);
  await page.getByRole('textbox', { name: t('ui.settings.account.password') }).fill(PASSWORD);
  await page.getByRole('checkbox', { name: t('ui.methods.bounces') }).check();
  await page.getByRole('textbox', { name: t('ui.methods.imapHost') }).fill(imap.host);
  await page
    .getByRole('textbox', { name: t('ui.settings.account.port') })
    .nth(1)
    .fill(String(imap.port));
  await page
    .getByRole('combobox', { name: t('ui.settings.account.security') })
    .nth(1)
    .selectOption({ label: t('ui.methods.imapSecurity.none') });
  // The account's own Enregistrer (another part of the page has one, greyed until changed).
  await page
    .getByRole('button', { name: t('ui.common.save'), exact: true, disabled: false })
    .click();
  await expect(page.locator('.fui-ToastTitle').last()).toBeVisible();
  return {
    imap,
    bounce: async (smtp, recipient) => {
      const sent = smtp.messages.find((m) => m.envelope.to.includes(recipient));
      expect(sent, `a message to ${recipient}`).toBeDefined();
      const messageId = parseReceivedMessage(sent!.raw).header('message-id')!;
      await withImapClient(imap, { user: OFFICE_MAILBOX, password: PASSWORD }, (client) =>
        client.append(
          'INBOX',
          deliveryStatusReport({
            mailbox: OFFICE_MAILBOX,
            messageId,
            recipient,
            status: '5.1.1',
            diagnostic: `550 5.1.1 <${recipient}>: Recipient address rejected: User unknown in virtual mailbox table`,
          }),
        ),
      );
    },
    stop: () => imap.stop(),
  };
}
