// The two providers offices sign in with, and what Postier asks each for. Endpoints are
// settings (an office may pin its tenant; tests point them at a local OpenID provider); client
// ids are the office's own app registration (see the report: nothing secret is committed).
import type { OAuthProviderName, OAuthUse } from '../../src-shared/domain/sending-methods.js';

export type OAuthProviderId = OAuthProviderName;

export interface OAuthSettings {
  provider: OAuthProviderId;
  /** The office's app registration (Microsoft Entra "Application (client) ID", Google client id). */
  clientId: string;
  /** Microsoft only: the tenant id or domain; "organizations" (any work account) by default. */
  tenant: string | null;
  /** Overrides the provider's authority (the issuer): a sovereign cloud, or a test provider. */
  authority: string | null;
}

export const PROVIDER_NAMES: Record<OAuthProviderId, string> = {
  microsoft: 'Microsoft 365',
  google: 'Google',
};

export function authorityOf(settings: OAuthSettings): string {
  if (settings.authority) return settings.authority.replace(/\/+$/, '');
  if (settings.provider === 'google') return 'https://accounts.google.com';
  return `https://login.microsoftonline.com/${encodeURIComponent(settings.tenant ?? 'organizations')}/v2.0`;
}

/**
 * Where the provider's metadata is read. Microsoft's multi-tenant documents announce the
 * issuer as a template ("…/{tenantid}/v2.0"), which never equals the URL asked: the document
 * is read by its address (no issuer comparison). Postier asks for no ID token, so nothing
 * else depends on the issuer.
 */
export function discoveryUrl(settings: OAuthSettings): URL {
  return new URL(`${authorityOf(settings)}/.well-known/openid-configuration`);
}

/** Microsoft counts scopes per resource: one token for Graph, another for Outlook SMTP/IMAP. */
const SCOPES: Record<OAuthProviderId, Record<OAuthUse, { send: string[]; mailbox: string[] }>> = {
  microsoft: {
    graph: {
      // User.Read: the connection test reads who is signed in (no admin consent needed).
      send: [
        'offline_access',
        'https://graph.microsoft.com/Mail.Send',
        'https://graph.microsoft.com/User.Read',
      ],
      mailbox: ['https://graph.microsoft.com/Mail.ReadWrite'],
    },
    'gmail-api': { send: [], mailbox: [] },
    smtp: {
      send: ['offline_access', 'https://outlook.office.com/SMTP.Send'],
      mailbox: ['https://outlook.office.com/IMAP.AccessAsUser.All'],
    },
  },
  google: {
    graph: { send: [], mailbox: [] },
    'gmail-api': {
      send: ['https://www.googleapis.com/auth/gmail.send'],
      mailbox: ['https://www.googleapis.com/auth/gmail.modify'],
    },
    // Google has one scope for SMTP and IMAP with XOAUTH2.
    smtp: { send: ['https://mail.google.com/'], mailbox: [] },
  },
};

/**
 * The scopes to ask for. `mailbox`: also read the mailbox (bounces) and, over IMAP, write
 * the Sent copy.
 */
export function scopesFor(provider: OAuthProviderId, use: OAuthUse, mailbox: boolean): string[] {
  const set = SCOPES[provider][use];
  return [...set.send, ...(mailbox ? set.mailbox : [])];
}

export function providerSupports(provider: OAuthProviderId, use: OAuthUse): boolean {
  return SCOPES[provider][use].send.length > 0;
}

/**
 * Extra authorization parameters: the account to propose, and for Google the way to get a
 * refresh token (Microsoft gives one for the offline_access scope).
 */
export function authorizationParameters(
  provider: OAuthProviderId,
  loginHint: string | null,
): Record<string, string> {
  const hint: Record<string, string> = loginHint ? { login_hint: loginHint } : {};
  return provider === 'google' ? { ...hint, access_type: 'offline', prompt: 'consent' } : hint;
}

/**
 * The loopback redirect's host name. Microsoft Entra registers desktop redirects as
 * http://localhost (any port); Google accepts http://127.0.0.1:port (RFC 8252). The listener
 * itself always binds 127.0.0.1.
 */
export function redirectHost(provider: OAuthProviderId): string {
  return provider === 'microsoft' ? 'localhost' : '127.0.0.1';
}

/** Plain HTTP is allowed only to this computer (a test provider); never to a remote host. */
export function isLoopbackUrl(url: URL): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}
