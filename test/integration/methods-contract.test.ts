// The sending methods through the contract, as Paramètres uses them: each method's settings
// saved and read back (a wrong value refused, named, nothing changed), a Microsoft 365 account
// connected in the "browser" against a real OpenID provider on 127.0.0.1 (its consent page
// announced as an event, cancellable), the connection test's sentence, the bounce check's
// refusals; and nothing secret ever crossing to the page. Also the single send's chosen
// addresses through sending.preview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startOidcTestProvider,
  TestBrowser,
  type OidcTestProvider,
} from '../support/oidc-test-provider.js';
import { demoPostier, documentId } from '../support/demo-postier.js';
import { contractOver } from '../support/main-side.js';
import { freshPostier } from '../support/postier-fixture.js';
import { startSmtpTestServer, type SmtpTestServer } from '../support/smtp-test-server.js';
import { tempFolder } from '../support/temp-folder.js';

const MAILBOX = 'marie.tremblay@bureau.example';

let idp: OidcTestProvider;
let smtp: SmtpTestServer;
const credentialsDir = process.env.POSTIER_CREDENTIALS_DIR;

beforeAll(async () => {
  // Where the tokens go when this machine has no OS vault: a folder of the test's own.
  process.env.POSTIER_CREDENTIALS_DIR = tempFolder();
  idp = await startOidcTestProvider();
  smtp = await startSmtpTestServer({ security: 'plain' });
});
afterAll(async () => {
  await smtp.close();
  await idp.close();
  if (credentialsDir === undefined) delete process.env.POSTIER_CREDENTIALS_DIR;
  else process.env.POSTIER_CREDENTIALS_DIR = credentialsDir;
});

type Postier = Awaited<ReturnType<typeof freshPostier>>;

function router(postier: Postier, openUrl?: (url: string) => Promise<void>) {
  const side = contractOver(postier, openUrl ? { openUrl } : {});
  const setAccount = async (structureId: number, account: Record<string, unknown>) =>
    expect(await side.call('accounts.set', { structureId, account })).toMatchObject({ ok: true });
  /** An SMTP account on the test server, sending from `fromAddress`. */
  const setSmtpAccount = (structureId: number, fromAddress = 'bureau@residence.example') =>
    setAccount(structureId, {
      kind: 'smtp',
      host: '127.0.0.1',
      port: smtp.port,
      security: 'none',
      fromAddress,
    });
  return { call: side.call, seen: side.seen, setAccount, setSmtpAccount };
}

async function structureOf(postier: Postier): Promise<number> {
  return (await postier.records.listStructures())[0]!.id;
}

describe('methods.status and methods.saveSettings', () => {
  it('reads and saves the mailbox of an SMTP account, and refuses a wrong server name', async () => {
    const postier = await freshPostier();
    const structureId = await structureOf(postier);
    const { call, setSmtpAccount } = router(postier);
    await setSmtpAccount(structureId);

    const initial = await call('methods.status', { structureId });
    expect(initial).toMatchObject({
      ok: true,
      value: {
        kind: 'smtp',
        canPace: true,
        connection: null,
        provider: null,
        settings: { sentCopy: false, bounces: false, bounceFolder: 'Postier/Retours' },
      },
    });

    const saved = await call('methods.saveSettings', {
      structureId,
      settings: {
        sentCopy: true,
        sentFolder: 'Éléments envoyés',
        bounces: true,
        imap: { host: 'IMAP.Residence.example', port: 993, security: 'tls', username: '' },
      },
    });
    expect(saved).toMatchObject({
      ok: true,
      value: {
        settings: {
          sentCopy: true,
          sentFolder: 'Éléments envoyés',
          bounces: true,
          imap: { host: 'imap.residence.example', port: 993, security: 'tls', username: null },
        },
      },
    });

    const refused = await call('methods.saveSettings', {
      structureId,
      settings: { sentCopy: false, imap: { host: 'imap residence' } },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'methods.error.imapHost',
        message: expect.stringContaining('« imap residence » n’est pas valide'),
      },
    });
    expect(await call('methods.status', { structureId })).toMatchObject({
      value: { settings: { sentCopy: true, imap: { host: 'imap.residence.example' } } },
    });
  });

  it('says which methods cannot pace a large batch', async () => {
    const postier = await freshPostier();
    const structureId = await structureOf(postier);
    const { call, setAccount } = router(postier);
    await setAccount(structureId, { kind: 'outlook', fromAddress: 'bureau@residence.example' });
    expect(await call('methods.status', { structureId })).toMatchObject({
      value: { kind: 'outlook', canPace: false, settings: { outlookMode: 'review' } },
    });
    await call('methods.saveSettings', { structureId, settings: { outlookMode: 'send' } });
    expect(await call('methods.status', { structureId })).toMatchObject({
      value: { canPace: true },
    });
    await setAccount(structureId, { kind: 'thunderbird' });
    expect(await call('methods.status', { structureId })).toMatchObject({
      value: { kind: 'thunderbird', canPace: false },
    });
  });
});

describe('connecting a Microsoft 365 account', () => {
  async function graphOffice(openUrl: (url: string) => Promise<void>) {
    const postier = await freshPostier();
    const structureId = await structureOf(postier);
    const side = router(postier, openUrl);
    await side.setAccount(structureId, { kind: 'graph', fromAddress: MAILBOX });
    const saved = await side.call('methods.saveSettings', {
      structureId,
      settings: { clientId: idp.clientId, authority: idp.issuer, tenant: 'bureau.example' },
    });
    expect(saved).toMatchObject({
      ok: true,
      value: { kind: 'graph', provider: 'microsoft', connection: 'not_connected' },
    });
    return { postier, structureId, ...side };
  }

  it('announces the consent page, connects, and gives back no token nor its key', async () => {
    const browser = new TestBrowser();
    const { structureId, call, seen } = await graphOffice(async (url) => {
      await browser.consent(url, { login: MAILBOX });
    });

    const connected = await call('methods.connect', { structureId });

    expect(connected).toMatchObject({
      ok: true,
      value: { connection: 'connected', connectedAs: MAILBOX, canPace: true },
    });
    const announced = seen.filter((e) => e.name === 'methods.authorizationUrl');
    expect(announced).toHaveLength(1);
    const { url } = announced[0]!.payload as { structureId: number; url: string };
    expect(announced[0]!.payload).toMatchObject({ structureId });
    expect(new URL(url).origin).toBe(idp.issuer);
    expect(new URL(url).searchParams.get('login_hint')).toBe(MAILBOX);
    expect(JSON.stringify(connected)).not.toMatch(/tokenRef|oauth-|accessToken|refreshToken/);

    const disconnected = await call('methods.disconnect', { structureId });
    expect(disconnected).toMatchObject({ ok: true, value: { connection: 'not_connected' } });
  });

  it('stops waiting for the browser when the user cancels', async () => {
    const { structureId, call, seen } = await graphOffice(async () => undefined);

    const pending = call('methods.connect', { structureId });
    await expect
      .poll(() => seen.some((e) => e.name === 'methods.authorizationUrl'), { timeout: 10_000 })
      .toBe(true);
    expect(await call('methods.cancelConnect', { structureId })).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'methods.oauth.cancelled', message: 'Connexion du compte annulée.' },
    });
    expect(await call('methods.status', { structureId })).toMatchObject({
      value: { connection: 'not_connected' },
    });
    expect(await call('methods.cancelConnect', { structureId })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('says the account is not connected yet when it is tested', async () => {
    const { structureId, call } = await graphOffice(async () => undefined);
    const tested = await call('methods.test', { structureId });
    expect(tested).toMatchObject({
      ok: true,
      value: {
        ok: false,
        message: expect.stringContaining(`Le compte ${MAILBOX} n’est pas encore connecté`),
      },
    });
  });
});

describe('methods.test and bounces.check', () => {
  it('tests an SMTP account and says what it reached', async () => {
    const postier = await freshPostier();
    const structureId = await structureOf(postier);
    const { call, setSmtpAccount } = router(postier);
    await setSmtpAccount(structureId);
    expect(await call('methods.test', { structureId })).toMatchObject({
      ok: true,
      value: { ok: true, message: expect.stringContaining(`127.0.0.1, port ${smtp.port}`) },
    });
  });

  it('refuses to check bounces when the account does not read its mailbox, or has none', async () => {
    const postier = await freshPostier();
    const structureId = await structureOf(postier);
    const { call, setAccount, setSmtpAccount } = router(postier);
    await setSmtpAccount(structureId);
    expect(await call('bounces.check', { structureId })).toMatchObject({
      ok: false,
      error: {
        code: 'bounces.error.disabled',
        message: expect.stringContaining('bureau@residence.example'),
      },
    });
    await setAccount(structureId, { kind: 'eml-draft' });
    await call('methods.saveSettings', { structureId, settings: { bounces: true } });
    expect(await call('bounces.check', { structureId })).toMatchObject({
      ok: false,
      error: { code: 'bounces.error.noMailbox' },
    });
  });
});

describe('a bulk send through a method that cannot pace it', () => {
  it('is refused above the limit, with the reason, and nothing is queued', async () => {
    const { postier } = await demoPostier();
    const { call, setAccount } = router(postier);
    const structureId = await structureOf(postier);
    await setAccount(structureId, { kind: 'outlook', fromAddress: 'compta@erables.example' });

    const list = await call('sending.bulkList', {
      structureId,
      type: 'invoice',
      period: '2026-10',
    });
    expect(list).toMatchObject({ ok: true, value: { canPace: false } });
    const rows = list.ok ? (list.value as { rows: { documentId: number }[] }).rows : [];
    expect(rows.length).toBeGreaterThan(20);

    const refused = await call('sending.queue', {
      structureId,
      documentIds: rows.map((r) => r.documentId),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'error.prepare.tooManyForMethod',
        message: expect.stringMatching(/ne convient pas à \d+ messages \(au plus 20 à la fois\)/),
      },
    });
    const queued = await postier.db.selectFrom('messages').select('id').execute();
    expect(queued).toEqual([]);

    // A small batch goes; and Outlook sending at once paces a large one.
    expect(
      await call('sending.queue', {
        structureId,
        documentIds: rows.slice(0, 3).map((r) => r.documentId),
      }),
    ).toMatchObject({ ok: true, value: { queued: expect.any(Number) } });
    await call('methods.saveSettings', { structureId, settings: { outlookMode: 'send' } });
    expect(
      await call('sending.bulkList', { structureId, type: 'invoice', period: '2026-10' }),
    ).toMatchObject({ ok: true, value: { canPace: true } });
  });
});

describe('sending.preview with chosen addresses', () => {
  it('previews a typed address and names an invalid one', async () => {
    const { postier } = await demoPostier();
    const { call } = router(postier);
    const structureId = await structureOf(postier);
    const invoice = await documentId(postier, 'F202610-1010');
    const preview = await call('sending.preview', {
      structureId,
      documentId: invoice,
      addresses: ['chloe.boucher@example.org', 'notaire@example.com'],
    });
    expect(preview).toMatchObject({
      ok: true,
      value: {
        excluded: [],
        messages: [{ to: ['chloe.boucher@example.org'] }, { to: ['notaire@example.com'] }],
      },
    });
    const invalid = await call('sending.queue', {
      structureId,
      documentIds: [invoice],
      addresses: ['notaire@example'],
    });
    expect(invalid).toMatchObject({
      ok: false,
      error: {
        code: 'error.email.invalid',
        message:
          'L’adresse e-mail « notaire@example » n’est pas valide : vérifiez-la (exemple : nom@domaine.fr).',
      },
    });
  });
});
