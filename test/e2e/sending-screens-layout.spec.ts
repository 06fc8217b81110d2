/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The sending screens of issue 13 looked at as a clerk's laptop shows them: the bulk send with
// its warnings, its end summary naming a failure, and Suivi des envois with a document sent
// to one address of two and a withdrawn batch — at 1366×768 and 1024×768, in French and in
// English. Screenshots go to test-results/screens-13/; no button, column header or label of
// these screens may have its text cut (scrollWidth past clientWidth) or be squashed (less
// than 16 px high).
import path from 'node:path';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { clippedTexts } from './support/layout.js';
import { expect, test, type Office } from './support/office.js';

const SHOTS = path.resolve('test-results', 'screens-13');
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1024, height: 768 },
] as const;

for (const language of ['fr', 'en'] as const) {
  test.describe(`in ${language === 'fr' ? 'French' : 'English'}`, () => {
    test.use({ validationMode: 'manual' });

    test('the bulk send, its summary and Suivi des envois fit 1366×768 and 1024×768', async ({
      office,
    }) => {
      const { page, smtp } = office;
      const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
        translate(language, key, params);
      const problems: string[] = [];
      /** Screenshots at both sizes; `scope` is checked for cut texts (null: the journal, not ours). */
      const look = async (name: string, scope: string | null) => {
        for (const size of SIZES) {
          await page.setViewportSize(size);
          // Fluent lays out again after a resize: one frame.
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
          await page.screenshot({
            path: path.join(SHOTS, `${name}-${size.width}x${size.height}-${language}.png`),
          });
          for (const c of scope === null ? [] : await clippedTexts(page, scope)) {
            problems.push(
              `${name} ${size.width}×${size.height}: « ${c.text} » ${c.scrollWidth}/${c.clientWidth} px, ${c.height} px high`,
            );
          }
        }
        await page.setViewportSize({ width: 1440, height: 900 });
      };
      if (language === 'en') await switchToEnglish(office);

      // The bulk send of the tax slips: the dossiers without a SIN named before the click.
      await page.getByRole('button', { name: t('ui.menu.send.bulk') }).click();
      const dialog = page.getByRole('dialog');
      const grid = dialog.getByTestId('bulk-grid');
      await expect(grid.getByRole('row').nth(1)).toBeVisible();
      await dialog
        .getByRole('combobox', { name: t('ui.journal.filter.type') })
        .selectOption({ label: t('documentType.taxslip') });
      await dialog.getByRole('textbox', { name: t('ui.bulk.period') }).fill('2025');
      // This test looks at the layout: "Afficher" makes sure the tax slips are listed (the list
      // following the fields by itself is sending-model.spec's subject).
      await expect(dialog.getByRole('textbox', { name: t('ui.bulk.period') })).toHaveValue('2025');
      await dialog.getByRole('button', { name: t('ui.bulk.show'), exact: true }).click();
      await expect(dialog.getByTestId('missing-sin')).toBeVisible();
      await look('bulk-send-warnings', '[role="dialog"]');

      // The month's invoices: three queued for validation, validated from the dialog; one of
      // Thérèse Gagnon's two addresses refuses.
      smtp.setBehavior(
        { recipient: 'melanie.roy@example.com' },
        {
          at: 'rcpt',
          reply: 550,
          text: '5.1.1 <melanie.roy@example.com>: Recipient address rejected: User unknown',
        },
      );
      await dialog
        .getByRole('combobox', { name: t('ui.journal.filter.type') })
        .selectOption({ label: t('documentType.invoice') });
      await dialog.getByRole('textbox', { name: t('ui.bulk.period') }).fill(lastMonth());
      await dialog.getByRole('button', { name: t('ui.bulk.show'), exact: true }).click();
      await expect(grid.getByRole('row', { name: /Mme Josiane Mailly/ })).toBeVisible();
      await dialog.getByRole('button', { name: t('ui.bulk.allNone') }).click();
      for (const name of [/Mme Thérèse Gagnon/, /Mme Josiane Mailly/, /Bélanger/])
        await grid.getByRole('row', { name }).getByRole('checkbox').check();
      await look('bulk-send-ready', '[role="dialog"]');
      await dialog
        .getByRole('button', { name: t('ui.sendingModel.queueForApproval', { count: 3 }) })
        .click();
      await expect(
        dialog.getByRole('button', { name: t('ui.sendingModel.validateAndSend') }),
      ).toBeEnabled();
      await look('bulk-send-awaiting-validation', '[role="dialog"]');
      await dialog.getByRole('button', { name: t('ui.sendingModel.validateAndSend') }).click();
      const failures = dialog.getByTestId('send-failures');
      await expect(failures).toContainText('melanie.roy@example.com', { timeout: 30_000 });
      // The server's own words; no French sentence on English screens.
      await expect(failures).toContainText('User unknown');
      if (language === 'en') await expect(failures).not.toContainText('Le serveur');
      await look('bulk-send-summary', '[role="dialog"]');
      await dialog.getByRole('button', { name: t('ui.common.close') }).click();

      // Another batch queued, then withdrawn from the queue in Suivi des envois.
      await page.getByRole('button', { name: t('ui.menu.send.bulk') }).click();
      await expect(grid.getByRole('row', { name: /Mme Cécile Bouchard/ })).toBeVisible();
      await dialog.getByRole('button', { name: t('ui.bulk.allNone') }).click();
      await grid
        .getByRole('row', { name: /Mme Cécile Bouchard/ })
        .getByRole('checkbox')
        .check();
      await dialog
        .getByRole('button', { name: t('ui.sendingModel.queueForApproval', { count: 1 }) })
        .click();
      await dialog.getByRole('button', { name: t('ui.sendingModel.openBatch') }).click();
      const outbox = page.getByTestId('outbox-grid');
      await outbox.getByRole('row').nth(1).click();
      await page.keyboard.press('Delete');
      await page
        .getByRole('dialog', { name: t('queueTruth.withdraw.title') })
        .getByRole('button', { name: t('queueTruth.withdraw.button') })
        .click();
      await expect(outbox.locator('[data-status="withdrawn"]')).toHaveCount(1);
      await page
        .getByRole('button', { name: /Retirer le filtre du lot|Remove the filter on batch/ })
        .click();
      await expect(outbox.getByRole('row')).toHaveCount(6);
      await look('outbox-withdrawn-failed', 'main');

      // The journal: Thérèse Gagnon's invoice sent to one address of two.
      await page.getByRole('tab', { name: t('ui.screen.journal') }).click();
      await expect(page.getByTestId('journal-grid').locator('[data-state="partial"]')).toHaveCount(
        1,
      );
      await look('journal-partial', null);

      expect(problems).toEqual([]);
    });
  });
}

/** The demo's month of invoices, as the dialog opens on it: "2026-11". */
function lastMonth(): string {
  const now = new Date();
  const month = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${month.getFullYear()}-${String(month.getMonth() + 1).padStart(2, '0')}`;
}

/** The screens in English, as "View > English" would: the preference saved, the page read again. */
async function switchToEnglish(office: Office): Promise<void> {
  const { page, host } = office;
  const answer = await page.request.post(`${host.host.origin}/api/prefs.set`, {
    headers: { 'x-postier-token': host.host.token },
    data: { language: 'en' },
  });
  expect(answer.ok()).toBe(true);
  await page.reload();
  await expect(page.getByRole('tab', { name: 'Document journal' })).toBeVisible();
}
