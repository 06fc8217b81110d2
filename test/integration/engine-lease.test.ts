// One sending engine at a time per database: the lease row, in-process and across real
// processes sharing one data folder or one PostgreSQL database (each test runs on both).
import { spawn, spawnSync } from 'node:child_process';
import os from 'node:os';
import { expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/catalog.js';
import { isUserError } from '../../src-shared/errors.js';
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { holdEngineSession, readLease } from '../../src-main/db/outbox-engine-lease.js';
import type { Db } from '../../src-main/db/connection.js';
import { acquireLease, leaseLabel, newHolderId } from '../../src-main/send/lease.js';
import { listJournalForMessage } from '../../src-main/db/send-journal-queries.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { postier as runCli, type CliResult } from '../support/cli.js';
import {
  receivedMessageId,
  seedMessages,
  smtpAccount,
  smtpTransportFactory,
} from '../support/outbox-fixture.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { holdLeaseElsewhere } from '../support/db-processes.js';
import { describeEachDialect } from '../support/dialects.js';
import { freshPostier } from '../support/postier-fixture.js';
import { type SmtpTestServer } from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';

const T0 = Date.parse('2026-11-24T15:42:00.000Z');

/**
 * Another engine, alive: on PostgreSQL a live holder keeps its session (holdEngineSession) for
 * as long as it runs; one without is dead, and is replaced at once (test below).
 */
async function liveHolder(db: Db, holder: string): Promise<string> {
  const session = await holdEngineSession(db, holder);
  closeAfterTest({ close: () => session.release() });
  return holder;
}

describeEachDialect('the lease', ({ dialect, freshData }) => {
  it('is taken when free, renewed by its holder, refused to others until it expires', async () => {
    const { db } = await freshPostier(await freshData());
    await liveHolder(db, 'A');

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
    const { db } = await freshPostier(await freshData());
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const deadHolder = `${os.hostname()}:${dead}:old-run`;
    await acquireLease(db, deadHolder, 'COMPTA-2 (marie)', 60_000);

    const result = await acquireLease(db, newHolderId(), 'COMPTA-2 (marie)', 60_000);

    expect(result).toMatchObject({ held: true, tookOverFrom: deadHolder });
  });

  it('a live holder on this workstation, or any holder elsewhere, is not replaced before expiry', async () => {
    const { db } = await freshPostier(await freshData());
    const live = spawn('sleep', ['30']);
    try {
      const here = await liveHolder(db, `${os.hostname()}:${live.pid}:run`);
      await acquireLease(db, here, 'COMPTA-2 (marie)', 60_000);
      expect(await acquireLease(db, newHolderId(), 'X', 60_000)).toMatchObject({ held: false });
      await acquireLease(db, here, 'COMPTA-2 (marie)', 0);
      await acquireLease(db, await liveHolder(db, 'AUTRE-POSTE:1:run'), 'AUTRE (paul)', 60_000);
      expect(await acquireLease(db, newHolderId(), 'X', 60_000)).toMatchObject({ held: false });
    } finally {
      live.kill();
    }
  });

  it('a second engine says who is sending, from where and since when', async () => {
    const postier = await freshPostier(await freshData());
    const started = new Date(2026, 10, 24, 10, 42).getTime();
    await acquireLease(
      postier.db,
      await liveHolder(postier.db, 'AUTRE-POSTE:1:run'),
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
    const postier = await freshPostier(await freshData());
    const server = await smtpServerForTest();
    const structureId = (await postier.records.chooseStructure()).id;
    const accountId = await smtpAccount(postier.db, { structureId, port: server.port });
    const seeded = await seedMessages(postier.db, { structureId, accountId, count: 3 });
    const other = await liveHolder(postier.db, 'AUTRE-POSTE:1:run');
    await acquireLease(postier.db, other, 'COMPTA-2 (marie)', 700);
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

  it('a workstation killed mid-send elsewhere: PostgreSQL sees it gone at once, SQLite once its lease expires; its message becomes uncertain', async () => {
    const dataPath = await freshData();
    const postier = await freshPostier(dataPath);
    const server = await smtpServerForTest();
    const structureId = (await postier.records.chooseStructure()).id;
    const accountId = await smtpAccount(postier.db, { structureId, port: server.port });
    const seeded = await seedMessages(postier.db, { structureId, accountId, count: 3 });
    // Another workstation's engine, in a process of its own, holds the lease and took message 2.
    const holder = 'AUTRE-POSTE:4242:run';
    const elsewhere = await holdLeaseElsewhere(dataPath, holder);
    await postier.db
      .updateTable('messages')
      .set({ status: 'sending', attempts: 1, sending_by: holder })
      .where('id', '=', seeded.ids[1]!)
      .execute();
    const run = (now: () => number = Date.now) =>
      runOutbox({
        db: postier.db,
        folder: postier.folder,
        transportFactory: smtpTransportFactory(postier.db),
        actor: { user: 'paul', workstation: 'ACCUEIL' },
        now,
      }).catch((e: unknown) => e);
    const refused = (result: unknown) => isUserError(result) && result.code;

    expect(refused(await run())).toBe('outbox.error.leaseHeld');
    elsewhere.kill();
    await elsewhere.exited;

    let summary = await run();
    if (dialect === 'sqlite') {
      // A file cannot tell that a process on another machine died: its lease must run out.
      expect(refused(summary)).toBe('outbox.error.leaseHeld');
      summary = await run(() => Date.now() + 121_000);
    }
    expect(summary).toMatchObject({ sent: 2, uncertain: 1 });
    expect(server.messages.map((m) => receivedMessageId(m.raw))).toEqual([
      seeded.messageIdHeaders[0],
      seeded.messageIdHeaders[2],
    ]);
    const statuses = await postier.db
      .selectFrom('messages')
      .select('status')
      .orderBy('id')
      .execute();
    expect(statuses.map((m) => m.status)).toEqual(['sent', 'uncertain', 'sent']);
    const [event] = await listJournalForMessage(postier.db, seeded.ids[1]!);
    expect(event).toMatchObject({ event: 'uncertain', actor: 'paul' });
    expect(event!.detail).toContain('AUTRE-POSTE');
  }, 60_000);

  it('an engine that lost its lease stops before the next message, leaving nothing half-sent', async () => {
    const postier = await freshPostier(await freshData());
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

/** Two, then four workstations running `postier send run` at once on one database. */
const WORKSTATIONS = [2, 4].map((n) => ({
  n,
  workstations: Array.from({ length: n }, (_, i) => `POSTE-${'ABCD'[i]}`),
}));

describeEachDialect('several processes on one database', ({ freshData }) => {
  async function sharedOutbox(count: number) {
    const dataPath = await freshData();
    const setup = await openPostier({ dataPath });
    const server = await smtpServerForTest();
    const structureId = (await setup.records.createStructure({ name: 'Bureau partagé' })).id;
    const accountId = await smtpAccount(setup.db, {
      structureId,
      port: server.port,
      pacing: { delayMs: 25 },
    });
    const recipients = Array.from({ length: count }, (_, i) => `client${i + 1}@example.com`);
    const seeded = await seedMessages(setup.db, {
      structureId,
      accountId,
      count,
      recipients: (i) => [recipients[i]!],
    });
    await setup.close();
    return { dataPath, server, seeded, recipients };
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

  /** At the SMTP server: each message once, each recipient reached once. */
  function expectEachOnce(server: SmtpTestServer, headers: string[], recipients: string[]) {
    const received = server.messages.map((m) => receivedMessageId(m.raw));
    expect(received).toHaveLength(headers.length);
    expect([...received].sort()).toEqual([...headers].sort());
    const perRecipient = new Map<string, number>();
    for (const m of server.messages)
      for (const to of m.envelope.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect([...perRecipient.keys()].sort()).toEqual([...recipients].sort());
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  }

  it.each(WORKSTATIONS)(
    'run at once by $n processes: every message sent exactly once; the others report who is sending',
    async ({ workstations }) => {
      const { dataPath, server, seeded, recipients } = await sharedOutbox(30);

      const results: CliResult[] = await Promise.all(
        workstations.map((workstation) =>
          runCli(['send', 'run', '--json', '--data', dataPath], {
            POSTIER_WORKSTATION: workstation,
            POSTIER_USER: 'marie',
          }),
        ),
      );

      expectEachOnce(server, seeded.messageIdHeaders, recipients);
      expect(await statuses(dataPath)).toEqual(Array(30).fill('sent'));
      let sent = 0;
      for (const result of results) {
        if (result.code === 0) {
          sent += (JSON.parse(result.stdout) as { sent: number }).sent;
          continue;
        }
        // Started while another was sending: it says so, and sends nothing.
        expect(result.code, result.stderr).toBe(1);
        expect(result.stderr).toMatch(
          /^Un envoi est déjà en cours sur le poste POSTE-[A-D] \(marie\) depuis \d+ h \d\d/,
        );
      }
      expect(sent).toBe(30);
    },
    120_000,
  );

  it.each(WORKSTATIONS)(
    'with --wait, $n processes take turns, and the later ones find nothing left to send',
    async ({ workstations }) => {
      const { dataPath, server, seeded, recipients } = await sharedOutbox(30);

      const results = await Promise.all(
        workstations.map((workstation) =>
          runCli(['send', 'run', '--wait', '--json', '--data', dataPath], {
            POSTIER_WORKSTATION: workstation,
          }),
        ),
      );

      expect(results.map((r) => r.code)).toEqual(workstations.map(() => 0));
      expectEachOnce(server, seeded.messageIdHeaders, recipients);
      const sent = results.map((r) => (JSON.parse(r.stdout) as { sent: number }).sent);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(30);
      expect(await statuses(dataPath)).toEqual(Array(30).fill('sent'));
    },
    120_000,
  );
});
