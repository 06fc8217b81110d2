// Issue 13, point 5: the bulk send's list is always the one of the type and period shown in
// its fields, whatever order the planner's answers come back in and however fast the clerk
// changes them. Seen once in CI: "Relevé fiscal" chosen, the period still 2026-11 and the
// invoices listed — the pause on the typed period had asked for the type before it, and the
// period field, greyed while a list was read, had lost what was typed into it.
import type { Locator, Page, Request } from '@playwright/test';
import { expect, test } from './support/office.js';

const BULK_LIST = '**/api/sending.bulkList';
/** useBulkList's PERIOD_PAUSE_MS (not imported: that module needs the page's window). */
const PERIOD_PAUSE_MS = 600;

/** What each planner call asked for, in order ("taxslip 2025"). */
function recordAsked(page: Page): string[] {
  const asked: string[] = [];
  page.on('request', (request: Request) => {
    if (!request.url().endsWith('/api/sending.bulkList')) return;
    const input = request.postDataJSON() as { type: string; period: string };
    asked.push(`${input.type} ${input.period}`);
  });
  return asked;
}

/** The tax slips of 2025 listed, and not one invoice. */
async function expectTaxSlips(grid: Locator): Promise<void> {
  await expect(grid.getByRole('row', { name: /RL-2025-1002/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /F2026/ })).toHaveCount(0);
}

test('a type chosen during the pause on a typed period is the one listed, and stays', async ({
  office,
}) => {
  const { page } = office;
  const asked = recordAsked(page);
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByTestId('bulk-grid');
  await expect(grid.getByRole('row', { name: /Mme Josiane Mailly/ })).toBeVisible();

  // The period first, then the type before the pause is over: the clerk's usual order.
  await dialog.getByRole('textbox', { name: 'Période' }).fill('2025');
  await dialog.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Relevé fiscal' });
  await expectTaxSlips(grid);
  // Past the pause on the period: nothing asks for the invoices again.
  await page.waitForTimeout(PERIOD_PAUSE_MS + 600);
  await expectTaxSlips(grid);
  await expect(dialog.getByRole('combobox', { name: 'Type' })).toHaveValue('taxslip');
  expect(asked.at(-1)).toBe('taxslip 2025');
  expect(asked.filter((a) => a === 'invoice 2025')).toEqual([]);
});

test('a slow answer for the type before does not replace the list of the one chosen since', async ({
  office,
}) => {
  const { page } = office;
  const asked = recordAsked(page);
  // The planner's first answer (the month's invoices, as the dialog opens) held back until
  // the tax slips chosen meanwhile are listed.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route(BULK_LIST, async (route) => {
    if (!first) return route.fallback();
    first = false;
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });

  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByTestId('bulk-grid');
  await expect(dialog.getByText('Chargement…').first()).toBeVisible();
  // The fields answer while the first list is read (they were greyed, and ate the typing).
  await dialog
    .getByRole('combobox', { name: 'Type' })
    .selectOption({ label: 'Relevé fiscal' }, { timeout: 5_000 });
  await dialog.getByRole('textbox', { name: 'Période' }).fill('2025', { timeout: 5_000 });
  await expect(dialog.getByRole('textbox', { name: 'Période' })).toHaveValue('2025');
  await expectTaxSlips(grid);

  // The invoices' answer arrives last: dropped, the tax slips stay.
  const late = page.waitForResponse(
    (r) =>
      r.url().endsWith('/api/sending.bulkList') &&
      (r.request().postDataJSON() as { type: string }).type === 'invoice',
  );
  release();
  await late;
  // The page reads the answer (and the template's) and drops it: a moment, then look.
  await page.waitForTimeout(500);
  await expectTaxSlips(grid);
  // The counts are the tax slips' too (the month's invoices are 25).
  await expect(dialog.getByText(/coch\S* sur 25/)).toHaveCount(0);
  expect(asked[0]).toMatch(/^invoice /);
  expect(asked.at(-1)).toBe('taxslip 2025');
});
