// A way out of a bad queue and no duplicate by mistake (issue 13), through the contract as the
// window calls it and through `postier send withdraw`: a blocked batch withdrawn leaves its
// documents "not sent" (offered again by the next bulk send) and the journal keeps the event;
// a reset asked as a dry run counts the documents and changes nothing, then done for real
// offers the document again.
import { describe, expect, it } from 'vitest';
import { runOutbox } from '../../src-main/send/engine.js';
import type { Postier } from '../../src-main/app/postier.js';
import { postier as runCli } from '../support/cli.js';
import { demoPostier, documentId } from '../support/demo-postier.js';
import { contractOver } from '../support/main-side.js';
import { dataPlace } from '../support/postier-fixture.js';
import { smtpAccount, smtpTransportFactory } from '../support/outbox-fixture.js';
import { smtpServerForTest } from '../support/smtp-servers.js';

const SELECTION_TYPE = 'invoice' as const;

async function emailState(postier: Postier, id: number): Promise<string> {
  const row = await postier.db
    .selectFrom('documents')
    .select('email_state')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.email_state;
}

async function listedIds(postier: Postier, period: string): Promise<number[]> {
  const structure = await postier.records.chooseStructure();
  const plan = await postier.prepare.planBulkSend({
    structureId: structure.id,
    type: SELECTION_TYPE,
    period,
  });
  return plan.rows.map((r) => r.documentId);
}

async function messagesOf(postier: Postier, batchId: number) {
  return postier.db
    .selectFrom('messages')
    .select(['id', 'version', 'status', 'document_id'])
    .where('batch_id', '=', batchId)
    .orderBy('id')
    .execute();
}

describe('withdrawing from the queue', () => {
  it('takes a blocked batch out: never sent, its documents offered again, the journal keeps it', async () => {
    const { postier } = await demoPostier();
    const side = contractOver(postier);
    const mailly = await documentId(postier, 'F202610-1003');
    const gagnon = await documentId(postier, 'F202610-1005');
    const queued = await postier.prepare.prepare({ documentIds: [mailly, gagnon] });
    const batchId = queued.batchId!;
    // Gagnon's invoice goes to two addresses: three messages.
    expect(queued.queued).toHaveLength(3);
    expect(await listedIds(postier, '2026-10')).not.toContain(mailly);

    await postier.messageActions.block('all', { batchId });
    const blocked = await messagesOf(postier, batchId);
    expect(blocked.map((m) => m.status)).toEqual(['blocked', 'blocked', 'blocked']);

    const answer = await side.call('outbox.withdraw', {
      messages: blocked.map((m) => ({ id: m.id, version: m.version })),
    });
    expect(answer.ok).toBe(true);
    expect(answer.ok && (answer.value as { changed: number[] }).changed).toHaveLength(3);
    expect((await messagesOf(postier, batchId)).map((m) => m.status)).toEqual([
      'withdrawn',
      'withdrawn',
      'withdrawn',
    ]);
    expect(await emailState(postier, mailly)).toBe('none');
    expect(await emailState(postier, gagnon)).toBe('none');
    expect(await listedIds(postier, '2026-10')).toEqual(expect.arrayContaining([mailly, gagnon]));

    const events = await postier.db
      .selectFrom('send_journal')
      .select(['event', 'message_id'])
      .where('event', '=', 'withdrawn')
      .execute();
    expect(events.map((e) => e.message_id).sort()).toEqual(blocked.map((m) => m.id).sort());

    // Withdrawn once is enough: again, nothing changes and the answer says why.
    const again = await postier.messageActions.withdraw(blocked.map((m) => m.id));
    expect(again.changed).toEqual([]);
    expect(again.skipped).toHaveLength(3);
  });

  it('`postier send withdraw --batch` says how many left the queue, in French and in English', async () => {
    const { postier } = await demoPostier();
    const first = await postier.prepare.prepare({
      documentIds: [await documentId(postier, 'F202610-1003')],
    });
    const second = await postier.prepare.prepare({
      documentIds: [await documentId(postier, 'F202610-1005')],
    });
    const data = dataPlace(postier);
    await postier.close();

    const french = await runCli([
      '--data',
      data,
      'send',
      'withdraw',
      '--batch',
      `${first.batchId}`,
    ]);
    expect(french.code).toBe(0);
    expect(french.stdout).toContain('1 message retiré de la file.');
    const english = await runCli(
      ['--data', data, 'send', 'withdraw', '--batch', `${second.batchId}`],
      { POSTIER_LANG: 'en' },
    );
    expect(english.stdout).toContain('2 messages withdrawn from the queue.');
    const neither = await runCli(['--data', data, 'send', 'withdraw']);
    expect(neither.code).not.toBe(0);
    expect(neither.stderr).toContain('--batch <numéro du lot>, ou les numéros des messages');
  });
});

describe('resetting the send status', () => {
  it('counts first and changes nothing; confirmed, the document is offered again', async () => {
    const { postier } = await demoPostier();
    const side = contractOver(postier);
    const mailly = await documentId(postier, 'F202610-1003');
    const server = await smtpServerForTest();
    const structure = await postier.records.chooseStructure();
    await smtpAccount(postier.db, { structureId: structure.id, port: server.port });
    const queued = await postier.prepare.prepare({ documentIds: [mailly] });
    await postier.messageActions.validate(queued.queued.map((m) => m.id));
    await runOutbox({
      db: postier.db,
      folder: postier.folder,
      transportFactory: smtpTransportFactory(postier.db),
      actor: { user: 'marie', workstation: 'COMPTA-2' },
    });
    expect(await emailState(postier, mailly)).toBe('sent');

    const dry = await side.call('outbox.reset', { documentIds: [mailly], dryRun: true });
    expect(dry.ok && dry.value).toEqual({
      documents: [mailly],
      messages: queued.queued.map((m) => m.id),
    });
    // The confirmation cancelled: still sent, still left out of the next bulk send.
    expect(await emailState(postier, mailly)).toBe('sent');
    expect(await listedIds(postier, '2026-10')).not.toContain(mailly);

    const done = await side.call('outbox.reset', { documentIds: [mailly] });
    expect(done.ok && (done.value as { documents: number[] }).documents).toEqual([mailly]);
    expect(await emailState(postier, mailly)).toBe('none');
    expect(await listedIds(postier, '2026-10')).toContain(mailly);
    expect(server.messages).toHaveLength(1);
  });
});
