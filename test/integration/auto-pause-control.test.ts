// The auto-pause as the user controls it and reads it: Paramètres > Envoi (the contract's
// settings.get / settings.setAutoPause through the real router and its zod schemas) and
// `postier send auto-pause show | set N` (the real command in a child process) change the one
// shared setting, refuse what is not a whole number from 0 to 100 with one clear sentence in
// French or English, and the reason a run gives for pausing an account follows the run's
// language (a 421 greeting, a closed port: no French left in an English run).
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { readAutoPauseAfter } from '../../src-main/send/auto-pause-setting.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { postier as cli } from '../support/cli.js';
import { contractOver } from '../support/main-side.js';
import { seedMessages, smtpAccount, smtpTransportFactory } from '../support/outbox-fixture.js';
import { dataPlace, freshPostier } from '../support/postier-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';

const ACTOR = { user: 'marie', workstation: 'COMPTA-2' };
/** Words only the French catalog uses: none may remain in an English run's summary. */
const FRENCH = /«|»|Le serveur|Envoi suspendu|Réponse du serveur|restant|n’accepte|compte d’envoi/;

describe('auto-pause from the window (the contract)', () => {
  it('reads the default, saves a count the CLI and the engine then read, and refuses what is out of bounds', async () => {
    const postier = await freshPostier();
    const side = contractOver(postier);
    expect(await side.call('settings.get', {})).toEqual({
      ok: true,
      value: { validationMode: 'manual', autoPauseAfterFailures: 5 },
    });

    expect(await side.call('settings.setAutoPause', { autoPauseAfterFailures: 12 })).toEqual({
      ok: true,
      value: { autoPauseAfterFailures: 12 },
    });
    expect(await readAutoPauseAfter(postier.db)).toBe(12);
    const shown = await cli(['--data', dataPlace(postier), 'send', 'auto-pause', 'show', '--json']);
    expect(JSON.parse(shown.stdout)).toEqual({ autoPauseAfterFailures: 12 });

    const bad: unknown[] = [-1, 101, 2.5, '7', null, 1e9, Number.NaN];
    for (const value of bad) {
      const answer = await side.call('settings.setAutoPause', { autoPauseAfterFailures: value });
      expect(answer.ok).toBe(false);
    }
    const english = await side.call('settings.setAutoPause', { autoPauseAfterFailures: 101 }, 'en');
    expect(english.ok === false && english.error.message).toMatch(/autoPauseAfterFailures/);
    expect(await side.call('settings.setAutoPause', { autoPauseAfterFailures: 0 })).toMatchObject({
      ok: true,
    });
    expect(await readAutoPauseAfter(postier.db)).toBe(0);
  });
});

describe('postier send auto-pause', () => {
  it('shows, sets and turns off the count; refuses a bad count with one sentence, in French and English', async () => {
    const postier = await freshPostier();
    const data = dataPlace(postier);
    const shown = await cli(['--data', data, 'send', 'auto-pause', 'show']);
    expect(shown).toMatchObject({ code: 0, stderr: '' });
    expect(shown.stdout).toBe(
      'L’envoi d’un compte est suspendu après 5 refus de suite (0 : jamais ; réglage partagé par tous les postes).\n',
    );

    const set = await cli(['--data', data, 'send', 'auto-pause', 'set', '3']);
    expect(set).toMatchObject({ code: 0, stderr: '' });
    expect(set.stdout).toBe(
      'Enregistré : l’envoi d’un compte sera suspendu après 3 refus de suite.\n',
    );
    expect(await readAutoPauseAfter(postier.db)).toBe(3);
    // The window reads what the CLI saved.
    const side = contractOver(postier);
    expect(await side.call('settings.get', {})).toMatchObject({
      value: { autoPauseAfterFailures: 3 },
    });

    for (const typed of ['101', '2.5', 'beaucoup', '1e2', ' ', '0x10', '99999999']) {
      const refused = await cli(['--data', data, 'send', 'auto-pause', 'set', typed]);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr.trim()).toBe(
        `Le nombre de refus de suite avant de suspendre l’envoi doit être un nombre entier de 0 (jamais) à 100 : « ${typed.trim()} » ne convient pas.`,
      );
    }
    const english = await cli(['--data', data, 'send', 'auto-pause', 'set', '150'], {
      POSTIER_LANG: 'en',
    });
    expect(english.code).toBe(1);
    expect(english.stderr.trim()).toBe(
      'The number of refusals in a row before sending is paused must be a whole number from 0 (never) to 100: “150” will not do.',
    );
    expect(await readAutoPauseAfter(postier.db)).toBe(3);

    const off = await cli(['--data', data, 'send', 'auto-pause', 'set', '0'], {
      POSTIER_LANG: 'en',
    });
    expect(off.stdout).toBe(
      'The automatic pause is off (0): sending goes on whatever the refusals.\n',
    );
    expect(await readAutoPauseAfter(postier.db)).toBe(0);
  }, 120_000);
});

describe('the pause reason in the run’s language', () => {
  async function setup(port: (serverPort: number) => Promise<number>) {
    const postier = await freshPostier();
    const server = await smtpServerForTest();
    const structureId = (await postier.records.chooseStructure()).id;
    const accountId = await smtpAccount(postier.db, {
      structureId,
      port: await port(server.port),
      pacing: { retryBaseMs: 3_000 },
    });
    await seedMessages(postier.db, { structureId, accountId, count: 3 });
    const run = (language: 'fr' | 'en') =>
      runOutbox({
        db: postier.db,
        folder: postier.folder,
        transportFactory: smtpTransportFactory(postier.db),
        actor: ACTOR,
        language,
      });
    return { postier, server, run, structureId, accountId };
  }

  it('a 421 at the greeting: the pause, and the next run held by it, said in English', async () => {
    const { postier, server, run, structureId, accountId } = await setup(async (p) => p);
    server.setBehavior({}, { at: 'greeting', reply: 421, text: '4.3.2 Service not available' });

    const first = await run('en');
    expect(first.stoppedBy?.code).toBe('outbox.paused.outage');
    expect(first.stoppedBy?.message).toMatch(
      /^Sending paused for the account “bureau@residence-test\.example”: The server 127\.0\.0\.1 is not taking connections right now/,
    );
    expect(first.stoppedBy?.message).toContain('Server reply: “421 4.3.2 Service not available”.');
    expect(first.stoppedBy?.message).not.toMatch(FRENCH);

    // A message validated during the pause: a run started then holds it back and says why
    // from the saved record, in its own language.
    await seedMessages(postier.db, { structureId, accountId, count: 1 });
    const held = await run('en');
    expect(held.stoppedBy?.message).toMatch(/: The server 127\.0\.0\.1 is not taking connections/);
    expect(held.stoppedBy?.message).not.toMatch(FRENCH);
    await seedMessages(postier.db, { structureId, accountId, count: 1 });
    const french = await run('fr');
    expect(french.stoppedBy?.message).toMatch(
      /: Le serveur 127\.0\.0\.1 n’accepte pas de connexion/,
    );
  });

  it('a closed port stops the run: the account problem said in English', async () => {
    const { run } = await setup(closedPort);
    const summary = await run('en');
    expect(summary).toMatchObject({ sent: 0, failed: 0 });
    expect(summary.stoppedBy?.code).toBe('outbox.stopped.account');
    expect(summary.stoppedBy?.message).toMatch(
      /^Sending stopped: The server 127\.0\.0\.1 refuses connections on port \d+/,
    );
    expect(summary.stoppedBy?.message).not.toMatch(FRENCH);
  });
});

/** A port nothing listens on: a server that was there a moment ago. */
async function closedPort(): Promise<number> {
  const socket = net.createServer();
  await new Promise<void>((resolve) => socket.listen(0, '127.0.0.1', resolve));
  const { port } = socket.address() as net.AddressInfo;
  await new Promise((resolve) => socket.close(resolve));
  return port;
}
