// Provider outages fail nothing: the sending engine against a real SMTP server on 127.0.0.1
// that answers 421 instead of its greeting, says nothing at all (a raw socket in front of
// it), or takes a whole message and never answers; and a list the server refuses message
// after message. What a user checks: nothing failed, at most one message uncertain and
// named, the rest still ready with no attempt spent, each message received exactly once once
// the server is back, and the reason in the run's summary.
import { describe, expect, it } from 'vitest';
import type { Pacing } from '../../src-shared/domain/mail.js';
import { isUserError } from '../../src-shared/errors.js';
import type { Postier } from '../../src-main/app/postier.js';
import { listJournalForMessage } from '../../src-main/db/send-journal-queries.js';
import { readOutage } from '../../src-main/send/account-outage.js';
import { readAutoPauseAfter, writeAutoPauseAfter } from '../../src-main/send/auto-pause-setting.js';
import { runOutbox, type RunOutboxOptions } from '../../src-main/send/engine.js';
import {
  receivedMessageId,
  seedMessages,
  smtpAccount,
  smtpTransportFactory,
  type FactoryFixture,
  type SeededMessages,
} from '../support/outbox-fixture.js';
import { freshPostier } from '../support/postier-fixture.js';
import { closeAfterTest } from '../support/close-after-test.js';
import {
  startSmtpFront,
  type SmtpFront,
  type SmtpTestServer,
} from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { sayStored } from '../../src-shared/i18n/said.js';

const ACTOR = { user: 'marie', workstation: 'COMPTA-2' };
const OUT_OF_SERVICE = '4.3.2 Service not available, closing transmission channel';

interface Setup {
  postier: Postier;
  server: SmtpTestServer;
  seeded: SeededMessages;
  accountId: number;
  run(extra?: Partial<RunOutboxOptions>): ReturnType<typeof runOutbox>;
  rows(): Promise<Array<{ id: number; status: string; attempts: number }>>;
}

async function setup(
  count: number,
  options: {
    pacing?: Partial<Pacing>;
    factory?: FactoryFixture;
    recipients?: (i: number) => string[];
    /** Point the account at this port instead of the server's (a front before it). */
    port?: (server: SmtpTestServer) => Promise<number>;
  } = {},
): Promise<Setup> {
  const postier = await freshPostier();
  const server = await smtpServerForTest();
  const structureId = (await postier.records.chooseStructure()).id;
  const port = options.port ? await options.port(server) : server.port;
  const accountId = await smtpAccount(postier.db, {
    structureId,
    port,
    pacing: { retryBaseMs: 300, ...options.pacing },
  });
  const seeded = await seedMessages(postier.db, {
    structureId,
    accountId,
    count,
    ...(options.recipients && { recipients: options.recipients }),
  });
  return {
    postier,
    server,
    seeded,
    accountId,
    run: (extra = {}) =>
      runOutbox({
        db: postier.db,
        folder: postier.folder,
        transportFactory: smtpTransportFactory(postier.db, options.factory),
        actor: ACTOR,
        ...extra,
      }),
    rows: () =>
      postier.db
        .selectFrom('messages')
        .select(['id', 'status', 'attempts'])
        .orderBy('id')
        .execute(),
  };
}

function receivedIds(server: SmtpTestServer): string[] {
  return server.messages.map((m) => receivedMessageId(m.raw));
}

/** Every seeded message reached the server exactly once. */
function expectEachReceivedOnce(server: SmtpTestServer, seeded: SeededMessages): void {
  expect([...receivedIds(server)].sort()).toEqual([...seeded.messageIdHeaders].sort());
}

describe('provider outages: the account pauses, nothing fails', () => {
  it('421 at the greeting: nothing failed, no attempt spent, the account waits; sent once it is back', async () => {
    const { postier, server, seeded, accountId, run, rows } = await setup(4, {
      pacing: { retryBaseMs: 3_000 },
    });
    server.setBehavior({}, { at: 'greeting', reply: 421, text: OUT_OF_SERVICE });

    const first = await run();

    expect(first).toMatchObject({ sent: 0, failed: 0, uncertain: 0, remaining: 0, retrying: 4 });
    expect(first.stoppedBy?.code).toBe('outbox.paused.outage');
    expect(first.stoppedBy?.message).toMatch(
      /^Envoi suspendu pour le compte « bureau@residence-test\.example » : Le serveur 127\.0\.0\.1 n’accepte pas de connexion/,
    );
    expect(first.stoppedBy?.message).toContain('Les 4 messages restants restent prêts');
    expect(await rows()).toEqual(
      seeded.ids.map((id) => ({ id, status: 'validated', attempts: 0 })),
    );
    // One connection tried for the whole batch: the server is not hammered message by message.
    expect(server.connectionCount).toBe(1);
    expect(first.nextSendAt).not.toBeNull();
    // The schedule is in the database (it survives a restart): the account's record and
    // each message's next attempt time.
    const outage = await readOutage(postier.db, accountId);
    expect(outage).toMatchObject({ streak: 1 });
    expect(outage!.reply).toBe(`421 ${OUT_OF_SERVICE}`);
    expect(first.stoppedBy?.message).toContain(`Réponse du serveur : « 421 ${OUT_OF_SERVICE} ».`);
    const next = await postier.db.selectFrom('messages').select('next_attempt_at').execute();
    expect(next.every((m) => m.next_attempt_at === outage!.until)).toBe(true);
    const journal = await listJournalForMessage(postier.db, seeded.ids[0]!);
    expect(journal.map((j) => j.event)).toEqual(['sending', 'account_error']);
    expect(sayStored('fr', journal[1]!.detail)).toContain('cet essai n’est pas compté');

    // Still down, a run started during the pause tries nothing.
    const during = await run();
    expect(during).toMatchObject({ sent: 0, failed: 0, retrying: 4 });
    expect(server.connectionCount).toBe(1);

    // The server is back: the next run (waiting out the pause) sends each message once.
    server.clearBehaviors();
    const later = await run({ untilDone: true });

    expect(later).toMatchObject({ sent: 4, failed: 0, uncertain: 0, retrying: 0, remaining: 0 });
    expect(later.stoppedBy).toBeNull();
    expectEachReceivedOnce(server, seeded);
    expect(await rows()).toEqual(seeded.ids.map((id) => ({ id, status: 'sent', attempts: 1 })));
    // Sent again: the next outage starts from the shortest wait.
    expect(await readOutage(postier.db, accountId)).toBeNull();
  });

  it('421 outage after outage: each pause twice as long as the one before, no attempt ever spent', async () => {
    const { postier, server, accountId, run, rows } = await setup(2, {
      pacing: { retryBaseMs: 200 },
    });
    server.setBehavior({}, { at: 'greeting', reply: 421, text: OUT_OF_SERVICE });

    const pauses: Array<{ streak: number; waitMs: number }> = [];
    for (let i = 0; i < 3; i++) {
      const startedAt = Date.now();
      const summary = await run({ untilDone: true });
      expect(summary).toMatchObject({ sent: 0, failed: 0, uncertain: 0 });
      const outage = (await readOutage(postier.db, accountId))!;
      pauses.push({ streak: outage.streak, waitMs: Date.parse(outage.until) - startedAt });
      // Wait for the pause to end, then try again (as a later run would).
      await new Promise((resolve) =>
        setTimeout(resolve, Date.parse(outage.until) - Date.now() + 20),
      );
    }

    expect(pauses.map((p) => p.streak)).toEqual([1, 2, 3]);
    expect(pauses[0]!.waitMs).toBeGreaterThanOrEqual(200);
    expect(pauses[1]!.waitMs).toBeGreaterThanOrEqual(400);
    expect(pauses[2]!.waitMs).toBeGreaterThanOrEqual(800);
    expect(server.connectionCount).toBe(3);
    expect((await rows()).every((m) => m.status === 'validated' && m.attempts === 0)).toBe(true);
  });

  it('no greeting at all (a raw socket that says nothing): paused within the greeting timeout; sent once it answers', async () => {
    const fronts: SmtpFront[] = [];
    const { server, seeded, run, rows } = await setup(3, {
      factory: { timeouts: { connectionMs: 400, greetingMs: 400 } },
      port: async (target) => {
        const front = closeAfterTest(await startSmtpFront(target.port));
        fronts.push(front);
        return front.port;
      },
    });
    const front = fronts[0]!;

    const startedAt = Date.now();
    const first = await run();
    const tookMs = Date.now() - startedAt;

    expect(first).toMatchObject({ sent: 0, failed: 0, uncertain: 0, retrying: 3 });
    expect(first.stoppedBy?.code).toBe('outbox.paused.outage');
    expect(first.stoppedBy?.message).toContain('ne répond pas quand on s’y connecte');
    // One greeting timeout for the batch, not one per message (nor the default 20 s).
    expect(tookMs).toBeLessThan(3_000);
    expect(front.connectionCount).toBe(1);
    expect(await rows()).toEqual(
      seeded.ids.map((id) => ({ id, status: 'validated', attempts: 0 })),
    );

    front.mode = 'forward';
    const later = await run({ untilDone: true });

    expect(later).toMatchObject({ sent: 3, failed: 0, uncertain: 0, remaining: 0 });
    expectEachReceivedOnce(server, seeded);
  });

  it('a server that takes the whole message and never answers: one message uncertain and named, the rest untouched', async () => {
    const { postier, server, seeded, run, rows } = await setup(5, {
      factory: { timeouts: { socketMs: 400 } },
      pacing: { retryBaseMs: 200 },
    });
    server.setBehavior({}, { at: 'data', noReply: 'stall' });

    const first = await run({ untilDone: true });

    expect(first).toMatchObject({ sent: 0, failed: 0, uncertain: 1, retrying: 4, remaining: 0 });
    const [stalled, ...rest] = seeded.ids;
    expect(first.stoppedBy?.code).toBe('outbox.paused.outage');
    expect(first.stoppedBy?.message).toContain('sa réponse n’est jamais arrivée');
    expect(first.stoppedBy?.message).toContain(
      `Le message n° ${stalled} (« Votre facture d’octobre 2026 (1) ») est marqué incertain`,
    );
    expect(await rows()).toEqual([
      { id: stalled, status: 'uncertain', attempts: 1 },
      ...rest.map((id) => ({ id, status: 'validated', attempts: 0 })),
    ]);
    // The server has the one message: nothing more went to it in that run.
    expect(server.messages).toHaveLength(1);
    expect(server.transactionCount).toBe(1);

    server.clearBehaviors();
    const later = await run({ untilDone: true });

    expect(later).toMatchObject({ sent: 4, failed: 0, uncertain: 1, remaining: 0 });
    expectEachReceivedOnce(server, seeded);
    const journal = await listJournalForMessage(postier.db, stalled!);
    expect(journal.map((j) => j.event)).toEqual(['sending', 'uncertain']);
  });
});

describe('one account out of order, another well', () => {
  it('the run pauses the account whose server is down and sends everything from the other', async () => {
    const {
      postier,
      server: down,
      seeded: waiting,
      rows,
      run,
    } = await setup(3, {
      pacing: { retryBaseMs: 10_000 },
    });
    down.setBehavior({}, { at: 'greeting', reply: 421, text: OUT_OF_SERVICE });
    const well = await smtpServerForTest();
    const other = await postier.records.createStructure({ name: 'Résidence Voisine' });
    const otherAccount = await smtpAccount(postier.db, { structureId: other.id, port: well.port });
    const sent = await seedMessages(postier.db, {
      structureId: other.id,
      accountId: otherAccount,
      count: 4,
    });

    const summary = await run();

    expect(summary).toMatchObject({ sent: 4, failed: 0, uncertain: 0, retrying: 3 });
    expect(summary.stoppedBy?.code).toBe('outbox.paused.outage');
    expectEachReceivedOnce(well, sent);
    expect(down.messages).toHaveLength(0);
    const statuses = await rows();
    for (const id of waiting.ids)
      expect(statuses.find((m) => m.id === id)).toEqual({ id, status: 'validated', attempts: 0 });
  });
});

describe('auto-pause after refusals in a row', () => {
  const refusing = (count: number) => ({
    recipients: (i: number) => [`gone${i + 1}@example.com`],
    count,
  });
  const USER_UNKNOWN = '5.1.1 Recipient address rejected: User unknown';

  it('6 recipients refused with 550: paused after 5, the 6th still ready, the reason shown', async () => {
    const { count, recipients } = refusing(6);
    const { postier, server, seeded, run, rows } = await setup(count, { recipients });
    server.setBehavior({}, { at: 'rcpt', reply: 550, text: USER_UNKNOWN });
    expect(await readAutoPauseAfter(postier.db)).toBe(5);

    const summary = await run();

    expect(summary).toMatchObject({ sent: 0, failed: 5, uncertain: 0, remaining: 1 });
    expect(summary.stoppedBy).toEqual({
      code: 'outbox.paused.refusals',
      message: `Envoi suspendu après 5 refus de suite : 550 ${USER_UNKNOWN}. Vérifiez la liste ou le compte. Le message restant est toujours prêt à partir.`,
    });
    const statuses = await rows();
    expect(statuses.slice(0, 5).every((m) => m.status === 'failed')).toBe(true);
    expect(statuses[5]).toEqual({ id: seeded.ids[5], status: 'validated', attempts: 0 });
    const paused = await postier.db
      .selectFrom('send_journal')
      .select(['detail', 'server_reply'])
      .where('event', '=', 'account_error')
      .execute();
    expect(paused).toHaveLength(1);
    expect(paused[0]!.detail).toContain('après 5 refus de suite');
  });

  it('the count is a setting: 3 pauses after 3, 0 never pauses', async () => {
    const { count, recipients } = refusing(5);
    const three = await setup(count, { recipients });
    three.server.setBehavior({}, { at: 'rcpt', reply: 550, text: USER_UNKNOWN });
    await writeAutoPauseAfter(three.postier.db, 3);

    const paused = await three.run({ language: 'en' });

    expect(paused).toMatchObject({ failed: 3, remaining: 2 });
    expect(paused.stoppedBy?.message).toMatch(/^Sending paused after 3 refusals in a row: 550 /);

    const never = await setup(count, { recipients });
    never.server.setBehavior({}, { at: 'rcpt', reply: 550, text: USER_UNKNOWN });
    await writeAutoPauseAfter(never.postier.db, 0);
    expect(await never.run()).toMatchObject({ failed: 5, remaining: 0, stoppedBy: null });

    for (const bad of [-1, 2.5, 1001, Number.NaN]) {
      const error = await writeAutoPauseAfter(never.postier.db, bad).catch((e: unknown) => e);
      expect(isUserError(error) && error.code).toBe('outbox.error.autoPauseInvalid');
    }
    expect(await readAutoPauseAfter(never.postier.db)).toBe(0);
  });

  it('a message sent in between starts the count again', async () => {
    // Refused, refused, sent, then refused four times: with 3 in a row, the 6th pauses.
    const { server, seeded, run, rows, postier } = await setup(7, {
      recipients: (i) => [i === 2 ? 'ok@example.com' : `gone${i + 1}@example.com`],
    });
    await writeAutoPauseAfter(postier.db, 3);
    for (const i of [1, 2, 4, 5, 6, 7]) {
      server.setBehavior(
        { recipient: `gone${i}@example.com` },
        { at: 'rcpt', reply: 550, text: USER_UNKNOWN },
      );
    }

    const summary = await run();

    expect(summary).toMatchObject({ sent: 1, failed: 5, remaining: 1 });
    expect(summary.stoppedBy?.code).toBe('outbox.paused.refusals');
    expect((await rows()).at(-1)).toEqual({ id: seeded.ids[6], status: 'validated', attempts: 0 });
  });
});
