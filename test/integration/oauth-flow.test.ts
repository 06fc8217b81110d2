// The OAuth2 authorization-code flow with PKCE and a loopback redirect, end to end against a
// real OpenID provider on 127.0.0.1 (oidc-provider): consent in the "browser", tokens in the
// credential store (the encrypted file), silent refresh with rotation, the "reconnect" state
// after the user withdrew consent, a refused consent, and the loopback listener's guards.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src-shared/errors.js';
import { EncryptedFileCredentialStore } from '../../src-main/credentials/encrypted-file-store.js';
import { createGraphTransport } from '../../src-main/mail/graph-transport.js';
import { needsReconnect } from '../../src-shared/domain/method-failure.js';
import { connectionState, OAuthSession } from '../../src-main/oauth/access-token.js';
import { authorizeInBrowser } from '../../src-main/oauth/authorize.js';
import { openLoopbackRedirect } from '../../src-main/oauth/loopback-redirect.js';
import {
  scopesFor,
  type OAuthProviderId,
  type OAuthSettings,
} from '../../src-main/oauth/oauth-providers.js';
import { OAuthTokenStore } from '../../src-main/oauth/token-store.js';
import { startFakeGraphApi, type FakeGraphApi } from '../support/fake-graph-api.js';
import {
  startOidcTestProvider,
  TestBrowser,
  type OidcTestProvider,
} from '../support/oidc-test-provider.js';
import { tempFolder } from '../support/temp-folder.js';

let idp: OidcTestProvider;
const closers: (() => Promise<void>)[] = [];

beforeEach(async () => {
  idp = await startOidcTestProvider({ accessTokenTtl: 3600 });
  closers.push(() => idp.close());
});

afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function settings(provider: OAuthProviderId = 'microsoft'): OAuthSettings {
  return { provider, clientId: idp.clientId, tenant: null, authority: idp.issuer };
}

let vault: EncryptedFileCredentialStore;

function tokenStore(): OAuthTokenStore {
  vault = new EncryptedFileCredentialStore(tempFolder());
  return new OAuthTokenStore(vault, 'oauth-test-account');
}

/** Connects like the app does; the test browser plays the user. */
async function connect(
  store: OAuthTokenStore,
  options: { provider?: OAuthProviderId; refuse?: boolean; browser?: TestBrowser } = {},
) {
  const browser = options.browser ?? new TestBrowser();
  const seen: { url: string | null; browserError: unknown } = { url: null, browserError: null };
  const provider = options.provider ?? 'microsoft';
  const tokens = await authorizeInBrowser({
    settings: settings(provider),
    scopes: scopesFor(provider, provider === 'microsoft' ? 'graph' : 'gmail-api', false),
    loginHint: 'marie.tremblay@bureau.example',
    onAuthorizationUrl: (url) => (seen.url = url),
    openBrowser: async (url) => {
      await browser.consent(url, { refuse: options.refuse ?? false }).catch((error: unknown) => {
        seen.browserError = error;
      });
    },
    timeoutMs: 15_000,
  });
  await store.write({
    tokens,
    clientSecret: null,
    revoked: null,
    connectedAs: 'marie.tremblay@bureau.example',
  });
  return { tokens, seen, browser };
}

describe('connecting an account', () => {
  it('runs the consent with PKCE S256 and a loopback redirect, and keeps the tokens', async () => {
    const store = tokenStore();
    const { tokens, seen, browser } = await connect(store);

    expect(seen.browserError).toBeNull();
    const asked = new URL(seen.url!);
    expect(asked.origin).toBe(idp.issuer);
    expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
    expect(asked.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asked.searchParams.get('state')).toBeTruthy();
    expect(asked.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(asked.searchParams.get('scope')).toBe(
      'offline_access https://graph.microsoft.com/Mail.Send https://graph.microsoft.com/User.Read',
    );
    expect(asked.searchParams.get('login_hint')).toBe('marie.tremblay@bureau.example');
    // The browser came back to the loopback and got the "you can close this window" page.
    expect(browser.visited.at(-1)).toMatch(/^http:\/\/localhost:\d+\/\?code=/);

    const exchange = idp.tokenRequests.find((r) => r.grantType === 'authorization_code')!;
    expect(exchange.body.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(tokens.refreshToken).toBeTruthy();
    expect(await idp.verifyAccessToken(tokens.accessToken)).toMatchObject({
      accountId: 'marie.tremblay@bureau.example',
      audience: 'https://graph.microsoft.com',
      scopes: ['https://graph.microsoft.com/Mail.Send', 'https://graph.microsoft.com/User.Read'],
    });
    expect(await connectionState(store)).toBe('connected');
    // Kept encrypted: the vault file does not hold either token in clear.
    const stored = await store.read();
    expect(stored.tokens?.refreshToken).toBe(tokens.refreshToken);
    const file = fs.readFileSync(vault.file, 'utf8');
    expect(file).not.toContain(tokens.refreshToken!);
    expect(file).not.toContain(tokens.accessToken);
  });

  it('connects a Google account with the loopback on 127.0.0.1 and asks for offline access', async () => {
    const { seen } = await connect(tokenStore(), { provider: 'google' });
    const asked = new URL(seen.url!);
    expect(asked.searchParams.get('redirect_uri')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(asked.searchParams.get('access_type')).toBe('offline');
    expect(asked.searchParams.get('scope')).toBe('https://www.googleapis.com/auth/gmail.send');
  });

  it('says the consent was refused when the user refuses it', async () => {
    const error = await connect(tokenStore(), { refuse: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('methods.oauth.refused');
    expect(idp.tokenRequests).toHaveLength(0);
  });
});

describe('using the tokens', () => {
  it('refreshes silently before expiry, keeps the rotated refresh token, the old one stops working', async () => {
    const store = tokenStore();
    const { tokens } = await connect(store);
    let now = Date.now();
    const session = new OAuthSession({
      store,
      settings: settings(),
      account: 'marie.tremblay@bureau.example',
      now: () => now,
    });

    expect(await session.accessToken()).toBe(tokens.accessToken);
    expect(idp.tokenRequests.filter((r) => r.grantType === 'refresh_token')).toHaveLength(0);

    now += 3600_000 - 30_000; // 30 s before expiry: inside the refresh margin
    const refreshed = await session.accessToken();
    expect(refreshed).not.toBe(tokens.accessToken);
    expect(await idp.verifyAccessToken(refreshed)).not.toBeNull();
    const after = await store.read();
    expect(after.tokens!.refreshToken).not.toBe(tokens.refreshToken);
    expect(after.tokens!.expiresAt).toBeGreaterThan(now + 3000_000);

    // The first refresh token was rotated away: using it again is refused by the provider.
    await store.update((s) => ({
      ...s,
      tokens: { ...s.tokens!, refreshToken: tokens.refreshToken },
    }));
    const error = await session.accessToken({ forceRefresh: true }).catch((e: unknown) => e);
    expect(needsReconnect(error)).toBe(true);
  });

  it('enters the "reconnect" state when the user withdrew consent, without asking the provider again', async () => {
    const store = tokenStore();
    await connect(store);
    const session = new OAuthSession({
      store,
      settings: settings(),
      account: 'marie.tremblay@bureau.example',
    });

    await idp.revokeGrants();
    const error = await session.accessToken({ forceRefresh: true }).catch((e: unknown) => e);

    expect(needsReconnect(error)).toBe(true);
    expect((error as Error).message).toBe(
      'Le compte marie.tremblay@bureau.example doit être reconnecté : Microsoft 365 a retiré l’autorisation donnée à Postier ou elle a expiré (invalid_grant). Dans les réglages du compte d’envoi, cliquez sur « Reconnecter le compte » (ou tapez « postier account connect »), puis relancez l’envoi.',
    );
    expect(await connectionState(store)).toBe('reconnect');
    const calls = idp.tokenRequests.length;
    expect(needsReconnect(await session.accessToken().catch((e: unknown) => e))).toBe(true);
    expect(idp.tokenRequests.length).toBe(calls);

    // Connecting again clears the state.
    await connect(store);
    expect(await connectionState(store)).toBe('connected');
  });

  it('sends through Graph with the connected account, and stops with "reconnect" once consent is withdrawn', async () => {
    const store = tokenStore();
    await connect(store);
    const graph: FakeGraphApi = await startFakeGraphApi({
      verifyToken: async (token) => (await idp.verifyAccessToken(token))?.scopes ?? null,
    });
    closers.push(() => graph.close());
    const session = new OAuthSession({
      store,
      settings: settings(),
      account: 'marie.tremblay@bureau.example',
    });
    const transport = createGraphTransport({
      tokens: session,
      account: 'marie.tremblay@bureau.example',
      maxMessageBytes: 1 << 20,
      baseUrl: graph.baseUrl,
    });
    const message = {
      messageIdHeader: '<oauth-e2e-1@bureau.example>',
      from: { name: 'Bureau', address: 'marie.tremblay@bureau.example' },
      replyTo: null,
      to: ['client@example.com'],
      cc: [],
      bcc: [],
      subject: 'Facture',
      text: 'Bonjour',
      html: null,
      attachments: [],
      readReceiptTo: null,
      date: new Date(),
    };

    await transport.send(message);
    expect(graph.sentItems).toHaveLength(1);

    await idp.revokeGrants();
    const failure = await transport
      .send({ ...message, messageIdHeader: '<oauth-e2e-2@bureau.example>' })
      .catch((e: unknown) => e);
    expect(needsReconnect(failure)).toBe(true);
    expect((failure as { kind: string }).kind).toBe('account');
    expect(graph.sentItems).toHaveLength(1);
  });
});

describe('the loopback redirect', () => {
  it('answers 400 to a visit without our state and keeps waiting for the right one', async () => {
    const loopback = await openLoopbackRedirect({
      expectedState: 'etat-attendu',
      host: '127.0.0.1',
      timeoutMs: 10_000,
    });
    closers.push(() => loopback.close());
    expect(loopback.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);

    const wrong = await fetch(`${loopback.redirectUri}?code=vol&state=autre`);
    expect(wrong.status).toBe(400);
    const right = await fetch(`${loopback.redirectUri}?code=bon&state=etat-attendu`);
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('Postier est connecté');
    const url = await loopback.callback;
    expect(url.searchParams.get('code')).toBe('bon');
    // Closed once answered: the port takes no more visits.
    await expect(fetch(loopback.redirectUri)).rejects.toThrow();
  });

  it('gives up cleanly when nobody comes back in time', async () => {
    const loopback = await openLoopbackRedirect({
      expectedState: 's',
      host: '127.0.0.1',
      timeoutMs: 200,
    });
    const error = await loopback.callback.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('methods.oauth.timeout');
    await expect(fetch(loopback.redirectUri)).rejects.toThrow();
  });
});
