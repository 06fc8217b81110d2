// The access token every API call and XOAUTH2 login uses, refreshed silently a minute before it
// expires (and at once when an API says it no longer works). When the provider refuses the
// refresh token (consent withdrawn, password changed, token expired), the account enters the
// "reconnect your account" state and every send stops with that sentence until the user
// connects it again.
import type * as OpenId from 'openid-client';
import {
  MethodFailure,
  reconnectFailure,
  shortText,
} from '../../src-shared/domain/method-failure.js';
import { tokensFrom } from './authorize.js';
import { PROVIDER_NAMES, type OAuthSettings } from './oauth-providers.js';
import {
  isGrantRevoked,
  oauthErrorCode,
  openIdClient,
  openOAuthServer,
  type OAuthServer,
} from './oauth-server.js';
import type { OAuthTokens, OAuthTokenStore } from './token-store.js';

export interface AccessTokenSource {
  accessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

/** Refresh this long before the token expires: a send never starts with a dying token. */
export const REFRESH_MARGIN_MS = 60_000;

export type ConnectionState = 'connected' | 'not_connected' | 'reconnect';

export interface OAuthSessionOptions {
  store: OAuthTokenStore;
  settings: OAuthSettings;
  /** The account's address or label, for sentences. */
  account: string;
  now?: () => number;
}

export class OAuthSession implements AccessTokenSource {
  private server: Promise<OAuthServer> | null = null;
  /** One refresh at a time: two callers waiting for a token share the same refresh. */
  private refreshing: Promise<OAuthTokens> | null = null;
  private readonly now: () => number;

  constructor(private readonly options: OAuthSessionOptions) {
    this.now = options.now ?? Date.now;
  }

  async accessToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
    const stored = await this.options.store.read();
    if (!stored.tokens) throw this.missingTokens(stored.revoked?.detail ?? null);
    const fresh = stored.tokens.expiresAt - REFRESH_MARGIN_MS > this.now();
    if (fresh && !options.forceRefresh) return stored.tokens.accessToken;
    this.refreshing ??= this.refresh(stored.tokens, stored.clientSecret).finally(() => {
      this.refreshing = null;
    });
    return (await this.refreshing).accessToken;
  }

  private async refresh(tokens: OAuthTokens, clientSecret: string | null): Promise<OAuthTokens> {
    if (!tokens.refreshToken) {
      await this.options.store.markRevoked('no refresh token');
      throw this.reconnect('no refresh token');
    }
    const server = await this.openServer(clientSecret);
    let response: OpenId.TokenEndpointResponse;
    try {
      const client = await openIdClient();
      response = await client.refreshTokenGrant(server, tokens.refreshToken);
    } catch (error) {
      if (isGrantRevoked(error)) {
        const detail = oauthErrorCode(error) ?? 'invalid_grant';
        await this.options.store.markRevoked(detail);
        throw this.reconnect(detail);
      }
      throw this.unreachable(error);
    }
    const next = tokensFrom(response, tokens.refreshToken, tokens.scope.split(' '), this.now());
    await this.options.store.update((current) => ({ ...current, tokens: next, revoked: null }));
    return next;
  }

  private async openServer(clientSecret: string | null): Promise<OAuthServer> {
    this.server ??= openOAuthServer(this.options.settings, { clientSecret });
    try {
      return await this.server;
    } catch (error) {
      this.server = null;
      throw this.unreachable(error);
    }
  }

  private missingTokens(revokedDetail: string | null): MethodFailure {
    if (revokedDetail !== null) return this.reconnect(revokedDetail);
    return new MethodFailure('account', 'auth_required', 'methods.failure.notConnected', {
      account: this.options.account,
      provider: PROVIDER_NAMES[this.options.settings.provider],
    });
  }

  private reconnect(detail: string): MethodFailure {
    return reconnectFailure({
      account: this.options.account,
      provider: PROVIDER_NAMES[this.options.settings.provider],
      detail,
    });
  }

  private unreachable(error: unknown): MethodFailure {
    return new MethodFailure(
      'account',
      'network_unreachable',
      'methods.failure.providerUnreachable',
      {
        provider: PROVIDER_NAMES[this.options.settings.provider],
        detail: shortText((error as Error).message ?? String(error)),
      },
    );
  }
}

/** What the settings screen shows: connected, never connected here, or to reconnect. */
export async function connectionState(store: OAuthTokenStore): Promise<ConnectionState> {
  const stored = await store.read();
  if (stored.tokens) return 'connected';
  return stored.revoked ? 'reconnect' : 'not_connected';
}
