// The registry of mail methods: one definition per kind of account, and what each says of
// itself (pacing, OAuth, its mailbox) matches what its transport does when opened for real.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAIL_METHODS, methodOf } from '../../src-main/accounts/mail-methods.js';
import { SendingMethods } from '../../src-main/accounts/sending-methods.js';
import { EncryptedFileCredentialStore } from '../../src-main/credentials/encrypted-file-store.js';
import { SendFailure, type OutgoingMessage } from '../../src-main/mail/transport.js';
import {
  MAIL_ACCOUNT_KINDS,
  type MailAccountInput,
  type MailAccountKind,
} from '../../src-shared/domain/mail.js';
import {
  DEFAULT_METHOD_SETTINGS,
  type MethodSettings,
} from '../../src-shared/domain/sending-methods.js';
import { UserError } from '../../src-shared/errors.js';
import { freshPostier } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

const review: MethodSettings = { ...DEFAULT_METHOD_SETTINGS, outlookMode: 'review' };
const send: MethodSettings = { ...DEFAULT_METHOD_SETTINGS, outlookMode: 'send' };

/** A Postier whose methods run offline: a fake Thunderbird, Outlook and .eml opener. */
async function office() {
  const postier = await freshPostier();
  const store = new EncryptedFileCredentialStore(tempFolder());
  const methods = new SendingMethods(postier.db, postier.folder, {
    credentials: async () => store,
    platform: 'win32',
    outlookRunner: async () => ({ code: 0, stdout: '{"ok":true,"accounts":""}', stderr: '' }),
    thunderbirdLauncher: async () => undefined,
    openFile: async () => undefined,
  });
  const structureId = (await postier.records.listStructures())[0]!.id;
  const thunderbird = path.join(tempFolder(), 'thunderbird.exe');
  fs.writeFileSync(thunderbird, '');
  async function account(kind: MailAccountKind, input: MailAccountInput = {}) {
    const saved = await postier.accounts.setAccount(structureId, {
      kind,
      fromAddress: 'facturation@erables.example.com',
      ...(kind === 'smtp' && { host: '127.0.0.1', port: 2525, security: 'none' }),
      ...input,
    });
    await methods.saveSettings(saved, { thunderbirdPath: thunderbird });
    return saved;
  }
  return { postier, methods, account, structureId };
}

function message(): OutgoingMessage {
  return {
    messageIdHeader: `<${crypto.randomUUID()}@postier.test>`,
    from: { name: 'Résidence Les Érables', address: 'facturation@erables.example.com' },
    replyTo: null,
    to: ['famille@example.com'],
    cc: [],
    bcc: [],
    subject: 'Facture de mars',
    text: 'Bonjour,\r\nvoici votre facture.\r\n',
    html: null,
    attachments: [],
    readReceiptTo: null,
    date: new Date('2026-03-31T09:00:00Z'),
  };
}

describe('the registry of mail methods', () => {
  it('defines every kind of account the shared list names, once, under its own name', () => {
    expect(Object.keys(MAIL_METHODS).sort()).toEqual([...MAIL_ACCOUNT_KINDS].sort());
    for (const kind of MAIL_ACCOUNT_KINDS) expect(methodOf(kind).kind).toBe(kind);
    expect(() => methodOf('pigeon')).toThrow(UserError);
  });

  it('says which kinds can pace a batch: Outlook only when it sends at once', () => {
    const paced = (settings: MethodSettings) =>
      MAIL_ACCOUNT_KINDS.filter((kind) => methodOf(kind).canPace(settings));
    expect(paced(review)).toEqual(['sandbox', 'smtp', 'graph', 'gmail-api', 'smtp-oauth']);
    expect(paced(send)).toEqual(['sandbox', 'smtp', 'graph', 'gmail-api', 'smtp-oauth', 'outlook']);
  });

  it('says which kinds sign in with OAuth2, and for which API', () => {
    const oauth = MAIL_ACCOUNT_KINDS.filter((kind) => methodOf(kind).oauth !== null);
    expect(oauth).toEqual(['graph', 'gmail-api', 'smtp-oauth']);
    expect(oauth.map((kind) => methodOf(kind).oauth)).toEqual(['graph', 'gmail-api', 'smtp']);
  });

  it('says which kinds have a mailbox for bounces', () => {
    const readable = MAIL_ACCOUNT_KINDS.filter((kind) => methodOf(kind).bounceMailbox !== null);
    expect(readable).toEqual(['smtp', 'graph', 'gmail-api', 'smtp-oauth']);
  });
});

describe('opening transports through the registry', () => {
  it('the sandbox writes the message as an .eml file in the data folder', async () => {
    const { postier, methods, account } = await office();
    const transport = await methods.openTransport(await account('sandbox'));
    try {
      const result = await transport.send(message());
      expect(result.accepted).toEqual(['famille@example.com']);
    } finally {
      await transport.close();
    }
    const sandbox = path.join(postier.folder.root, 'sandbox');
    const files = fs.readdirSync(sandbox, { recursive: true }).map(String);
    const eml = files.filter((file) => file.endsWith('.eml'));
    expect(eml).toHaveLength(1);
    expect(fs.readFileSync(path.join(sandbox, eml[0]!), 'utf8')).toContain(
      'Subject: Facture de mars',
    );
  });

  it('each transport paces as its kind says', async () => {
    const { methods, account } = await office();
    const offline: MailAccountKind[] = ['sandbox', 'smtp', 'outlook', 'thunderbird', 'eml-draft'];
    for (const kind of offline) {
      for (const outlookMode of ['send', 'review'] as const) {
        const saved = await account(kind);
        const settings = await methods.saveSettings(saved, { outlookMode });
        const transport = await methods.openTransport(saved);
        expect({ kind, outlookMode, canPace: transport.canPace }).toEqual({
          kind,
          outlookMode,
          canPace: methodOf(kind).canPace(settings),
        });
        expect((await methods.status(saved)).canPace).toBe(transport.canPace);
        await transport.close();
      }
    }
  });

  it('an OAuth account never connected on this workstation cannot open its transport', async () => {
    const { methods, account } = await office();
    const saved = await account('graph');
    await methods.saveSettings(saved, { clientId: 'postier-test' });
    const error = await methods.openTransport(saved).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SendFailure);
    expect(error).toMatchObject({ kind: 'account', reason: 'auth_required' });
    expect(await methods.status(saved)).toMatchObject({ connection: 'not_connected' });
  });
});

describe('a kind without a mailbox', () => {
  it('says so when asked to check its bounces', async () => {
    const { postier, methods, account, structureId } = await office();
    const saved = await account('outlook');
    await methods.saveSettings(saved, { bounces: true });
    const error = await postier.bounces.check(structureId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error).toMatchObject({ code: 'bounces.error.noMailbox', params: { kind: 'outlook' } });
  });
});
