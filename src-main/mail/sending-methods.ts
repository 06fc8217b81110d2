// Every way of sending behind one service: the transport of any account (SMTP and the sandbox
// through the accounts service, the other methods here, the Sent copy added to SMTP when
// asked), each method's connection test, connecting an OAuth account in the browser, and the
// mailbox the bounce reader reads. The engine sees only MailTransport.
import { randomUUID } from 'node:crypto';
import type { MailAccount } from '../../src-shared/domain/mail.js';
import {
  isMethodKind,
  isOAuthKind,
  methodCanPace,
  type MethodSettings,
  type MethodSettingsInput,
  type OAuthConnectionState,
} from '../../src-shared/domain/sending-methods.js';
import { UserError } from '../../src-shared/errors.js';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { graphBounceMailbox, gmailBounceMailbox } from './api-bounce-mailboxes.js';
import type { BounceMailbox } from './bounce-mailbox.js';
import { openImapBounceMailbox } from './imap-bounce-mailbox.js';
import type { CredentialStore } from '../credentials/credential-store.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import type { Db } from '../db/connection.js';
import { findMailAccountById } from '../db/mail-account-queries.js';
import { connectionState, OAuthSession } from '../oauth/access-token.js';
import { authorizeInBrowser } from '../oauth/authorize.js';
import { scopesFor, type OAuthSettings, type OAuthUse } from '../oauth/oauth-providers.js';
import { OAuthTokenStore } from '../oauth/token-store.js';
import type { AccountsService } from './accounts-service.js';
import type { ApiSettings } from './api-request.js';
import { failedConnection, type ConnectionTestResult } from './connection-test.js';
import { createEmlDraftTransport, DRAFTS_FOLDER_NAME } from './eml-draft-transport.js';
import { createGmailTransport } from './gmail-transport.js';
import { createGraphTransport, graphSignedInAddress } from './graph-transport.js';
import { connectImap, type ImapAccess } from './imap-client.js';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import {
  mergeMethodSettings,
  OAUTH_SMTP_SERVERS,
  PROVIDER_IMAP_SERVERS,
  providerOf,
  readMethodSettings,
  writeMethodSettings,
} from './method-settings.js';
import { openFileWithSystem, openUrlWithSystem, type SystemOpener } from './open-with-system.js';
import { createOutlookTransport, probeOutlook, type ProcessRunner } from './outlook-transport.js';
import { probeSentFolder, withSentCopy } from './sent-copy.js';
import {
  createThunderbirdTransport,
  findThunderbird,
  type Launcher,
} from './thunderbird-transport.js';
import type { TransportFactoryOptions } from './transport-factory.js';
import { SendFailure, type MailTransport } from './transport.js';
import {
  createXoauth2Transport,
  verifyXoauth2,
  type Xoauth2TransportOptions,
} from './xoauth2-transport.js';

export interface SendingMethodsOptions {
  credentials: () => Promise<CredentialStore>;
  /** The system browser (consent page) and the .eml handler; tests give their own. */
  openUrl?: SystemOpener;
  openFile?: SystemOpener;
  /** Tests: local stand-ins for Graph and Gmail, API timings, SMTP/IMAP test certificates. */
  graphBaseUrl?: string;
  gmailBaseUrl?: string;
  api?: Partial<ApiSettings>;
  smtp?: TransportFactoryOptions['smtp'];
  outlookRunner?: ProcessRunner;
  thunderbirdLauncher?: Launcher;
  platform?: NodeJS.Platform;
}

export interface MethodStatus {
  kind: MailAccount['kind'];
  /** False for a method that opens a window per message: say it before a large batch. */
  canPace: boolean;
  settings: MethodSettings;
  /** OAuth accounts: connected on this workstation, never connected here, or to reconnect. */
  connection: OAuthConnectionState | null;
  connectedAs: string | null;
}

export interface ConnectOptions {
  /** Opens the consent page; default: the system browser. */
  openBrowser?: SystemOpener;
  onAuthorizationUrl?: (url: string) => void;
  /** Google "Desktop app" clients only; kept in the credential store. */
  clientSecret?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
}

const OAUTH_USE: Record<string, OAuthUse> = {
  graph: 'graph',
  'gmail-api': 'gmail-api',
  'smtp-oauth': 'smtp',
};

export class SendingMethods {
  constructor(
    private readonly db: Db,
    private readonly folder: DataFolder,
    private readonly accounts: AccountsService,
    private readonly options: SendingMethodsOptions,
  ) {}

  settings(accountId: number): Promise<MethodSettings> {
    return readMethodSettings(this.db, accountId);
  }

  async saveSettings(account: MailAccount, input: MethodSettingsInput): Promise<MethodSettings> {
    const merged = mergeMethodSettings(await this.settings(account.id), input);
    await writeMethodSettings(this.db, account.id, merged);
    return merged;
  }

  async status(account: MailAccount): Promise<MethodStatus> {
    const settings = await this.settings(account.id);
    const store =
      isOAuthKind(account.kind) && settings.tokenRef
        ? await this.tokenStore(settings.tokenRef)
        : null;
    return {
      kind: account.kind,
      canPace: methodCanPace(account.kind, settings.outlookMode),
      settings,
      connection: isOAuthKind(account.kind)
        ? store
          ? await connectionState(store)
          : 'not_connected'
        : null,
      connectedAs: store ? (await store.read()).connectedAs : null,
    };
  }

  // ------------------------------------------------------------ transports

  async openTransport(account: MailAccount): Promise<MailTransport> {
    const settings = await this.settings(account.id);
    const transport = isMethodKind(account.kind)
      ? await this.methodTransport(account, settings)
      : await this.accounts.openTransport(account);
    const copies = settings.sentCopy && (account.kind === 'smtp' || account.kind === 'smtp-oauth');
    return copies
      ? withSentCopy(transport, {
          imap: await this.imapAccess(account, settings),
          folder: settings.sentFolder,
        })
      : transport;
  }

  private async methodTransport(
    account: MailAccount,
    settings: MethodSettings,
  ): Promise<MailTransport> {
    switch (account.kind) {
      case 'graph':
        return createGraphTransport({
          ...(await this.apiAccess(account, settings)),
          maxMessageBytes: account.maxMessageBytes,
        });
      case 'gmail-api':
        return createGmailTransport({
          ...(await this.apiAccess(account, settings)),
          maxMessageBytes: account.maxMessageBytes,
        });
      case 'smtp-oauth':
        return createXoauth2Transport(await this.xoauth2Options(account, settings));
      case 'outlook':
        return createOutlookTransport({ mode: settings.outlookMode, ...this.outlookOptions() });
      case 'thunderbird':
        return createThunderbirdTransport({
          executable: settings.thunderbirdPath,
          ...(this.options.thunderbirdLauncher && { launcher: this.options.thunderbirdLauncher }),
          ...(this.options.platform && { platform: this.options.platform }),
        });
      case 'eml-draft':
        return createEmlDraftTransport({
          folder: this.folder,
          openFile: this.options.openFile ?? openFileWithSystem,
        });
      default:
        throw new UserError('methods.error.unknownKind', { value: account.kind });
    }
  }

  private outlookOptions() {
    return {
      ...(this.options.outlookRunner && { runner: this.options.outlookRunner }),
      ...(this.options.platform && { platform: this.options.platform }),
    };
  }

  private async apiAccess(account: MailAccount, settings: MethodSettings) {
    const base = account.kind === 'graph' ? this.options.graphBaseUrl : this.options.gmailBaseUrl;
    return {
      tokens: await this.session(account, settings),
      account: label(account),
      ...(base && { baseUrl: base }),
      ...(this.options.api && { api: this.options.api }),
    };
  }

  private async xoauth2Options(
    account: MailAccount,
    settings: MethodSettings,
  ): Promise<Xoauth2TransportOptions> {
    const server = OAUTH_SMTP_SERVERS[this.oauthSettings(account, settings).provider];
    return {
      host: account.host ?? server.host,
      port: account.port ?? server.port,
      security: account.host ? account.security : server.security,
      user: account.username ?? account.fromAddress ?? '',
      tokens: await this.session(account, settings),
      ...this.options.smtp,
    };
  }

  // ------------------------------------------------------------ OAuth

  private oauthSettings(account: MailAccount, settings: MethodSettings): OAuthSettings {
    const provider = providerOf(account, settings);
    if (!isOAuthKind(account.kind))
      throw new UserError('methods.error.notOAuth', { kind: account.kind });
    if (!provider || !settings.clientId)
      throw new UserError('methods.error.oauthIncomplete', { kind: account.kind });
    return {
      provider,
      clientId: settings.clientId,
      tenant: settings.tenant,
      authority: settings.authority,
    };
  }

  private async tokenStore(ref: string): Promise<OAuthTokenStore> {
    return new OAuthTokenStore(await this.options.credentials(), ref);
  }

  private async session(account: MailAccount, settings: MethodSettings): Promise<OAuthSession> {
    const oauth = this.oauthSettings(account, settings);
    if (!settings.tokenRef) {
      throw new MethodFailure('account', 'auth_required', 'methods.failure.notConnected', {
        account: label(account),
        provider: oauth.provider === 'microsoft' ? 'Microsoft 365' : 'Google',
      });
    }
    return new OAuthSession({
      store: await this.tokenStore(settings.tokenRef),
      settings: oauth,
      account: label(account),
    });
  }

  /** Signs the account in, in the browser; the tokens go to this workstation's credential store. */
  async connect(account: MailAccount, options: ConnectOptions = {}): Promise<MethodStatus> {
    const settings = await this.settings(account.id);
    const oauth = this.oauthSettings(account, settings);
    const tokenRef = settings.tokenRef ?? `oauth-${randomUUID()}`;
    const store = await this.tokenStore(tokenRef);
    const clientSecret = options.clientSecret ?? (await store.read()).clientSecret;
    const loginHint = account.username ?? account.fromAddress;
    const tokens = await authorizeInBrowser({
      settings: oauth,
      scopes: scopesFor(oauth.provider, OAUTH_USE[account.kind]!, needsMailbox(account, settings)),
      loginHint,
      clientSecret,
      openBrowser: options.openBrowser ?? this.options.openUrl ?? openUrlWithSystem,
      ...(options.onAuthorizationUrl && { onAuthorizationUrl: options.onAuthorizationUrl }),
      ...(options.timeoutMs !== undefined && { timeoutMs: options.timeoutMs }),
      ...(options.signal && { signal: options.signal }),
    });
    await store.write({ tokens, clientSecret, revoked: null, connectedAs: loginHint });
    if (!settings.tokenRef)
      await writeMethodSettings(this.db, account.id, { ...settings, tokenRef });
    return this.status(account);
  }

  /** Forgets this workstation's tokens for the account. */
  async disconnect(account: MailAccount): Promise<void> {
    const settings = await this.settings(account.id);
    if (settings.tokenRef) await (await this.tokenStore(settings.tokenRef)).clear();
  }

  // ------------------------------------------------------------ the mailbox (Sent copy, bounces)

  async imapAccess(account: MailAccount, settings: MethodSettings): Promise<ImapAccess> {
    const provider = providerOf(account, settings);
    const known = provider ? PROVIDER_IMAP_SERVERS[provider] : null;
    const host = settings.imap.host ?? known?.host ?? null;
    if (!host) throw new UserError('methods.error.imapRequired', { account: label(account) });
    const user = settings.imap.username ?? account.username ?? account.fromAddress ?? '';
    return {
      host,
      port: settings.imap.port ?? known?.port ?? (settings.imap.security === 'tls' ? 993 : 143),
      security: settings.imap.security,
      user,
      secret:
        account.kind === 'smtp-oauth'
          ? { tokens: await this.session(account, settings) }
          : { password: await this.password(account) },
      ...(this.options.smtp?.trustedCertificates && {
        trustedCertificates: this.options.smtp.trustedCertificates,
      }),
    };
  }

  /** The SMTP account's password, which its mailbox shares. */
  private async password(account: MailAccount): Promise<string> {
    const row = await findMailAccountById(this.db, account.id);
    const password = row?.credential_ref
      ? await (await this.options.credentials()).get(row.credential_ref)
      : null;
    if (password === null) {
      throw new MethodFailure('account', 'password_missing', 'methods.imap.passwordMissing', {
        user: account.username ?? '',
      });
    }
    return password;
  }

  async openBounceMailbox(account: MailAccount, settings: MethodSettings): Promise<BounceMailbox> {
    if (account.kind === 'graph')
      return graphBounceMailbox(await this.apiAccess(account, settings));
    if (account.kind === 'gmail-api')
      return gmailBounceMailbox(await this.apiAccess(account, settings));
    if (account.kind !== 'smtp' && account.kind !== 'smtp-oauth') {
      throw new UserError('bounces.error.noMailbox', { kind: account.kind });
    }
    return openImapBounceMailbox(await this.imapAccess(account, settings));
  }

  // ------------------------------------------------------------ connection tests

  async testConnection(account: MailAccount): Promise<ConnectionTestResult> {
    const settings = await this.settings(account.id);
    if (!isMethodKind(account.kind) && !needsMailbox(account, settings))
      return this.accounts.testConnection(account);
    try {
      const sending = isMethodKind(account.kind)
        ? await this.testMethod(account, settings)
        : await this.accounts.testConnection(account);
      if (
        !sending.ok ||
        !needsMailbox(account, settings) ||
        account.kind === 'graph' ||
        account.kind === 'gmail-api'
      )
        return sending;
      const mailbox = await this.testMailbox(account, settings);
      return ok('methods.test.withMailbox', { sending: sending.detail, mailbox: mailbox.detail });
    } catch (error) {
      if (error instanceof SendFailure) return failedResult(error);
      throw error;
    }
  }

  private async testMethod(
    account: MailAccount,
    settings: MethodSettings,
  ): Promise<ConnectionTestResult> {
    switch (account.kind) {
      case 'graph':
        return ok('methods.test.graph', {
          account: await graphSignedInAddress(await this.apiAccess(account, settings)),
        });
      case 'gmail-api': {
        await (await this.session(account, settings)).accessToken({ forceRefresh: true });
        return ok('methods.test.gmail', { account: label(account) });
      }
      case 'smtp-oauth': {
        const options = await this.xoauth2Options(account, settings);
        await verifyXoauth2(options);
        return ok('methods.test.smtpOAuth', {
          host: options.host,
          port: options.port,
          user: options.user,
        });
      }
      case 'outlook':
        return ok('methods.test.outlook', {
          accounts: (await probeOutlook(this.outlookOptions())) || '—',
        });
      case 'thunderbird':
        return ok('methods.test.thunderbird', {
          program: findThunderbird(settings.thunderbirdPath, this.options.platform),
        });
      default:
        return ok('methods.test.emlDraft', { folder: this.folder.resolve(DRAFTS_FOLDER_NAME) });
    }
  }

  private async testMailbox(
    account: MailAccount,
    settings: MethodSettings,
  ): Promise<{ detail: string }> {
    const imap = await this.imapAccess(account, settings);
    if (settings.sentCopy) {
      const folder = await probeSentFolder({ imap, folder: settings.sentFolder });
      return { detail: translate('fr', 'methods.test.imapSent', { host: imap.host, folder }) };
    }
    const client = await connectImap(imap);
    await client.logout().catch(() => client.close());
    return { detail: translate('fr', 'methods.test.imap', { host: imap.host }) };
  }
}

/** The mailbox is read (bounces) or written (Sent copy over IMAP). */
function needsMailbox(account: MailAccount, settings: MethodSettings): boolean {
  return (
    settings.bounces ||
    (settings.sentCopy && (account.kind === 'smtp' || account.kind === 'smtp-oauth'))
  );
}

function label(account: MailAccount): string {
  return account.fromAddress ?? account.username ?? `n° ${account.id}`;
}

function ok(code: MessageKey, params: Record<string, string | number>): ConnectionTestResult {
  return { ok: true, detail: translate('fr', code, params), code, params };
}

function failedResult(failure: SendFailure): ConnectionTestResult {
  const result = failedConnection(failure);
  return failure instanceof MethodFailure && !result.ok ? { ...result, code: failure.key } : result;
}
