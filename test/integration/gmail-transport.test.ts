// Sending through the Gmail API against a local server that checks each request against the
// published shapes: the raw message (base64url, CRLF, encoded headers), the media upload for
// large ones, and how each answer is classified for the engine.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createGmailTransport } from '../../src-main/mail/gmail-transport.js';
import type { MethodFailure } from '../../src-shared/domain/method-failure.js';
import { needsReconnect } from '../../src-shared/domain/method-failure.js';
import { SendFailure, type OutgoingMessage } from '../../src-main/mail/transport.js';
import {
  startFakeGmailApi,
  type FakeGmailApi,
  type FakeGmailOptions,
} from '../support/fake-gmail-api.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { tempFolder } from '../support/temp-folder.js';

async function gmailApi(options: FakeGmailOptions = {}): Promise<FakeGmailApi> {
  return closeAfterTest(await startFakeGmailApi(options));
}

function transport(server: FakeGmailApi, maxMessageBytes = 25 * 1024 * 1024) {
  const waits: number[] = [];
  const tokens = {
    forced: 0,
    async accessToken(options: { forceRefresh?: boolean } = {}) {
      if (options.forceRefresh) tokens.forced++;
      return `token-${tokens.forced}`;
    },
  };
  const gmail = createGmailTransport({
    tokens,
    account: 'bureau@garderie.example',
    maxMessageBytes,
    baseUrl: server.baseUrl,
    api: { sleep: async (ms) => void waits.push(ms) },
  });
  return { gmail, waits, tokens };
}

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    messageIdHeader: `<${crypto.randomUUID()}@garderie.example>`,
    from: { name: 'Garderie « Les Petits Pas »', address: 'bureau@garderie.example' },
    replyTo: null,
    to: ['parent.lefebvre@example.com'],
    cc: [],
    bcc: ['archives@garderie.example'],
    subject: 'Relevé 24 — année 2026 « Émile » "groupe 3"',
    text: 'Bonjour,\nVoici le relevé 24 de votre enfant. Mot de passe : votre NAS.\n',
    html: '<p>Bonjour,</p><p>Voici le relevé 24.</p>',
    attachments: [],
    readReceiptTo: null,
    date: new Date('2027-02-20T10:00:00Z'),
    ...overrides,
  };
}

function attachment(folder: string, name: string, size: number) {
  const bytes = crypto.randomBytes(size);
  const at = path.join(folder, name);
  fs.writeFileSync(at, bytes);
  return { file: { fileName: name, absolutePath: at, contentType: 'application/pdf' }, bytes };
}

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendFailure);
  return error as SendFailure;
}

describe('Gmail API: the message sent', () => {
  it('sends the MIME message as base64url JSON, Bcc kept for Gmail to use, PDF intact', async () => {
    const server = await gmailApi();
    const pdf = attachment(tempFolder(), 'Relevé 24 — Émile.pdf', 80_000);
    const sent = message({ attachments: [pdf.file] });

    const result = await transport(server).gmail.send(sent);

    expect(server.problems).toEqual([]);
    expect(result.response).toMatch(/^200 Gmail \(id \w+\)$/);
    expect(server.sent).toHaveLength(1);
    expect(server.sent[0]!.via).toBe('json');
    const parsed = await simpleParser(server.sent[0]!.raw);
    expect(parsed.subject).toBe(sent.subject);
    expect(parsed.messageId).toBe(sent.messageIdHeader);
    expect(parsed.headers.get('x-postier-message-id')).toBe(sent.messageIdHeader);
    expect(parsed.from?.value[0]).toMatchObject({
      name: 'Garderie « Les Petits Pas »',
      address: 'bureau@garderie.example',
    });
    expect(parsed.bcc && !Array.isArray(parsed.bcc) ? parsed.bcc.text : '').toBe(
      'archives@garderie.example',
    );
    expect(parsed.text).toContain('Mot de passe : votre NAS.');
    expect(parsed.html).toContain('<p>Voici le relevé 24.</p>');
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).toBe('Relevé 24 — Émile.pdf');
    expect(parsed.attachments[0]!.content.equals(pdf.bytes)).toBe(true);
  });

  it('uploads a large message as message/rfc822 media', async () => {
    const server = await gmailApi();
    const pdf = attachment(tempFolder(), 'gros.pdf', 6 * 1024 * 1024);
    await transport(server).gmail.send(message({ attachments: [pdf.file] }));
    expect(server.problems).toEqual([]);
    expect(server.sent[0]!.via).toBe('media');
    const parsed = await simpleParser(server.sent[0]!.raw);
    expect(parsed.attachments[0]!.content.equals(pdf.bytes)).toBe(true);
  });

  it('refuses a message above the account limit before sending anything', async () => {
    const server = await gmailApi();
    const pdf = attachment(tempFolder(), 'gros.pdf', 2 * 1024 * 1024);
    const failure = await failureOf(
      transport(server, 1024 * 1024).gmail.send(message({ attachments: [pdf.file] })),
    );
    expect(failure.kind).toBe('permanent');
    expect(failure.reason).toBe('message_too_large');
    expect(server.requests).toHaveLength(0);
  });

  it('refuses a header injection through the subject or the sender name', async () => {
    const server = await gmailApi();
    await transport(server).gmail.send(
      message({
        subject: 'Facture\r\nBcc: pirate@example.com',
        from: { name: 'A\nBcc: x@y.z', address: 'bureau@garderie.example' },
      }),
    );
    const parsed = await simpleParser(server.sent[0]!.raw);
    expect(parsed.subject).toBe('Facture Bcc: pirate@example.com');
    expect(JSON.stringify(parsed.bcc)).not.toContain('pirate');
    expect(JSON.stringify(parsed.bcc)).not.toContain('x@y.z');
  });
});

describe('Gmail API: answers classified for the engine', () => {
  it('waits out a short Retry-After itself, then sends', async () => {
    const server = await gmailApi();
    const { gmail, waits } = transport(server);
    server.failNext({
      status: 429,
      reason: 'rateLimitExceeded',
      message: 'Rate Limit Exceeded',
      headers: { 'retry-after': '1' },
    });
    await gmail.send(message());
    expect(waits).toEqual([1000]);
    expect(server.sent).toHaveLength(1);
  });

  it('returns a user rate limit without Retry-After to the engine as temporary', async () => {
    const server = await gmailApi();
    server.failNext({
      status: 403,
      reason: 'userRateLimitExceeded',
      message: 'User-rate limit exceeded.',
    });
    const failure = await failureOf(transport(server).gmail.send(message()));
    expect(failure.kind).toBe('temporary');
    expect(failure.reason).toBe('rate_limited');
  });

  it('stops for the account when the daily sending limit is reached', async () => {
    const server = await gmailApi();
    server.failNext({ status: 403, reason: 'dailyLimitExceeded', message: 'Daily Limit Exceeded' });
    const failure = await failureOf(transport(server).gmail.send(message()));
    expect(failure.kind).toBe('account');
    expect(failure.reason).toBe('quota_exceeded');
  });

  it('fails one message whose recipient header Gmail refuses', async () => {
    const server = await gmailApi();
    server.failNext({ status: 400, reason: 'invalidArgument', message: 'Invalid To header' });
    const failure = await failureOf(transport(server).gmail.send(message()));
    expect(failure.kind).toBe('permanent');
    expect(failure.reason).toBe('recipient_refused');
    expect(failure.reply).toContain('Invalid To header');
  });

  it('asks for a reconnection when the send scope is missing', async () => {
    const server = await gmailApi({
      verifyToken: async () => ['https://www.googleapis.com/auth/userinfo.email'],
    });
    const failure = await failureOf(transport(server).gmail.send(message()));
    expect(failure.kind).toBe('account');
    expect((failure as MethodFailure).key).toBe('methods.failure.accessDenied');
  });

  it('refreshes once on 401 and asks to reconnect when that does not help', async () => {
    const server = await gmailApi({ verifyToken: async () => null });
    const { gmail, tokens } = transport(server);
    const failure = await failureOf(gmail.send(message()));
    expect(tokens.forced).toBe(1);
    expect(needsReconnect(failure)).toBe(true);
  });

  it('treats a 500 as temporary', async () => {
    const server = await gmailApi();
    server.failNext({ status: 500, reason: 'backendError', message: 'Backend Error' });
    const failure = await failureOf(transport(server).gmail.send(message()));
    expect(failure.kind).toBe('temporary');
  });
});
