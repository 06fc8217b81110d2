// `postier account set --bounces --imap-…`, `account test` and `postier bounces check`, in
// child processes as a user runs them, against Dovecot (IMAP) and an SMTP server on 127.0.0.1.
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostier } from '../../src-main/app/postier.js';
import { postier, type CliResult } from '../support/cli.js';
import { freshDataPlace } from '../support/dialects.js';
import { dovecotAvailable, startDovecot, type Dovecot } from '../support/dovecot.js';
import { seedMessages } from '../support/outbox-fixture.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

const USER = 'bureau@residence-test.example';
const PASSWORD = 'Hiver-2026!Érables';

describe.skipIf(!dovecotAvailable())('postier bounces check', { timeout: 120_000 }, () => {
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

  it('checks the mailbox, marks our bounced message failed and says how to fix it', async () => {
    const data = await freshDataPlace();
    const env = {
      POSTIER_CREDENTIALS_DIR: path.join(tempFolder(), 'credentials'),
      DBUS_SESSION_BUS_ADDRESS: '',
      DISPLAY: '',
    };
    const run = (args: string[], stdin?: string): Promise<CliResult> =>
      postier(['--data', data, ...args], env, stdin);

    expect((await run(['init'])).code).toBe(0);
    const disabled = await run(['bounces', 'check']);
    expect(disabled.code).toBe(1);
    expect(disabled.stderr).toContain('La lecture des retours n’est pas activée');

    const set = await run(
      [
        'account',
        'set',
        '--kind',
        'smtp',
        '--host',
        '127.0.0.1',
        '--port',
        String(smtp.port),
        '--security',
        'none',
        '--user',
        USER,
        '--from',
        USER,
        '--password-stdin',
        '--bounces',
        '--imap-host',
        '127.0.0.1',
        '--imap-port',
        String(imap.port),
        '--imap-security',
        'none',
      ],
      `${PASSWORD}\n`,
    );
    expect(set.code).toBe(0);
    const tested = await run(['account', 'test']);
    expect(tested.stdout).toContain('Boîte IMAP 127.0.0.1 : connexion réussie.');

    // A message that went, and its bounce in the INBOX.
    const office = await openPostier({ dataPath: data });
    const structureId = (await office.records.listStructures())[0]!.id;
    const accountId = (await office.accounts.getAccount(structureId)).id;
    const seeded = await seedMessages(office.db, {
      structureId,
      accountId,
      count: 1,
      recipients: () => ['parti@example.com'],
    });
    await office.db
      .updateTable('messages')
      .set({ status: 'sent', sent_at: new Date().toISOString() })
      .execute();
    await office.close();
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: USER, pass: PASSWORD },
      logger: false,
    });
    await client.connect();
    await client.append('INBOX', dsn(seeded.messageIdHeaders[0]!));
    await client.logout();

    const checked = await run(['bounces', 'check', '--json']);
    expect(checked.code).toBe(0);
    expect(JSON.parse(checked.stdout)).toEqual([
      expect.objectContaining({
        id: seeded.ids[0],
        address: 'parti@example.com',
        status: '5.1.1',
        reasonText: 'adresse inconnue',
        change: 'failed',
      }),
    ]);
    const again = await run(['bounces', 'check']);
    expect(again.stdout).toContain('0 nouveau message lu dans la boîte');
    // The mark is in the database (a folder's file or a PostgreSQL database alike).
    const after = await openPostier({ dataPath: data });
    const row = await after.db
      .selectFrom('messages')
      .select('status')
      .where('id', '=', seeded.ids[0]!)
      .executeTakeFirstOrThrow();
    await after.close();
    expect(row.status).toBe('failed');
  });
});

function dsn(messageId: string): string {
  return [
    'From: MAILER-DAEMON@mx.example.com',
    `To: ${USER}`,
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="x"',
    '',
    '--x',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.com',
    '',
    'Final-Recipient: rfc822; parti@example.com',
    'Action: failed',
    'Status: 5.1.1',
    'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
    '',
    '--x',
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${messageId}`,
    '',
    '--x--',
    '',
  ].join('\r\n');
}
