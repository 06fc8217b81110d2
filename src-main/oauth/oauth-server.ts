// The provider's endpoints, read from its published metadata with openid-client (panva), and
// the client Postier is there: a public client (PKCE, no secret) unless the office's Google
// registration came with its non-confidential "Desktop app" secret.
import type * as OpenId from 'openid-client';
import { UserError } from '../../src-shared/errors.js';
import {
  discoveryUrl,
  isLoopbackUrl,
  PROVIDER_NAMES,
  type OAuthSettings,
} from './oauth-providers.js';

export type OAuthServer = OpenId.Configuration;

let loaded: typeof OpenId | undefined;

/** openid-client, loaded on first use: only a command that talks to a provider pays for it. */
export async function openIdClient(): Promise<typeof OpenId> {
  loaded ??= await import('openid-client');
  return loaded;
}

/** An error answer from the provider (openid-client is loaded when one can exist). */
function providerError(
  error: unknown,
): error is OpenId.ResponseBodyError | OpenId.AuthorizationResponseError {
  return (
    loaded !== undefined &&
    (error instanceof loaded.ResponseBodyError ||
      error instanceof loaded.AuthorizationResponseError)
  );
}

export interface OpenServerOptions {
  clientSecret?: string | null;
  /** Seconds for each call to the provider. */
  timeoutSeconds?: number;
}

export async function openOAuthServer(
  settings: OAuthSettings,
  options: OpenServerOptions = {},
): Promise<OAuthServer> {
  const url = discoveryUrl(settings);
  const loopback = isLoopbackUrl(url);
  if (url.protocol !== 'https:' && !loopback) {
    throw new UserError('methods.oauth.insecureAuthority', { url: url.origin });
  }
  const client = await openIdClient();
  const auth = options.clientSecret ? client.ClientSecretPost(options.clientSecret) : client.None();
  try {
    return await client.discovery(url, settings.clientId, undefined, auth, {
      timeout: options.timeoutSeconds ?? 30,
      // Plain HTTP only to a provider on this computer (tests); refused for any other host above.
      ...(loopback && { execute: [client.allowInsecureRequests] }),
    });
  } catch (error) {
    throw new UserError('methods.oauth.unreachable', {
      provider: PROVIDER_NAMES[settings.provider],
      url: url.origin,
      detail: (error as Error).message,
    });
  }
}

/** The error code and description an OAuth error answer carried, for a sentence. */
export function oauthErrorText(error: unknown): string {
  if (providerError(error)) {
    return error.error_description ? `${error.error} : ${error.error_description}` : error.error;
  }
  return (error as Error).message ?? String(error);
}

/** The error code an OAuth error answer carried ("invalid_grant"...), else null. */
export function oauthErrorCode(error: unknown): string | null {
  if (providerError(error)) {
    return error.error;
  }
  return null;
}

/** The provider refused the grant for good: only a new consent helps. */
export function isGrantRevoked(error: unknown): boolean {
  const code = oauthErrorCode(error);
  return (
    code === 'invalid_grant' ||
    code === 'interaction_required' ||
    code === 'consent_required' ||
    code === 'unauthorized_client' ||
    code === 'invalid_client'
  );
}
