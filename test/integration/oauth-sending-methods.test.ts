// A Microsoft 365 account sending through Graph, from the settings to the engine: the office's
// app registration in the settings, the account connected in the "browser" against a real
// OpenID provider, the connection test, a bulk send by the engine, then consent withdrawn: the
// run stops with "reconnect your account", nothing is lost, and reconnecting sends the rest.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedFileCredentialStore } from '../../src-main/credentials/encrypted-file-store.js';
import { SendingMethods } from '../../src-main/accounts/sending-methods.js';
import { runOutbox } from '../../src-main/send/engine.js';
import type { Postier } from '../../src-main/app/postier.js';
import { startFakeGraphApi, type FakeGraphApi } from '../support/fake-graph-api.js';
import {
  startOidcTestProvider,
  TestBrowser,
  type OidcTestProvider,
} from '../support/oidc-test-provider.js';
import { seedMessages } from '../support/outbox-fixture.js';
import { freshPostier } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

const ACTOR = { user: 'marie', workstation: 'ACCUEIL-1' };
const MAILBOX = 'marie.tremblay@bureau.example';

let idp: OidcTestProvider;
let graph: FakeGraphApi;

beforeEach(async () => {
  idp = await startOidcTestProvider();
  graph = await startFakeGraphApi({
    verifyToken: async (t) => (await idp.verifyAccessToken(t))?.scopes ?? null,
    signedIn: MAILBOX,
  });
});
afterEach(async () => {
  await graph.close();
  await idp.close();
});

async function office(): Promise<{
  postier: Postier;
  methods: SendingMethods;
  structureId: number;
}> {
  const postier = await freshPostier();
  const structureId = (await postier.records.listStructures())[0]!.id;
  const credentials = new EncryptedFileCredentialStore(tempFolder());
  const browser = new TestBrowser();
  const methods = new SendingMethods(postier.db, postier.folder, {
    credentials: async () => credentials,
    graphBaseUrl: graph.baseUrl,
    openUrl: async (url) => {
      await browser.consent(url, { login: MAILBOX });
    },
  });
  const account = await postier.accounts.setAccount(structureId, {
    kind: 'graph',
    fromAddress: MAILBOX,
    fromName: 'Résidence Test',
    pacing: { delayMs: 0, pauseEvery: 0, retryBaseMs: 100 },
  });
  await methods.saveSettings(account, {
    clientId: idp.clientId,
    authority: idp.issuer,
    tenant: 'residence.onmicrosoft.com',
  });
  return { postier, methods, structureId };
}

describe('a Microsoft 365 account through Graph, end to end', () => {
  it('is connected, tested, sends a batch, stops with "reconnect" when consent is withdrawn, and resumes', async () => {
    const { postier, methods, structureId } = await office();
    let account = await postier.accounts.getAccount(structureId);

    expect(await methods.status(account)).toMatchObject({
      kind: 'graph',
      canPace: true,
      connection: 'not_connected',
    });
    const notYet = await methods.testConnection(account);
    expect(notYet).toMatchObject({ ok: false, code: 'methods.failure.notConnected' });

    const status = await methods.connect(account, { timeoutMs: 15_000 });
    expect(status).toMatchObject({ connection: 'connected', connectedAs: MAILBOX });
    account = await postier.accounts.getAccount(structureId);
    const tested = await methods.testConnection(account);
    expect(tested).toMatchObject({ ok: true, code: 'methods.test.graph' });
    expect(tested.ok && tested.detail).toBe(
      `Connexion réussie à Microsoft 365 par l’API Graph : les messages partiront de ${MAILBOX}.`,
    );

    const seeded = await seedMessages(postier.db, { structureId, accountId: account.id, count: 3 });
    const transportFactory = async (id: number) =>
      methods.openTransport(await postier.accounts.getAccountById(id));
    const first = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      actor: ACTOR,
      transportFactory,
    });
    expect(first.sent).toBe(3);
    expect(graph.sentItems).toHaveLength(3);

    // The user withdraws consent (its tokens are revoked): the next run stops for the account.
    await idp.revokeGrants();
    const more = await seedMessages(postier.db, { structureId, accountId: account.id, count: 2 });
    const stopped = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      actor: ACTOR,
      transportFactory,
    });
    expect(stopped.sent).toBe(0);
    expect(stopped.stoppedBy?.message).toContain('doit être reconnecté');
    expect(stopped.remaining).toBe(2);
    const statuses = await postier.db
      .selectFrom('messages')
      .select('status')
      .where('id', 'in', more.ids)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['validated', 'validated']);
    expect((await methods.status(account)).connection).toBe('reconnect');

    // Reconnected: the two waiting messages go, none of the first three goes twice.
    await methods.connect(account, { timeoutMs: 15_000 });
    const resumed = await runOutbox({
      db: postier.db,
      folder: postier.folder,
      actor: ACTOR,
      transportFactory,
    });
    expect(resumed.sent).toBe(2);
    expect(graph.sentItems).toHaveLength(5);
    const ids = graph.sentItems.map(
      (i) => (i.message.internetMessageHeaders as { value: string }[])[0]!.value,
    );
    expect(new Set(ids).size).toBe(5);
    expect(ids).toEqual([...seeded.messageIdHeaders, ...more.messageIdHeaders]);
  });

  it('keeps the tokens out of the database and the shared settings', async () => {
    const { postier, methods, structureId } = await office();
    const account = await postier.accounts.getAccount(structureId);
    await methods.connect(account, { timeoutMs: 15_000 });
    const settings = await postier.db.selectFrom('settings').select(['key', 'value']).execute();
    const stored = settings.find((s) => s.key === `sendingMethod.${account.id}`)!;
    expect(JSON.parse(stored.value)).toMatchObject({
      clientId: idp.clientId,
      tokenRef: expect.stringMatching(/^oauth-/),
    });
    const tokenRequest = idp.tokenRequests.find((r) => r.grantType === 'authorization_code')!;
    expect(tokenRequest.body.get('client_id')).toBe(idp.clientId);
    const dump =
      JSON.stringify(await postier.db.selectFrom('mail_accounts').selectAll().execute()) +
      JSON.stringify(settings);
    expect(dump).not.toMatch(/access_token|refresh_token|accessToken|refreshToken/);
  });
});
