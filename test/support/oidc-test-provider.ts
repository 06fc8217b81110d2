/**
 * A real OpenID provider (the `oidc-provider` package) on 127.0.0.1 for OAuth tests, standing
 * in for the Microsoft identity platform and Google: discovery, authorization with PKCE,
 * consent, the token endpoint (code and refresh grants, refresh tokens rotated), revocation.
 *
 *   const idp = await startOidcTestProvider();
 *   // settings: authority = idp.issuer, clientId = idp.clientId
 *   const browser = new TestBrowser();
 *   await browser.consent(authorizationUrl, { login: 'marie@bureau.example' }); // → redirect
 *   idp.verifyAccessToken(token) → { scopes, audience } | null;  await idp.revokeGrants();
 *   await idp.close();
 *
 * Scopes are grouped in resources as Microsoft does ("https://graph.microsoft.com/Mail.Send"
 * is a scope of the resource https://graph.microsoft.com): an authorization asks for the
 * scopes of one resource, and its access token is valid for that resource only. Access tokens
 * are opaque; `verifyAccessToken` is what a resource server (the fake Graph and Gmail APIs)
 * asks.
 *
 * The consent is driven through HTTP like a user in a browser would: `TestBrowser` follows
 * redirects by hand with a cookie jar, answers the login page (POST /interaction/:uid/login)
 * and the consent page (POST /interaction/:uid/confirm or /abort), and stops at the first
 * redirect that leaves the provider (the app's loopback redirect), which it then requests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Configuration } from 'oidc-provider';

export const TEST_RESOURCES: Record<string, string[]> = {
  'https://graph.microsoft.com': [
    'https://graph.microsoft.com/Mail.Send',
    'https://graph.microsoft.com/Mail.ReadWrite',
    'https://graph.microsoft.com/User.Read',
  ],
  'https://outlook.office.com': [
    'https://outlook.office.com/SMTP.Send',
    'https://outlook.office.com/IMAP.AccessAsUser.All',
  ],
  'https://www.googleapis.com': [
    'https://www.googleapis.com/auth/gmail.send',
    'https://www.googleapis.com/auth/gmail.modify',
    'https://mail.google.com/',
  ],
};

export interface OidcTestProviderOptions {
  clientId?: string;
  /** Seconds an access token lives (short to test the silent refresh). */
  accessTokenTtl?: number;
}

export interface VerifiedToken {
  accountId: string;
  scopes: string[];
  audience: string | null;
}

export interface OidcTestProvider {
  issuer: string;
  clientId: string;
  provider: Provider;
  /** Every request the token endpoint received, grant type first. */
  tokenRequests: { grantType: string; body: URLSearchParams }[];
  /** What a resource server learns from an access token; null when unknown or expired. */
  verifyAccessToken(token: string): Promise<VerifiedToken | null>;
  /** The user withdraws consent: every grant, refresh token and access token is revoked. */
  revokeGrants(): Promise<void>;
  close(): Promise<void>;
}

export async function startOidcTestProvider(
  options: OidcTestProviderOptions = {},
): Promise<OidcTestProvider> {
  const clientId = options.clientId ?? 'postier-test-client';
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const grants = new Set<string>();
  const tokenRequests: OidcTestProvider['tokenRequests'] = [];
  const provider = new Provider(issuer, configuration(clientId, options, grants));
  // Quiet: a test provider on plain HTTP is expected.
  provider.on('server_error', (_ctx: unknown, error: Error) => console.error(error));
  const callback = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    void route(provider, req, res, callback, tokenRequests, grants);
  });
  return {
    issuer,
    clientId,
    provider,
    tokenRequests,
    async verifyAccessToken(token) {
      const found = await provider.AccessToken.find(token);
      if (!found || found.isExpired) return null;
      return {
        accountId: found.accountId,
        scopes: (found.scope ?? '').split(' ').filter(Boolean),
        audience: (found.aud as string | undefined) ?? null,
      };
    },
    async revokeGrants() {
      for (const grantId of grants) {
        for (const model of ['AccessToken', 'RefreshToken', 'AuthorizationCode'] as const) {
          await provider[model].revokeByGrantId(grantId);
        }
        await (await provider.Grant.find(grantId))?.destroy();
      }
      grants.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function configuration(
  clientId: string,
  options: OidcTestProviderOptions,
  grants: Set<string>,
): Configuration {
  return {
    clients: [
      {
        client_id: clientId,
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['http://127.0.0.1/', 'http://localhost/'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    scopes: ['openid', 'offline_access', 'email'],
    claims: { email: ['email'] },
    pkce: { required: () => true },
    cookies: { keys: ['postier-test-cookie-key'] },
    ttl: {
      AccessToken: options.accessTokenTtl ?? 3600,
      RefreshToken: 14 * 24 * 3600,
      Grant: 14 * 24 * 3600,
      Session: 3600,
      Interaction: 600,
      AuthorizationCode: 60,
    },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: id }) }),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Like Microsoft (offline_access) and Google (access_type=offline): a refresh token
    // without the OpenID rule that offline_access needs prompt=consent.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Microsoft-style: no `resource` parameter, the scopes name the resource.
        defaultResource: (ctx, _client, oneOf) =>
          oneOf ?? resourceOfScopes(String(ctx.oidc.params?.scope ?? '')) ?? undefined,
        getResourceServerInfo: (_ctx, resource) => ({
          scope: (TEST_RESOURCES[resource] ?? []).join(' '),
          audience: resource,
          accessTokenFormat: 'opaque',
          accessTokenTTL: options.accessTokenTtl ?? 3600,
        }),
        useGrantedResource: () => true,
      },
    },
    loadExistingGrant: async (ctx) => {
      const grantId =
        ctx.oidc.result?.consent?.grantId ??
        ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (!grantId) return undefined;
      grants.add(grantId);
      return ctx.oidc.provider.Grant.find(grantId);
    },
  };
}

function resourceOfScopes(scope: string): string | null {
  const requested = scope.split(' ');
  for (const [resource, scopes] of Object.entries(TEST_RESOURCES)) {
    if (requested.some((s) => scopes.includes(s))) return resource;
  }
  return null;
}

type Callback = ReturnType<Provider['callback']>;

async function route(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  callback: Callback,
  tokenRequests: OidcTestProvider['tokenRequests'],
  grants: Set<string>,
): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://x');
    const interaction = /^\/interaction\/([^/]+)(?:\/(login|confirm|abort))?$/.exec(url.pathname);
    if (interaction) return await interact(provider, req, res, interaction[2] ?? 'show', grants);
    if (url.pathname === '/token' && req.method === 'POST') {
      const body = await readBody(req);
      tokenRequests.push({ grantType: body.get('grant_type') ?? '', body });
      return replay(callback, req, res, body);
    }
    await callback(req, res);
  } catch (error) {
    res.statusCode = 500;
    res.end(String(error));
  }
}

/** The login and consent pages, answered by the test browser's form posts. */
async function interact(
  provider: Provider,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  step: string,
  grants: Set<string>,
): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (step === 'show') {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ uid: details.uid, prompt: details.prompt.name }));
    return;
  }
  const form = await readBody(req);
  if (step === 'abort') {
    await provider.interactionFinished(req, res, {
      error: 'access_denied',
      error_description: 'The user refused the consent.',
    });
    return;
  }
  if (step === 'login') {
    const accountId = form.get('login') ?? 'user@example.com';
    await provider.interactionFinished(req, res, { login: { accountId } });
    return;
  }
  const grant = details.grantId
    ? (await provider.Grant.find(details.grantId))!
    : new provider.Grant({
        accountId: details.session!.accountId,
        clientId: details.params.client_id as string,
      });
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(resource, scopes.join(' '));
  }
  const grantId = await grant.save();
  grants.add(grantId);
  await provider.interactionFinished(
    req,
    res,
    { consent: { grantId } },
    { mergeWithLastSubmission: true },
  );
}

async function readBody(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Hands a request whose body was already read to the provider (it then uses `req.body`). */
function replay(
  callback: Callback,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  body: URLSearchParams,
) {
  return callback(Object.assign(req, { body: Object.fromEntries(body) }), res);
}

// ------------------------------------------------------------ the user's browser

export interface ConsentOptions {
  login?: string;
  /** The user refuses the consent. */
  refuse?: boolean;
}

/**
 * A browser driven by the test: follows redirects by hand with a cookie jar, fills the login
 * and consent pages, and stops at the app's loopback redirect, which it requests. Returns the
 * loopback's answer (status and page text).
 */
export class TestBrowser {
  private readonly cookies = new Map<string, string>();
  /** Every URL visited, in order (the loopback redirect last). */
  readonly visited: string[] = [];

  async consent(
    authorizationUrl: string,
    options: ConsentOptions = {},
  ): Promise<{ status: number; text: string; url: string }> {
    const origin = new URL(authorizationUrl).origin;
    let response = await this.follow(authorizationUrl, origin);
    for (let steps = 0; steps < 10; steps++) {
      if (new URL(response.url).origin !== origin) return response;
      const { uid, prompt } = JSON.parse(response.text) as { uid: string; prompt: string };
      const action = prompt === 'login' ? 'login' : options.refuse ? 'abort' : 'confirm';
      const body = new URLSearchParams({ login: options.login ?? 'marie.tremblay@bureau.example' });
      response = await this.follow(`${origin}/interaction/${uid}/${action}`, origin, body);
    }
    throw new Error('the consent did not finish in 10 steps');
  }

  private async follow(
    start: string,
    providerOrigin: string,
    form?: URLSearchParams,
  ): Promise<{ status: number; text: string; url: string }> {
    let url = start;
    let body = form;
    for (let hops = 0; hops < 20; hops++) {
      this.visited.push(url);
      const response = await fetch(url, {
        method: body ? 'POST' : 'GET',
        redirect: 'manual',
        headers: {
          ...(body && { 'content-type': 'application/x-www-form-urlencoded' }),
          ...(new URL(url).origin === providerOrigin && { cookie: this.cookieHeader() }),
        },
        ...(body && { body: body.toString() }),
      });
      if (new URL(url).origin === providerOrigin) this.keepCookies(response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url).href;
        body = undefined;
        continue;
      }
      return { status: response.status, text: await response.text(), url };
    }
    throw new Error('too many redirects');
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1).trim();
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}
