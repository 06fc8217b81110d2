// Scheduled sends and the test copy in the window (issue 17, points 2 and 4): the bulk send's
// "M'envoyer un exemplaire…" sends the selected row's message to my address ("[TEST]" first,
// nothing queued), "Envoyer plus tard" schedules the batch (the button says when, nothing
// leaves), and Suivi des envois says when once ("→ …" in Envoyé le, "Programmé" in
// Observations) with "Déplacer…". French and English,
// 1366×768 and 1024×768, nothing cut (test-results/schedule/).
import path from 'node:path';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { parseReceivedMessage } from '../support/smtp-test-server.js';
import { checkLayout } from './support/layout.js';
import { expect, openSendDialog, test } from './support/office.js';

test.use({ validationMode: 'automatic' });

const FOLDER = path.resolve('test-results', 'schedule');
const RESTORE = { width: 1440, height: 900 };

for (const language of ['fr', 'en'] as const) {
  test(`test copy, scheduled batch and its time in Suivi des envois (${language})`, async ({
    office,
  }) => {
    const { page, smtp } = office;
    const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
      translate(language, key, params);
    const problems: string[] = [];
    const layout = async (name: string, scope?: string) =>
      problems.push(
        ...(await checkLayout(page, {
          folder: FOLDER,
          name,
          language,
          ...(scope && { scope }),
          restore: RESTORE,
        })),
      );
    if (language === 'en') {
      await page.getByRole('menuitem').filter({ hasText: 'Affichage' }).click();
      await page.getByRole('menuitem').filter({ hasText: 'English' }).click();
      await expect(page.getByRole('tab', { name: 'Document journal' })).toBeVisible();
    }

    await page.getByRole('button', { name: t('ui.menu.send.bulk') }).click();
    const bulk = page.getByRole('dialog');
    const grid = bulk.getByTestId('bulk-grid');
    await grid.getByRole('row', { name: /Mme Josiane Mailly/ }).click();
    await expect(bulk.getByTestId('bulk-preview')).toContainText('anais.mailly@example.org');

    // The test copy: Josiane's message, to my address.
    await bulk.getByRole('button', { name: t('ui.testCopy.button') }).click();
    const copy = page.getByRole('dialog', { name: t('ui.testCopy.title') });
    await expect(copy).toContainText('anais.mailly@example.org');
    const to = copy.getByRole('textbox', { name: t('ui.testCopy.to') });
    await expect(to).toHaveValue('comptabilite@erables.example.com');
    await to.fill('moi@erables.example.com');
    await layout('test-copy', '[role="dialog"]');
    await copy.getByRole('button', { name: t('ui.testCopy.send') }).click();
    await expect(copy).toBeHidden({ timeout: 30_000 });
    await expect.poll(() => smtp.messages.length).toBe(1);
    const received = parseReceivedMessage(smtp.messages[0]!.raw);
    expect(smtp.messages[0]!.envelope.to).toEqual(['moi@erables.example.com']);
    expect(received.decodedHeader('subject')).toMatch(/^\[TEST\] .*F\d{6}-1003/);

    // Envoyer plus tard: the button says when; a past time is refused before the click.
    await bulk.getByRole('checkbox', { name: t('ui.schedule.later') }).check();
    const date = bulk.getByRole('textbox', { name: t('ui.schedule.date') });
    const time = bulk.getByRole('textbox', { name: t('ui.schedule.time') });
    await date.fill('2020-01-06');
    await expect(bulk.getByRole('alert')).toContainText(
      t('ui.schedule.problem.past', { at: '2020-01-06 08:00' }),
    );
    await date.fill('2027-01-15');
    await time.fill('08:00');
    const day = new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
      day: 'numeric',
      month: 'short',
    }).format(new Date(2027, 0, 15));
    const schedule = bulk.getByRole('button', {
      name: t('ui.schedule.button', {
        count: 25,
        at: t('ui.schedule.when', { day, time: '08:00' }),
      }),
    });
    await expect(schedule).toBeEnabled({ timeout: 30_000 });
    await layout('bulk-schedule', '[role="dialog"]');
    await schedule.click();
    await expect(bulk).toBeHidden({ timeout: 60_000 });
    // Nothing more left: only the test copy reached the server.
    await page.waitForTimeout(1000);
    expect(smtp.messages).toHaveLength(1);

    // Suivi des envois: each message with its time; Déplacer… on the selection.
    await page.getByRole('tab', { name: t('ui.screen.outbox') }).click();
    const outbox = page.getByTestId('outbox-grid');
    // The column of the date it left says when it will leave; Observations says "Programmé"
    // without the time again (the whole note is its tooltip).
    const row = outbox.getByRole('row').filter({ hasText: '→ 2027-01-15 08:00' }).first();
    await expect(row).toBeVisible({ timeout: 30_000 });
    const scheduled = row.getByText(t('schedule.status.waitingShort'), { exact: true });
    await expect(scheduled).toBeVisible();
    expect((await row.textContent())!.split('2027-01-15 08:00')).toHaveLength(2);
    await expect(
      row.getByTitle(t('schedule.status.scheduled', { at: '2027-01-15 08:00' })).first(),
    ).toBeAttached();
    await layout('outbox-scheduled');
    await scheduled.click();
    await page
      .getByRole('button', { name: t('ui.outbox.reschedule') })
      .first()
      .click();
    const move = page.getByRole('dialog', { name: t('ui.outbox.rescheduleTitle') });
    await expect(move).toBeVisible();
    await layout('reschedule', '[role="dialog"]');
    await move.getByRole('button', { name: t('ui.common.cancel') }).click();
    expect(problems).toEqual([]);
  });
}

test('the single send offers "M’envoyer un exemplaire…" too: the chosen address’s message, to me', async ({
  office,
}) => {
  const { page, smtp } = office;
  const now = new Date();
  const month = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  const number = `F${month.getFullYear()}${String(month.getMonth() + 1).padStart(2, '0')}-1003`;
  await openSendDialog(page, number);
  await page.getByRole('button', { name: 'M’envoyer un exemplaire…' }).click();
  const copy = page.getByRole('dialog', { name: 'M’envoyer un exemplaire' });
  await copy
    .getByRole('textbox', { name: 'Envoyer l’exemplaire à' })
    .fill('moi@erables.example.com');
  const problems = await checkLayout(page, {
    folder: FOLDER,
    name: 'single-test-copy',
    language: 'fr',
    scope: '[role="dialog"]',
    restore: RESTORE,
  });
  await copy.getByRole('button', { name: 'Envoyer l’exemplaire' }).click();
  await expect(copy).toBeHidden({ timeout: 30_000 });
  await expect.poll(() => smtp.messages.length).toBe(1);
  expect(smtp.messages[0]!.envelope.to).toEqual(['moi@erables.example.com']);
  expect(parseReceivedMessage(smtp.messages[0]!.raw).decodedHeader('subject')).toMatch(
    new RegExp(`^\\[TEST\\] .*${number}`),
  );
  // The send dialog is still open, its document not sent.
  await expect(page.getByTestId('send-preview')).toBeVisible();
  expect(problems).toEqual([]);
});

test('Paramètres: the missed-schedule limit and the account’s sending window are saved, in French and English', async ({
  office,
}) => {
  const { page } = office;
  const problems: string[] = [];
  await page.keyboard.press('Control+4');
  for (const language of ['fr', 'en'] as const) {
    const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
      translate(language, key, params);
    if (language === 'en') {
      await page.getByRole('menuitem', { name: 'Affichage' }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
    }
    const region = page.getByRole('region', { name: t('ui.screen.settings') });
    await page.getByRole('tab', { name: t('ui.settings.sending') }).click();
    const limit = region.getByTestId('schedule-limit');
    await expect(limit).toHaveValue(language === 'fr' ? '24' : '12');
    if (language === 'fr') {
      await limit.fill('12');
      await limit.press('Enter');
      await expect(page.getByText(t('ui.settings.saved')).first()).toBeVisible();
    }
    problems.push(
      ...(await checkLayout(page, {
        folder: FOLDER,
        name: 'settings-schedule-limit',
        language,
        restore: RESTORE,
      })),
    );
    await page.getByRole('tab', { name: t('ui.settings.account') }).click();
    const window = region.getByTestId('sending-window');
    if (language === 'fr') {
      await window.fill('lun-ven 08:00-18:00');
      await window.press('Enter');
      await expect(page.getByText(t('ui.settings.saved')).first()).toBeVisible();
    } else await expect(window).toHaveValue('mon-fri 08:00-18:00');
    await window.scrollIntoViewIfNeeded();
    problems.push(
      ...(await checkLayout(page, {
        folder: FOLDER,
        name: 'settings-window',
        language,
        restore: RESTORE,
      })),
    );
  }
  expect(problems).toEqual([]);
});
