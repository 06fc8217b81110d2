// Envoi en masse of the demo month: one dossier unchecked with a double-click, one general
// attachment for everyone, the progress bar, the summary, and every message on the SMTP
// server with its own invoice and the general file.
import type { Page } from '@playwright/test';
import { expect, letterPdf, test } from './support/office.js';
import { parseReceivedMessage } from '../support/smtp-test-server.js';

test.use({ validationMode: 'automatic' });

/** Counts the dialog's calls to the planner (each one reads every document of the period). */
function countBulkListCalls(page: Page): { count: number } {
  const calls = { count: 0 };
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/sending.bulkList') calls.count += 1;
  });
  return calls;
}

test('sends the month’s invoices with one general attachment', async ({ office }) => {
  const { page, smtp } = office;
  const bulkLists = countBulkListCalls(page);
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByTestId('bulk-grid');
  await expect(grid.getByRole('row', { name: /Mme Bérénice Lefèvre-Côté/ })).toBeVisible();
  await expect(dialog.getByText(/25 documents cochés sur 25 ; 5 exclus/)).toBeVisible();

  // The excluded dossiers, each with its reason.
  await dialog.getByRole('tab', { name: /Dossiers exclus/ }).click();
  const excluded = dialog.getByTestId('bulk-excluded');
  await expect(excluded).toContainText('M. Gérard Tremblay');
  await expect(excluded).toContainText('Aucune adresse e-mail');
  await expect(excluded).toContainText('etienne.pelletier@example');
  await office.screenshot('bulk-send-excluded');
  await dialog.getByRole('tab', { name: /Documents à envoyer/ }).click();

  // Double-click unchecks a row, as in the Elite seed.
  const gauthier = grid.getByRole('row', { name: /M\. Marcel Gauthier/ });
  await gauthier.dblclick();
  await expect(gauthier.getByRole('checkbox')).not.toBeChecked();
  await expect(dialog.getByText(/24 documents cochés sur 25/)).toBeVisible();

  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Ajouter…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'Lettre aux familles.pdf', mimeType: 'application/pdf', buffer: letterPdf() });
  await expect(dialog.getByTestId('general-attachment')).toContainText('Lettre aux familles.pdf');

  // The live preview follows the selected row and the subject as typed.
  await grid.getByRole('row', { name: /Mme Josiane Mailly/ }).click();
  const subject = dialog.getByRole('textbox', { name: 'Objet' });
  await subject.fill('Votre facture {{numero}} — {{periode}}');
  await expect(dialog.getByTestId('bulk-preview')).toContainText('anais.mailly@example.org');
  await expect(dialog.getByTestId('bulk-preview')).toContainText(
    /Votre facture F\d{6}-1003 — \S+ \d{4}/,
  );
  await office.screenshot('bulk-send-dialog');

  // Checking, attaching, selecting and typing never list the documents again.
  expect(bulkLists.count).toBe(1);
  await dialog.getByRole('button', { name: 'Envoyer maintenant (24)' }).click();
  await expect(dialog.getByTestId('bulk-summary')).toContainText('Envoi terminé', {
    timeout: 60_000,
  });
  await office.screenshot('bulk-send-summary');

  const received = smtp.messages.map((m) => ({
    to: m.envelope.to,
    message: parseReceivedMessage(m.raw),
  }));
  const invoices = new Set<string>();
  for (const { message } of received) {
    const names = message.attachments.map((a) => a.filename ?? '');
    expect(names).toHaveLength(2);
    expect(names[1]).toBe('Lettre aux familles.pdf');
    expect(message.attachments[1]!.content.equals(letterPdf())).toBe(true);
    const invoice = /^Facture (F\d{6}-\d{4})\.pdf$/.exec(names[0]!);
    expect(invoice, names[0]).not.toBeNull();
    invoices.add(invoice![1]!);
    expect(message.decodedHeader('subject')).toMatch(/^Votre facture F\d{6}-\d{4} — /);
  }
  expect(invoices.size).toBe(24);
  expect([...invoices].some((n) => n.endsWith('-1012'))).toBe(false);
  expect(received.flatMap((r) => r.to)).not.toContain('martine.gauthier@example.com');
  await expect(dialog.getByTestId('bulk-summary')).toContainText(
    new RegExp(`${received.length} envoyés?, 0 en échec`),
  );

  expect(bulkLists.count).toBe(1);
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(
    page.getByTestId('journal-grid').locator('[data-state="sent"]').first(),
  ).toBeVisible();
  await office.screenshot('journal-after-bulk-send');
});

test('lists the documents once per opening and once per “Afficher”', async ({ office }) => {
  const { page } = office;
  const bulkLists = countBulkListCalls(page);
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(/25 documents cochés sur 25 ; 5 exclus/)).toBeVisible();
  expect(bulkLists.count).toBe(1);

  // Another period: nothing is listed until "Afficher", then the list is read once.
  await dialog.getByRole('textbox', { name: 'Période' }).fill('1999-01');
  expect(bulkLists.count).toBe(1);
  await dialog.getByRole('button', { name: 'Afficher', exact: true }).click();
  await expect(dialog.getByText(/0 document coché sur 0/)).toBeVisible();
  expect(bulkLists.count).toBe(2);
  await dialog.getByRole('button', { name: 'Fermer' }).click();

  // Opening the dialog again lists once more.
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  await expect(dialog.getByText(/25 documents cochés sur 25/)).toBeVisible();
  expect(bulkLists.count).toBe(3);
});
