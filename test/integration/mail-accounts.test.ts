// Mail accounts: the sandbox default, settings and presets, the password kept out of the
// database, transports opened from an account, and the connection test against real servers.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import { EncryptedFileCredentialStore } from '../../src-main/credentials/encrypted-file-store.js';
import { AccountsService } from '../../src-main/accounts/accounts-service.js';
import { SendingMethods } from '../../src-main/accounts/sending-methods.js';
import { SendFailure } from '../../src-main/mail/transport.js';
import { DEFAULT_PACING, type MailAccountInput } from '../../src-shared/domain/mail.js';
import { UserError } from '../../src-shared/errors.js';
import { databaseHolds, dataPlace, freshPostier } from '../support/postier-fixture.js';
import {
  startSmtpTestServer,
  testCertificate,
  type SmtpTestServer,
  type SmtpTestServerOptions,
} from '../support/smtp-test-server.js';
import { smtpServerForTest } from '../support/smtp-servers.js';
import { tempFolder } from '../support/temp-folder.js';

const PASSWORD = 'P@ssw0rd-Érables-2026';

const server = smtpServerForTest;

interface Setup {
  postier: Postier;
  accounts: AccountsService;
  methods: SendingMethods;
  store: EncryptedFileCredentialStore;
  structureId: number;
}

async function setup(): Promise<Setup> {
  const postier = await freshPostier();
  const store = new EncryptedFileCredentialStore(path.join(tempFolder(), 'credentials'));
  const credentials = async () => store;
  const accounts = new AccountsService(postier.db, { credentials });
  const methods = new SendingMethods(postier.db, postier.folder, {
    credentials,
    smtp: {
      trustedCertificates: (await testCertificate()).cert,
      timeouts: { connectionMs: 2000, greetingMs: 800, socketMs: 2000 },
    },
  });
  const [structure] = await postier.records.listStructures();
  return { postier, accounts, methods, store, structureId: structure!.id };
}

async function userError(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

function smtpInput(target: SmtpTestServer, overrides: MailAccountInput = {}): MailAccountInput {
  return {
    kind: 'smtp',
    host: target.host,
    port: target.port,
    security: 'none',
    fromAddress: 'facturation@erables.example.com',
    ...overrides,
  };
}

describe('mail accounts: settings', () => {
  it('a fresh structure has a sandbox account that sends nothing', async () => {
    const { accounts, methods, structureId } = await setup();
    const account = await accounts.getAccount(structureId);
    expect(account).toMatchObject({
      kind: 'sandbox',
      structureId,
      hasPassword: false,
      pacing: DEFAULT_PACING,
    });
    expect((await accounts.getAccount(structureId)).id).toBe(account.id);
    const transport = await methods.openTransport(account);
    expect(transport.kind).toBe('sandbox');
    await transport.close();
  });

  it('an unknown structure is named, not a database error', async () => {
    const { accounts } = await setup();
    const error = await userError(accounts.getAccount(999));
    expect(error.code).toBe('error.structure.notFound');
  });

  it('the Microsoft 365 preset fills server and pacing; the password goes to the store, not the database', async () => {
    const { postier, accounts, store, structureId } = await setup();
    const account = await accounts.setAccount(structureId, {
      preset: 'microsoft365',
      username: 'facturation@erables.example.com',
      password: PASSWORD,
      fromAddress: 'facturation@erables.example.com',
      fromName: 'Résidence Les Érables',
    });
    expect(account).toMatchObject({
      kind: 'smtp',
      preset: 'microsoft365',
      host: 'smtp.office365.com',
      port: 587,
      security: 'starttls',
      hasPassword: true,
      maxMessageBytes: 35 * 1024 * 1024,
    });
    expect(account.pacing).toMatchObject({ delayMs: 2000, pauseEvery: 0, maxPerDay: 10_000 });
    const row = await postier.db
      .selectFrom('mail_accounts')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(row.credential_ref).toMatch(/^mail-account-[0-9a-f-]{36}$/);
    expect(await store.get(row.credential_ref!)).toBe(PASSWORD);
    expect(await databaseHolds(dataPlace(postier), PASSWORD)).toBe(false);
    expect(JSON.stringify(account)).not.toContain(PASSWORD);
  });

  it('what the user types wins over the preset, and later changes keep the rest', async () => {
    const { accounts, structureId } = await setup();
    await accounts.setAccount(structureId, {
      preset: 'gmail',
      port: 587,
      security: 'starttls',
      fromAddress: 'garderie@example.com',
      pacing: { maxPerDay: 500 },
    });
    const account = await accounts.setAccount(structureId, { replyTo: 'direction@example.com' });
    expect(account).toMatchObject({
      host: 'smtp.gmail.com',
      port: 587,
      security: 'starttls',
      replyTo: 'direction@example.com',
      version: 3,
    });
    expect(account.pacing).toMatchObject({ delayMs: 3000, maxPerDay: 500 });
  });

  it('an empty password removes the stored one', async () => {
    const { accounts, store, structureId } = await setup();
    const target = await server();
    await accounts.setAccount(
      structureId,
      smtpInput(target, { username: 'u', password: PASSWORD }),
    );
    const account = await accounts.setAccount(structureId, { password: '' });
    expect(account.hasPassword).toBe(false);
    expect(JSON.parse(fs.readFileSync(store.file, 'utf8')).entries).toEqual({});
  });

  const refusals: Array<[string, MailAccountInput, string, Record<string, unknown>]> = [
    ['a URL as host', { host: 'https://smtp.exemple.fr' }, 'error.mailAccount.hostInvalid', {}],
    ['a port out of range', { port: 70000 }, 'error.mailAccount.port', { value: '70000' }],
    ['an unknown security', { security: 'ssl' as never }, 'error.mailAccount.security', {}],
    ['an unknown preset', { preset: 'yahoo' as never }, 'error.mailAccount.preset', {}],
    ['an unknown kind', { kind: 'pigeon' as never }, 'error.mailAccount.kind', {}],
    [
      'a bad reply-to',
      { replyTo: 'compta@@exemple' },
      'error.mailAccount.address',
      { field: 'replyTo', value: 'compta@@exemple' },
    ],
    [
      'a line break in the sender name',
      { fromName: 'Résidence\r\nBcc: evil@example.com' },
      'error.mailAccount.text',
      { field: 'fromName' },
    ],
    [
      'a negative delay',
      { pacing: { delayMs: -1 } },
      'error.mailAccount.number',
      { field: 'delayMs', value: '-1' },
    ],
    [
      'a fractional pause',
      { pacing: { pauseEvery: 2.5 } },
      'error.mailAccount.number',
      { field: 'pauseEvery' },
    ],
    ['zero attempts', { pacing: { maxAttempts: 0 } }, 'error.mailAccount.number', {}],
    ['a password without user', { password: 'x' }, 'error.mailAccount.passwordWithoutUser', {}],
    ['an SMTP account without host', { host: null }, 'error.mailAccount.hostRequired', {}],
    ['an SMTP account without sender', { fromAddress: null }, 'error.mailAccount.fromRequired', {}],
  ];

  it.each(refusals)('refuses %s, changing nothing', async (_label, change, code, params) => {
    const { postier, accounts, structureId } = await setup();
    const target = await server();
    await accounts.setAccount(structureId, smtpInput(target));
    const before = await postier.db.selectFrom('mail_accounts').selectAll().execute();
    const error = await userError(accounts.setAccount(structureId, change));
    expect(error.code).toBe(code);
    expect(error.params).toMatchObject(params);
    expect(await postier.db.selectFrom('mail_accounts').selectAll().execute()).toEqual(before);
  });
});

describe('mail accounts: transports', () => {
  it('sends with the password read from the credential store', async () => {
    const { accounts, methods, structureId } = await setup();
    const target = await server({
      security: 'starttls',
      auth: { username: 'compta', password: PASSWORD },
    });
    const account = await accounts.setAccount(
      structureId,
      smtpInput(target, { security: 'starttls', username: 'compta', password: PASSWORD }),
    );
    const transport = await methods.openTransport(account);
    try {
      const result = await transport.send({
        messageIdHeader: `<${crypto.randomUUID()}@postier.test>`,
        from: { name: null, address: 'facturation@erables.example.com' },
        replyTo: null,
        to: ['famille@example.com'],
        cc: [],
        bcc: [],
        subject: 'Essai',
        text: 'Essai',
        html: null,
        attachments: [],
        readReceiptTo: null,
        date: new Date(),
      });
      expect(result.accepted).toEqual(['famille@example.com']);
    } finally {
      await transport.close();
    }
    expect(target.messages[0]!.user).toBe('compta');
  });

  it('a password not kept on this workstation stops with an account failure', async () => {
    const { accounts, methods, store, structureId } = await setup();
    const target = await server();
    const account = await accounts.setAccount(
      structureId,
      smtpInput(target, { username: 'compta', password: PASSWORD }),
    );
    fs.rmSync(store.folder, { recursive: true });
    expect((await accounts.getAccount(structureId)).hasPassword).toBe(false);
    const error = await methods.openTransport(account).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendFailure);
    expect(error).toMatchObject({ kind: 'account', reason: 'password_missing' });
    expect((error as SendFailure).message).toBe(
      'Le mot de passe du compte d’envoi (compta) n’est pas enregistré sur ce poste : saisissez-le de nouveau dans les réglages du compte.',
    );
  });
});

describe('connection test against real servers', () => {
  async function test(serverOptions: SmtpTestServerOptions | null, input: MailAccountInput) {
    const { accounts, methods, structureId } = await setup();
    const target = serverOptions ? await server(serverOptions) : null;
    const base = target
      ? smtpInput(target)
      : smtpInput({ host: '127.0.0.1', port: 25 } as SmtpTestServer);
    const account = await accounts.setAccount(structureId, { ...base, ...input });
    return { result: await methods.testConnection(account), target };
  }

  it('succeeds over STARTTLS with the right password', async () => {
    const { result, target } = await test(
      { security: 'starttls', auth: { username: 'compta', password: PASSWORD } },
      { security: 'starttls', username: 'compta', password: PASSWORD },
    );
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.detail).toBe(
      `Connexion réussie à 127.0.0.1, port ${target!.port} (STARTTLS) : le serveur accepte l’identifiant compta.`,
    );
    expect(target!.messages).toHaveLength(0);
  });

  it('host not found', async () => {
    const { result } = await test(null, { host: 'smtp.postier-test.invalid', port: 587 });
    expect(result).toMatchObject({
      ok: false,
      problem: 'host_not_found',
      message:
        'Le serveur smtp.postier-test.invalid est introuvable : vérifiez son nom (par exemple smtp.office365.com) et la connexion Internet de ce poste.',
    });
  });

  it('port closed', async () => {
    const closed = await startSmtpTestServer();
    const port = closed.port;
    await closed.close();
    const { result } = await test(null, { port });
    expect(result).toMatchObject({ ok: false, problem: 'port_closed' });
    expect(!result.ok && result.message).toBe(
      `Le serveur 127.0.0.1 refuse les connexions sur le port ${port} : vérifiez le numéro de port (587 pour STARTTLS, 465 pour TLS) ou demandez s’il est bloqué par un pare-feu.`,
    );
  });

  it('an implicit-TLS port (465-style) configured as STARTTLS', async () => {
    const { result, target } = await test({ security: 'tls' }, { security: 'starttls' });
    expect(result).toMatchObject({ ok: false, problem: 'tls_mismatch', reason: 'tls_expected' });
    expect(!result.ok && result.message).toBe(
      `Le port ${target!.port} attend une connexion chiffrée dès le départ (SSL/TLS) : choisissez « TLS » au lieu de « STARTTLS ».`,
    );
  });

  it('a STARTTLS port (587-style) configured as TLS', async () => {
    const { result, target } = await test({ security: 'starttls' }, { security: 'tls' });
    expect(result).toMatchObject({ ok: false, problem: 'tls_mismatch', reason: 'tls_unexpected' });
    expect(!result.ok && result.message).toBe(
      `Le port ${target!.port} attend d’abord une connexion non chiffrée, puis STARTTLS : choisissez « STARTTLS » au lieu de « TLS ».`,
    );
  });

  it('a plain port (25-style) configured as TLS', async () => {
    const { result } = await test({ security: 'plain' }, { security: 'tls' });
    expect(result).toMatchObject({ ok: false, problem: 'tls_mismatch', reason: 'tls_unexpected' });
  });

  it('STARTTLS required but the server offers none', async () => {
    const { result } = await test({ security: 'plain' }, { security: 'starttls' });
    expect(result).toMatchObject({
      ok: false,
      problem: 'tls_mismatch',
      reason: 'starttls_unavailable',
      reply: '500 Error: command not recognized',
    });
  });

  it('a login offered only once encrypted, tried in clear', async () => {
    const { result } = await test(
      { security: 'starttls', auth: { username: 'compta', password: PASSWORD } },
      { security: 'none', username: 'compta', password: PASSWORD },
    );
    expect(result).toMatchObject({
      ok: false,
      problem: 'tls_mismatch',
      reason: 'encryption_required',
    });
  });

  it('wrong password', async () => {
    const { result } = await test(
      { security: 'tls', auth: { username: 'compta', password: PASSWORD } },
      { security: 'tls', username: 'compta', password: 'faux' },
    );
    expect(result).toMatchObject({
      ok: false,
      problem: 'auth_refused',
      reply: '535 5.7.8 Authentication unsuccessful: wrong user name or password',
    });
    expect(!result.ok && result.message).toMatch(
      /^Identifiant ou mot de passe refusé par le serveur 127\.0\.0\.1/,
    );
  });

  it('a server that never greets: timeout', async () => {
    const { accounts, methods, structureId } = await setup();
    const target = await server();
    target.setBehavior({}, { at: 'greeting', stallMs: 5000 });
    const account = await accounts.setAccount(structureId, smtpInput(target));
    const result = await methods.testConnection(account);
    expect(result).toMatchObject({ ok: false, problem: 'timeout' });
  });

  it('the sandbox needs no connection', async () => {
    const { postier, accounts, methods, structureId } = await setup();
    const result = await methods.testConnection(await accounts.getAccount(structureId));
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.detail).toContain(path.join(postier.folder.root, 'sandbox'));
  });
});
