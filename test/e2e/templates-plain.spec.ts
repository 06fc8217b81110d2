// Paramètres > Modèles for a clerk who does not read Handlebars: a field inserted from the
// list of labels ("Nom de la personne — Mme Germaine Allard"), a condition in plain words, a
// text pasted from Gestion des ressources converted with a notice, {{montnat}} refused naming
// the field meant, the structure's logo shown in the preview. Screenshots at 1366×768 and
// 1024×768, in French and in English, under test-results/screens-13/.
import zlib from 'node:zlib';
import { expect, test } from './support/office.js';
import { paste, screens } from './support/screens-13.js';

/** A real PNG logo, 180×48: a blue band and a green square, as an office's logo might be. */
function logoPng(): Buffer {
  const [width, height] = [180, 48];
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const square = x < 48;
      const band = !square && y > 14 && y < 34;
      const [r, g, b] = square ? [46, 139, 87] : band ? [15, 108, 189] : [255, 255, 255];
      row.set([r, g, b], 1 + x * 3);
    }
    rows.push(row);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const PNG = logoPng();

test('templates in plain words: insert a field, paste &personne, {{montnat}} refused, logo in the preview', async ({
  office,
}) => {
  const { page } = office;
  const structureId = office.demo.structure.id;
  const templates = office.host.postier.templates;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.keyboard.press('Control+4');
  await page.getByRole('tab', { name: 'Modèles de message' }).click();
  const body = page.getByRole('textbox', { name: 'Message' });
  // Postier's own invoice text, in plain words.
  await expect(body).toHaveValue(/\[Nom de la personne\]/);
  await expect(body).not.toHaveValue(/\{\{/);

  // A field from the labelled list.
  await body.fill('Bonjour ');
  await page.getByRole('button', { name: 'Insérer un champ' }).click();
  await page.getByRole('menuitem', { name: 'Nom du destinataire — Jean Allard' }).click();
  await expect(body).toHaveValue('Bonjour [Nom du destinataire]');

  // A text pasted from Gestion des ressources.
  await body.press('End');
  await body.pressSequentially(',\n\n');
  await paste(body, 'Vous trouverez ci-joint la facture de &personne pour la période de &periode.');
  await expect(body).toHaveValue(
    'Bonjour [Nom du destinataire],\n\nVous trouverez ci-joint la facture de [Nom de la personne] pour la période de [Période].',
  );
  await expect(page.getByTestId('template-notice')).toHaveText(
    '2 mots-clés de votre ancien logiciel ont été convertis : &personne → [Nom de la personne], &periode → [Période].',
  );

  // A condition in plain words.
  await body.press('End');
  await body.pressSequentially('\n');
  await page.getByRole('button', { name: 'Insérer une condition' }).click();
  await page
    .getByRole('menuitem', { name: 'Seulement si « Date d’échéance » est renseigné' })
    .click();
  await expect(body).toHaveValue(/\n\[Si : Date d’échéance\]texte à afficher\[Fin si\]$/);
  await expect(page.getByTestId('template-preview')).toContainText(
    'Vous trouverez ci-joint la facture de Mme Germaine Allard pour la période de septembre 2026.',
  );
  await screens(page, 'templates-fr');

  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.fui-ToastTitle').last()).toContainText('Paramètres enregistrés.');
  const saved = await templates.read(structureId, 'invoice', 'fr');
  expect(saved.text).toBe(
    'Bonjour {{destinataire}},\n\nVous trouverez ci-joint la facture de {{personne}} pour la période de {{periode}}.\n{{#if echeance}}texte à afficher{{/if}}',
  );

  // A mistyped field: refused, naming it and the field meant; nothing saved.
  await expect(page.locator('.fui-ToastTitle')).toHaveCount(0, { timeout: 20_000 });
  await body.fill('Montant : {{montnat}}');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.getByTestId('template-notice')).toHaveText(
    'Le texte du message utilise le champ « montnat », qui n’existe pas : vouliez-vous dire « montant » ([Montant]) ? Corrigez-le.',
  );
  expect((await templates.read(structureId, 'invoice', 'fr')).text).toBe(saved.text);
  await screens(page, 'templates-refused-fr');

  // The signature and its logo, shown in the preview; the refusal goes with the edit.
  await body.fill('Montant : [Montant]');
  await expect(page.getByTestId('template-notice')).toHaveCount(0);
  await page
    .getByRole('textbox', { name: 'Texte de la signature' })
    .fill('Julie Tremblay\nFacturation');
  await page.getByRole('button', { name: 'Enregistrer la signature' }).click();
  await expect(page.locator('.fui-ToastTitle').last()).toContainText('Signature enregistrée.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choisir un logo…' }).click();
  await (await chooser).setFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  const preview = page.getByTestId('template-preview');
  await expect(preview.getByRole('img')).toBeVisible();
  await expect(preview).toContainText('Montant : 1 234,50 $');
  await expect(preview).toContainText('Julie Tremblay');
  const logo = await office.host.postier.signatures.get(structureId);
  expect(logo.logo).toMatchObject({ contentType: 'image/png', size: PNG.length });
  await page.getByTestId('template-preview').scrollIntoViewIfNeeded();
  await screens(page, 'templates-signature-fr');

  // The same page in English: labels and words follow the screen's language.
  await page.getByRole('menuitem', { name: 'Affichage' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Message templates' }).click();
  // The text being edited stays, its fields in English words.
  await expect(body).toHaveValue('Montant : [Amount]');
  await body.fill('Dear [Recipient’s name],\n[If: Due date]Please pay by [Due date].[End if]');
  await page.getByRole('button', { name: 'Insert a field' }).click();
  await expect(
    page.getByRole('menuitem', { name: 'Person’s name — Mrs Germaine Allard' }),
  ).toBeVisible();
  await screens(page, 'templates-menu-en');
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { name: 'Message templates' }).scrollIntoViewIfNeeded();
  await screens(page, 'templates-en');
  await page.getByTestId('template-preview').scrollIntoViewIfNeeded();
  await screens(page, 'templates-signature-en');
});

test('the English template: chosen under "Langue des familles", saved, found again after a reload; the French one untouched', async ({
  office,
}) => {
  const { page } = office;
  const structureId = office.demo.structure.id;
  const templates = office.host.postier.templates;
  const french = await templates.read(structureId, 'invoice', 'fr');
  await page.setViewportSize({ width: 1366, height: 768 });
  const tab = page.getByRole('tab', { name: 'Modèles de message' });
  // Ctrl+4 once the window answers (after a reload, it loads first).
  const open = async () => {
    await expect(async () => {
      await page.keyboard.press('Control+4');
      await expect(tab).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await tab.click();
  };
  await open();
  const language = page.getByRole('combobox', { name: 'Langue des familles' });
  const subject = page.getByRole('textbox', { name: 'Objet' });
  const body = page.getByRole('textbox', { name: 'Message' });
  // The office's own language first: French, Postier's French text.
  await expect(language).toHaveValue('fr');
  await expect(body).toHaveValue(/Vous trouverez ci-joint la facture/);

  // English: Postier's English text, its fields in the screen's (French) words.
  await language.selectOption({ label: 'Anglais' });
  await expect(body).toHaveValue(/Please find attached invoice \[Numéro du document\]/);
  await expect(page.getByText('Modèle fourni avec Postier.')).toBeVisible();
  await subject.fill('Our invoice [Numéro du document]');
  await body.fill('Dear family of [Nom de la personne],\nHere is your invoice for [Période].');
  // The preview as an English-speaking family reads it.
  await expect(page.getByTestId('template-preview')).toContainText(
    'Dear family of Mrs Germaine Allard,\nHere is your invoice for September 2026.',
  );
  await screens(page, 'templates-family-en-fr');
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(page.locator('.fui-ToastTitle').last()).toContainText('Paramètres enregistrés.');
  const english = await templates.read(structureId, 'invoice', 'en');
  expect(english).toMatchObject({
    subject: 'Our invoice {{numero}}',
    text: 'Dear family of {{personne}},\nHere is your invoice for {{periode}}.',
    isDefault: false,
  });
  expect(await templates.read(structureId, 'invoice', 'fr')).toEqual(french);

  // After a reload: French first, unchanged; English again shows what was saved.
  await page.reload();
  await open();
  await expect(language).toHaveValue('fr');
  await expect(body).toHaveValue(/Vous trouverez ci-joint la facture/);
  await language.selectOption({ label: 'Anglais' });
  await expect(subject).toHaveValue('Our invoice [Numéro du document]');
  await expect(body).toHaveValue(
    'Dear family of [Nom de la personne],\nHere is your invoice for [Période].',
  );
  await expect(page.getByText('Modèle propre à l’établissement.')).toBeVisible();
});
