// Issue 13, points 6 and 10, as a French-speaking clerk sees them: a new dossier's form opens
// with its number focused and no red "Obligatoire."; a dossier set to English in the form gets
// its message in English (subject, text, file name) from the French screens, in the bulk
// dialog's preview and on the SMTP server, while the other families get French. Screenshots
// of the dossier form in French and English at 1366×768 and 1024×768 go to
// test-results/screens-13/.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parseReceivedMessage } from '../support/smtp-test-server.js';
import { expect, test } from './support/office.js';

test.use({ validationMode: 'automatic' });

const SCREENS = path.resolve('test-results', 'screens-13');
/** The laptop of the issue, and the smallest screen Postier must fit. */
const SIZES = [
  [1366, 768],
  [1024, 768],
] as const;

async function shoot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
}

async function openDossier(page: Page, search: string, name: string): Promise<void> {
  await page.getByRole('searchbox').fill(search);
  await page.getByTestId('dossiers-grid').getByRole('gridcell', { name }).click();
  await expect(page.getByTestId('sin-masked')).toBeVisible();
}

test('a new dossier opens with its number focused and nothing in red; the form in French and English', async ({
  office,
}) => {
  const { page } = office;
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.getByRole('tab', { name: 'Dossiers' }).click();
    await openDossier(page, 'Lefèvre', 'Mme Bérénice Lefèvre-Côté');
    await expect(page.getByRole('combobox', { name: 'Langue de correspondance' })).toHaveValue(
      'fr',
    );
    await shoot(page, `dossier-form-fr-${width}x${height}`);

    await page.getByRole('button', { name: 'Nouveau dossier' }).click();
    await expect(page.getByRole('textbox', { name: 'Numéro' })).toBeFocused();
    await expect(page.getByText('Obligatoire.')).toHaveCount(0);
    await expect(page.getByText('Corrigez les champs en rouge')).toHaveCount(0);
    await shoot(page, `dossier-new-fr-${width}x${height}`);

    // Typed in, then emptied: that field only says it is required.
    const name = page.getByRole('textbox', { name: 'Nom', exact: true });
    await name.fill('B');
    await name.fill('');
    await expect(page.getByText('Obligatoire.')).toHaveCount(1);
    // With the name typed again, "Enregistrer" says what is still missing (the number,
    // never typed in) and puts the cursor there.
    await name.fill('Beaudoin');
    await expect(page.getByText('Obligatoire.')).toHaveCount(0);
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(page.getByText('Obligatoire.')).toHaveCount(1);
    await expect(page.getByRole('textbox', { name: 'Numéro' })).toBeFocused();
    await page.getByRole('button', { name: 'Annuler', exact: true }).click();
  }

  // The screens in English: the form's words change, the family's language does not.
  // (Names read with or without the menus' underlined access letter.)
  await page.getByRole('menuitem', { name: /^A\s*ffichage$/ }).click();
  await page.getByRole('menuitem', { name: /^E\s*n\s*g\s*l\s*i\s*s\s*h$/ }).click();
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await page.getByRole('tab', { name: 'Records' }).click();
    await openDossier(page, 'Lefèvre', 'Mme Bérénice Lefèvre-Côté');
    const language = page.getByRole('combobox', { name: 'Correspondence language' });
    await expect(language).toHaveValue('fr');
    await expect(language.locator('option:checked')).toHaveText('French');
    await shoot(page, `dossier-form-en-${width}x${height}`);
    await page.getByRole('button', { name: 'New record' }).click();
    await expect(page.getByRole('textbox', { name: 'Number' })).toBeFocused();
    await expect(page.getByText('Required.')).toHaveCount(0);
    await shoot(page, `dossier-new-en-${width}x${height}`);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  }
});

test('from the French screens, an English-speaking family gets its invoice in English', async ({
  office,
}) => {
  const { page, smtp } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('tab', { name: 'Dossiers' }).click();
  await openDossier(page, 'Mailly', 'Mme Josiane Mailly');
  // A SIN whose check digit fails is warned about, not refused (issue 13, point 12).
  await page.getByRole('button', { name: 'Modifier le NAS' }).click();
  await page.getByRole('textbox', { name: 'NAS' }).fill('046 454 287');
  await expect(
    page.getByText('Le NAS saisi ne passe pas le contrôle du chiffre de contrôle'),
  ).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Langue de correspondance' })
    .selectOption({ label: 'Anglais' });
  await shoot(page, 'dossier-sin-warning-english-family-fr-1366x768');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.locator('.fui-ToastTitle').last()).toContainText('enregistré');
  await expect(page.getByTestId('sin-masked')).toHaveText('••• ••• 287');

  await page.getByRole('tab', { name: 'Journal des documents' }).click();
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByTestId('bulk-grid');
  const preview = dialog.getByTestId('bulk-preview');
  await grid.getByRole('row', { name: /Mme Josiane Mailly/ }).click();
  await expect(preview).toContainText(
    /Invoice F\d{6}-1003 — Mme Josiane Mailly — [A-Z][a-z]+ \d{4}/,
  );
  await expect(preview).toContainText('Hello Anaïs Mailly,');
  await expect(preview).toContainText(/Invoice F\d{6}-1003\.pdf/);
  await expect(preview).not.toContainText('Bonjour');
  await shoot(page, 'bulk-preview-english-family-1366x768');
  // Another family of the same batch reads French.
  await grid.getByRole('row', { name: /Mme Bérénice Lefèvre-Côté/ }).click();
  await expect(preview).toContainText(/Facture F\d{6}-\d{4} — Mme Bérénice Lefèvre-Côté/);
  await expect(preview).toContainText('Bonjour');

  await dialog.getByRole('button', { name: /Envoyer maintenant/ }).click();
  await expect(dialog.getByTestId('bulk-summary')).toContainText('Envoi terminé', {
    timeout: 60_000,
  });
  const byAddress = new Map(
    smtp.messages.map((m) => [m.envelope.to[0]!, parseReceivedMessage(m.raw)]),
  );
  const mailly = byAddress.get('anais.mailly@example.org')!;
  expect(mailly.decodedHeader('subject')).toMatch(
    /^Invoice F\d{6}-1003 — Mme Josiane Mailly — [A-Z][a-z]+ \d{4}$/,
  );
  expect(mailly.text).toContain('Hello Anaïs Mailly,');
  expect(mailly.text).toMatch(/for an amount of \$[\d,]+\.\d\d/);
  expect(mailly.attachments[0]!.filename).toMatch(/^Invoice F\d{6}-1003\.pdf$/);
  const cote = byAddress.get('helene.cote@example.com')!;
  expect(cote.decodedHeader('subject')).toMatch(
    /^Facture F\d{6}-\d{4} — Mme Bérénice Lefèvre-Côté — [a-zéû]+ \d{4}$/,
  );
  expect(cote.text).toMatch(/d’un montant de [\d\s\u00a0\u202f]+,\d\d\s?\$/);
  expect(cote.attachments[0]!.filename).toMatch(/^Facture F\d{6}-\d{4}\.pdf$/);
});
