// Connecting an account signed in with OAuth2 on this workstation: the consent page in the
// browser, the tokens in this workstation's credential store (the shared settings keep only
// their key), the session every send and test uses, and forgetting it all.
import { randomUUID } from 'node:crypto';
import type { MailAccount } from '../../src-shared/domain/mail.js';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import type {
  MethodSettings,
  OAuthConnectionState,
  OAuthProviderName,
  OAuthUse,
} from '../../src-shared/domain/sending-methods.js';
import { UserError } from '../../src-shared/errors.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import type { Db } from '../db/connection.js';
import { writeMethodSettings } from '../mail/method-settings.js';
import { openUrlWithSystem, type SystemOpener } from '../mail/open-with-system.js';
import { connectionState, OAuthSession } from '../oauth/access-token.js';
import { authorizeInBrowser } from '../oauth/authorize.js';
import { PROVIDER_NAMES, scopesFor, type OAuthSettings } from '../oauth/oauth-providers.js';
import { OAuthTokenStore } from '../oauth/token-store.js';
import { usesMailbox, type MailMethod } from './mail-method.js';
import { accountLabel } from './method-context.js';

export interface ConnectOptions {
  /** Opens the consent page; default: the system browser. */
  openBrowser?: SystemOpener;
  onAuthorizationUrl?: (url: string) => void;
  /** Google "Desktop app" clients only; kept in the credential store. */
  clientSecret?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The account as an OAuth client sees it: its kind's definition, settings and provider. */
export interface OAuthAccount {
  account: MailAccount;
  method: MailMethod;
  settings: MethodSettings;
  provider: OAuthProviderName | null;
}

/** The office's app registration for the account, and the API it signs in for. */
export function oauthClientOf({ account, method, settings, provider }: OAuthAccount): {
  oauth: OAuthSettings;
  use: OAuthUse;
} {
  if (method.oauth === null) throw new UserError('methods.error.notOAuth', { kind: account.kind });
  if (!provider || !settings.clientId)
    throw new UserError('methods.error.oauthIncomplete', { kind: account.kind });
  return {
    oauth: {
      provider,
      clientId: settings.clientId,
      tenant: settings.tenant,
      authority: settings.authority,
    },
    use: method.oauth,
  };
}

export class OAuthConnections {
  constructor(
    private readonly db: Db,
    private readonly credentials: () => Promise<CredentialStore>,
    private readonly openUrl: SystemOpener | undefined,
  ) {}

  /** Connected here, never connected here, or to reconnect; null for a kind without OAuth. */
  async state({ method, settings }: OAuthAccount): Promise<{
    connection: OAuthConnectionState | null;
    connectedAs: string | null;
  }> {
    if (method.oauth === null) return { connection: null, connectedAs: null };
    if (!settings.tokenRef) return { connection: 'not_connected', connectedAs: null };
    const store = await this.tokenStore(settings.tokenRef);
    return {
      connection: await connectionState(store),
      connectedAs: (await store.read()).connectedAs,
    };
  }

  async session(target: OAuthAccount): Promise<OAuthSession> {
    const { oauth } = oauthClientOf(target);
    const label = accountLabel(target.account);
    if (!target.settings.tokenRef) {
      throw new MethodFailure('account', 'auth_required', 'methods.failure.notConnected', {
        account: label,
        provider: PROVIDER_NAMES[oauth.provider],
      });
    }
    return new OAuthSession({
      store: await this.tokenStore(target.settings.tokenRef),
      settings: oauth,
      account: label,
    });
  }

  /** Signs the account in, in the browser; the tokens go to this workstation's store. */
  async connect(target: OAuthAccount, options: ConnectOptions = {}): Promise<void> {
    const { account, method, settings } = target;
    const { oauth, use } = oauthClientOf(target);
    const tokenRef = settings.tokenRef ?? `oauth-${randomUUID()}`;
    const store = await this.tokenStore(tokenRef);
    const clientSecret = options.clientSecret ?? (await store.read()).clientSecret;
    const loginHint = account.username ?? account.fromAddress;
    const tokens = await authorizeInBrowser({
      settings: oauth,
      scopes: scopesFor(oauth.provider, use, usesMailbox(method, settings)),
      loginHint,
      clientSecret,
      openBrowser: options.openBrowser ?? this.openUrl ?? openUrlWithSystem,
      ...(options.onAuthorizationUrl && { onAuthorizationUrl: options.onAuthorizationUrl }),
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(options.signal && { signal: options.signal }),
    });
    await store.write({ tokens, clientSecret, revoked: null, connectedAs: loginHint });
    if (!settings.tokenRef)
      await writeMethodSettings(this.db, account.id, { ...settings, tokenRef });
  }

  /** Forgets this workstation's tokens for the account. */
  async disconnect(settings: MethodSettings): Promise<void> {
    if (settings.tokenRef) await (await this.tokenStore(settings.tokenRef)).clear();
  }

  private async tokenStore(ref: string): Promise<OAuthTokenStore> {
    return new OAuthTokenStore(await this.credentials(), ref);
  }
}
