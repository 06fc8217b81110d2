// The bulk send's subject and text in plain words, as in Paramètres > Modèles: the type's
// template shown without braces ([Nom de la personne], [Si : Nom du destinataire]…[Fin si]),
// a field inserted from the labelled list, a condition, &personne pasted and converted, a
// mistyped label refused naming the field meant (nothing can be queued), and what is queued
// the same text the Handlebars would give. In English too. Screenshots at 1366×768 and
// 1024×768 under test-results/screens-13/.
import { expect, test } from './support/office.js';
import { paste, screens } from './support/screens-13.js';

test('bulk send: the text in plain words, fields and conditions inserted, a wrong label refused, the same message queued', async ({
  office,
}) => {
  const { page } = office;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: 'Envoi en masse…' }).click();
  const dialog = page.getByRole('dialog');
  const grid = dialog.getByTestId('bulk-grid');
  await expect(dialog.getByText(/25 documents cochés sur 25/)).toBeVisible();
  const subject = dialog.getByRole('textbox', { name: 'Objet' });
  const body = dialog.getByRole('textbox', { name: 'Message' });
  const preview = dialog.getByTestId('bulk-preview');

  // The invoice template, in plain words: no braces anywhere.
  await expect(subject).toHaveValue(
    'Facture [Numéro du document] — [Nom de la personne] — [Période]',
  );
  await expect(body).toHaveValue(
    /^\[Si : Nom du destinataire\]Bonjour \[Nom du destinataire\],\[Sinon\]Bonjour,\[Fin si\]/,
  );
  await expect(body).not.toHaveValue(/[{}]/);
  await grid.getByRole('row', { name: /Mme Josiane Mailly/ }).click();
  await expect(preview).toContainText(/Facture F\d{6}-1003 — Mme Josiane Mailly — /);

  // A field from the labelled list goes where the caret was (the subject).
  await subject.fill('Votre facture, ');
  await dialog.getByRole('button', { name: 'Insérer un champ' }).click();
  await page.getByRole('menuitem', { name: 'Nom de la personne — Mme Germaine Allard' }).click();
  await expect(subject).toHaveValue('Votre facture, [Nom de la personne]');
  await expect(preview).toContainText('Votre facture, Mme Josiane Mailly');

  // A text pasted from Gestion des ressources: its keyword becomes the field.
  await body.fill('');
  await paste(body, 'Voici la facture de &personne.');
  await expect(body).toHaveValue('Voici la facture de [Nom de la personne].');
  await expect(page.locator('.fui-ToastTitle').last()).toContainText(
    '&personne → [Nom de la personne]',
  );
  // A condition in plain words, at the end of the text.
  await body.press('End');
  await body.pressSequentially(' ');
  await dialog.getByRole('button', { name: 'Insérer une condition' }).click();
  await page
    .getByRole('menuitem', { name: 'Seulement si « Date d’échéance » est renseigné' })
    .click();
  await expect(body).toHaveValue(
    'Voici la facture de [Nom de la personne]. [Si : Date d’échéance]texte à afficher[Fin si]',
  );
  await expect(preview).toContainText('Voici la facture de Mme Josiane Mailly.');
  await screens(page, 'bulk-plain-words-fr');
  await page.setViewportSize({ width: 1366, height: 768 });

  // A mistyped label: said naming the field meant; nothing can be queued.
  await body.fill('Voici la facture de [Nom de la persone].');
  await expect(preview).toContainText(
    '« [Nom de la persone] » n’est pas un champ : vouliez-vous dire [Nom de la personne] ?',
  );
  const queue = dialog.getByRole('button', { name: /Mettre en file pour validation/ });
  await expect(queue).toBeDisabled();
  await screens(page, 'bulk-plain-words-refused-fr');

  // Queued: the fields filled in for each family, no bracket nor brace left.
  await body.fill('Voici la facture de [Nom de la personne].');
  await expect(queue).toBeEnabled();
  await queue.click();
  await expect(dialog.getByRole('button', { name: /Valider et envoyer/ })).toBeVisible({
    timeout: 60_000,
  });
  const queued = await office.host.postier.db
    .selectFrom('messages')
    .select(['subject', 'text_body'])
    .execute();
  expect(queued.length).toBeGreaterThan(20);
  const mailly = queued.find((m) => m.subject === 'Votre facture, Mme Josiane Mailly');
  expect(mailly, queued.map((m) => m.subject).join('\n')).toBeDefined();
  expect(mailly!.text_body).toMatch(/^Voici la facture de Mme Josiane Mailly\./);
  for (const m of queued) expect(`${m.subject}\n${m.text_body}`).not.toMatch(/[[\]{}]/);

  // In English: the template in English words, the menus in English.
  await page.reload();
  await page.getByRole('menuitem', { name: 'Affichage' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Bulk send…' }).click();
  const english = page.getByRole('dialog');
  await expect(english.getByRole('textbox', { name: 'Subject' })).toHaveValue(
    'Facture [Document number] — [Person’s name] — [Period]',
  );
  await expect(english.getByRole('textbox', { name: 'Message' })).toHaveValue(
    /^\[If: Recipient’s name\]Bonjour \[Recipient’s name\],\[Otherwise\]Bonjour,\[End if\]/,
  );
  await english.getByRole('button', { name: 'Insert a field' }).click();
  await expect(page.getByRole('menuitem', { name: /^Due date — / })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menuitem', { name: /^Due date — / })).toBeHidden();
  await screens(page, 'bulk-plain-words-en');
});
