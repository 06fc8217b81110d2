// An account's OAuth tokens, kept as one JSON secret in the credential store (keytar, else the
// encrypted file) under a random reference: never in the database, a file in clear, or a log.
// Per workstation, like passwords: each computer connects the account once.
import type { CredentialStore } from '../credentials/credential-store.js';

export type SecretStore = Pick<CredentialStore, 'get' | 'set' | 'delete'>;

export interface OAuthTokens {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  refreshToken: string | null;
  /** The scopes granted, space-separated. */
  scope: string;
}

export interface StoredOAuth {
  tokens: OAuthTokens | null;
  /** Google "Desktop app" clients have a (non-confidential) secret; Microsoft ones none. */
  clientSecret: string | null;
  /** Set when the provider refused the refresh token: the user must reconnect. */
  revoked: { at: string; detail: string } | null;
  /** Who consented, when the provider said (login hint or e-mail claim). */
  connectedAs: string | null;
}

const EMPTY: StoredOAuth = { tokens: null, clientSecret: null, revoked: null, connectedAs: null };

export class OAuthTokenStore {
  constructor(
    private readonly store: SecretStore,
    readonly ref: string,
  ) {}

  async read(): Promise<StoredOAuth> {
    const text = await this.store.get(this.ref);
    if (text === null) return { ...EMPTY };
    try {
      return { ...EMPTY, ...(JSON.parse(text) as Partial<StoredOAuth>) };
    } catch {
      // An unreadable entry is as good as none: the user reconnects.
      return { ...EMPTY };
    }
  }

  async write(value: StoredOAuth): Promise<void> {
    await this.store.set(this.ref, JSON.stringify(value));
  }

  async update(change: (current: StoredOAuth) => StoredOAuth): Promise<StoredOAuth> {
    const next = change(await this.read());
    await this.write(next);
    return next;
  }

  /** The refresh token no longer works: forget the tokens, remember why. */
  async markRevoked(detail: string, at: Date = new Date()): Promise<void> {
    await this.update((current) => ({
      ...current,
      tokens: null,
      revoked: { at: at.toISOString(), detail },
    }));
  }

  async clear(): Promise<void> {
    await this.store.delete(this.ref);
  }
}
