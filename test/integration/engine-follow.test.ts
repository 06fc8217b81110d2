// Sending while a bulk send is still being prepared: the run does not end when the outbox
// is empty for a moment; it waits for the preparation's next messages, sends them on the same
// connection in the same run, and ends once the preparation says it is done (or on pause).
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { runOutbox, type RunOutboxOptions } from '../../src-main/send/engine.js';
import { QueueFeed } from '../../src-main/send/queue-feed.js';
import {
  journalCount,
  seedMessages,
  smtpAccount,
  smtpTransportFactory,
} from '../support/outbox-fixture.js';
import { freshPostier } from '../support/postier-fixture.js';
import { type SmtpTestServer } from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';

async function outbox() {
  const postier = await freshPostier();
  const server = await smtpServerForTest();
  const structureId = (await postier.records.chooseStructure()).id;
  const accountId = await smtpAccount(postier.db, { structureId, port: server.port });
  const seed = (count: number) => seedMessages(postier.db, { structureId, accountId, count });
  return { postier, server, seed };
}

function run(postier: Postier, options: Partial<RunOutboxOptions>) {
  return runOutbox({
    db: postier.db,
    folder: postier.folder,
    transportFactory: smtpTransportFactory(postier.db),
    actor: { user: 'marie', workstation: 'COMPTA-2' },
    ...options,
  });
}

/** Resolves once the server has received `count` messages in all. */
async function received(server: SmtpTestServer, count: number): Promise<void> {
  while (server.messages.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe('sending while a bulk send is prepared', () => {
  it('sends what is queued after the run started, in the same run and on the same connection', async () => {
    const { postier, server, seed } = await outbox();
    const feed = new QueueFeed();
    const first = await seed(3);
    feed.queued();
    const running = run(postier, { more: feed.more });

    await received(server, 3);
    // The outbox is empty now; the run waits rather than ending.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const second = await seed(4);
    feed.queued();
    await received(server, 7);
    const third = await seed(2);
    feed.queued();
    feed.finish();
    const summary = await running;

    expect(summary.sent).toBe(9);
    expect(server.messages).toHaveLength(9);
    expect(server.connectionCount).toBe(1);
    const statuses = await postier.db
      .selectFrom('messages')
      .select(['id', 'status'])
      .where('id', 'in', [...first.ids, ...second.ids, ...third.ids])
      .execute();
    expect(statuses.map((m) => m.status)).toEqual(Array(9).fill('sent'));
    expect(await journalCount(postier.db, 'run_started')).toBe(1);
    expect(await journalCount(postier.db, 'run_finished')).toBe(1);
  });

  it('ends when the preparation is done, even if it queued nothing, and leaves no trace', async () => {
    const { postier, server } = await outbox();
    const feed = new QueueFeed();
    const running = run(postier, { more: feed.more });
    await new Promise((resolve) => setTimeout(resolve, 100));
    feed.finish();
    const summary = await running;
    expect(summary).toMatchObject({ sent: 0, failed: 0, cancelled: false });
    expect(server.connectionCount).toBe(0);
    // A run that sent nothing leaves no trace in the journal.
    expect(await journalCount(postier.db, 'run_started')).toBe(0);
    expect(await journalCount(postier.db, 'run_finished')).toBe(0);
  });

  it('is paused while waiting: the run ends at once, cancelled, and nothing is lost', async () => {
    const { postier, server, seed } = await outbox();
    const feed = new QueueFeed();
    const controller = new AbortController();
    await seed(2);
    const running = run(postier, { more: feed.more, signal: controller.signal });
    await received(server, 2);
    controller.abort();
    const summary = await running;
    expect(summary).toMatchObject({ sent: 2, cancelled: true });

    // Queued after the pause: still validated, sent by the next run.
    await seed(1);
    feed.queued();
    feed.finish();
    expect((await run(postier, {})).sent).toBe(1);
    expect(server.messages).toHaveLength(3);
  });
});
