// Paramètres > Notifications: staff added with their language, the manager heading the
// cascade, "Messages en échec" given to a chosen staff member — saved where the engine reads
// it — and the page in French and English at 1366×768 and 1024×768 with nothing cut.
import path from 'node:path';
import { checkLayout } from './support/layout.js';
import { expect, test } from './support/office.js';

const FOLDER = path.resolve('test-results', 'notifications');

test('who receives each notification is chosen per event, the cascade shown when nothing is', async ({
  office,
}) => {
  const { page } = office;
  const structureId = office.demo.structure.id;
  await page.keyboard.press('Control+4');
  await page.getByRole('tab', { name: 'Notifications' }).click();
  const settings = page.getByRole('region', { name: 'Paramètres' });
  await expect(settings.getByRole('heading', { name: 'Notifications' })).toBeVisible();

  // Two staff members, each with their language.
  for (const [name, email, language] of [
    ['Marie Tremblay', 'marie@erables.example.com', 'Français'],
    ['John Smith', 'john@erables.example.com', 'English'],
  ] as const) {
    await settings.getByRole('textbox', { name: 'Nom', exact: true }).fill(name);
    await settings.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
    await settings.getByRole('combobox', { name: 'Langue', exact: true }).selectOption(language);
    await settings.getByRole('button', { name: 'Ajouter le collaborateur' }).click();
    await expect(settings.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  // Marie heads the cascade: every event left to it now goes to her.
  await settings
    .getByRole('combobox', { name: 'Responsable (début de la cascade)' })
    .selectOption({ label: 'Marie Tremblay <marie@erables.example.com>' });
  const row = (event: string) => settings.getByRole('row', { name: new RegExp(`^${event}`) });
  await expect(row('Retours en erreur reçus')).toContainText(
    'Marie Tremblay <marie@erables.example.com> (responsable)',
  );
  await expect(row('Fin d’un envoi')).toContainText('(personne)');

  // "Messages en échec": custom, to John only.
  await settings
    .getByRole('combobox', { name: 'Configuration — Messages en échec' })
    .selectOption('Personnalisé');
  await row('Messages en échec').getByRole('checkbox', { name: 'John Smith' }).check();
  await expect(
    row('Messages en échec').getByRole('checkbox', { name: 'John Smith' }),
  ).toBeChecked();
  const store = office.host.postier.notifications;
  await expect
    .poll(async () => store.recipients(structureId, 'failures'))
    .toEqual([
      { address: 'john@erables.example.com', name: 'John Smith', language: 'en', source: 'staff' },
    ]);

  // The confirmations go away before the page is looked at.
  await expect(page.locator('.fui-Toast')).toHaveCount(0, { timeout: 20_000 });
  const problems = await checkLayout(page, {
    folder: FOLDER,
    name: 'notifications',
    language: 'fr',
    scope: 'section[aria-label="Paramètres"]',
    restore: { width: 1440, height: 900 },
  });

  await page.getByRole('menuitem', { name: 'Affichage' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  const english = page.getByRole('region', { name: 'Settings' });
  await expect(english.getByRole('row', { name: /^Bounces received/ })).toContainText(
    'Marie Tremblay <marie@erables.example.com> (manager)',
  );
  await expect(
    english.getByRole('combobox', { name: 'Configuration — Failed messages' }),
  ).toHaveValue('chosen');
  problems.push(
    ...(await checkLayout(page, {
      folder: FOLDER,
      name: 'notifications',
      language: 'en',
      scope: 'section[aria-label="Settings"]',
    })),
  );
  expect(problems).toEqual([]);
});
