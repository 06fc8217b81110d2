// The sandbox writes each message as an .eml file in the data folder and sends nothing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataFolder } from '../../src-main/data-folder/data-folder.js';
import { createSandboxTransport } from '../../src-main/mail/sandbox-transport.js';
import { SendFailure, type OutgoingMessage } from '../../src-main/mail/transport.js';
import { createSmtpTransport } from '../../src-main/mail/smtp-transport.js';
import { parseReceivedMessage, startSmtpTestServer } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

afterEach(() => {
  vi.restoreAllMocks();
});

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    messageIdHeader: `<${crypto.randomUUID()}@postier.test>`,
    from: { name: 'Garderie Les Lucioles', address: 'direction@lucioles.example.com' },
    replyTo: null,
    to: ['parent@example.com'],
    cc: [],
    bcc: ['archives@lucioles.example.com'],
    subject: 'Relevé 24 — année 2026 — Élodie Bérubé',
    text: 'Bonjour,\r\nvoici votre relevé.\r\n',
    html: '<p>Bonjour, voici votre relevé.</p>',
    attachments: [],
    readReceiptTo: null,
    date: new Date('2026-02-20T09:00:00Z'),
    ...overrides,
  };
}

describe('sandbox transport', () => {
  it('writes a parsable .eml per message under sandbox/<day>/ and opens no socket', async () => {
    const connect = vi.spyOn(net.Socket.prototype, 'connect');
    const folder = new DataFolder(tempFolder());
    const pdf = path.join(folder.root, 'releve.pdf');
    const pdfBytes = crypto.randomBytes(20_000);
    fs.writeFileSync(pdf, pdfBytes);
    const at = new Date(2026, 1, 20, 9, 30, 15, 123);
    const sandbox = createSandboxTransport({ folder, now: () => at });
    const sent = message({
      attachments: [
        { fileName: 'Relevé 24.pdf', absolutePath: pdf, contentType: 'application/pdf' },
      ],
    });

    const result = await sandbox.send(sent);
    await sandbox.close();

    expect(connect).not.toHaveBeenCalled();
    expect(sandbox.canPace).toBe(true);
    const safeId = sent.messageIdHeader.slice(1, -1);
    const relative = `sandbox/2026-02-20/${at.getTime()}-${safeId}.eml`;
    expect(result.response).toBe(`250 Sandbox: nothing sent, written to ${relative}`);
    expect(result.accepted).toEqual(['parent@example.com', 'archives@lucioles.example.com']);
    const raw = fs.readFileSync(folder.resolve(relative));
    const parsed = parseReceivedMessage(raw);
    expect(parsed.header('message-id')).toBe(sent.messageIdHeader);
    expect(parsed.decodedHeader('subject')).toBe(sent.subject);
    expect(parsed.header('to')).toBe('parent@example.com');
    expect(parsed.text).toBe(sent.text);
    expect(parsed.html).toBe(sent.html);
    expect(parsed.attachments[0]!.filename).toBe('Relevé 24.pdf');
    expect(parsed.attachments[0]!.content.equals(pdfBytes)).toBe(true);
    // What SMTP would send: CRLF line ends, and no Bcc header.
    expect(raw.toString('latin1')).not.toMatch(/[^\r]\n/);
    expect(parsed.header('bcc')).toBeUndefined();
  });

  it('never overwrites: two messages in the same millisecond get two files', async () => {
    const folder = new DataFolder(tempFolder());
    const at = new Date(2026, 9, 31, 12, 0, 0, 0);
    const sandbox = createSandboxTransport({ folder, now: () => at });
    await sandbox.send(message());
    await sandbox.send(message());
    expect(fs.readdirSync(folder.resolve('sandbox/2026-10-31'))).toHaveLength(2);
  });

  it('a Message-ID cannot lead outside the sandbox folder', async () => {
    const folder = new DataFolder(tempFolder());
    const sandbox = createSandboxTransport({ folder });
    await sandbox.send(message({ messageIdHeader: '<..\\..\\evil/..@postier.test>' }));
    const [day] = fs.readdirSync(folder.resolve('sandbox'));
    const [file] = fs.readdirSync(folder.resolve(`sandbox/${day}`));
    expect(file).toMatch(/^\d+-.*\.eml$/);
    expect(fs.readdirSync(folder.root)).toEqual(['sandbox']);
  });

  it('refuses an invalid address as a permanent failure, writing nothing', async () => {
    const folder = new DataFolder(tempFolder());
    const sandbox = createSandboxTransport({ folder });
    const error = await sandbox.send(message({ to: ['pas une adresse'] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendFailure);
    expect((error as SendFailure).kind).toBe('permanent');
    expect(fs.existsSync(folder.resolve('sandbox'))).toBe(false);
  });

  it('writes the very bytes an SMTP server receives (but for the random MIME boundary)', async () => {
    const folder = new DataFolder(tempFolder());
    const pdf = path.join(folder.root, 'releve.pdf');
    fs.writeFileSync(pdf, crypto.randomBytes(5000));
    const sent = message({
      attachments: [{ fileName: 'Relevé.pdf', absolutePath: pdf, contentType: 'application/pdf' }],
      text: 'Une ligne\r\n.commençant par un point\r\n',
    });
    const server = await startSmtpTestServer();
    const smtp = createSmtpTransport({ host: server.host, port: server.port, security: 'none' });
    try {
      await smtp.send(sent);
    } finally {
      await smtp.close();
      await server.close();
    }
    const result = await createSandboxTransport({ folder }).send(sent);
    const file = folder.resolve(result.response.replace(/^.* written to /, ''));
    const boundaries = (raw: Buffer) => raw.toString('latin1').replace(/_NmP-[0-9a-f]+-Part/g, 'B');
    expect(boundaries(fs.readFileSync(file))).toBe(boundaries(server.messages[0]!.raw));
  });
});
