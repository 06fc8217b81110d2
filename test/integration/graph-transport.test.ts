// Sending through Microsoft Graph against a local server that checks every request against the
// published shapes: what lands in Sent Items, large attachments through upload sessions, and
// how each answer is classified for the engine.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGraphTransport } from '../../src-main/mail/graph-transport.js';
import type { MethodFailure } from '../../src-shared/domain/method-failure.js';
import { needsReconnect } from '../../src-shared/domain/method-failure.js';
import { SendFailure, type OutgoingMessage } from '../../src-main/mail/transport.js';
import type { AccessTokenSource } from '../../src-main/oauth/access-token.js';
import { isRateLimited } from '../../src-main/send/retry-policy.js';
import { runOutbox } from '../../src-main/send/engine.js';
import { listJournalForMessage } from '../../src-main/db/send-journal-queries.js';
import {
  startFakeGraphApi,
  type FakeGraphApi,
  type FakeGraphOptions,
} from '../support/fake-graph-api.js';
import { freshPostier } from '../support/postier-fixture.js';
import { seedMessages, smtpAccount } from '../support/outbox-fixture.js';
import { closeAfterTest } from '../support/close-after-test.js';
import { tempFolder } from '../support/temp-folder.js';

async function graphApi(options: FakeGraphOptions = {}): Promise<FakeGraphApi> {
  return closeAfterTest(await startFakeGraphApi(options));
}

/** A token source that counts how often it was asked, and for a forced refresh. */
function countingTokens(token = 'valid-token'): AccessTokenSource & { forced: number } {
  const source = {
    forced: 0,
    current: token,
    async accessToken(options: { forceRefresh?: boolean } = {}) {
      if (options.forceRefresh) {
        source.forced++;
        source.current = `${token}-${source.forced}`;
      }
      return source.current;
    },
  };
  return source;
}

function transport(
  server: FakeGraphApi,
  extra: Partial<Parameters<typeof createGraphTransport>[0]> = {},
) {
  const waits: number[] = [];
  const created = createGraphTransport({
    tokens: countingTokens(),
    account: 'facturation@residence.example',
    maxMessageBytes: 35 * 1024 * 1024,
    baseUrl: server.baseUrl,
    api: { sleep: async (ms) => void waits.push(ms) },
    ...extra,
  });
  return { transport: created, waits };
}

function file(folder: string, name: string, size: number): { path: string; bytes: Buffer } {
  const bytes = crypto.randomBytes(size);
  const at = path.join(folder, name);
  fs.writeFileSync(at, bytes);
  return { path: at, bytes };
}

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    messageIdHeader: `<${crypto.randomUUID()}@residence.example>`,
    from: { name: 'Résidence « Les Érables »', address: 'facturation@residence.example' },
    replyTo: 'accueil@residence.example',
    to: ['famille.cote@example.com'],
    cc: ['tutrice@example.org'],
    bcc: ['archives@residence.example'],
    subject: 'Facture d’octobre — « Mme Côté » "ch. 12"',
    text: 'Bonjour,\nVeuillez trouver votre facture.\n',
    html: '<p>Bonjour,</p><p>Veuillez trouver votre facture de <b>2 433,50 $</b>.</p>',
    attachments: [],
    readReceiptTo: 'facturation@residence.example',
    date: new Date('2026-10-31T14:30:00Z'),
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendFailure);
  return error as SendFailure;
}

describe('Microsoft Graph: what lands in Sent Items', () => {
  it('sends one message with sendMail: recipients, HTML body, our id header, the PDF intact', async () => {
    const server = await graphApi();
    const folder = tempFolder();
    const pdf = file(folder, 'Facture F-2026-10 Côté.pdf', 120_000);
    const sent = message({
      attachments: [
        {
          fileName: 'Facture F-2026-10 Côté.pdf',
          absolutePath: pdf.path,
          contentType: 'application/pdf',
        },
      ],
    });
    const { transport: graph } = transport(server);

    const result = await graph.send(sent);

    expect(server.problems).toEqual([]);
    expect(result.response).toMatch(/^202 Microsoft Graph/);
    expect(server.sentItems).toHaveLength(1);
    const item = server.sentItems[0]!;
    expect(item.via).toBe('sendMail');
    expect(item.saveToSentItems).toBe(true);
    expect(item.message.subject).toBe(sent.subject);
    expect(item.message.body).toEqual({ contentType: 'HTML', content: sent.html });
    expect(item.message.from).toEqual({
      emailAddress: { name: 'Résidence « Les Érables »', address: 'facturation@residence.example' },
    });
    expect(item.message.toRecipients).toEqual([
      { emailAddress: { address: 'famille.cote@example.com' } },
    ]);
    expect(item.message.ccRecipients).toEqual([
      { emailAddress: { address: 'tutrice@example.org' } },
    ]);
    expect(item.message.bccRecipients).toEqual([
      { emailAddress: { address: 'archives@residence.example' } },
    ]);
    expect(item.message.replyTo).toEqual([
      { emailAddress: { address: 'accueil@residence.example' } },
    ]);
    expect(item.message.isReadReceiptRequested).toBe(true);
    expect(item.message.internetMessageHeaders).toEqual([
      { name: 'X-Postier-Message-Id', value: sent.messageIdHeader },
    ]);
    expect(item.attachments).toHaveLength(1);
    expect(item.attachments[0]!.name).toBe('Facture F-2026-10 Côté.pdf');
    expect(item.attachments[0]!.contentType).toBe('application/pdf');
    expect(item.attachments[0]!.bytes.equals(pdf.bytes)).toBe(true);
  });

  it('sends a text-only message as a Text body', async () => {
    const server = await graphApi();
    await transport(server).transport.send(
      message({ html: null, readReceiptTo: null, cc: [], bcc: [] }),
    );
    expect(server.problems).toEqual([]);
    const item = server.sentItems[0]!;
    expect(item.message.body).toEqual({
      contentType: 'Text',
      content: 'Bonjour,\nVeuillez trouver votre facture.\n',
    });
    expect(item.message.isReadReceiptRequested).toBe(false);
  });

  it('sends a message too big for one request as a draft, large files through upload sessions', async () => {
    const server = await graphApi();
    const folder = tempFolder();
    const big = file(folder, 'Relevé annuel 2026.pdf', 5 * 1024 * 1024 + 12_345);
    const small = file(folder, 'Lettre.pdf', 200_000);
    const { transport: graph } = transport(server);

    await graph.send(
      message({
        attachments: [
          {
            fileName: 'Relevé annuel 2026.pdf',
            absolutePath: big.path,
            contentType: 'application/pdf',
          },
          { fileName: 'Lettre.pdf', absolutePath: small.path, contentType: 'application/pdf' },
        ],
      }),
    );

    expect(server.problems).toEqual([]);
    expect(server.sentItems).toHaveLength(1);
    const item = server.sentItems[0]!;
    expect(item.via).toBe('draft');
    const byName = new Map(item.attachments.map((a) => [a.name, a.bytes]));
    expect(byName.get('Relevé annuel 2026.pdf')!.equals(big.bytes)).toBe(true);
    expect(byName.get('Lettre.pdf')!.equals(small.bytes)).toBe(true);
    const uploads = server.requests.filter((r) => r.method === 'PUT');
    expect(uploads.length).toBe(Math.ceil(big.bytes.length / (10 * 320 * 1024)));
    expect(uploads.every((r) => r.authorization === null)).toBe(true);
    expect(server.requests.some((r) => r.path === '/v1.0/me/sendMail')).toBe(false);
  });

  it('removes the draft when a large message fails half-way', async () => {
    const server = await graphApi();
    const big = file(tempFolder(), 'gros.pdf', 4 * 1024 * 1024);
    server.failNext({
      path: /createUploadSession$/,
      status: 500,
      error: { code: 'InternalServerError', message: 'Boom.' },
    });
    const failure = await failureOf(
      transport(server).transport.send(
        message({
          attachments: [
            { fileName: 'gros.pdf', absolutePath: big.path, contentType: 'application/pdf' },
          ],
        }),
      ),
    );
    expect(failure.kind).toBe('temporary');
    expect(server.sentItems).toEqual([]);
    const draftId = server.requests
      .find((r) => r.path.endsWith('/createUploadSession'))!
      .path.split('/')[4];
    expect(server.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: `/v1.0/me/messages/${draftId}`,
    });
  });

  it('refuses a message above the account limit before sending anything', async () => {
    const server = await graphApi();
    const big = file(tempFolder(), 'énorme.pdf', 2 * 1024 * 1024);
    const { transport: graph } = transport(server, { maxMessageBytes: 1024 * 1024 });
    const failure = await failureOf(
      graph.send(
        message({
          attachments: [
            { fileName: 'énorme.pdf', absolutePath: big.path, contentType: 'application/pdf' },
          ],
        }),
      ),
    );
    expect(failure.kind).toBe('permanent');
    expect(failure.reason).toBe('message_too_large');
    expect(failure.message).toContain('Microsoft Graph');
    expect(server.requests).toHaveLength(0);
  });
});

describe('Microsoft Graph: answers classified for the engine', () => {
  it('waits out a short Retry-After itself, then sends', async () => {
    const server = await graphApi();
    const { transport: graph, waits } = transport(server);
    server.failNext({
      status: 429,
      headers: { 'retry-after': '2' },
      error: {
        code: 'ApplicationThrottled',
        message: 'Application is over its MailboxConcurrency limit.',
      },
    });
    await graph.send(message());
    expect(waits).toEqual([2000]);
    expect(server.sentItems).toHaveLength(1);
  });

  it('gives a long Retry-After back to the engine as a temporary failure that slows the account', async () => {
    const server = await graphApi();
    const { transport: graph, waits } = transport(server);
    server.failNext({
      status: 429,
      headers: { 'retry-after': '120' },
      error: { code: 'ApplicationThrottled', message: 'Too many requests.' },
    });
    const failure = await failureOf(graph.send(message()));
    expect(waits).toEqual([]);
    expect(failure.kind).toBe('temporary');
    expect(failure.reason).toBe('rate_limited');
    expect((failure as MethodFailure).retryAfterMs).toBe(120_000);
    expect(failure.reply).toContain('429 Too Many Requests (Retry-After: 120 s)');
    expect(isRateLimited(failure)).toBe(true);
    expect(failure.message).toBe(
      'Microsoft Graph demande d’envoyer moins vite : le message sera réessayé dans 120 s au plus tôt.',
    );
  });

  it('treats 503 as temporary', async () => {
    const server = await graphApi();
    const { transport: graph } = transport(server, {
      api: { maxInlineRetries: 0, sleep: async () => {} },
    });
    server.failNext({
      status: 503,
      headers: { 'retry-after': '5' },
      error: { code: 'ServiceUnavailable', message: 'Service unavailable.' },
    });
    const failure = await failureOf(graph.send(message()));
    expect(failure.kind).toBe('temporary');
    expect(failure.reason).toBe('server_busy');
  });

  it('fails one message for an invalid recipient, permanently', async () => {
    const server = await graphApi();
    server.failNext({
      status: 400,
      error: { code: 'ErrorInvalidRecipients', message: "At least one recipient isn't valid." },
    });
    const failure = await failureOf(transport(server).transport.send(message()));
    expect(failure.kind).toBe('permanent');
    expect(failure.reason).toBe('recipient_refused');
    expect(failure.reply).toContain('ErrorInvalidRecipients');
  });

  it('fails for a sender the mailbox may not send as', async () => {
    const server = await graphApi();
    server.failNext({
      status: 403,
      error: {
        code: 'ErrorSendAsDenied',
        message:
          'The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.',
      },
    });
    const failure = await failureOf(transport(server).transport.send(message()));
    expect(failure.kind).toBe('permanent');
    expect(failure.reason).toBe('sender_refused');
  });

  it('refreshes the token once when Graph says it expired, then sends', async () => {
    const server = await graphApi({
      verifyToken: async (t) => (t === 'valid-token-1' ? ['Mail.Send'] : null),
    });
    const tokens = countingTokens();
    await transport(server, { tokens }).transport.send(message());
    expect(tokens.forced).toBe(1);
    expect(server.sentItems).toHaveLength(1);
  });

  it('asks to reconnect the account when a fresh token is refused too', async () => {
    const server = await graphApi({ verifyToken: async () => null });
    const tokens = countingTokens();
    const failure = await failureOf(transport(server, { tokens }).transport.send(message()));
    expect(tokens.forced).toBe(1);
    expect(failure.kind).toBe('account');
    expect(needsReconnect(failure)).toBe(true);
    expect(failure.message).toContain('doit être reconnecté');
  });

  it('stops for the account when Mail.Send was not granted', async () => {
    const server = await graphApi({ verifyToken: async () => ['User.Read'] });
    const failure = await failureOf(transport(server).transport.send(message()));
    expect(failure.kind).toBe('account');
    expect((failure as MethodFailure).key).toBe('methods.failure.accessDenied');
  });

  it('stops for the account when Graph cannot be reached at all', async () => {
    // Not closed after the test: it is closed here, before the send.
    const server = await startFakeGraphApi();
    const baseUrl = server.baseUrl;
    await server.close();
    const graph = createGraphTransport({
      tokens: countingTokens(),
      account: 'facturation@residence.example',
      maxMessageBytes: 1024 * 1024,
      baseUrl,
    });
    const failure = await failureOf(graph.send(message()));
    expect(failure.kind).toBe('account');
    expect(failure.reason).toBe('port_closed');
  });
});

describe('Microsoft Graph through the sending engine', () => {
  it('sends a validated message and journals Graph’s answer, like any other method', async () => {
    const server = await graphApi();
    const postier = await freshPostier();
    const structure = (await postier.records.listStructures())[0]!;
    const accountId = await smtpAccount(postier.db, { structureId: structure.id, port: 1 });
    const seeded = await seedMessages(postier.db, {
      structureId: structure.id,
      accountId,
      count: 2,
    });

    const summary = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      actor: { user: 'test', workstation: 'TEST' },
      transportFactory: async () => transport(server).transport,
    });

    expect(summary.sent).toBe(2);
    expect(server.sentItems).toHaveLength(2);
    const journal = await listJournalForMessage(postier.db, seeded.ids[0]!);
    const sent = journal.find((j) => j.event === 'sent')!;
    expect(sent.server_reply).toMatch(/^202 Microsoft Graph/);
    const headers = server.sentItems.map(
      (i) => (i.message.internetMessageHeaders as { value: string }[])[0]!.value,
    );
    expect(headers).toEqual(seeded.messageIdHeaders);
  });
});
