// The sending robot (`postier service run`), in child processes, against a real SMTP server
// on 127.0.0.1, on this pass's database (a data folder, or a PostgreSQL database: a
// server-room PC sending for a multi-site office): it sends what another process validates
// without any other command, stops cleanly on SIGTERM (nothing sent twice, nothing lost once
// another robot finishes), waits out a database out of reach, and says where it runs
// (`postier service status`).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { postier as cli } from '../support/cli.js';
import { freshDataPlace } from '../support/dialects.js';
import {
  journalCount,
  receivedMessageId,
  seedMessages,
  smtpAccount,
} from '../support/outbox-fixture.js';
import { lockAWhile, placeExists, takeAway } from '../support/place-outage.js';
import { FAST_ROBOT_ENV, startRobot, waitFor } from '../support/robot-process.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import type { SmtpTestServer } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

const SIN = '046 454 286';

async function officeWithAccount(delayMs: number) {
  const dataPath = await freshDataPlace();
  const server = await smtpServerForTest();
  const postier = await openPostier({ dataPath });
  const structureId = (await postier.records.createStructure({ name: 'Cabinet Dubé' })).id;
  const accountId = await smtpAccount(postier.db, {
    structureId,
    port: server.port,
    pacing: { delayMs },
  });
  // The data folder; with a URL, this workstation's folder for that server (the robot's log).
  const folder = postier.folder.root;
  await postier.close();
  return { dataPath, folder, server, structureId, accountId };
}

/** Another workstation validates `count` messages (this test process, not the robot). */
async function validateFromAnotherWorkstation(
  office: { dataPath: string; structureId: number; accountId: number },
  count: number,
) {
  const postier = await openPostier({ dataPath: office.dataPath });
  try {
    return await seedMessages(postier.db, {
      structureId: office.structureId,
      accountId: office.accountId,
      count,
      sin: SIN,
      textBody: () => 'Bonjour,\n\nTEXTE-CONFIDENTIEL de la facture.\n',
    });
  } finally {
    await postier.close();
  }
}

async function statuses(dataPath: string): Promise<Record<string, number>> {
  const postier = await openPostier({ dataPath });
  try {
    const rows = await postier.db.selectFrom('messages').select('status').execute();
    const counts: Record<string, number> = {};
    for (const { status } of rows) counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  } finally {
    await postier.close();
  }
}

/** Each seeded message reached the server exactly once. */
function expectEachOnce(server: SmtpTestServer, headers: string[]): void {
  const received = server.messages.map((m) => receivedMessageId(m.raw));
  expect([...received].sort()).toEqual([...headers].sort());
}

const status = (dataPath: string) =>
  cli(['service', 'status', '--data', dataPath], {
    POSTIER_ROBOT_BEAT_MS: FAST_ROBOT_ENV.POSTIER_ROBOT_BEAT_MS,
  });

describe('postier service run', () => {
  it('sends what another workstation validates, says it runs on SERVEUR-01, and stops on SIGTERM', async () => {
    const office = await officeWithAccount(0);
    const robot = startRobot(office.dataPath);
    await robot.shows('Robot d’envoi démarré sur SERVEUR-01');
    await waitFor(
      async () => (await status(office.dataPath)).stdout.includes('actif sur SERVEUR-01'),
      15_000,
    );

    // Validated after the robot started, by another process: nobody runs `send run`.
    const seeded = await validateFromAnotherWorkstation(office, 4);
    await waitFor(
      () => office.server.messages.length === 4,
      20_000,
      () => robot.output,
    );
    expectEachOnce(office.server, seeded.messageIdHeaders);
    await waitFor(async () => (await statuses(office.dataPath)).sent === 4, 5_000);

    const running = await status(office.dataPath);
    expect(running.code, running.stderr).toBe(0);
    expect(running.stdout).toMatch(
      /^Envoi automatique : actif sur SERVEUR-01 \(processus \d+\) depuis .+ ; dernier signe de vie à .+\.$/m,
    );
    expect(running.stdout).toContain(
      'File d’envoi : 0 à envoyer maintenant, 0 plus tard, 0 incertains.',
    );

    expect(await robot.stop('SIGTERM')).toBe(0);
    expect(robot.output).toContain('Robot d’envoi arrêté.');
    const stopped = await status(office.dataPath);
    expect(stopped.stdout).toContain('Envoi automatique : arrêté (aucun robot en marche).');
    expect(stopped.stdout).toContain('Dernier robot : SERVEUR-01');

    // Its log is in the data folder, with counts and never the SIN or the message's text.
    const log = fs.readFileSync(path.join(office.folder, 'logs', 'robot.log'), 'utf8');
    expect(log).toContain('4 envoyés, 0 en échec');
    expect(log).not.toContain(SIN);
    expect(log).not.toContain('TEXTE-CONFIDENTIEL');
  });

  it('a batch over (nothing due for a while) ends its run: journaled started and finished, and the next run takes what comes later', async () => {
    const office = await officeWithAccount(0);
    const robot = startRobot(office.dataPath, { POSTIER_ROBOT_BATCH_IDLE_MS: '500' });
    await robot.shows('Robot d’envoi démarré');
    await validateFromAnotherWorkstation(office, 2);
    const finished = async () => {
      const postier = await openPostier({ dataPath: office.dataPath });
      try {
        return await journalCount(postier.db, 'run_finished');
      } finally {
        await postier.close();
      }
    };
    await waitFor(
      async () => (await finished()) === 1,
      15_000,
      () => robot.output,
    );
    await validateFromAnotherWorkstation(office, 3);
    await waitFor(
      async () => (await finished()) === 2,
      15_000,
      () => robot.output,
    );
    expect(office.server.messages).toHaveLength(5);
    expect(await robot.stop('SIGTERM')).toBe(0);
  });

  it('a robot killed without a word is shown not running once its heartbeat is stale', async () => {
    const office = await officeWithAccount(0);
    const robot = startRobot(office.dataPath);
    await waitFor(
      async () => (await status(office.dataPath)).stdout.includes('actif sur SERVEUR-01'),
      15_000,
    );
    await robot.stop('SIGKILL');
    await waitFor(
      async () => (await status(office.dataPath)).stdout.includes('arrêté (aucun robot en marche)'),
      10_000,
    );
  });

  it('SIGTERM in the middle of a batch at a slow server: nothing sent twice, nothing lost once a second robot finishes', async () => {
    const office = await officeWithAccount(50);
    office.server.setBehavior({}, { at: 'data', stallMs: 120 });
    const seeded = await validateFromAnotherWorkstation(office, 30);
    const first = startRobot(office.dataPath);
    await waitFor(
      () => office.server.messages.length >= 5,
      20_000,
      () => first.output,
    );

    expect(await first.stop('SIGTERM')).toBe(0);
    const afterStop = await statuses(office.dataPath);
    // Nothing left in the middle: what went is sent, the rest is ready for the next robot.
    expect(afterStop.sending ?? 0).toBe(0);
    expect(afterStop.uncertain ?? 0).toBe(0);
    expect(afterStop.sent).toBe(office.server.messages.length);
    expect(afterStop.validated).toBe(30 - afterStop.sent!);

    const second = startRobot(office.dataPath);
    await waitFor(
      async () => (await statuses(office.dataPath)).sent === 30,
      30_000,
      () => second.output,
    );
    expect(await second.stop('SIGTERM')).toBe(0);
    expectEachOnce(office.server, seeded.messageIdHeaders);
  });

  it('the data folder (the database) moved away mid-batch and back: the robot waits, then sends the rest, each once', async () => {
    const office = await officeWithAccount(100);
    const seeded = await validateFromAnotherWorkstation(office, 20);
    const robot = startRobot(office.dataPath);
    await waitFor(
      () => office.server.messages.length >= 3,
      20_000,
      () => robot.output,
    );

    const away = await takeAway(office.dataPath);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    // Never a new, empty data folder (database) in its place.
    expect(await placeExists(office.dataPath)).toBe(false);
    await away.back();

    await waitFor(
      async () => (await statuses(office.dataPath)).sent === 20,
      40_000,
      () => robot.output,
    );
    expect(await robot.stop('SIGTERM')).toBe(0);
    expectEachOnce(office.server, seeded.messageIdHeaders);
    expect(await statuses(office.dataPath)).toEqual({ sent: 20 });
  });

  it('started while the data folder (the database) is out of reach: waits without creating it, then sends once it is back', async () => {
    const office = await officeWithAccount(0);
    const seeded = await validateFromAnotherWorkstation(office, 3);
    const away = await takeAway(office.dataPath);

    const robot = startRobot(office.dataPath);
    await robot.shows('Base de données injoignable');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await placeExists(office.dataPath)).toBe(false);
    expect(office.server.messages).toHaveLength(0);

    await away.back();
    await robot.shows('Base de données de nouveau accessible');
    await waitFor(
      () => office.server.messages.length === 3,
      20_000,
      () => robot.output,
    );
    expect(await robot.stop('SIGTERM')).toBe(0);
    expectEachOnce(office.server, seeded.messageIdHeaders);
  });

  it('the database locked by another program for a while: the robot waits, then sends the rest', async () => {
    const office = await officeWithAccount(400);
    const seeded = await validateFromAnotherWorkstation(office, 15);
    const robot = startRobot(office.dataPath, { POSTIER_BUSY_TIMEOUT_MS: '300' });
    await waitFor(
      () => office.server.messages.length >= 1,
      20_000,
      () => robot.output,
    );

    const locker = await lockAWhile(office.dataPath, 9_000);
    // Locked in the middle of the batch.
    expect(office.server.messages.length).toBeLessThan(15);
    expect(await locker.exited).toBe(0);

    await waitFor(
      async () => (await statuses(office.dataPath)).sent === 15,
      40_000,
      () => robot.output,
    );
    expect(await robot.stop('SIGTERM')).toBe(0);
    expectEachOnce(office.server, seeded.messageIdHeaders);
    expect(await statuses(office.dataPath)).toEqual({ sent: 15 });
  });
});

describe('postier service install (Linux)', () => {
  it('prints a systemd unit that runs this Node and this bin on the data folder (or URL), which systemd-analyze accepts', async () => {
    const dataPath = await freshDataPlace();
    const result = await cli(['service', 'install', '--data', dataPath]);
    expect(result.code, result.stderr).toBe(0);
    const unit = result.stdout;
    expect(unit).toContain('[Unit]');
    expect(unit).toContain('[Install]\nWantedBy=multi-user.target');
    const exec = unit.split('\n').find((line) => line.startsWith('ExecStart='));
    expect(exec).toBe(
      `ExecStart="${process.execPath}" "${path.resolve('bin/postier.js')}" "service" "run" "--data" "${dataPath}"`,
    );
    expect(result.stderr).toContain('/etc/systemd/system/postier-robot.service');

    const unitFile = path.join(tempFolder('postier-unit-'), 'postier-robot.service');
    fs.writeFileSync(unitFile, unit);
    const { spawnSync } = await import('node:child_process');
    const verify = spawnSync('systemd-analyze', ['verify', unitFile], { encoding: 'utf8' });
    // Only the unit's own lines matter (the container has no running systemd to compare with).
    const complaints = `${verify.stderr}`
      .split('\n')
      .filter(
        (line) =>
          line.includes('postier-robot.service') && !/Failed to|not found|Read-only/i.test(line),
      );
    expect(complaints).toEqual([]);
  });
});
