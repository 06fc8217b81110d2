// Each end-to-end test gets its own office: a temporary data folder with the demo nursing
// home, its mail account pointed at a real SMTP server on 127.0.0.1 (pacing off), and the
// headless host serving the built renderer to a fresh Chromium page.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openPostier } from '../../../src-main/app/postier.js';
import { createDemoOffice, type DemoSummary } from '../../../src-main/demo/demo-office.js';
import { writeSetting } from '../../../src-main/db/settings-queries.js';
import { runHost, type HostRun } from '../../../src-main/host/run-host.js';
import { startSmtpTestServer, type SmtpTestServer } from '../../support/smtp-test-server.js';

export const SCREENSHOTS = path.resolve('test-results', 'screenshots');

export interface Office {
  page: Page;
  smtp: SmtpTestServer;
  host: HostRun;
  demo: DemoSummary;
  /** The office's data folder (another process, a sending robot, may open it too). */
  dataPath: string;
  /** Saves test-results/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
}

export const test = base.extend<{ validationMode: 'manual' | 'automatic'; office: Office }>({
  validationMode: ['manual', { option: true }],
  office: async ({ page, validationMode }, use) => {
    process.env.POSTIER_USER = 'sophie.gagne';
    process.env.POSTIER_WORKSTATION = 'ACCUEIL-01';
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-e2e-'));
    const dataPath = path.join(root, 'data');
    // Where tokens and passwords go when this machine has no OS vault: the test's own folder.
    process.env.POSTIER_CREDENTIALS_DIR = path.join(root, 'credentials');
    const smtp = await startSmtpTestServer({ security: 'plain' });
    const postier = await openPostier({ dataPath });
    const demo = await createDemoOffice(postier);
    await postier.accounts.setAccount(demo.structure.id, {
      kind: 'smtp',
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      fromName: 'Comptabilité — Résidence Les Érables',
      fromAddress: 'comptabilite@erables.example.com',
      pacing: { delayMs: 0, pauseEvery: 0, pauseMs: 0, retryBaseMs: 1000 },
    });
    await writeSetting(postier.db, 'outbox.validationMode', validationMode);
    await postier.close();

    const host = await runHost({
      dataPath,
      preferencesFolder: path.join(root, 'preferences'),
      // No browser is opened for an account's consent page: the page shows its link.
      openUrl: async () => undefined,
    });
    await page.goto(host.host.url);
    await expect(page.getByRole('tab', { name: 'Journal des documents' })).toBeVisible();
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await use({
      page,
      smtp,
      host,
      demo,
      dataPath,
      screenshot: async (name) => {
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
      },
    });
    await host.stop();
    await smtp.close();
    fs.rmSync(root, { recursive: true, force: true });
  },
});

export { expect };
export { letterPdf } from './minimal-pdf.js';

/** Opens the journal's single-send dialog for one document number. */
export async function openSendDialog(page: Page, documentNumber: string): Promise<void> {
  await page.getByRole('tab', { name: 'Journal des documents' }).click();
  await page.getByRole('searchbox').fill(documentNumber);
  // The search applies after a short pause: wait for the list to hold that document alone.
  const grid = page.getByTestId('journal-grid');
  await expect(grid.getByRole('row')).toHaveCount(2);
  await grid.getByRole('gridcell', { name: documentNumber, exact: true }).click();
  await page.keyboard.press('Control+E');
  await expect(page.getByRole('dialog')).toBeVisible();
  await expect(page.getByTestId('send-preview')).toContainText('Objet :');
}
