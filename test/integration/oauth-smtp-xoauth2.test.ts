// SMTP with XOAUTH2 against a real SMTP server on 127.0.0.1 that only accepts OAuth2 logins:
// the token goes in the login, an expired one is refreshed and the login tried again, and a
// refusal says what to do (reconnect, or SMTP AUTH disabled at Microsoft).
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { describe, expect, it } from 'vitest';
import {
  needsReconnect,
  reconnectFailure,
  type MethodFailure,
} from '../../src-shared/domain/method-failure.js';
import { SendFailure, type OutgoingMessage } from '../../src-main/mail/transport.js';
import { createXoauth2Transport } from '../../src-main/mail/xoauth2-transport.js';
import type { AccessTokenSource } from '../../src-main/oauth/access-token.js';
import { closeAfterTest } from '../support/close-after-test.js';

interface OAuthSmtp {
  port: number;
  logins: { user: string; token: string; accepted: boolean }[];
  received: string[];
  validToken: string;
  refusal: string;
  close(): Promise<void>;
}

async function oauthSmtp(
  validToken: string,
  refusal = '535 5.7.3 Authentication unsuccessful',
): Promise<OAuthSmtp> {
  const state: OAuthSmtp = {
    port: 0,
    logins: [],
    received: [],
    validToken,
    refusal,
    close: async () => {},
  };
  const server = new SMTPServer({
    authMethods: ['XOAUTH2'],
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      const accepted = auth.method === 'XOAUTH2' && auth.accessToken === state.validToken;
      state.logins.push({ user: auth.username ?? '', token: auth.accessToken ?? '', accepted });
      if (accepted) return callback(null, { user: auth.username });
      // XOAUTH2 failure as servers send it: a JSON challenge, then the 535 line.
      callback(null, { data: { status: '401', schemes: 'bearer' } });
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        state.received.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return closeAfterTest(state);
}

function tokens(sequence: string[]): AccessTokenSource & { asked: boolean[] } {
  let current = sequence[0]!;
  const asked: boolean[] = [];
  return {
    asked,
    async accessToken(options: { forceRefresh?: boolean } = {}) {
      asked.push(!!options.forceRefresh);
      if (options.forceRefresh)
        current = sequence[Math.min(asked.filter(Boolean).length, sequence.length - 1)]!;
      return current;
    },
  };
}

function message(): OutgoingMessage {
  return {
    messageIdHeader: `<${crypto.randomUUID()}@bureau.example>`,
    from: { name: 'Cabinet Roy', address: 'avis@cabinet-roy.example' },
    replyTo: null,
    to: ['client@example.com'],
    cc: [],
    bcc: [],
    subject: 'Avis d’échéance',
    text: 'Bonjour,\n',
    html: null,
    attachments: [],
    readReceiptTo: null,
    date: new Date('2026-11-02T09:00:00Z'),
  };
}

function transport(server: OAuthSmtp, source: AccessTokenSource) {
  return createXoauth2Transport({
    host: '127.0.0.1',
    port: server.port,
    security: 'none',
    user: 'avis@cabinet-roy.example',
    tokens: source,
    timeouts: { connectionMs: 3000, greetingMs: 3000, socketMs: 5000 },
  });
}

async function failureOf(promise: Promise<unknown>): Promise<SendFailure> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SendFailure);
  return error as SendFailure;
}

describe('SMTP with XOAUTH2', () => {
  it('logs in with the access token and delivers the message', async () => {
    const server = await oauthSmtp('jeton-valide');
    const sender = transport(server, tokens(['jeton-valide']));
    try {
      await sender.send(message());
    } finally {
      await sender.close();
    }
    expect(server.logins).toEqual([
      { user: 'avis@cabinet-roy.example', token: 'jeton-valide', accepted: true },
    ]);
    expect(server.received[0]).toContain('Subject: =?UTF-8?');
  });

  it('refreshes a token the server refuses, logs in again and delivers', async () => {
    const server = await oauthSmtp('jeton-neuf');
    const source = tokens(['jeton-perime', 'jeton-neuf']);
    const sender = transport(server, source);
    try {
      await sender.send(message());
    } finally {
      await sender.close();
    }
    expect(server.logins.map((l) => l.accepted)).toEqual([false, true]);
    expect(source.asked).toContain(true);
    expect(server.received).toHaveLength(1);
  });

  it('stops for the account with "reconnect" when there is no token any more', async () => {
    const server = await oauthSmtp('jeton');
    const revoked: AccessTokenSource = {
      accessToken: async () => {
        throw reconnectFailure({
          account: 'avis@cabinet-roy.example',
          provider: 'Microsoft 365',
          detail: 'invalid_grant',
        });
      },
    };
    const sender = transport(server, revoked);
    const failure = await failureOf(sender.send(message()));
    await sender.close();
    expect(failure.kind).toBe('account');
    expect(needsReconnect(failure)).toBe(true);
    expect(server.received).toHaveLength(0);
  });

  it('says so when the server keeps refusing fresh tokens (SMTP AUTH, scope)', async () => {
    const server = await oauthSmtp('jamais');
    const sender = transport(server, tokens(['a', 'b']));
    const failure = await failureOf(sender.send(message()));
    await sender.close();
    expect(failure.kind).toBe('account');
    expect((failure as MethodFailure).key).toBe('methods.failure.xoauth2Refused');
    expect(failure.message).toContain('avis@cabinet-roy.example');
  });
});
