// Connecting an account: the authorization-code flow with PKCE (S256) in the system browser
// and a loopback redirect (RFC 8252). The user signs in and consents at Microsoft or Google;
// Postier never sees the password, only the tokens that come back.
import type * as OpenId from 'openid-client';
import { UserError } from '../../src-shared/errors.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import { openLoopbackRedirect } from './loopback-redirect.js';
import {
  authorizationParameters,
  PROVIDER_NAMES,
  redirectHost,
  type OAuthSettings,
} from './oauth-providers.js';
import {
  oauthErrorCode,
  oauthErrorText,
  openIdClient,
  openOAuthServer,
  type OAuthServer,
} from './oauth-server.js';
import type { OAuthTokens } from './token-store.js';

export interface AuthorizeOptions {
  settings: OAuthSettings;
  scopes: string[];
  /** The account's address, so that the provider proposes the right account. */
  loginHint: string | null;
  clientSecret?: string | null;
  /** Opens the consent page in the system browser (tests drive it themselves). */
  openBrowser: (url: string) => Promise<void>;
  /** Told the consent page's address first, e.g. to print it when no browser opens. */
  onAuthorizationUrl?: (url: string) => void;
  timeoutMs?: number;
  signal?: AbortSignal;
  language?: Language;
  now?: () => number;
}

export async function authorizeInBrowser(options: AuthorizeOptions): Promise<OAuthTokens> {
  const server = await openOAuthServer(options.settings, {
    clientSecret: options.clientSecret ?? null,
  });
  const client = await openIdClient();
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const loopback = await openLoopbackRedirect({
    expectedState: state,
    host: redirectHost(options.settings.provider),
    ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
    ...(options.signal && { signal: options.signal }),
    ...(options.language && { language: options.language }),
  });
  try {
    const url = client.buildAuthorizationUrl(server, {
      redirect_uri: loopback.redirectUri,
      scope: options.scopes.join(' '),
      code_challenge: await client.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      ...authorizationParameters(options.settings.provider, options.loginHint),
    });
    options.onAuthorizationUrl?.(url.href);
    // No browser (a server, a locked-down PC): the printed address still works.
    await options.openBrowser(url.href).catch(() => undefined);
    const callback = await loopback.callback;
    return await exchangeCode(server, callback, verifier, state, options);
  } finally {
    await loopback.close();
  }
}

async function exchangeCode(
  server: OAuthServer,
  callback: URL,
  verifier: string,
  state: string,
  options: AuthorizeOptions,
): Promise<OAuthTokens> {
  const provider = PROVIDER_NAMES[options.settings.provider];
  try {
    const client = await openIdClient();
    const response = await client.authorizationCodeGrant(server, callback, {
      pkceCodeVerifier: verifier,
      expectedState: state,
    });
    return tokensFrom(response, null, options.scopes, options.now?.() ?? Date.now());
  } catch (error) {
    const code = oauthErrorCode(error);
    if (code === 'access_denied') throw new UserError('methods.oauth.refused', { provider });
    throw new UserError('methods.oauth.failed', { provider, detail: oauthErrorText(error) });
  }
}

/** Tokens from a token response; a rotated refresh token replaces the old one, else it stays. */
export function tokensFrom(
  response: OpenId.TokenEndpointResponse,
  previousRefreshToken: string | null,
  askedScopes: string[],
  now: number,
): OAuthTokens {
  return {
    accessToken: response.access_token,
    // A provider that says nothing about expiry: assume the usual hour.
    expiresAt: now + (response.expires_in ?? 3600) * 1000,
    refreshToken: response.refresh_token ?? previousRefreshToken,
    scope: response.scope ?? askedScopes.join(' '),
  };
}
