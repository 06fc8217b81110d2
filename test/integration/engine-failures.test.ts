// The sending engine against a real SMTP server on 127.0.0.1: each kind of failure ends in
// the right status, with the server's reply kept, and the run goes on or stops as it should.
import { describe, expect, it } from 'vitest';
import type { Pacing } from '../../src-shared/domain/mail.js';
import Sqlite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Postier } from '../../src-main/app/postier.js';
import { openDatabase } from '../../src-main/db/connection.js';
import { listJournalForMessage } from '../../src-main/db/send-journal-queries.js';
import { resolveUncertain } from '../../src-main/outbox/uncertain.js';
import {
  runOutbox,
  type EngineProgress,
  type RunOutboxOptions,
} from '../../src-main/send/engine.js';
import {
  receivedMessageId,
  seedMessages,
  smtpAccount,
  smtpTransportFactory,
  type FactoryFixture,
  type SeededMessages,
} from '../support/outbox-fixture.js';
import { onPostgres } from '../support/dialects.js';
import { freshPostier } from '../support/postier-fixture.js';
import { type SmtpTestServer, type SmtpTestServerOptions } from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { sayStored } from '../../src-shared/i18n/said.js';

const ACTOR = { user: 'marie', workstation: 'COMPTA-2' };

interface Setup {
  postier: Postier;
  server: SmtpTestServer;
  seeded: SeededMessages;
  run(extra?: Partial<RunOutboxOptions>): ReturnType<typeof runOutbox>;
  message(id: number): Promise<{
    status: string;
    attempts: number;
    last_reply: string | null;
    last_error: string | null;
    next_attempt_at: string | null;
    sent_at: string | null;
  }>;
}

async function setup(
  count: number,
  options: {
    pacing?: Partial<Pacing>;
    server?: SmtpTestServerOptions;
    factory?: FactoryFixture;
    recipients?: (i: number) => string[];
    textBody?: (i: number) => string;
  } = {},
): Promise<Setup> {
  const postier = await freshPostier();
  const server = await smtpServerForTest(options.server);
  const structureId = (await postier.records.chooseStructure()).id;
  const accountId = await smtpAccount(postier.db, {
    structureId,
    port: server.port,
    ...(options.pacing && { pacing: options.pacing }),
    ...(options.server?.auth && { username: options.server.auth.username }),
  });
  const seeded = await seedMessages(postier.db, {
    structureId,
    accountId,
    count,
    ...(options.recipients && { recipients: options.recipients }),
    ...(options.textBody && { textBody: options.textBody }),
  });
  return {
    postier,
    server,
    seeded,
    run: (extra = {}) =>
      runOutbox({
        db: postier.db,
        folder: postier.folder,
        transportFactory: smtpTransportFactory(postier.db, options.factory),
        actor: ACTOR,
        ...extra,
      }),
    // The error as the French screens read it (it is stored in no language).
    message: async (id) => {
      const row = await postier.db
        .selectFrom('messages')
        .select(['status', 'attempts', 'last_reply', 'last_error', 'next_attempt_at', 'sent_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return { ...row, last_error: sayStored('fr', row.last_error) };
    },
  };
}

async function events(postier: Postier, messageId: number): Promise<string[]> {
  return (await listJournalForMessage(postier.db, messageId)).map((j) => j.event);
}

function receivedIds(server: SmtpTestServer): string[] {
  return server.messages.map((m) => receivedMessageId(m.raw));
}

describe('sending engine: outcomes', () => {
  it('sends every due message once, in id order, over one connection, and records the server reply', async () => {
    const opened: number[] = [];
    const { postier, server, seeded, run, message } = await setup(5, { factory: { opened } });
    const progress: EngineProgress[] = [];

    const summary = await run({ onProgress: (p) => progress.push(p) });

    expect(summary).toMatchObject({
      sent: 5,
      failed: 0,
      retrying: 0,
      uncertain: 0,
      remaining: 0,
      stoppedBy: null,
    });
    expect(receivedIds(server)).toEqual(seeded.messageIdHeaders);
    expect(server.connectionCount).toBe(1);
    expect(opened).toHaveLength(1);
    for (const id of seeded.ids) {
      const row = await message(id);
      expect(row).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
      expect(row.last_reply).toMatch(/^250 .*queued as TEST/);
      expect(row.sent_at).not.toBeNull();
      expect(await events(postier, id)).toEqual(['sending', 'sent']);
    }
    expect(progress.map((p) => p.sent)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.at(-1)).toMatchObject({ remaining: 0, nextSendAt: null, total: 5 });
    const documents = await postier.documents.journal({ documentIds: seeded.documentIds });
    expect(documents.items.every((d) => d.emailState === 'sent' && d.lastSentAt !== null)).toBe(
      true,
    );
    const runEvents = await postier.db
      .selectFrom('send_journal')
      .select(['event', 'detail'])
      .where('message_id', 'is', null)
      .orderBy('id')
      .execute();
    expect(runEvents.map((e) => e.event)).toEqual(['run_started', 'run_finished']);
    expect(runEvents[1]!.detail).toContain('5 envoyés');
  });

  it('4xx: retries later with the server reply journaled, then sends', async () => {
    const { postier, server, seeded, run, message } = await setup(3, {
      pacing: { retryBaseMs: 1_500 },
    });
    server.setBehavior(
      { message: 1, times: 1 },
      { at: 'rcpt', reply: 450, text: '4.2.1 Mailbox busy, try later' },
    );

    const first = await run();
    expect(first).toMatchObject({ sent: 2, failed: 0, retrying: 1 });
    const waiting = await message(seeded.ids[0]!);
    expect(waiting).toMatchObject({ status: 'validated', attempts: 1 });
    expect(waiting.last_reply).toBe('450 4.2.1 Mailbox busy, try later');
    // Due one retry base (1.5 s) after the failed attempt, which began at its 'sending' event.
    const [sending] = await listJournalForMessage(postier.db, seeded.ids[0]!);
    expect(Date.parse(waiting.next_attempt_at!) - Date.parse(sending!.at)).toBeGreaterThanOrEqual(
      1_500,
    );
    expect(first.nextSendAt).toBe(waiting.next_attempt_at);

    // The next message was not held back by the failure; the retry goes when due.
    const second = await run({ untilDone: true });
    expect(second).toMatchObject({ sent: 1, retrying: 0, remaining: 0 });
    expect(await message(seeded.ids[0]!)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await events(postier, seeded.ids[0]!)).toEqual([
      'sending',
      'retry_scheduled',
      'sending',
      'sent',
    ]);
    const retry = (await listJournalForMessage(postier.db, seeded.ids[0]!))[1]!;
    expect(retry.server_reply).toBe('450 4.2.1 Mailbox busy, try later');
    expect(new Set(receivedIds(server)).size).toBe(3);
    expect(server.messages).toHaveLength(3);
  });

  it('4xx every time: failed after max attempts, with the last reply, the back-off doubling', async () => {
    const { postier, server, seeded, run, message } = await setup(2, {
      pacing: { maxAttempts: 3, retryBaseMs: 100 },
      recipients: (i) => [`m${i + 1}@example.com`],
    });
    server.setBehavior(
      { recipient: 'm1@example.com' },
      { at: 'rcpt', reply: 451, text: '4.3.0 Temporary failure' },
    );
    const seededFirst = seeded.ids[0]!;

    const summary = await run({ untilDone: true });

    expect(summary).toMatchObject({ sent: 1, failed: 1, retrying: 0 });
    const failed = await message(seededFirst);
    expect(failed).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_reply: '451 4.3.0 Temporary failure',
    });
    const journal = await listJournalForMessage(postier.db, seededFirst);
    expect(journal.map((j) => j.event)).toEqual([
      'sending',
      'retry_scheduled',
      'sending',
      'retry_scheduled',
      'sending',
      'failed',
    ]);
    // Back-off: 100 ms after the first failed attempt, 200 ms after the second (never sooner;
    // each attempt ended after its 'sending' event).
    const at = (i: number) => Date.parse(journal[i]!.at);
    expect(at(2) - at(0)).toBeGreaterThanOrEqual(100);
    expect(at(4) - at(2)).toBeGreaterThanOrEqual(200);
    expect(sayStored('fr', journal[5]!.detail)).toContain('3 essais');
    expect(journal[5]!.server_reply).toBe('451 4.3.0 Temporary failure');
    expect(server.messages).toHaveLength(1);
  });

  it('5xx: failed at once with the server reply; the next message is still sent', async () => {
    const { postier, server, seeded, run, message } = await setup(3, {
      recipients: (i) => [i === 1 ? 'gone@example.com' : `m${i}@example.com`],
    });
    server.setBehavior(
      { recipient: 'gone@example.com' },
      {
        at: 'rcpt',
        reply: 550,
        text: '5.1.1 <gone@example.com>: Recipient address rejected: User unknown',
      },
    );

    const summary = await run();

    expect(summary).toMatchObject({ sent: 2, failed: 1, retrying: 0, remaining: 0 });
    const gone = await message(seeded.ids[1]!);
    expect(gone).toMatchObject({ status: 'failed', attempts: 1 });
    expect(gone.last_reply).toBe(
      '550 5.1.1 <gone@example.com>: Recipient address rejected: User unknown',
    );
    expect(await message(seeded.ids[2]!)).toMatchObject({ status: 'sent' });
    expect(receivedIds(server)).toEqual([seeded.messageIdHeaders[0], seeded.messageIdHeaders[2]]);
    const [document] = (await postier.documents.journal({ documentIds: [seeded.documentIds[1]!] }))
      .items;
    expect(document!.emailState).toBe('failed');
  });

  it('connection dropped in the middle of DATA: temporary, retried, received once', async () => {
    // Message 2 is big enough that the engine is still sending it when the server hangs up
    // (a small one would sit whole in the sockets' buffers: handed over, outcome unknown).
    const { server, seeded, run, message } = await setup(3, {
      textBody: (i) => (i === 1 ? 'Relevé détaillé des frais.\n'.repeat(500_000) : 'Bonjour.\n'),
    });
    server.setBehavior({ message: 2, times: 1 }, { at: 'data', drop: true });

    const summary = await run({ untilDone: true });

    expect(summary).toMatchObject({ sent: 3, failed: 0, retrying: 0, uncertain: 0 });
    expect(await message(seeded.ids[1]!)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(receivedIds(server).sort()).toEqual([...seeded.messageIdHeaders].sort());
  });

  it('the whole message handed over, then no answer (timed out, dropped): uncertain, received once, never re-sent', async () => {
    const { postier, server, seeded, run, message } = await setup(3, {
      factory: { timeouts: { socketMs: 300 } },
    });
    server.setBehavior({ message: 1, times: 1 }, { at: 'data', noReply: 'stall' });
    server.setBehavior({ message: 2, times: 1 }, { at: 'data', noReply: 'drop' });

    const first = await run({ untilDone: true });
    const second = await run({ untilDone: true });
    const later = await run({ untilDone: true });

    // A server that took a whole message and never answered is not well: nothing more goes
    // to it in that run (engine-outage.test.ts); the rest waits, untouched, for a later run.
    expect(first).toMatchObject({ sent: 0, failed: 0, retrying: 2, uncertain: 1, remaining: 0 });
    expect(second).toMatchObject({ sent: 0, failed: 0, retrying: 1, uncertain: 2, remaining: 0 });
    expect(later).toMatchObject({ sent: 1, uncertain: 2, remaining: 0 });
    // The server has every message exactly once: sending either again would deliver it twice.
    expect([...receivedIds(server)].sort()).toEqual([...seeded.messageIdHeaders].sort());
    for (const id of seeded.ids.slice(0, 2)) {
      const row = await message(id);
      expect(row).toMatchObject({ status: 'uncertain', attempts: 1, last_reply: null });
      expect(row.last_error).toContain('peut-être accepté');
      const journal = await listJournalForMessage(postier.db, id);
      expect(journal.map((j) => j.event)).toEqual(['sending', 'uncertain']);
      expect(sayStored('fr', journal[1]!.detail)).toContain('ne sera pas renvoyé automatiquement');
    }
    expect(await message(seeded.ids[2]!)).toMatchObject({ status: 'sent', attempts: 1 });
    const documents = await postier.documents.journal({ documentIds: seeded.documentIds });
    expect(documents.items.map((d) => d.emailState).sort()).toEqual([
      'sent',
      'uncertain',
      'uncertain',
    ]);

    // The user checked: the first arrived. Confirming it sends nothing more.
    await resolveUncertain(postier.db, seeded.ids[0]!, 'sent', ACTOR);
    expect(await run()).toMatchObject({ sent: 0, uncertain: 1 });
    expect(server.messages).toHaveLength(3);
  });

  it('a server that stalls: the timeout is a temporary failure, retried', async () => {
    const { postier, server, seeded, run, message } = await setup(2, {
      factory: { timeouts: { socketMs: 300 } },
    });
    server.setBehavior({ message: 1, times: 1 }, { at: 'rcpt', stallMs: 2_000 });

    const summary = await run({ untilDone: true });

    expect(summary).toMatchObject({ sent: 2, failed: 0 });
    expect(await message(seeded.ids[0]!)).toMatchObject({ status: 'sent', attempts: 2 });
    const retry = (await listJournalForMessage(postier.db, seeded.ids[0]!))[1]!;
    expect(retry.event).toBe('retry_scheduled');
    expect(sayStored('fr', retry.detail)).toMatch(/délai|temps|répond/i);
    expect(server.messages).toHaveLength(2);
  });

  it('authentication refused: the run stops at once, nothing failed, no attempt counted', async () => {
    const { postier, server, seeded, run, message } = await setup(4, {
      server: { auth: { username: 'bureau', password: 'le-bon' } },
      factory: { password: 'le-mauvais' },
    });

    const summary = await run();

    expect(summary.sent).toBe(0);
    expect(summary.failed).toBe(0);
    expect(summary.remaining).toBe(4);
    expect(summary.stoppedBy?.code).toBe('outbox.stopped.account');
    expect(summary.stoppedBy?.message).toMatch(
      /^Envoi arrêté : Identifiant ou mot de passe refusé par le serveur/,
    );
    expect(summary.stoppedBy?.message).toContain(
      'les 4 messages restants sont toujours prêts à partir',
    );
    for (const id of seeded.ids) {
      expect(await message(id)).toMatchObject({ status: 'validated', attempts: 0 });
    }
    expect(await events(postier, seeded.ids[0]!)).toEqual(['sending', 'account_error']);
    expect(await events(postier, seeded.ids[1]!)).toEqual([]);
    expect(server.authFailures).toBe(1);
    expect(server.messages).toHaveLength(0);
  });

  it('rate limit (421 4.7.0): the message is retried with back-off and the account waits', async () => {
    const { postier, server, seeded, run, message } = await setup(3, {
      pacing: { retryBaseMs: 400 },
    });
    server.setBehavior(
      { message: 1, times: 1 },
      { at: 'mail', reply: 421, text: '4.7.0 Too many messages, slow down' },
    );

    const summary = await run({ untilDone: true });

    expect(summary).toMatchObject({ sent: 3, failed: 0, retrying: 0 });
    expect(await message(seeded.ids[0]!)).toMatchObject({ status: 'sent', attempts: 2 });
    const journal = await listJournalForMessage(postier.db, seeded.ids[0]!);
    expect(journal.map((j) => j.event)).toEqual(['sending', 'retry_scheduled', 'sending', 'sent']);
    expect(journal[1]!.server_reply).toBe('421 4.7.0 Too many messages, slow down');
    // Nothing reached the server during the back-off, not even the next messages: all
    // arrived at least 400 ms after the refused attempt began.
    const refusedAttemptAt = Date.parse(journal[0]!.at);
    expect(server.messages).toHaveLength(3);
    for (const m of server.messages)
      expect(m.receivedAt - refusedAttemptAt).toBeGreaterThanOrEqual(400);
    expect(receivedIds(server).sort()).toEqual([...seeded.messageIdHeaders].sort());
  });

  it('a database kept busy by another workstation: the outcome is written once it is free', async () => {
    const { postier, server, seeded } = await setup(2);
    server.setBehavior({ message: 2 }, { at: 'data', stallMs: 300 });
    // Another workstation writing for 1.5 s while message 2 is with the server: on SQLite it
    // holds the file's write lock (the engine's own connection waits 100 ms at a time); on
    // PostgreSQL another connection holds a lock on the messages table that stops writes.
    const handle = onPostgres
      ? null
      : openDatabase(postier.folder.databaseFile, { busyTimeoutMs: 100 });
    const other = onPostgres ? null : new Sqlite(postier.folder.databaseFile);
    const db = handle?.db ?? postier.db;
    let held: Promise<void> = Promise.resolve();
    let locked = false;

    const summary = await runOutbox({
      db,
      folder: postier.folder,
      transportFactory: smtpTransportFactory(db),
      actor: ACTOR,
      onProgress: () => {
        if (locked) return;
        locked = true;
        if (other) {
          other.exec('begin immediate');
          setTimeout(() => other.exec('commit'), 1_500);
          return;
        }
        held = postier.db.transaction().execute(async (trx) => {
          await sql`lock table messages in exclusive mode`.execute(trx);
          await new Promise((resolve) => setTimeout(resolve, 1_500));
        });
      },
    });
    await held;
    await handle?.close();
    other?.close();

    expect(locked).toBe(true);
    expect(summary).toMatchObject({ sent: 2, uncertain: 0 });
    const statuses = await postier.db
      .selectFrom('messages')
      .select('status')
      .orderBy('id')
      .execute();
    expect(statuses.map((m) => m.status)).toEqual(['sent', 'sent']);
    expect(server.messages).toHaveLength(2);
    expect(seeded.ids).toHaveLength(2);
  });

  it('aborting pauses after the message being sent; the rest stays validated', async () => {
    const { seeded, run, message } = await setup(5, { pacing: { delayMs: 300 } });
    const controller = new AbortController();

    const summary = await run({
      signal: controller.signal,
      onProgress: (p) => p.sent === 2 && controller.abort(),
    });

    expect(summary).toMatchObject({ sent: 2, remaining: 3, cancelled: true, stoppedBy: null });
    expect(await message(seeded.ids[2]!)).toMatchObject({ status: 'validated', attempts: 0 });
  });
});

describe('sending engine: claims and grouped commits when messages go back to back', () => {
  it('takes several messages per claim and writes their outcomes together, each once', async () => {
    const { postier, server, seeded, run, message } = await setup(30);
    // The 3rd message keeps the server busy: time to look at the database meanwhile. (The
    // first claim takes one message, until the server's pace is known; the next take many.)
    server.setBehavior({ message: 3, times: 1 }, { at: 'data', stallMs: 600 });
    const statuses = () =>
      postier.db.selectFrom('messages').select(['id', 'status']).orderBy('id').execute();

    const running = run();
    await server.waitForMessages(2);
    const during = await statuses();
    const summary = await running;

    const sending = during.filter((m) => m.status === 'sending').map((m) => m.id);
    // The 3rd and those after it were taken ahead, committed `sending` before the server saw
    // them; the 2nd, which the server already has, still reads `sending`: its outcome waits for
    // its group's commit (a crash now would leave it uncertain, never send it twice).
    expect(sending).toContain(seeded.ids[1]);
    expect(sending).toContain(seeded.ids[2]);
    expect(sending.length).toBeLessThanOrEqual(25);
    expect(during.find((m) => m.id === seeded.ids[0])!.status).toBe('sent');
    expect(summary).toMatchObject({ sent: 30, failed: 0, uncertain: 0, remaining: 0 });
    expect(receivedIds(server)).toEqual(seeded.messageIdHeaders);
    for (const id of seeded.ids) {
      expect(await message(id)).toMatchObject({ status: 'sent', attempts: 1 });
      const journal = await listJournalForMessage(postier.db, id);
      expect(journal.map((j) => j.event)).toEqual(['sending', 'sent']);
      // Each event at the time it happened, not when its group was written.
      expect(Date.parse(journal[0]!.at)).toBeLessThanOrEqual(Date.parse(journal[1]!.at));
      expect(Date.parse(journal[1]!.at)).toBeLessThanOrEqual(
        Date.parse((await message(id)).sent_at!),
      );
    }
  });

  it('aborting in the middle of a claim gives the messages not yet sent back, as never taken', async () => {
    const { postier, server, seeded, run, message } = await setup(12);
    const controller = new AbortController();

    const summary = await run({
      signal: controller.signal,
      onProgress: (p) => p.sent === 4 && controller.abort(),
    });

    expect(summary).toMatchObject({ sent: 4, remaining: 8, cancelled: true, uncertain: 0 });
    expect(server.messages).toHaveLength(4);
    for (const id of seeded.ids.slice(4)) {
      expect(await message(id)).toMatchObject({ status: 'validated', attempts: 0 });
      expect(await events(postier, id)).toEqual([]);
    }
    // Nothing is left `sending`: the next run sends the rest, each once.
    expect(await run()).toMatchObject({ sent: 8 });
    expect(receivedIds(server)).toEqual(seeded.messageIdHeaders);
  });
});
