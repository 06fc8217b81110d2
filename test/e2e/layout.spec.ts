// Issue 13, point 11: every screen and dialog of Postier at 1366×768 and 1024×768, in French
// and in English, on the demo nursing home with a send behind it (one address refused, one
// sent, then bounced: Messages revenus lists it): no button, column header, label, tab or
// status badge may cut its text, no button or field may be squashed, no list may scroll
// sideways. Screenshots: test-results/layout/<screen>-<language>-<width>.png.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { dovecotAvailable } from '../support/dovecot.js';
import { setUpBounceMailbox, type BounceMailbox } from './support/bounces.js';
import { checkLayout } from './support/layout.js';
import { expect, letterPdf, test } from './support/office.js';

const FOLDER = path.resolve('test-results', 'layout');
const RESTORE = { width: 1440, height: 900 };
const CSV = [
  'Numéro;Civilité;Nom;Prénom;Courriel',
  '3001;Mme;Roy;Hélène;helene.roy@example.com',
  ';M.;Sans-Numéro;Paul;paul@example.com',
].join('\r\n');

test.use({ validationMode: 'automatic' });

/** The office's mailbox (a real Dovecot), where the walk's bounce comes back. */
let mailbox: BounceMailbox | null = null;
test.afterEach(async () => {
  await mailbox?.stop();
  mailbox = null;
});

for (const language of ['fr', 'en'] as const) {
  test(`every screen and dialog fits 1366×768 and 1024×768 (${language})`, async ({ office }) => {
    test.setTimeout(300_000);
    const { page, smtp } = office;
    const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
      translate(language, key, params);
    const problems: string[] = [];
    const look = async (name: string, wholeValues?: string) => {
      problems.push(
        ...(await checkLayout(page, {
          folder: FOLDER,
          name,
          language,
          restore: RESTORE,
          ...(wholeValues && { wholeValues }),
        })),
      );
    };
    if (language === 'en') {
      // The menus underline their mnemonic letter (A͟ffichage): matched on their text.
      await page.getByRole('menuitem').filter({ hasText: 'Affichage' }).click();
      await page.getByRole('menuitem').filter({ hasText: 'English' }).click();
      await expect(page.getByRole('tab', { name: 'Document journal' })).toBeVisible();
    }
    // Messages revenus needs a mailbox to read (.ci/run installs dovecot-imapd).
    if (dovecotAvailable()) mailbox = await setUpBounceMailbox(page, t);

    // A send behind the screens: Thérèse Gagnon's invoice, one of her two addresses refused.
    smtp.setBehavior(
      { recipient: 'stephane.gagnon@example.com' },
      { at: 'rcpt', reply: 550, text: '5.1.1 <stephane.gagnon@example.com>: User unknown' },
    );
    const number = `F${office.demo.period.replace('-', '')}-1005`;
    await openSingleSend(page, t, number);
    await look('single-send');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('ui.send.send'), exact: true })
      .click();
    await smtp.waitForMessages(1, 20_000);
    await expect(page.getByRole('dialog')).toHaveCount(0, { timeout: 20_000 });

    // The journal, its document selected, then its context menu.
    const journal = page.getByTestId('journal-grid');
    await page.getByRole('searchbox').fill('');
    await expect(journal.getByRole('row').nth(3)).toBeVisible();
    await journal.getByRole('row').nth(2).click();
    await look('journal');
    await journal.getByRole('row').nth(2).click({ button: 'right' });
    await expect(page.getByRole('menu').last()).toBeVisible();
    await look('journal-context-menu');
    await page.keyboard.press('Escape');

    // Dossiers: one open in the form, then a new one.
    await page.keyboard.press('Control+1');
    const dossiers = page.getByTestId('dossiers-grid');
    await dossiers
      .getByRole('gridcell', { name: /Gagnon/ })
      .first()
      .click();
    await expect(page.getByTestId('correspondents')).toBeVisible();
    // The correspondents' names and addresses are read whole at 1024 px too, not cut.
    await look('dossiers', '[data-testid="correspondents"] input');
    await page.keyboard.press('Control+N');
    await look('dossier-new');

    // The bulk send: the month's invoices, then the tax slips with their warnings.
    await page.keyboard.press('Control+2');
    await page.keyboard.press('Control+Shift+E');
    const bulk = page.getByRole('dialog');
    await expect(bulk.getByTestId('bulk-grid').getByRole('row').nth(1)).toBeVisible();
    await look('bulk-send');
    // Its excluded dossiers, each with its reason in plain words.
    await bulk.getByRole('tab').nth(1).click();
    await expect(bulk.getByTestId('bulk-excluded')).toBeVisible();
    await look('bulk-send-excluded');
    await bulk.getByRole('tab').nth(0).click();
    // A general attachment: the preview lists it beside the document.
    const attach = page.waitForEvent('filechooser');
    await bulk.getByRole('button', { name: t('ui.bulk.addGeneralAttachment') }).click();
    await (
      await attach
    ).setFiles({
      name: 'Lettre aux familles.pdf',
      mimeType: 'application/pdf',
      buffer: letterPdf(),
    });
    await expect(bulk.getByTestId('bulk-preview')).toContainText('Lettre aux familles.pdf');
    await look('bulk-send-attachment');
    await bulk
      .getByRole('combobox', { name: t('ui.journal.filter.type') })
      .selectOption({ label: t('documentType.taxslip') });
    await bulk.getByRole('textbox', { name: t('ui.bulk.period') }).fill('2025');
    await expect(bulk.getByTestId('missing-sin')).toBeVisible();
    await look('bulk-send-warnings');
    await bulk.getByRole('button', { name: t('ui.common.close') }).click();
    // The attachment added would be lost: asked first.
    const discard = page.getByRole('button', { name: t('ui.bulk.closeUnsent.confirm') });
    await expect(discard).toBeVisible();
    await look('bulk-send-close-confirm');
    await discard.click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Suivi des envois: the failed address, its details, its fix; the reset asked first.
    await page.keyboard.press('Control+3');
    const outbox = page.getByTestId('outbox-grid');
    const failed = outbox.getByRole('row', { name: /stephane\.gagnon@example\.com/ });
    await expect(failed.locator('[data-status="failed"]')).toBeVisible({ timeout: 20_000 });
    await look('outbox');
    await failed.dblclick();
    await expect(page.getByRole('dialog').getByTestId('message-journal')).toBeVisible();
    await look('outbox-message-details');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('ui.common.close') })
      .click();
    await failed.click();
    await page.getByRole('button', { name: t('ui.outbox.fixAddress') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await look('outbox-fix-address');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('ui.common.cancel') })
      .click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await outbox.getByRole('row', { name: /melanie\.roy@example\.com/ }).click();
    await page.getByRole('button', { name: t('ui.outbox.reset') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await look('outbox-reset-confirm');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: t('ui.common.cancel') })
      .click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Fichier > Importer… with a CSV read.
    await page.keyboard.press('Control+I');
    const importer = page.getByRole('dialog');
    await look('import');
    const chooser = page.waitForEvent('filechooser');
    await importer.getByRole('button', { name: t('ui.import.chooseFile') }).click();
    await (
      await chooser
    ).setFiles({ name: 'residents.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await expect(importer.getByTestId('import-preview')).toContainText('Hélène Roy');
    await look('import-preview');
    await importer.getByRole('button', { name: t('ui.common.close') }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);

    // Paramètres, each page.
    await page.keyboard.press('Control+4');
    await expect(page.getByRole('heading', { name: t('ui.settings.account') })).toBeVisible();
    await look('settings-account');
    for (const [key, name] of [
      ['ui.settings.structures', 'settings-structures'],
      ['ui.settings.templates', 'settings-templates'],
      ['ui.settings.types', 'settings-types'],
      ['ui.settings.sending', 'settings-validation'],
      ['ui.settings.notifications', 'settings-notifications'],
      ['ui.settings.workstation', 'settings-workstation'],
    ] as const) {
      await page.getByRole('tab', { name: t(key) }).click();
      await expect(page.getByRole('heading', { name: t(key) })).toBeVisible();
      await look(name);
      if (key === 'ui.settings.types') {
        // The password rule's "Insérer un champ", open.
        await page.getByRole('button', { name: t('ui.templates.insertField') }).click();
        await expect(page.getByRole('menu')).toBeVisible();
        await look('settings-types-insert-field');
        await page.keyboard.press('Escape');
      }
    }

    // Messages revenus, after the mailbox was read: the invoice sent to Mélanie Roy came back.
    if (mailbox) {
      await mailbox.bounce(smtp, 'melanie.roy@example.com');
      await page.getByRole('tab', { name: t('ui.settings.bounces') }).click();
      await page.getByRole('button', { name: t('ui.bounces.check') }).click();
      const returned = page.getByTestId('bounces-list').getByRole('row', { name: /melanie\.roy/ });
      await expect(returned.locator('[data-status="failed"]')).toBeVisible({ timeout: 20_000 });
      await look('settings-bounces');
      await returned.getByRole('button', { name: t('ui.bounces.fix') }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await look('settings-bounces-fix');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('ui.common.cancel') })
        .click();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    } else {
      test
        .info()
        .annotations.push({ type: 'skipped', description: 'Messages revenus: no Dovecot' });
    }

    // Aide > À propos.
    await page.keyboard.press('F1');
    await expect(page.getByRole('dialog')).toBeVisible();
    await look('about');

    expect(problems).toEqual([]);
  });
}

async function openSingleSend(
  page: Page,
  t: (key: MessageKey) => string,
  documentNumber: string,
): Promise<void> {
  await page.getByRole('tab', { name: t('ui.screen.journal') }).click();
  await page.getByRole('searchbox').fill(documentNumber);
  const grid = page.getByTestId('journal-grid');
  await expect(grid.getByRole('row')).toHaveCount(2);
  await grid.getByRole('gridcell', { name: documentNumber, exact: true }).click();
  await page.keyboard.press('Control+E');
  await expect(page.getByTestId('send-preview')).toBeVisible();
  await expect(page.getByTestId('send-preview')).toContainText('@');
}
