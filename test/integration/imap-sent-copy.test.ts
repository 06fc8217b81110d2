// The Sent-folder copy for SMTP, against a real IMAP server (Dovecot on 127.0.0.1, started by
// the test) and a real SMTP server: the copy is the message sent, marked read, Bcc shown; a
// failed copy never fails the send and says why in the server reply the journal keeps.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImapAccess } from '../../src-main/mail/imap-client.js';
import { probeSentFolder, withSentCopy } from '../../src-main/mail/sent-copy.js';
import { createSmtpTransport } from '../../src-main/mail/smtp-transport.js';
import type { OutgoingMessage } from '../../src-main/mail/transport.js';
import { dovecotAvailable, startDovecot, type Dovecot } from '../support/dovecot.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

const USER = 'bureau@residence.example';
const PASSWORD = 'mot de passe « long » 2026';

describe.skipIf(!dovecotAvailable())('Sent copy over IMAP (Dovecot)', () => {
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

  function access(password = PASSWORD): ImapAccess {
    return {
      host: imap.host,
      port: imap.port,
      security: 'none',
      user: USER,
      secret: { password },
      timeoutMs: 5000,
    };
  }

  function transport(options: { password?: string; folder?: string | null } = {}) {
    return withSentCopy(
      createSmtpTransport({
        host: smtp.host,
        port: smtp.port,
        security: 'none',
        timeouts: { connectionMs: 3000, greetingMs: 3000, socketMs: 5000 },
      }),
      { imap: access(options.password), folder: options.folder ?? null },
    );
  }

  function message(attachments: OutgoingMessage['attachments'] = []): OutgoingMessage {
    return {
      messageIdHeader: `<${crypto.randomUUID()}@residence.example>`,
      from: { name: 'Résidence Les Érables', address: USER },
      replyTo: null,
      to: ['famille.cote@example.com'],
      cc: [],
      bcc: ['archives@residence.example'],
      subject: 'Facture d’octobre « ch. 12 »',
      text: 'Bonjour,\nVeuillez trouver votre facture.\n',
      html: null,
      attachments,
      readReceiptTo: null,
      date: new Date('2026-10-31T14:30:00Z'),
    };
  }

  async function sentFolderMessages(): Promise<{ flags: string[]; source: Buffer }[]> {
    const client = new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: false,
      doSTARTTLS: false,
      auth: { user: USER, pass: PASSWORD },
      logger: false,
    });
    await client.connect();
    const found: { flags: string[]; source: Buffer }[] = [];
    const lock = await client.getMailboxLock('Sent', { readOnly: true });
    try {
      if ((client.mailbox && client.mailbox.exists) || 0) {
        for await (const m of client.fetch('1:*', { flags: true, source: true })) {
          found.push({ flags: [...(m.flags ?? [])], source: m.source! });
        }
      }
    } finally {
      lock.release();
      await client.logout();
    }
    return found;
  }

  it('appends the message sent to the Sent folder, read, with its Bcc and attachment', async () => {
    const pdfPath = path.join(tempFolder(), 'Facture F-12 Côté.pdf');
    const pdf = crypto.randomBytes(50_000);
    fs.writeFileSync(pdfPath, pdf);
    const sent = message([
      { fileName: 'Facture F-12 Côté.pdf', absolutePath: pdfPath, contentType: 'application/pdf' },
    ]);
    const before = (await sentFolderMessages()).length;
    const sender = transport();
    const result = await sender.send(sent);
    await sender.close();

    expect(result.response).not.toContain('impossible');
    expect(smtp.messages.some((m) => m.raw.toString('latin1').includes(sent.messageIdHeader))).toBe(
      true,
    );
    const copies = await sentFolderMessages();
    expect(copies).toHaveLength(before + 1);
    const copy = copies.at(-1)!;
    expect(copy.flags).toContain('\\Seen');
    const parsed = await simpleParser(copy.source);
    expect(parsed.messageId).toBe(sent.messageIdHeader);
    expect(parsed.subject).toBe(sent.subject);
    expect(JSON.stringify(parsed.bcc)).toContain('archives@residence.example');
    expect(parsed.attachments[0]!.content.equals(pdf)).toBe(true);
  });

  it('names the folders to choose from when the configured one does not exist', async () => {
    const sender = transport({ folder: 'Envoyés 2026' });
    const result = await sender.send(message());
    await sender.close();
    expect(result.response).toContain(
      'Le dossier « Envoyés 2026 » n’existe pas sur le serveur IMAP',
    );
    expect(result.response).toContain('INBOX, Sent');
  });

  it('finds the \\Sent folder for the connection test', async () => {
    expect(await probeSentFolder({ imap: access(), folder: null })).toBe('Sent');
  });

  // Last: after a refused login, Dovecot slows down the next ones from this address.
  it('still sends when the copy fails, and says why in the reply', async () => {
    const sent = message();
    const sender = transport({ password: 'mauvais' });
    const result = await sender.send(sent);
    await sender.close();
    expect(smtp.messages.some((m) => m.raw.toString('latin1').includes(sent.messageIdHeader))).toBe(
      true,
    );
    expect(result.response).toMatch(
      /^250 .* — copie dans les éléments envoyés impossible : Le serveur IMAP 127\.0\.0\.1 refuse l’identifiant bureau@residence\.example/,
    );
  });
});
