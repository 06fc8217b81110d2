// The bulk-send dialog's "Envoyer" through the contract (sending.queue), as the window uses
// it: prepared on the preparation thread; with automatic validation, one sending run follows
// the preparation and sends every message once, to a real SMTP server; with manual
// validation, nothing leaves.
import { describe, expect, it } from 'vitest';
import { demoPostier } from '../support/demo-postier.js';
import { contractOver, type ContractSide } from '../support/main-side.js';
import { journalCount, receivedMessageId, smtpAccount } from '../support/outbox-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';

async function office(validationMode: 'automatic' | 'manual') {
  const { postier, demo } = await demoPostier();
  const server = await smtpServerForTest();
  await smtpAccount(postier.db, { structureId: demo.structure.id, port: server.port });
  const side = contractOver(postier);
  expect(await side.call('settings.set', { validationMode })).toMatchObject({ ok: true });
  const documents = await postier.db
    .selectFrom('documents')
    .innerJoin('document_types', 'document_types.id', 'documents.type_id')
    .select('documents.id')
    .where('document_types.code', '=', 'invoice')
    .execute();
  /** The dialog's "Envoyer" for every invoice of the month. */
  const queueInvoices = () =>
    side.call('sending.queue', {
      structureId: demo.structure.id,
      documentIds: documents.map((d) => d.id),
    });
  return { postier, server, side, queueInvoices };
}

async function finished(side: ContractSide): Promise<{ summary: { sent: number } }> {
  for (;;) {
    const event = side.seen.find((e) => e.name === 'sending.finished');
    if (event) return event.payload as { summary: { sent: number } };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('sending.queue', () => {
  it('with automatic validation: one run follows the preparation and sends every message once', async () => {
    const { postier, server, side, queueInvoices } = await office('automatic');
    const queued = await queueInvoices();
    expect(queued).toMatchObject({ ok: true, value: { queued: 30, validated: 30 } });

    expect((await finished(side)).summary.sent).toBe(30);
    await side.sending.stop();
    const rows = await postier.db
      .selectFrom('messages')
      .select(['status', 'message_id_header'])
      .execute();
    expect(rows.map((r) => r.status)).toEqual(Array(30).fill('sent'));
    const received = server.messages.map((m) => receivedMessageId(m.raw));
    expect(received).toHaveLength(30);
    expect(new Set(received)).toEqual(new Set(rows.map((r) => r.message_id_header)));
    expect(await journalCount(postier.db, 'run_started')).toBe(1);
  });

  it('with manual validation: queued, awaiting validation, nothing sent', async () => {
    const { postier, server, side, queueInvoices } = await office('manual');
    const queued = await queueInvoices();
    expect(queued).toMatchObject({ ok: true, value: { queued: 30, validated: 0 } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(side.sending.isRunning()).toBe(false);
    expect(server.messages).toEqual([]);
    const rows = await postier.db.selectFrom('messages').select('status').execute();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['pending']));
    expect(await journalCount(postier.db, 'run_started')).toBe(0);
  });
});
