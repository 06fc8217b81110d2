// Manual validation, as in Winpass: a queued message waits in E, is blocked (B) and nothing
// goes; unblocked, it is validated and reaches the server (OK).
import { expect, openSendDialog, test } from './support/office.js';

test('a blocked message does not go until it is unblocked', async ({ office }) => {
  const { page, smtp } = office;
  const number = `F${office.demo.period.replace('-', '')}-1002`;
  await openSendDialog(page, number);
  await page.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(page.locator('.fui-ToastTitle')).toContainText('en attente de validation');

  await page.getByRole('tab', { name: 'Suivi des envois' }).click();
  const grid = page.getByTestId('outbox-grid');
  const row = grid.getByRole('row', { name: /genevieve\.belanger@example\.com/ });
  await expect(row.locator('[data-status="pending"]')).toHaveText('E');
  await office.screenshot('outbox-pending');

  await row.click();
  await page.getByRole('button', { name: 'Bloquer', exact: true }).click();
  await expect(row.locator('[data-status="blocked"]')).toHaveText('B');
  await page.waitForTimeout(1500);
  expect(smtp.messages).toHaveLength(0);
  await office.screenshot('outbox-blocked');

  await row.click();
  await page.getByRole('button', { name: 'Débloquer', exact: true }).click();
  await smtp.waitForMessages(1, 20_000);
  expect(smtp.messages[0]!.envelope.to).toEqual(['genevieve.belanger@example.com']);
  await expect(row.locator('[data-status="sent"]')).toHaveText('OK', { timeout: 20_000 });
});
