// A sending robot (`postier service run`, a real child process) on the office's data folder:
// the window's status bar says "Envoi automatique : actif sur SERVEUR-01" with its last
// heartbeat, and a bulk send from the window is handed to it (the window starts no run of
// its own; the robot sends every message). French and English, 1366×768 and 1024×768.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { POSTIER_BIN, REPO_ROOT } from '../support/cli.js';
import { checkLayout } from './support/layout.js';
import { expect, test } from './support/office.js';

test.use({ validationMode: 'automatic' });

const FOLDER = path.resolve('test-results', 'robot');
const RESTORE = { width: 1440, height: 900 };

for (const language of ['fr', 'en'] as const) {
  test(`the status bar shows the robot, and a bulk send is handed to it (${language})`, async ({
    office,
  }) => {
    const { page, smtp } = office;
    const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
      translate(language, key, params);
    const robot = spawn(
      process.execPath,
      [POSTIER_BIN, 'service', 'run', '--data', office.dataPath],
      {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          POSTIER_LANG: language,
          POSTIER_ROBOT_BEAT_MS: '200',
          POSTIER_ROBOT_POLL_MS: '200',
          POSTIER_WORKSTATION: 'SERVEUR-01',
          POSTIER_USER: 'robot',
        },
      },
    );
    let output = '';
    robot.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    robot.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => robot.on('close', resolve));
    try {
      if (language === 'en') {
        await page.getByRole('menuitem').filter({ hasText: 'Affichage' }).click();
        await page.getByRole('menuitem').filter({ hasText: 'English' }).click();
        await expect(page.getByRole('tab', { name: 'Document journal' })).toBeVisible();
      }
      const notice = page.getByTestId('robot-status');
      await expect(notice).toContainText(t('robot.window.active', { workstation: 'SERVEUR-01' }), {
        timeout: 30_000,
      });
      await expect(notice).toContainText(t('robot.window.lastBeat', { time: '' }).trim());
      const problems = await checkLayout(page, {
        folder: FOLDER,
        name: 'status-bar',
        language,
        scope: 'footer',
        restore: RESTORE,
      });

      await page.getByRole('button', { name: t('ui.menu.send.bulk') }).click();
      const dialog = page.getByRole('dialog');
      const send = dialog.getByRole('button', {
        name: new RegExp(t('ui.sendingModel.sendNow', { count: 999 }).replace(/\W*999\W*/, '.*')),
      });
      await expect(send).toBeEnabled({ timeout: 30_000 });
      const count = Number(/\((\d+)\)/.exec((await send.textContent()) ?? '')![1]);
      await send.click();
      const summary = dialog.getByTestId('bulk-summary');
      await expect(summary).toContainText(t('robot.window.handedOverTitle'), { timeout: 60_000 });
      await expect(summary).toContainText(
        t('robot.window.handedOver', { workstation: 'SERVEUR-01' }),
      );
      problems.push(
        ...(await checkLayout(page, {
          folder: FOLDER,
          name: 'bulk-handed-over',
          language,
          scope: '[role="dialog"]',
          restore: RESTORE,
        })),
      );

      // The robot sends every message (a dossier may have several): nothing left to send.
      const counts = async () => (await office.host.postier.sendEngine.status({ limit: 1 })).counts;
      await expect
        .poll(
          async () => {
            const c = await counts();
            return c.validated + c.sending === 0 && c.sent > 0;
          },
          { timeout: 60_000 },
        )
        .toBe(true);
      const { sent, failed } = await counts();
      expect(failed).toBe(0);
      expect(smtp.messages).toHaveLength(sent);
      expect(sent).toBeGreaterThanOrEqual(count);
      // ...all of them by the robot: the window sent none (its run never started).
      await expect
        .poll(() => output, { timeout: 10_000 })
        .toContain(
          t('robot.log.progress', { sent, failed: 0, retrying: 0, uncertain: 0, remaining: 0 }),
        );
      expect(problems).toEqual([]);
    } finally {
      robot.kill('SIGTERM');
      await exited;
    }
  });
}
