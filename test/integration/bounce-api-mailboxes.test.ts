// Bounces read through Microsoft Graph and the Gmail API, against local servers shaped like
// the published endpoints: our bounce marks the message failed and moves to Postier/Retours;
// an unrelated message and a bounce of someone else's message stay in the inbox, unread.
import { afterEach, describe, expect, it } from 'vitest';
import {
  gmailBounceMailbox,
  graphBounceMailbox,
} from '../../src-main/mail/api-bounce-mailboxes.js';
import { processBounces } from '../../src-main/bounces/bounce-processor.js';
import type { Postier } from '../../src-main/app/postier.js';
import { startFakeGmailApi, type FakeGmailApi } from '../support/fake-gmail-api.js';
import { startFakeGraphApi, type FakeGraphApi } from '../support/fake-graph-api.js';
import { seedMessages, smtpAccount } from '../support/outbox-fixture.js';
import { freshPostier } from '../support/postier-fixture.js';
import { sayStored } from '../../src-shared/i18n/said.js';

const ACTOR = { user: 'marie', workstation: 'ACCUEIL-1' };
const tokens = { accessToken: async () => 'jeton' };
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function bounce(messageId: string, recipient: string, status = '5.1.1'): string {
  return [
    'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>',
    'To: bureau@residence-test.example',
    'Subject: Delivery Status Notification (Failure)',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="g"',
    '',
    '--g',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; googlemail.com',
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    `Status: ${status}`,
    `Diagnostic-Code: smtp; 550 ${status} The email account that you tried to reach does not exist.`,
    '',
    '--g',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${messageId}`,
    `To: ${recipient}`,
    '',
    '--g--',
    '',
  ].join('\r\n');
}

const UNRELATED =
  'From: Client <client@example.com>\r\nTo: bureau@residence-test.example\r\nSubject: Question\r\nMessage-ID: <question@example.com>\r\n\r\nBonjour\r\n';

async function sentMessages(postier: Postier) {
  const structureId = (await postier.records.listStructures())[0]!.id;
  const accountId = await smtpAccount(postier.db, { structureId, port: 1 });
  const seeded = await seedMessages(postier.db, {
    structureId,
    accountId,
    count: 1,
    recipients: () => ['inconnu@example.com'],
  });
  await postier.db
    .updateTable('messages')
    .set({ status: 'sent', sent_at: new Date().toISOString() })
    .execute();
  return seeded;
}

/** The status and the error as the French screens read it (it is stored in no language). */
async function status(postier: Postier, id: number) {
  const row = await postier.db
    .selectFrom('messages')
    .select(['status', 'last_error'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...row, last_error: sayStored('fr', row.last_error) };
}

describe('bounces through the mail APIs', () => {
  it('Microsoft Graph: marks ours failed, files it in Postier/Retours, leaves the rest unread in the Inbox', async () => {
    const graph: FakeGraphApi = await startFakeGraphApi();
    closers.push(() => graph.close());
    const postier = await freshPostier();
    const seeded = await sentMessages(postier);
    const ours = graph.addToInbox(bounce(seeded.messageIdHeaders[0]!, 'inconnu@example.com'));
    const unrelated = graph.addToInbox(UNRELATED);
    const foreign = graph.addToInbox(bounce('<ailleurs@other.example>', 'x@example.com'));

    const mailbox = graphBounceMailbox({
      tokens,
      account: 'bureau@residence-test.example',
      baseUrl: graph.baseUrl,
    });
    const { summary, cursor } = await processBounces(postier.db, mailbox, {
      actor: ACTOR,
      cursor: null,
      moveTo: 'Postier/Retours',
    });

    expect(graph.problems).toEqual([]);
    expect(summary).toMatchObject({ bounces: 2, unknown: 1, moved: 1 });
    expect(await status(postier, seeded.ids[0]!)).toMatchObject({
      status: 'failed',
      last_error: expect.stringContaining('adresse inconnue'),
    });
    const postierFolder = graph.folders.find(
      (f) => f.displayName === 'Postier' && f.parentId === null,
    )!;
    const retours = graph.folders.find(
      (f) => f.displayName === 'Retours' && f.parentId === postierFolder.id,
    )!;
    expect(ours.folder).toBe(retours.id);
    expect([unrelated.folder, foreign.folder]).toEqual(['inbox-id', 'inbox-id']);
    expect(graph.inbox.every((i) => !i.isRead)).toBe(true);
    expect(cursor).toHaveProperty('receivedAfter');
  });

  it('Gmail API: marks ours failed, labels it Postier/Retours out of the Inbox, leaves the rest', async () => {
    const gmail: FakeGmailApi = await startFakeGmailApi();
    closers.push(() => gmail.close());
    const postier = await freshPostier();
    const seeded = await sentMessages(postier);
    const ours = gmail.addToInbox(bounce(seeded.messageIdHeaders[0]!, 'inconnu@example.com'));
    const foreign = gmail.addToInbox(bounce('<ailleurs@other.example>', 'x@example.com'));

    const mailbox = gmailBounceMailbox({
      tokens,
      account: 'bureau@residence-test.example',
      baseUrl: gmail.baseUrl,
    });
    const { summary } = await processBounces(postier.db, mailbox, {
      actor: ACTOR,
      cursor: null,
      moveTo: 'Postier/Retours',
    });

    expect(gmail.problems).toEqual([]);
    expect(summary).toMatchObject({ bounces: 2, unknown: 1, moved: 1 });
    expect((await status(postier, seeded.ids[0]!)).status).toBe('failed');
    const label = gmail.labels.find((l) => l.name === 'Postier/Retours')!;
    expect(ours.labelIds).toEqual(['UNREAD', label.id]);
    expect(foreign.labelIds).toEqual(['INBOX', 'UNREAD']);
  });
});
