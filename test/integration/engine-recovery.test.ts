// Exactly-once across crashes: a message an engine left half-sent is `uncertain`, never sent
// again on its own; the user decides. The crash test kills real `postier send run` processes
// with SIGKILL at random moments and counts what the SMTP server received. Every test runs on
// a SQLite data folder and on a PostgreSQL database (describeEachDialect).
import { spawn, type ChildProcess } from 'node:child_process';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { isUserError } from '../../src-shared/errors.js';
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { writeTransaction } from '../../src-main/db/connection.js';
import { claimForSending } from '../../src-main/db/outbox-engine-queue.js';
import { listJournalForMessage } from '../../src-main/db/send-journal-queries.js';
import { resolveUncertain } from '../../src-main/outbox/uncertain.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { POSTIER_BIN, REPO_ROOT, postier as runCli } from '../support/cli.js';
import {
  receivedMessageId,
  seedMessages,
  smtpAccount,
  smtpTransportFactory,
} from '../support/outbox-fixture.js';
import { describeEachDialect } from '../support/dialects.js';
import { freshPostier } from '../support/postier-fixture.js';
import { type SmtpTestServer } from '../support/smtp-test-server.js';
import { seededRandom } from '../support/seeded-random.js';
import { smtpServerForTest } from '../support/smtp-servers.js';

const ACTOR = { user: 'marie', workstation: 'COMPTA-2' };
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** How many times the server received each document's message (by Message-ID or recipient). */
function receivedCounts(
  server: SmtpTestServer,
  by: 'id' | 'recipient' = 'id',
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of server.messages) {
    const id = receivedMessageId(m.raw);
    // The staff notification of the uncertain messages (to the account's own address, the
    // cascade's last step) is not one of the documents.
    if (id.startsWith('<notify.')) continue;
    for (const key of by === 'id' ? [id] : m.envelope.to)
      counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describeEachDialect('a message an engine left half-sent', ({ freshData }) => {
  async function withOrphan() {
    const postier = await freshPostier(await freshData());
    const server = await smtpServerForTest();
    const structureId = (await postier.records.chooseStructure()).id;
    const accountId = await smtpAccount(postier.db, { structureId, port: server.port });
    const seeded = await seedMessages(postier.db, { structureId, accountId, count: 3 });
    // An engine on another workstation took message 2, then vanished (its lease is long gone).
    await postier.db
      .updateTable('messages')
      .set({ status: 'sending', attempts: 1, sending_by: 'AUTRE-POSTE:4242:run' })
      .where('id', '=', seeded.ids[1]!)
      .execute();
    const run = () =>
      runOutbox({
        db: postier.db,
        folder: postier.folder,
        transportFactory: smtpTransportFactory(postier.db),
        actor: ACTOR,
      });
    return { postier, server, seeded, run };
  }

  async function statusOf(postier: Postier, id: number) {
    const row = await postier.db
      .selectFrom('messages')
      .select(['status', 'attempts'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return row;
  }

  it('becomes uncertain, is journaled, and is never sent again by the engine', async () => {
    const { postier, server, seeded, run } = await withOrphan();

    const first = await run();
    const second = await run();

    expect(first).toMatchObject({ sent: 2, uncertain: 1 });
    expect(second).toMatchObject({ sent: 0, uncertain: 1 });
    expect(await statusOf(postier, seeded.ids[1]!)).toEqual({ status: 'uncertain', attempts: 1 });
    expect([...receivedCounts(server).keys()].sort()).toEqual(
      [seeded.messageIdHeaders[0], seeded.messageIdHeaders[2]].sort(),
    );
    const [event] = await listJournalForMessage(postier.db, seeded.ids[1]!);
    expect(event).toMatchObject({ event: 'uncertain', actor: 'marie', workstation: 'COMPTA-2' });
    expect(event!.detail).toContain('AUTRE-POSTE');
    expect(event!.detail).toContain('ne sera pas renvoyé automatiquement');
    const [document] = (await postier.documents.journal({ documentIds: [seeded.documentIds[1]!] }))
      .items;
    expect(document!.emailState).toBe('uncertain');
  });

  it('the user decides "sent": it is never sent, and no second decision is taken', async () => {
    const { postier, server, seeded, run } = await withOrphan();
    await run();

    await resolveUncertain(postier.db, seeded.ids[1]!, 'sent', ACTOR);
    await run();
    expect(await statusOf(postier, seeded.ids[1]!)).toMatchObject({ status: 'sent' });
    expect(receivedCounts(server).has(seeded.messageIdHeaders[1]!)).toBe(false);
    const [document] = (await postier.documents.journal({ documentIds: [seeded.documentIds[1]!] }))
      .items;
    expect(document!.emailState).toBe('sent');
    expect((await listJournalForMessage(postier.db, seeded.ids[1]!)).map((j) => j.event)).toEqual([
      'uncertain',
      'resolved',
    ]);

    const error = await resolveUncertain(postier.db, seeded.ids[1]!, 'resend', ACTOR).catch(
      (e: unknown) => e,
    );
    expect(isUserError(error) && error.code).toBe('outbox.error.notUncertain');
    const missing = await resolveUncertain(postier.db, 999, 'sent', ACTOR).catch((e: unknown) => e);
    expect(isUserError(missing) && missing.code).toBe('outbox.error.messageNotFound');
  });

  it('the user decides "failed": it stays unsent, the document shows the failure', async () => {
    const { postier, server, seeded, run } = await withOrphan();
    await run();

    await resolveUncertain(postier.db, seeded.ids[1]!, 'failed', ACTOR);
    await run();

    expect(await statusOf(postier, seeded.ids[1]!)).toMatchObject({ status: 'failed' });
    expect(receivedCounts(server).has(seeded.messageIdHeaders[1]!)).toBe(false);
    const [document] = (await postier.documents.journal({ documentIds: [seeded.documentIds[1]!] }))
      .items;
    expect(document!.emailState).toBe('failed');
  });

  it('"resend" puts it back in the queue: sent exactly once', async () => {
    const { postier, server, seeded, run } = await withOrphan();
    await run();

    await resolveUncertain(postier.db, seeded.ids[1]!, 'resend', ACTOR);
    const summary = await run();

    expect(summary).toMatchObject({ sent: 1, uncertain: 0 });
    expect(receivedCounts(server).get(seeded.messageIdHeaders[1]!)).toBe(1);
    expect(await statusOf(postier, seeded.ids[1]!)).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

describeEachDialect('claims', ({ dialect, freshData }) => {
  // SQLite has no row locks: a claim's transaction holds the whole file, so no other
  // transaction can be changing a message meanwhile.
  it.runIf(dialect === 'postgres')(
    'a claim skips a message another transaction is changing (FOR UPDATE SKIP LOCKED), without waiting for it',
    async () => {
      const postier = await freshPostier(await freshData());
      const structureId = (await postier.records.chooseStructure()).id;
      const accountId = await smtpAccount(postier.db, { structureId, port: 2525 });
      const seeded = await seedMessages(postier.db, { structureId, accountId, count: 3 });
      // Another workstation's transaction has message 2 in hand, not committed yet.
      let inHand!: () => void;
      const held = new Promise<void>((resolve) => (inHand = resolve));
      let finish!: () => void;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      const other = postier.db.connection().execute(async (connection) => {
        await sql`begin`.execute(connection);
        await connection
          .updateTable('messages')
          .set({ status: 'pending' })
          .where('id', '=', seeded.ids[1]!)
          .execute();
        inHand();
        await finished;
        await sql`commit`.execute(connection);
      });
      await held;

      // Waiting for message 2 here would never end: the other transaction ends after.
      const claimed = await writeTransaction(postier.db, (tx) =>
        claimForSending(tx, seeded.ids, 'ENGINE', new Date().toISOString()),
      );
      finish();
      await other;

      expect(claimed.map((row) => row.id)).toEqual([seeded.ids[0], seeded.ids[2]]);
      const rows = await postier.db
        .selectFrom('messages')
        .select(['status', 'sending_by'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { status: 'sending', sending_by: 'ENGINE' },
        { status: 'pending', sending_by: null },
        { status: 'sending', sending_by: 'ENGINE' },
      ]);
    },
    30_000,
  );
});

const { POSTIER_DATA: _ignored, ...inheritedEnv } = process.env;
const CHILD_ENV = {
  ...inheritedEnv,
  POSTIER_LANG: 'fr',
  POSTIER_WORKSTATION: 'COMPTA-2',
  POSTIER_USER: 'marie',
};

/**
 * Starts `postier send run`; once it reports its first message, waits `killAfterMs` and kills
 * it with SIGKILL. Resolves with whether it was killed (false: it ended on its own first).
 */
function runAndKill(dataPath: string, killAfterMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [POSTIER_BIN, 'send', 'run', '--data', dataPath], {
      cwd: REPO_ROOT,
      env: CHILD_ENV,
    });
    children.push(child);
    let killed = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => {
      setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!killed && code !== 0) reject(new Error(`send run exited ${code}: ${stderr}`));
      else resolve(killed);
    });
  });
}

interface CrashScenario {
  /** A fresh data folder, or a fresh PostgreSQL database's URL. */
  dataPath: string;
  /** The account's delay between messages: 0 sends back to back, claims of up to 25. */
  delayMs: number;
  count: number;
  /** Resolve the uncertain messages with the CLI (slow: one process each) or in process. */
  resolveWith: 'cli' | 'engine';
}

/**
 * Kills `postier send run` processes with SIGKILL at random moments, then checks at the
 * server: no message twice, none lost (each sent once, or uncertain and received at most
 * once); the user's decisions then lead to every message received exactly once.
 */
async function crashTest({ dataPath, delayMs, count, resolveWith }: CrashScenario): Promise<void> {
  const seed = Number(process.env.POSTIER_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
  const random = seededRandom(seed);
  const server = await smtpServerForTest();
  // The server takes its time to accept each message: a kill often lands between the
  // server having the message and the engine recording it.
  server.setBehavior({}, { at: 'data', stallMs: 25 });
  const setup = await openPostier({ dataPath });
  const structureId = (await setup.records.createStructure({ name: 'Résidence Crash' })).id;
  const accountId = await smtpAccount(setup.db, {
    structureId,
    port: server.port,
    pacing: { delayMs },
  });
  const seeded = await seedMessages(setup.db, { structureId, accountId, count });
  await setup.close();

  let kills = 0;
  for (let round = 0; round < 8; round++) {
    const killed = await runAndKill(dataPath, Math.floor(random() * 500));
    if (!killed) break;
    kills++;
  }
  const finish = await runCli(['send', 'run', '--data', dataPath], CHILD_ENV);
  expect(finish.code, finish.stderr).toBe(0);

  const check = await openPostier({ dataPath });
  try {
    const rows = await check.db
      .selectFrom('messages')
      .select(['id', 'status', 'message_id_header'])
      .orderBy('id')
      .execute();
    const received = receivedCounts(server);
    const uncertain = rows.filter((r) => r.status === 'uncertain');
    process.stdout.write(
      `crash test (delay ${delayMs} ms): seed ${seed}, ${kills} kills, ${uncertain.length} uncertain ` +
        `(${uncertain.filter((r) => received.has(r.message_id_header)).length} of them received)\n`,
    );
    expect(
      [...received.values()].every((n) => n === 1),
      `seed ${seed}: a message arrived twice`,
    ).toBe(true);
    for (const row of rows) {
      expect(['sent', 'uncertain'], `seed ${seed}: message ${row.id}`).toContain(row.status);
      if (row.status === 'sent')
        expect(received.get(row.message_id_header), `seed ${seed}: ${row.id}`).toBe(1);
    }

    // The user resolves: what the server has is "sent" (never sent again), the rest "resend".
    for (const row of uncertain) {
      const decision = received.has(row.message_id_header) ? 'sent' : 'resend';
      if (resolveWith === 'engine') {
        await resolveUncertain(check.db, row.id, decision, ACTOR);
        continue;
      }
      const resolved = await runCli(
        ['send', 'uncertain', 'resolve', String(row.id), '--as', decision, '--data', dataPath],
        CHILD_ENV,
      );
      expect(resolved.code, resolved.stderr).toBe(0);
    }
    const last = await runCli(['send', 'run', '--json', '--data', dataPath], CHILD_ENV);
    expect(last.code, last.stderr).toBe(0);
    const after = receivedCounts(server);
    expect(after.size).toBe(count);
    expect(
      [...after.values()].every((n) => n === 1),
      `seed ${seed}`,
    ).toBe(true);
    expect([...after.keys()].sort()).toEqual([...seeded.messageIdHeaders].sort());
    // Each recipient (one per message) reached exactly once.
    const perRecipient = receivedCounts(server, 'recipient');
    expect(perRecipient.size).toBe(count);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
    const statuses = await check.db.selectFrom('messages').select('status').execute();
    expect(statuses.every((s) => s.status === 'sent')).toBe(true);
  } finally {
    await check.close();
  }
}

describeEachDialect('crash test: engines killed at random moments', ({ freshData }) => {
  it('paced: no message twice, none lost: each is sent once, or uncertain and received at most once', async () => {
    await crashTest({ dataPath: await freshData(), delayMs: 15, count: 40, resolveWith: 'cli' });
  }, 180_000);

  it('pacing off, claims of 25 and grouped commits: still no message twice, none lost', async () => {
    await crashTest({ dataPath: await freshData(), delayMs: 0, count: 60, resolveWith: 'engine' });
  }, 180_000);
});
