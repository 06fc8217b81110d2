// Pacing measured where it matters, at the SMTP server: never faster than the account
// allows (strict lower bounds), roughly as fast as it allows (loose upper bounds, so that a
// loaded 2-core machine does not fail the test), and the same across restarts.
import { describe, expect, it } from 'vitest';
import type { Pacing } from '../../src-shared/domain/mail.js';
import type { Postier } from '../../src-main/app/postier.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { startOfNextLocalDay } from '../../src-main/send/pacing.js';
import {
  receivedMessageId,
  seedMessages,
  smtpAccount,
  smtpTransportFactory,
} from '../support/outbox-fixture.js';
import { freshPostier } from '../support/postier-fixture.js';
import { type SmtpTestServer } from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';

const DELAY = 150;
const PAUSE = 600;
const PAUSE_EVERY = 4;

async function pacedOutbox(count: number, pacing: Partial<Pacing>) {
  const postier = await freshPostier();
  const server = await smtpServerForTest();
  const structureId = (await postier.records.chooseStructure()).id;
  const accountId = await smtpAccount(postier.db, { structureId, port: server.port, pacing });
  const seeded = await seedMessages(postier.db, { structureId, accountId, count });
  return { postier, server, seeded, accountId };
}

function run(postier: Postier) {
  return runOutbox({
    db: postier.db,
    folder: postier.folder,
    transportFactory: smtpTransportFactory(postier.db),
    actor: { user: 'marie', workstation: 'COMPTA-2' },
  });
}

function arrivalGaps(server: SmtpTestServer): number[] {
  const times = server.messages.map((m) => m.receivedAt);
  return times.slice(1).map((t, i) => t - times[i]!);
}

/** Never faster than allowed: every gap at least the delay; never PAUSE_EVERY in a row without the pause. */
function expectPacedAtLeast(gaps: number[]) {
  for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(DELAY);
  for (let i = 0; i + PAUSE_EVERY <= gaps.length; i++) {
    expect(Math.max(...gaps.slice(i, i + PAUSE_EVERY))).toBeGreaterThanOrEqual(PAUSE);
  }
}

describe('pacing at the server', () => {
  it(`${DELAY} ms between messages and ${PAUSE} ms every ${PAUSE_EVERY}`, async () => {
    const { postier, server, seeded } = await pacedOutbox(10, {
      delayMs: DELAY,
      pauseMs: PAUSE,
      pauseEvery: PAUSE_EVERY,
    });

    const summary = await run(postier);

    expect(summary.sent).toBe(10);
    expect(server.messages.map((m) => receivedMessageId(m.raw))).toEqual(seeded.messageIdHeaders);
    const gaps = arrivalGaps(server);
    expectPacedAtLeast(gaps);
    // Roughly as fast as allowed: 7 delays and 2 pauses (≈ 2.25 s), with room for a slow machine.
    const total = gaps.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(7 * DELAY + 2 * PAUSE + 4_000);
  });

  it('max per run stops after N; restarting keeps the schedule (it lives in the database)', async () => {
    const { postier, server } = await pacedOutbox(10, {
      delayMs: DELAY,
      pauseMs: PAUSE,
      pauseEvery: PAUSE_EVERY,
      maxPerRun: 3,
    });

    const runs = [];
    for (let i = 0; i < 4; i++) runs.push(await run(postier));

    expect(runs.map((r) => r.sent)).toEqual([3, 3, 3, 1]);
    expect(runs.map((r) => r.limitReached)).toEqual(['run', 'run', 'run', null]);
    expect(runs.map((r) => r.remaining)).toEqual([7, 4, 1, 0]);
    expect(server.messages).toHaveLength(10);
    // Back-to-back runs: the delay and the pause still hold from one run to the next.
    expectPacedAtLeast(arrivalGaps(server));
  });

  it('max per day counts what the account already sent today', async () => {
    const { postier, server, seeded } = await pacedOutbox(6, { maxPerDay: 3 });
    const today = new Date().toISOString();
    await postier.db
      .updateTable('messages')
      .set({ status: 'sent', sent_at: today })
      .where('id', 'in', seeded.ids.slice(0, 2))
      .execute();

    const summary = await run(postier);

    expect(summary).toMatchObject({ sent: 1, remaining: 3, limitReached: 'day' });
    expect(summary.nextSendAt).toBe(new Date(startOfNextLocalDay(Date.now())).toISOString());
    expect(server.messages.map((m) => receivedMessageId(m.raw))).toEqual([
      seeded.messageIdHeaders[2],
    ]);
  });
});
