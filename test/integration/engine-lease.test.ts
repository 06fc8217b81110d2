// One sending engine at a time per database file: the lease row, in-process and across real
// processes sharing one data folder.
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/catalog.js';
import { isUserError } from '../../src-shared/errors.js';
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { readLease } from '../../src-main/db/outbox-engine-lease.js';
import { acquireLease, leaseLabel, newHolderId } from '../../src-main/send/lease.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { postier as runCli, type CliResult } from '../support/cli.js';
import {
  receivedMessageId,
  seedMessages,
  smtpAccount,
  smtpTransportFactory,
} from '../support/outbox-fixture.js';
import { freshPostier } from '../support/postier-fixture.js';
import { type SmtpTestServer } from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { tempFolder } from '../support/temp-folder.js';

const T0 = Date.parse('2026-11-24T15:42:00.000Z');

describe('the lease', () => {
  it('is taken when free, renewed by its holder, refused to others until it expires', async () => {
    const { db } = await freshPostier();

    expect(await acquireLease(db, 'A', 'COMPTA-2 (marie)', 1_000, T0)).toMatchObject({
      held: true,
    });
    expect(await acquireLease(db, 'B', 'ACCUEIL (paul)', 1_000, T0 + 100)).toEqual({
      held: false,
      holderLabel: 'COMPTA-2 (marie)',
      acquiredAt: new Date(T0).toISOString(),
      expiresAt: new Date(T0 + 1_000).toISOString(),
    });
    // The holder renews: the expiry moves, the start of its run does not.
    expect(await acquireLease(db, 'A', 'COMPTA-2 (marie)', 1_000, T0 + 500)).toMatchObject({
      held: true,
    });
    expect(await readLease(db)).toMatchObject({
      holder: 'A',
      acquired_at: new Date(T0).toISOString(),
      expires_at: new Date(T0 + 1_500).toISOString(),
    });
    expect(await acquireLease(db, 'B', 'ACCUEIL (paul)', 1_000, T0 + 1_499)).toMatchObject({
      held: false,
    });
    // Expired: another engine takes over.
    expect(await acquireLease(db, 'B', 'ACCUEIL (paul)', 1_000, T0 + 1_500)).toMatchObject({
      held: true,
      tookOverFrom: null,
    });
    expect((await readLease(db)).holder_label).toBe('ACCUEIL (paul)');
  });

  it('a holder whose process died on this workstation is replaced at once', async () => {
    const { db } = await freshPostier();
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const deadHolder = `${os.hostname()}:${dead}:old-run`;
    await acquireLease(db, deadHolder, 'COMPTA-2 (marie)', 60_000);

    const result = await acquireLease(db, newHolderId(), 'COMPTA-2 (marie)', 60_000);

    expect(result).toMatchObject({ held: true, tookOverFrom: deadHolder });
  });

  it('a live holder on this workstation, or any holder elsewhere, is not replaced before expiry', async () => {
    const { db } = await freshPostier();
    const live = spawn('sleep', ['30']);
    try {
      await acquireLease(db, `${os.hostname()}:${live.pid}:run`, 'COMPTA-2 (marie)', 60_000);
      expect(await acquireLease(db, newHolderId(), 'X', 60_000)).toMatchObject({ held: false });
      await acquireLease(db, `${os.hostname()}:${live.pid}:run`, 'COMPTA-2 (marie)', 0);
      await acquireLease(db, `AUTRE-POSTE:1:run`, 'AUTRE (paul)', 60_000);
      expect(await acquireLease(db, newHolderId(), 'X', 60_000)).toMatchObject({ held: false });
    } finally {
      live.kill();
    }
  });

  it('a second engine says who is sending, from where and since when', async () => {
    const postier = await freshPostier();
    const started = new Date(2026, 10, 24, 10, 42).getTime();
    await acquireLease(
      postier.db,
      'AUTRE-POSTE:1:run',
      leaseLabel({ user: 'marie', workstation: 'COMPTA-2' }),
      60_000,
      started,
    );

    const error = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      transportFactory: smtpTransportFactory(postier.db),
      actor: { user: 'paul', workstation: 'ACCUEIL' },
      now: () => started + 5_000,
    }).catch((e: unknown) => e);

    expect(isUserError(error)).toBe(true);
    if (!isUserError(error)) return;
    expect(translate('fr', error.code, error.params)).toBe(
      'Un envoi est déjà en cours sur le poste COMPTA-2 (marie) depuis 10 h 42 : attendez qu’il se termine, puis relancez l’envoi (si ce poste s’est arrêté net, la main sera rendue à 10 h 43).',
    );
  });

  it('an engine asked to wait takes over when the other lease expires, and sends everything', async () => {
    const postier = await freshPostier();
    const server = await smtpServerForTest();
    const structureId = (await postier.records.chooseStructure()).id;
    const accountId = await smtpAccount(postier.db, { structureId, port: server.port });
    const seeded = await seedMessages(postier.db, { structureId, accountId, count: 3 });
    await acquireLease(postier.db, 'AUTRE-POSTE:1:run', 'COMPTA-2 (marie)', 700);
    const waitedFor: string[] = [];

    const summary = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      transportFactory: smtpTransportFactory(postier.db),
      actor: { user: 'paul', workstation: 'ACCUEIL' },
      waitForLease: true,
      onWaitingForLease: (label) => waitedFor.push(label),
    });

    expect(waitedFor).toEqual(['COMPTA-2 (marie)']);
    expect(summary.sent).toBe(3);
    expect(server.messages.map((m) => receivedMessageId(m.raw))).toEqual(seeded.messageIdHeaders);
    expect((await readLease(postier.db)).holder).toBeNull();
  });

  it('an engine that lost its lease stops before the next message, leaving nothing half-sent', async () => {
    const postier = await freshPostier();
    const server = await smtpServerForTest();
    const structureId = (await postier.records.chooseStructure()).id;
    const accountId = await smtpAccount(postier.db, {
      structureId,
      port: server.port,
      pacing: { delayMs: 30 },
    });
    await seedMessages(postier.db, { structureId, accountId, count: 5 });
    let stolen = false;

    const error = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      transportFactory: smtpTransportFactory(postier.db),
      actor: { user: 'paul', workstation: 'ACCUEIL' },
      onProgress: () => {
        if (stolen) return;
        stolen = true;
        // Another workstation took over (this one froze past its lease, say).
        postier.db
          .updateTable('engine_lease')
          .set({ holder: 'AUTRE-POSTE:1:run', holder_label: 'COMPTA-2 (marie)' })
          .execute()
          .catch(() => undefined);
      },
    }).catch((e: unknown) => e);

    expect(isUserError(error) && error.code).toBe('outbox.error.leaseLost');
    const statuses = await postier.db
      .selectFrom('messages')
      .select('status')
      .orderBy('id')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual([
      'sent',
      'validated',
      'validated',
      'validated',
      'validated',
    ]);
    // The lease belongs to the other engine still: the stopped one did not release it.
    expect((await readLease(postier.db)).holder).toBe('AUTRE-POSTE:1:run');
  });
});

describe('two processes on one database file', () => {
  async function sharedOutbox(count: number) {
    const dataPath = tempFolder();
    const setup = await openPostier({ dataPath });
    const server = await smtpServerForTest();
    const structureId = (await setup.records.createStructure({ name: 'Bureau partagé' })).id;
    const accountId = await smtpAccount(setup.db, {
      structureId,
      port: server.port,
      pacing: { delayMs: 25 },
    });
    const seeded = await seedMessages(setup.db, { structureId, accountId, count });
    await setup.close();
    return { dataPath, server, seeded };
  }

  async function statuses(dataPath: string) {
    const check: Postier = await openPostier({ dataPath });
    try {
      return (await check.db.selectFrom('messages').select('status').execute()).map(
        (m) => m.status,
      );
    } finally {
      await check.close();
    }
  }

  function expectEachOnce(server: SmtpTestServer, headers: string[]) {
    const received = server.messages.map((m) => receivedMessageId(m.raw));
    expect(received).toHaveLength(headers.length);
    expect([...received].sort()).toEqual([...headers].sort());
  }

  it('run at once: every message sent exactly once; the other one reports who is sending', async () => {
    const { dataPath, server, seeded } = await sharedOutbox(30);

    const results: CliResult[] = await Promise.all(
      ['POSTE-A', 'POSTE-B'].map((workstation) =>
        runCli(['send', 'run', '--json', '--data', dataPath], {
          POSTIER_WORKSTATION: workstation,
          POSTIER_USER: 'marie',
        }),
      ),
    );

    expectEachOnce(server, seeded.messageIdHeaders);
    expect(await statuses(dataPath)).toEqual(Array(30).fill('sent'));
    let sent = 0;
    for (const result of results) {
      if (result.code === 0) {
        sent += (JSON.parse(result.stdout) as { sent: number }).sent;
        continue;
      }
      // Started while the other was sending: it says so, and sends nothing.
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^Un envoi est déjà en cours sur le poste POSTE-[AB] \(marie\) depuis \d+ h \d\d/,
      );
    }
    expect(sent).toBe(30);
  }, 60_000);

  it('with --wait, the second one waits for the first, then finds nothing left to send', async () => {
    const { dataPath, server, seeded } = await sharedOutbox(30);

    const results = await Promise.all(
      ['POSTE-A', 'POSTE-B'].map((workstation) =>
        runCli(['send', 'run', '--wait', '--json', '--data', dataPath], {
          POSTIER_WORKSTATION: workstation,
        }),
      ),
    );

    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expectEachOnce(server, seeded.messageIdHeaders);
    const sent = results.map((r) => (JSON.parse(r.stdout) as { sent: number }).sent);
    expect(sent[0]! + sent[1]!).toBe(30);
    expect(await statuses(dataPath)).toEqual(Array(30).fill('sent'));
  }, 60_000);
});
