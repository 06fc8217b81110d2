// Paramètres > Ce poste (issue 16, point 1): the office's data on a PostgreSQL server. A real
// throw-away server: "Tester la connexion" says in plain words that the server does not
// answer, wants a password this workstation lacks (typed once: kept in the credential store,
// never in the preferences), refuses a wrong one, or that the database is empty or somebody
// else's; a bad address is refused under the field; the place saved is what the next start
// opens. In French and English, looked at (and checked for cut texts) at 1366×768 and 1024×768.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Page } from '@playwright/test';
import { runHost } from '../../src-main/host/run-host.js';
import { hasPostgres, startPostgres, type PostgresServer } from '../support/postgres-server.js';
import { expect, test } from './support/office.js';
import { clippedTexts, describeClipped, LAYOUT_SIZES } from './support/layout.js';

const SHOTS = path.resolve('test-results', 'data-place');

test.skip(!hasPostgres(), 'needs PostgreSQL (Debian package postgresql)');

let server: PostgresServer;
test.beforeAll(async () => {
  server = await startPostgres();
});
test.afterAll(async () => server?.stop());

/** Screenshots at both sizes; no text cut on the page at either. */
async function looked(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const { width, height } of LAYOUT_SIZES) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${width}x${height}.png`) });
    const cut = await clippedTexts(page);
    expect(cut.map((c) => describeClipped(name, width, height, c))).toEqual([]);
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('a server tried in plain words, its password typed once, saved for the next start', async ({
  office,
}) => {
  const { page } = office;
  const password = 'Mot-de-passe 2026';
  const url = await server.createPasswordDatabase('bureau', password);
  const login = url.replace(/^postgres:\/\/bureau@(.*)$/, 'postgres:bureau@$1');
  await page.keyboard.press('Control+4');
  await page.getByRole('tab', { name: 'Ce poste' }).click();
  const place = page.getByTestId('data-place');
  await expect(place).toHaveValue(office.dataPath);
  await expect(page.getByText(`Ouvert en ce moment : ${office.dataPath}`)).toBeVisible();
  const check = page.getByTestId('data-place-check');
  const test = page.getByRole('button', { name: 'Tester la connexion' });

  // An address Postier could not use is refused under the field, nothing tried.
  await place.fill('postgres://bureau@serveur/base?sslmode=peut-etre');
  await test.click();
  await expect(page.getByText('sslmode « peut-etre » inconnu')).toBeVisible();
  await place.fill('Postier/donnees');
  await test.click();
  await expect(page.getByText('Indiquez le chemin complet du dossier')).toBeVisible();

  // No server there.
  await place.fill('postgres://bureau@127.0.0.1:1/postier');
  await test.click();
  await expect(check).toContainText('Le serveur ne répond pas (ECONNREFUSED)');

  // The server wants a password this workstation does not have: typed once.
  await place.fill(url);
  await test.click();
  await expect(check).toContainText(
    `Le serveur répond et demande un mot de passe pour « ${login} », que ce poste n’a pas.`,
  );
  const typed = page.getByTestId('data-place-password');
  await typed.fill('mauvais');
  await looked(page, 'password-asked-fr');
  await page.getByRole('button', { name: 'Essayer et garder' }).click();
  await expect(check).toContainText(`refuse ce mot de passe pour « ${login} »`);
  await typed.fill(password);
  await page.getByRole('button', { name: 'Essayer et garder' }).click();
  await expect(check).toContainText(
    'Mot de passe accepté et gardé dans le coffre de ce poste. Le serveur répond et la base est vide : Postier la préparera au prochain démarrage.',
  );
  await expect(typed).toHaveCount(0);

  // Saved for the next start; the window still works on the folder meanwhile.
  await page.getByRole('button', { name: 'Enregistrer pour le prochain démarrage' }).click();
  await expect(page.getByTestId('data-place-saved')).toContainText(
    `Enregistré. Postier ouvrira « ${url} » au prochain démarrage de ce poste`,
  );
  await looked(page, 'saved-fr');
  expect(office.host.postier.location.kind).toBe('folder');

  // The preferences hold the URL, no file of this workstation holds the password in clear.
  const root = path.dirname(office.dataPath);
  const preferencesFolder = path.join(root, 'preferences');
  const preferences = JSON.parse(
    fs.readFileSync(path.join(preferencesFolder, 'workstation.json'), 'utf8'),
  ) as Record<string, unknown>;
  expect(preferences.dataFolder).toBe(url);
  for (const file of filesUnder(root)) {
    expect(fs.readFileSync(file).includes(password), file).toBe(false);
  }

  // The next start (no --data) opens the server, with the kept password.
  const next = await runHost({ preferencesFolder, openUrl: async () => undefined });
  try {
    expect(next.postier.location).toMatchObject({ kind: 'postgres', url });
    expect(await next.postier.records.listStructures()).toEqual([]);
  } finally {
    await next.stop();
  }
});

test('in English: another application’s database, an empty one, a folder', async ({ office }) => {
  const { page } = office;
  const foreign = await server.createDatabase();
  const client = new pg.Client({ connectionString: foreign });
  await client.connect();
  await client.query('create table invoices (id int); create table clients (id int)');
  await client.end();
  await page.getByRole('menuitem', { name: 'Affichage' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await page.keyboard.press('Control+4');
  await page.getByRole('tab', { name: 'This workstation' }).click();
  const place = page.getByTestId('data-place');
  const check = page.getByTestId('data-place-check');
  const test = page.getByRole('button', { name: 'Test the connection' });

  await place.fill(`${foreign}?sslmode=disable`);
  await test.click();
  await expect(check).toContainText(
    'The server answers, but this database already holds other tables (2): it is not a Postier database.',
  );
  await looked(page, 'foreign-en');

  await place.fill(`postgres://postier@127.0.0.1:${server.port}/nowhere`);
  await test.click();
  await expect(check).toContainText('the database “nowhere” does not exist');

  await place.fill(await server.createDatabase());
  await test.click();
  await expect(check).toContainText(
    'The server answers and the database is empty: Postier will set it up at the next start.',
  );

  await place.fill(office.dataPath);
  await test.click();
  await expect(check).toContainText('This folder already holds a Postier office’s data.');
  await page.getByRole('button', { name: 'Save for the next start' }).click();
  await expect(page.getByTestId('data-place-saved')).toContainText(
    'Saved: this is already the open location.',
  );
  await looked(page, 'folder-en');
});
