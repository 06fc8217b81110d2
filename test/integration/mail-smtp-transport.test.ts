// The SMTP transport against a real SMTP server on 127.0.0.1: what arrives, and how each
// failure is classified.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSmtpTransport,
  type SmtpTransportOptions,
} from '../../src-main/mail/smtp-transport.js';
import {
  SendFailure,
  type MailTransport,
  type OutgoingMessage,
} from '../../src-main/mail/transport.js';
import {
  parseReceivedMessage,
  startSmtpTestServer,
  type SmtpTestServer,
  type SmtpTestServerOptions,
} from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

const servers: SmtpTestServer[] = [];
const transports: MailTransport[] = [];

afterEach(async () => {
  for (const transport of transports.splice(0)) await transport.close();
  for (const server of servers.splice(0)) await server.close();
});

async function server(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
  const started = await startSmtpTestServer(options);
  servers.push(started);
  return started;
}

function transport(
  target: SmtpTestServer,
  options: Partial<SmtpTransportOptions> = {},
): MailTransport {
  const created = createSmtpTransport({
    host: target.host,
    port: target.port,
    security: 'none',
    timeouts: { connectionMs: 2000, greetingMs: 1000, socketMs: 1000 },
    ...(target.certificate && { trustedCertificates: target.certificate }),
    ...options,
  });
  transports.push(created);
  return created;
}

let counter = 0;
function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  counter++;
  return {
    messageIdHeader: `<test-${counter}.${crypto.randomUUID()}@postier.test>`,
    from: { name: 'Résidence Les Érables', address: 'facturation@erables.example.com' },
    replyTo: null,
    to: ['famille.cote@example.com'],
    cc: [],
    bcc: [],
    subject: 'Facture d’octobre',
    text: 'Bonjour,\nVeuillez trouver votre facture.\n',
    html: null,
    attachments: [],
    readReceiptTo: null,
    date: new Date('2026-10-31T14:30:00Z'),
    ...overrides,
  };
}

/** A 12 MB attachment (16 MB once encoded), written once per test file. */
let bigFile: string | null = null;
function bigAttachment() {
  if (!bigFile) {
    bigFile = path.join(tempFolder(), 'annexe.pdf');
    fs.writeFileSync(bigFile, crypto.randomBytes(12 * 1024 * 1024));
  }
  return { fileName: 'annexe.pdf', absolutePath: bigFile, contentType: 'application/pdf' };
}

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendFailure);
  return error as SendFailure;
}

describe('SMTP transport: what the server receives', () => {
  it('sends the message with its headers, UTF-8 subject and name, both bodies and the attachment bytes', async () => {
    const smtp = await server();
    const folder = tempFolder();
    const pdf = path.join(folder, 'facture.pdf');
    const pdfBytes = crypto.randomBytes(50_000);
    fs.writeFileSync(pdf, pdfBytes);
    const sent = message({
      from: { name: 'Bérénice Côté', address: 'berenice@erables.example.com' },
      replyTo: 'compta@erables.example.com',
      to: ['famille.cote@example.com'],
      cc: ['tuteur@example.com'],
      bcc: ['archives@erables.example.com'],
      subject: 'Facture d’octobre — Bérénice Côté',
      text: 'Bonjour Madame Côté,\nvotre facture est jointe.\n',
      html: '<p>Bonjour Madame Côté,<br>votre facture est jointe.</p>',
      attachments: [
        { fileName: 'Facture 2026-10 Côté.pdf', absolutePath: pdf, contentType: 'application/pdf' },
      ],
      readReceiptTo: 'berenice@erables.example.com',
    });

    const result = await transport(smtp).send(sent);

    expect(result.response).toMatch(/^250 2\.0\.0 Ok: queued as TEST1$/);
    expect(result.accepted.sort()).toEqual(
      ['archives@erables.example.com', 'famille.cote@example.com', 'tuteur@example.com'].sort(),
    );
    expect(result.rejected).toEqual([]);
    const received = smtp.messages[0]!;
    expect(received.envelope.from).toBe('berenice@erables.example.com');
    expect(received.envelope.to.sort()).toEqual(result.accepted.sort());
    const parsed = parseReceivedMessage(received.raw);
    expect(parsed.header('message-id')).toBe(sent.messageIdHeader);
    expect(parsed.header('date')).toBe('Sat, 31 Oct 2026 14:30:00 +0000');
    expect(parsed.decodedHeader('subject')).toBe('Facture d’octobre — Bérénice Côté');
    expect(parsed.decodedHeader('from')).toBe('Bérénice Côté <berenice@erables.example.com>');
    expect(parsed.header('reply-to')).toBe('compta@erables.example.com');
    expect(parsed.header('to')).toBe('famille.cote@example.com');
    expect(parsed.header('cc')).toBe('tuteur@example.com');
    expect(parsed.header('bcc')).toBeUndefined();
    expect(parsed.header('disposition-notification-to')).toBe('berenice@erables.example.com');
    // Line ends travel as CRLF, as SMTP wants.
    expect(parsed.text).toBe(sent.text.replace(/\n/g, '\r\n'));
    expect(parsed.html).toBe(sent.html);
    expect(parsed.parts.find((p) => p.contentType === 'multipart/alternative')).toBeDefined();
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).toBe('Facture 2026-10 Côté.pdf');
    expect(parsed.attachments[0]!.contentType).toBe('application/pdf');
    expect(parsed.attachments[0]!.content.equals(pdfBytes)).toBe(true);
  });

  it('adds no read-receipt header when none is asked', async () => {
    const smtp = await server();
    await transport(smtp).send(message());
    const parsed = parseReceivedMessage(smtp.messages[0]!.raw);
    expect(parsed.header('disposition-notification-to')).toBeUndefined();
    expect(parsed.html).toBeNull();
  });

  it('never lets a subject, a name or a reply-to add a header or a recipient', async () => {
    const smtp = await server();
    const injection = '\r\nBcc: evil@example.com';
    const t = transport(smtp);
    await t.send(
      message({
        subject: `Facture${injection}`,
        from: { name: `Résidence${injection}`, address: 'facturation@erables.example.com' },
      }),
    );
    const refused = await failureOf(
      t.send(message({ replyTo: `compta@erables.example.com${injection}` })),
    );
    const refusedTo = await failureOf(t.send(message({ to: [`famille@example.com${injection}`] })));

    expect(smtp.messages).toHaveLength(1);
    const received = smtp.messages[0]!;
    expect(received.envelope.to).toEqual(['famille.cote@example.com']);
    const parsed = parseReceivedMessage(received.raw);
    expect(parsed.headerValues('bcc')).toEqual([]);
    expect(received.raw.toString('latin1')).not.toMatch(/^Bcc:/im);
    expect(parsed.decodedHeader('subject')).toBe('Facture Bcc: evil@example.com');
    expect(parsed.decodedHeader('from')).not.toMatch(/[\r\n]/);
    for (const failure of [refused, refusedTo]) {
      expect([failure.kind, failure.reason]).toEqual(['permanent', 'invalid_address']);
    }
    expect(refused.message).toContain('(replyTo)');
  });

  it('reuses one connection for 20 messages', async () => {
    const smtp = await server();
    const t = transport(smtp);
    for (let i = 0; i < 20; i++) await t.send(message({ to: [`parent${i}@example.com`] }));
    expect(smtp.messages).toHaveLength(20);
    expect(smtp.connectionCount).toBe(1);
  });

  it('messages back to back: the next connection is opened before this one is used up, never more than 100 per connection', async () => {
    const smtp = await server();
    // A server slow to greet (as Postfix's postscreen): the spare is opened well ahead, so
    // that a machine loaded by other tests cannot make it late.
    smtp.setBehavior({}, { at: 'greeting', stallMs: 300 });
    const t = transport(smtp);
    for (let i = 0; i < 130; i++) await t.send(message({ to: [`parent${i}@example.com`] }));

    const perConnection = new Map<number, number>();
    for (const m of smtp.messages)
      perConnection.set(m.connection, (perConnection.get(m.connection) ?? 0) + 1);
    expect([...perConnection.entries()]).toEqual([
      [1, 100],
      [2, 30],
    ]);
    // The second connection was opened while the first still had messages to carry: its
    // greeting delay runs alongside them instead of after the hundredth.
    expect(smtp.connectionOpenedAt[1]).toBeLessThan(smtp.messages[99]!.receivedAt);
  });

  it('messages far apart never hold a second connection', async () => {
    const smtp = await server();
    const t = transport(smtp);
    for (let i = 0; i < 4; i++) {
      await t.send(message());
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    expect(smtp.messages).toHaveLength(4);
    expect(smtp.connectionCount).toBe(1);
  });

  it('a server that closed the idle connection: the next message opens a new one', async () => {
    const smtp = await server();
    const t = transport(smtp);
    await t.send(message());
    smtp.dropConnections();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await t.send(message());
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.connectionCount).toBe(2);
  });

  it('logs in with the user name and password over STARTTLS, certificate verified', async () => {
    const smtp = await server({
      security: 'starttls',
      auth: { username: 'compta', password: 's3cret!' },
    });
    await transport(smtp, { security: 'starttls', username: 'compta', password: 's3cret!' }).send(
      message(),
    );
    expect(smtp.messages[0]!.secure).toBe(true);
    expect(smtp.messages[0]!.user).toBe('compta');
  });

  it('sends over implicit TLS', async () => {
    const smtp = await server({ security: 'tls' });
    await transport(smtp, { security: 'tls' }).send(message());
    expect(smtp.messages[0]!.secure).toBe(true);
  });

  it('a missing attachment file is a permanent failure naming the file', async () => {
    const smtp = await server();
    const failure = await failureOf(
      transport(smtp).send(
        message({
          attachments: [
            {
              fileName: 'facture.pdf',
              absolutePath: path.join(tempFolder(), 'gone.pdf'),
              contentType: 'application/pdf',
            },
          ],
        }),
      ),
    );
    expect([failure.kind, failure.reason]).toEqual(['permanent', 'attachment_missing']);
    expect(failure.message).toContain('« facture.pdf »');
    expect(smtp.transactionCount).toBe(0);
  });
});

describe('SMTP transport: failures from a real server', () => {
  it('550 unknown user at RCPT: permanent, with the server’s own words', async () => {
    const smtp = await server();
    const reply = '5.1.1 <gone@example.com>: Recipient address rejected: User unknown';
    smtp.setBehavior({ recipient: 'gone@example.com' }, { at: 'rcpt', reply: 550, text: reply });
    const failure = await failureOf(transport(smtp).send(message({ to: ['gone@example.com'] })));
    expect([failure.kind, failure.reason]).toEqual(['permanent', 'recipient_refused']);
    expect(failure.reply).toBe(`550 ${reply}`);
    expect(failure.responseCode).toBe(550);
  });

  it('one recipient refused among two: sent, the refused one reported', async () => {
    const smtp = await server();
    smtp.setBehavior(
      { recipient: 'gone@example.com' },
      { at: 'rcpt', reply: 550, text: '5.1.1 User unknown' },
    );
    const result = await transport(smtp).send(
      message({ to: ['famille.cote@example.com', 'gone@example.com'] }),
    );
    expect(result.accepted).toEqual(['famille.cote@example.com']);
    expect(result.rejected).toEqual(['gone@example.com']);
  });

  it('552 message too large at DATA: permanent', async () => {
    const smtp = await server();
    smtp.setBehavior(
      {},
      { at: 'data', reply: 552, text: '5.3.4 Message size exceeds fixed maximum message size' },
    );
    const failure = await failureOf(transport(smtp).send(message()));
    expect([failure.kind, failure.reason]).toEqual(['permanent', 'message_too_large']);
    expect(failure.reply).toBe('552 5.3.4 Message size exceeds fixed maximum message size');
  });

  it('450 mailbox busy at RCPT: temporary', async () => {
    const smtp = await server();
    smtp.setBehavior({}, { at: 'rcpt', reply: 450, text: '4.2.1 Mailbox busy, try again later' });
    const failure = await failureOf(transport(smtp).send(message()));
    expect(failure.kind).toBe('temporary');
    expect(failure.reply).toBe('450 4.2.1 Mailbox busy, try again later');
  });

  it('451 at DATA: temporary', async () => {
    const smtp = await server();
    smtp.setBehavior({}, { at: 'data', reply: 451, text: '4.3.0 Local error in processing' });
    const failure = await failureOf(transport(smtp).send(message()));
    expect([failure.kind, failure.reason]).toEqual(['temporary', 'server_busy']);
  });

  it('421 4.7.0 rate limit at DATA: temporary, and the next message goes on a new connection', async () => {
    const smtp = await server();
    smtp.setBehavior(
      { message: 1 },
      { at: 'data', reply: 421, text: '4.7.0 Too many messages, slow down' },
    );
    const t = transport(smtp);
    const failure = await failureOf(t.send(message()));
    expect([failure.kind, failure.reason]).toEqual(['temporary', 'rate_limited']);
    await t.send(message());
    expect(smtp.messages).toHaveLength(1);
  });

  it('connection dropped in the middle of DATA: temporary, and not re-sent behind our back', async () => {
    const smtp = await server();
    smtp.setBehavior({ message: 1 }, { at: 'data', drop: true });
    // Big enough that the client is still sending when the server hangs up: a small message
    // would already sit whole in the sockets' buffers (handed over, its outcome unknown).
    const t = transport(smtp);
    const failure = await failureOf(t.send(message({ attachments: [bigAttachment()] })));
    expect([failure.kind, failure.reason]).toEqual(['temporary', 'connection_lost']);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.transactionCount).toBe(1);
    await t.send(message());
    expect(smtp.messages).toHaveLength(1);
  });

  it('a server that stops answering before the message: timeout, temporary', async () => {
    const smtp = await server();
    smtp.setBehavior({}, { at: 'rcpt', stallMs: 10_000 });
    const failure = await failureOf(transport(smtp).send(message()));
    expect([failure.kind, failure.reason]).toEqual(['temporary', 'timeout']);
    expect(smtp.messages).toHaveLength(0);
  });

  it('the whole message taken, then no answer: unknown (the server may have it), never temporary', async () => {
    const smtp = await server();
    smtp.setBehavior({ message: 1 }, { at: 'data', noReply: 'stall' });
    smtp.setBehavior({ message: 2 }, { at: 'data', noReply: 'drop' });
    const t = transport(smtp);

    const timedOut = await failureOf(t.send(message()));
    const dropped = await failureOf(t.send(message()));

    expect([timedOut.kind, timedOut.reason]).toEqual(['unknown', 'no_reply']);
    expect([dropped.kind, dropped.reason]).toEqual(['unknown', 'no_reply']);
    expect(timedOut.message).toContain('peut-être accepté');
    expect(timedOut.reply).toBeNull();
    // The server does have both: sending either again would deliver it twice.
    expect(smtp.messages).toHaveLength(2);
  });

  it('421 on a reused connection: the server’s reply is kept, rate limited, then a new connection', async () => {
    const smtp = await server();
    const reply = '4.7.0 Too many messages on this connection, slow down';
    smtp.setBehavior({ message: 2 }, { at: 'mail', reply: 421, text: reply });
    const t = transport(smtp);
    await t.send(message());

    const failure = await failureOf(t.send(message()));
    await t.send(message());

    expect([failure.kind, failure.reason]).toEqual(['temporary', 'rate_limited']);
    expect(failure.reply).toBe(`421 ${reply}`);
    expect(failure.responseCode).toBe(421);
    expect(smtp.messages).toHaveLength(2);
    expect(smtp.connectionCount).toBe(2);
  });

  it('a message refused with 550 leaves the connection usable for the next one', async () => {
    const smtp = await server();
    smtp.setBehavior(
      { recipient: 'gone@example.com' },
      { at: 'rcpt', reply: 550, text: '5.1.1 User unknown' },
    );
    const t = transport(smtp);
    await failureOf(t.send(message({ to: ['gone@example.com'] })));
    await t.send(message());
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.connectionCount).toBe(1);
  });

  it('wrong password (535): account', async () => {
    const smtp = await server({ auth: { username: 'compta', password: 'right' } });
    const failure = await failureOf(
      transport(smtp, { username: 'compta', password: 'wrong' }).send(message()),
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'auth_refused']);
    expect(failure.reply).toBe(
      '535 5.7.8 Authentication unsuccessful: wrong user name or password',
    );
  });

  it('authentication refused by policy: account', async () => {
    const smtp = await server();
    smtp.setBehavior(
      {},
      {
        at: 'auth',
        reply: 535,
        text: '5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled',
      },
    );
    const failure = await failureOf(
      transport(smtp, { username: 'compta', password: 'x' }).send(message()),
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'auth_refused']);
    expect(failure.reply).toContain('SmtpClientAuthentication is disabled');
  });

  it('no login while the server requires one (530): account', async () => {
    const smtp = await server({ auth: { username: 'compta', password: 'right' } });
    const failure = await failureOf(transport(smtp).send(message()));
    expect([failure.kind, failure.reason]).toEqual(['account', 'auth_required']);
  });

  it('TLS configured on a plain port (wrong version number): account', async () => {
    const smtp = await server({ security: 'starttls' });
    const failure = await failureOf(transport(smtp, { security: 'tls' }).send(message()));
    expect([failure.kind, failure.reason]).toEqual(['account', 'tls_unexpected']);
  });

  it('self-signed certificate without trusting it: account', async () => {
    const smtp = await server({ security: 'tls' });
    const failure = await failureOf(
      transport(smtp, { security: 'tls', trustedCertificates: undefined }).send(message()),
    );
    expect([failure.kind, failure.reason]).toEqual(['account', 'certificate_untrusted']);
  });

  it('STARTTLS required but not offered: account, never sent in clear', async () => {
    const smtp = await server({ security: 'plain' });
    const failure = await failureOf(transport(smtp, { security: 'starttls' }).send(message()));
    expect([failure.kind, failure.reason]).toEqual(['account', 'starttls_unavailable']);
    expect(smtp.transactionCount).toBe(0);
  });

  it('host not found: account', async () => {
    const t = createSmtpTransport({
      host: 'smtp.postier-test.invalid',
      port: 587,
      security: 'starttls',
    });
    transports.push(t);
    const failure = await failureOf(t.send(message()));
    expect([failure.kind, failure.reason]).toEqual(['account', 'host_not_found']);
  });

  it('connection refused: account', async () => {
    const closed = await server();
    const port = closed.port;
    await closed.close();
    servers.splice(servers.indexOf(closed), 1);
    const t = createSmtpTransport({ host: '127.0.0.1', port, security: 'none' });
    transports.push(t);
    const failure = await failureOf(t.send(message()));
    expect([failure.kind, failure.reason]).toEqual(['account', 'port_closed']);
  });
});
