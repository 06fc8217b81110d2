// What a kind of account is given to open its transport, test itself or read its mailbox: the
// account, its method settings, the data folder, and this workstation's secrets (the password
// or the OAuth session), asked for only when the kind needs them.
import type { MailAccount } from '../../src-shared/domain/mail.js';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import type { MethodSettings, OAuthProviderName } from '../../src-shared/domain/sending-methods.js';
import { UserError } from '../../src-shared/errors.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import type { ApiSettings, ServiceAccess } from '../mail/api-request.js';
import type { ImapAccess } from '../mail/imap-client.js';
import { PROVIDER_IMAP_SERVERS } from '../mail/method-settings.js';
import type { SystemOpener } from '../mail/open-with-system.js';
import type { ProcessRunner } from '../mail/outlook-transport.js';
import type { SmtpTransportOptions } from '../mail/smtp-transport.js';
import type { Launcher } from '../mail/thunderbird-transport.js';
import type { OAuthSession } from '../oauth/access-token.js';
import type { OAuthSettings } from '../oauth/oauth-providers.js';

export interface SendingMethodsOptions {
  /** Opened on first need only: opening Postier must not touch D-Bus. */
  credentials: () => Promise<CredentialStore>;
  /** The system browser (consent page) and the .eml handler; tests give their own. */
  openUrl?: SystemOpener;
  openFile?: SystemOpener;
  /** Tests: local stand-ins for Graph and Gmail, API timings, SMTP/IMAP test certificates. */
  graphBaseUrl?: string;
  gmailBaseUrl?: string;
  api?: Partial<ApiSettings>;
  smtp?: Pick<SmtpTransportOptions, 'timeouts' | 'trustedCertificates'>;
  outlookRunner?: ProcessRunner;
  thunderbirdLauncher?: Launcher;
  platform?: NodeJS.Platform;
}

export interface MethodContext {
  readonly account: MailAccount;
  readonly settings: MethodSettings;
  readonly folder: DataFolder;
  readonly options: SendingMethodsOptions;
  /** The OAuth provider in use: implied by the kind, chosen, or by the account's preset. */
  readonly provider: OAuthProviderName | null;
  /** The account's password in this workstation's credential store; null when none is kept. */
  password(): Promise<string | null>;
  /** The office's app registration for the account; fails when the settings lack it. */
  oauth(): OAuthSettings;
  /** The account's OAuth session; fails "not connected" when this workstation has no tokens. */
  session(): Promise<OAuthSession>;
}

/** The account as sentences name it. */
export function accountLabel(account: MailAccount): string {
  return account.fromAddress ?? account.username ?? `n° ${account.id}`;
}

/** How a mail API (Graph, Gmail) is called for the account. */
export async function apiAccess(
  ctx: MethodContext,
  baseUrl: string | undefined,
): Promise<ServiceAccess> {
  return {
    tokens: await ctx.session(),
    account: accountLabel(ctx.account),
    ...(baseUrl && { baseUrl }),
    ...(ctx.options.api && { api: ctx.options.api }),
  };
}

/** The password the SMTP account's mailbox shares; its absence stops the account. */
export async function mailboxPassword(ctx: MethodContext): Promise<{ password: string }> {
  const password = await ctx.password();
  if (password === null) {
    throw new MethodFailure('account', 'password_missing', 'methods.imap.passwordMissing', {
      user: ctx.account.username ?? '',
    });
  }
  return { password };
}

/** The account's mailbox over IMAP: the settings' server, else its provider's. */
export async function imapAccess(
  ctx: MethodContext,
  secret: () => Promise<ImapAccess['secret']>,
): Promise<ImapAccess> {
  const { account, settings } = ctx;
  const known = ctx.provider ? PROVIDER_IMAP_SERVERS[ctx.provider] : null;
  const host = settings.imap.host ?? known?.host ?? null;
  if (!host) throw new UserError('methods.error.imapRequired', { account: accountLabel(account) });
  return {
    host,
    port: settings.imap.port ?? known?.port ?? (settings.imap.security === 'tls' ? 993 : 143),
    security: settings.imap.security,
    user: settings.imap.username ?? account.username ?? account.fromAddress ?? '',
    secret: await secret(),
    ...(ctx.options.smtp?.trustedCertificates && {
      trustedCertificates: ctx.options.smtp.trustedCertificates,
    }),
  };
}
