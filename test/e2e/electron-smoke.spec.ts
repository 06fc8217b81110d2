// The Electron shell itself: launched where the Electron runtime is installed, skipped with
// the reason where it is not (the build machines get Electron's types only, no binary).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import {
  ELECTRON_MAIN,
  electronBinary,
  ensureElectronBuilt,
  ensureRendererBuilt,
} from '../../src-main/host/launcher.js';
import type { PostierApi } from '../../src-shared/contract/index.js';

const binary = electronBinary();

type Bridge = { postier?: PostierApi };

test('the Electron window opens with French menus, an isolated page and the typed api', async () => {
  test.skip(
    binary === null,
    'Electron is not installed on this machine (node_modules/electron has no dist/ binary: it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1). Install Electron to run this test; the headless host tests cover the same renderer and contract.',
  );
  ensureRendererBuilt(() => undefined);
  ensureElectronBuilt(() => undefined);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-electron-'));
  const app = await electron.launch({
    executablePath: binary!,
    args: [
      ELECTRON_MAIN,
      '--data',
      path.join(root, 'data'),
      `--user-data-dir=${path.join(root, 'profile')}`,
    ],
    env: { ...process.env, POSTIER_USER: 'sophie.gagne', POSTIER_WORKSTATION: 'ACCUEIL-01' },
  });
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('tab', { name: 'Journal des documents' })).toBeVisible({
      timeout: 30_000,
    });
    const menus = await app.evaluate(({ Menu }) =>
      Menu.getApplicationMenu()?.items.map((item) => item.label),
    );
    expect(menus).toEqual(['Fichier', 'Édition', 'Affichage', 'Envoi', 'Aide']);
    // No Node in the page: only the contract's functions, through the preload.
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    // (Functions given to evaluate run in the page: they name the global themselves.)
    expect(
      await page.evaluate(() => typeof (globalThis as unknown as Bridge).postier?.dossiers.search),
    ).toBe('function');
    expect(
      await page.evaluate(
        async () => (await (globalThis as unknown as Bridge).postier!.structures.list({})).ok,
      ),
    ).toBe(true);
    fs.mkdirSync(path.resolve('test-results', 'screenshots'), { recursive: true });
    await page.screenshot({
      path: path.resolve('test-results', 'screenshots', 'electron-window.png'),
    });
  } finally {
    await app.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
