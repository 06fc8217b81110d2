// Bounces closing the loop, against a real IMAP server (Dovecot on 127.0.0.1, started by the
// test): messages sent by the engine to a real SMTP server, then bounces put in the INBOX
// (IMAP APPEND) next to unrelated mail. The bounce reader marks ours failed with a reason in
// plain French, moves only ours to Postier/Retours, leaves everything else exactly as it was
// (still in the INBOX, flags unchanged), and the user can fix the address and send again.
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processBounces } from '../../src-main/bounces/bounce-processor.js';
import { openImapBounceMailbox } from '../../src-main/mail/imap-bounce-mailbox.js';
import type { MailboxCursor } from '../../src-main/mail/bounce-mailbox.js';
import type { ImapAccess } from '../../src-main/mail/imap-client.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { listJournalForMessage } from '../../src-main/db/send-journal-queries.js';
import type { Postier } from '../../src-main/app/postier.js';
import {
  deliveryStatusReport,
  type DeliveryStatusReportOptions,
} from '../support/delivery-status-report.js';
import {
  dovecotAvailable,
  startDovecot,
  withImapClient,
  type Dovecot,
} from '../support/dovecot.js';
import { seedMessages, smtpAccount, smtpTransportFactory } from '../support/outbox-fixture.js';
import { freshPostier } from '../support/postier-fixture.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { sayStored } from '../../src-shared/i18n/said.js';

const USER = 'bureau@residence-test.example';
const PASSWORD = 'secret-imap';
const ACTOR = { user: 'marie', workstation: 'ACCUEIL-1' };

const dsn = (options: Omit<DeliveryStatusReportOptions, 'mailbox'>) =>
  deliveryStatusReport({ mailbox: USER, ...options });

const UNRELATED = [
  'From: Famille Lefebvre <famille.lefebvre@example.com>',
  `To: ${USER}`,
  'Subject: Re: Votre facture',
  'Message-ID: <reponse-client-1@example.com>',
  'Date: Mon, 2 Nov 2026 09:00:00 +0000',
  'Content-Type: text/plain; charset=utf-8',
  '',
  'Bonjour, merci pour la facture.',
  '',
].join('\r\n');

describe.skipIf(!dovecotAvailable())('bounces read over IMAP (Dovecot)', () => {
  let imap: Dovecot;
  let smtp: SmtpTestServer;

  beforeAll(async () => {
    imap = await startDovecot({ users: { [USER]: PASSWORD } });
    smtp = await startSmtpTestServer();
  });
  afterAll(async () => {
    await smtp?.close();
    await imap?.stop();
  });

  function access(): ImapAccess {
    return {
      host: imap.host,
      port: imap.port,
      security: 'none',
      user: USER,
      secret: { password: PASSWORD },
      timeoutMs: 5000,
    };
  }

  const withClient = <T>(work: (client: ImapFlow) => Promise<T>) =>
    withImapClient(imap, { user: USER, password: PASSWORD }, work);

  /** Message-ID → flags of every message in a folder. */
  async function folder(path: string): Promise<Map<string, string[]>> {
    return withClient(async (client) => {
      const found = new Map<string, string[]>();
      const lock = await client.getMailboxLock(path, { readOnly: true });
      try {
        if (client.mailbox && client.mailbox.exists > 0) {
          for await (const m of client.fetch('1:*', { envelope: true, flags: true })) {
            // \Recent belongs to the IMAP session, not to the message: not a user-visible flag.
            const flags = [...(m.flags ?? [])].filter((f) => f !== '\\Recent');
            found.set(m.envelope?.messageId ?? '?', flags.sort());
          }
        }
      } finally {
        lock.release();
      }
      return found;
    });
  }

  /** The row, its error as the French screens read it (it is stored in no language). */
  async function messageRow(postier: Postier, id: number) {
    const row = await postier.db
      .selectFrom('messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    return { ...row, last_error: sayStored('fr', row.last_error) };
  }

  it('marks our bounced messages failed, moves only them, and touches nothing else', async () => {
    const postier = await freshPostier();
    const structure = (await postier.records.listStructures())[0]!;
    const accountId = await smtpAccount(postier.db, { structureId: structure.id, port: smtp.port });
    await postier.db
      .updateTable('mail_accounts')
      .set({ from_address: USER })
      .where('id', '=', accountId)
      .execute();
    const seeded = await seedMessages(postier.db, {
      structureId: structure.id,
      accountId,
      count: 3,
      recipients: (i) => [['inconnu@example.com', 'pleine@example.org', 'lent@example.net'][i]!],
    });
    const run = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      actor: ACTOR,
      transportFactory: smtpTransportFactory(postier.db),
    });
    expect(run.sent).toBe(3);

    const [unknownId, fullId, slowId] = seeded.messageIdHeaders as [string, string, string];
    await withClient(async (client) => {
      await client.append(
        'INBOX',
        dsn({
          messageId: unknownId,
          recipient: 'inconnu@example.com',
          status: '5.1.1',
          diagnostic: '550 5.1.1 <inconnu@example.com>: Recipient address rejected: User unknown',
        }),
      );
      await client.append('INBOX', UNRELATED, []);
      await client.append('INBOX', UNRELATED.replace('reponse-client-1', 'reponse-client-2'), [
        '\\Flagged',
      ]);
      await client.append(
        'INBOX',
        dsn({
          messageId: fullId,
          recipient: 'pleine@example.org',
          status: '5.2.2',
          diagnostic: '552 5.2.2 Mailbox full',
          returned: 'message',
        }),
      );
      await client.append(
        'INBOX',
        dsn({
          messageId: '<pas-de-nous@ailleurs.example>',
          recipient: 'autre@example.com',
          status: '5.1.1',
          diagnostic: '550 5.1.1 User unknown',
        }),
        [],
      );
      await client.append(
        'INBOX',
        dsn({
          messageId: slowId,
          recipient: 'lent@example.net',
          status: '4.4.1',
          action: 'delayed',
          diagnostic: '421 4.4.1 Connection timed out',
        }),
        [],
      );
    });
    const inboxBefore = await folder('INBOX');

    const mailbox = await openImapBounceMailbox(access());
    let cursor: MailboxCursor | null;
    try {
      const result = await processBounces(postier.db, mailbox, {
        actor: ACTOR,
        cursor: null,
        moveTo: 'Postier/Retours',
      });
      cursor = result.cursor;
      expect(result.summary).toMatchObject({ examined: 4, bounces: 3, unknown: 1, moved: 2 });
      expect(
        result.summary.ours.map((o) => [o.messageId, o.reasonText, o.status, o.change]),
      ).toEqual([
        [seeded.ids[0], 'adresse inconnue', '5.1.1', 'failed'],
        [seeded.ids[1], 'boîte pleine', '5.2.2', 'failed'],
      ]);
    } finally {
      await mailbox.close();
    }

    const unknown = await messageRow(postier, seeded.ids[0]!);
    expect(unknown.status).toBe('failed');
    expect(unknown.last_error).toBe(
      'Message revenu pour inconnu@example.com : adresse inconnue (5.1.1). Corrigez l’adresse et renvoyez le document.',
    );
    expect(unknown.last_reply).toBe(
      '550 5.1.1 <inconnu@example.com>: Recipient address rejected: User unknown',
    );
    expect((await messageRow(postier, seeded.ids[1]!)).last_error).toContain('boîte pleine');
    expect((await messageRow(postier, seeded.ids[2]!)).status).toBe('sent');
    const journal = await listJournalForMessage(postier.db, seeded.ids[0]!);
    expect(journal.at(-1)).toMatchObject({
      event: 'failed',
      actor: 'marie',
      workstation: 'ACCUEIL-1',
    });
    expect(sayStored('fr', journal.at(-1)!.detail)).toContain('adresse inconnue (code 5.1.1)');
    expect(sayStored('en', journal.at(-1)!.detail)).not.toContain('adresse inconnue');
    const documents = await postier.db
      .selectFrom('documents')
      .select(['id', 'email_state'])
      .where('id', 'in', seeded.documentIds)
      .orderBy('id')
      .execute();
    expect(documents.map((d) => d.email_state)).toEqual(['failed', 'failed', 'sent']);

    // Only our two bounces moved; the rest is where it was, flags unchanged (nothing marked read).
    const inboxAfter = await folder('INBOX');
    const moved = await folder('Postier/Retours');
    expect([...moved.keys()].length).toBe(2);
    expect(inboxAfter.size).toBe(inboxBefore.size - 2);
    for (const [id, flags] of inboxAfter) expect(flags).toEqual(inboxBefore.get(id));
    expect(inboxAfter.get('<reponse-client-1@example.com>')).toEqual([]);
    expect(inboxAfter.get('<reponse-client-2@example.com>')).toEqual(['\\Flagged']);

    // A second check reads only what arrived since, and changes nothing.
    const again = await openImapBounceMailbox(access());
    try {
      const second = await processBounces(postier.db, again, {
        actor: ACTOR,
        cursor,
        moveTo: 'Postier/Retours',
      });
      expect(second.summary).toMatchObject({ examined: 0, bounces: 0, moved: 0 });
    } finally {
      await again.close();
    }
    expect(await listJournalForMessage(postier.db, seeded.ids[0]!)).toHaveLength(journal.length);

    // From the failed message, the user fixes the address and sends again.
    const fixed = await postier.messageActions.fixAddress(seeded.ids[0]!, 'connu@example.com');
    expect(fixed.to).toEqual(['connu@example.com']);
    expect(['pending', 'validated']).toContain(fixed.status);
    expect((await messageRow(postier, seeded.ids[0]!)).status).toBe('failed');
  });
});
