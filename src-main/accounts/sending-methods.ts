// Every way of sending behind one service, through the registry of mail methods: the
// transport of any account (with the Sent copy over IMAP when asked), its connection test
// (with its mailbox when the settings use it), its bounce mailbox, its method settings and
// connecting an OAuth account in the browser. The engine sees only MailTransport.
import type { MailAccount } from '../../src-shared/domain/mail.js';
import type {
  MethodSettings,
  MethodSettingsInput,
  OAuthConnectionState,
} from '../../src-shared/domain/sending-methods.js';
import { UserError } from '../../src-shared/errors.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import type { Db } from '../db/connection.js';
import { findMailAccountById } from '../db/mail-account-queries.js';
import type { BounceMailbox } from '../mail/bounce-mailbox.js';
import {
  failedConnection,
  passedConnection,
  type ConnectionTestResult,
} from '../mail/connection-test.js';
import { connectImap, type ImapAccess } from '../mail/imap-client.js';
import {
  mergeMethodSettings,
  providerOf,
  readMethodSettings,
  writeMethodSettings,
} from '../mail/method-settings.js';
import { probeSentFolder, withSentCopy } from '../mail/sent-copy.js';
import { SendFailure, type MailTransport } from '../mail/transport.js';
import { accountOwnAddress, withAccountEnvelope } from './account-identity.js';
import { usesMailbox } from './mail-method.js';
import { methodOf } from './mail-methods.js';
import type { MethodContext, SendingMethodsOptions } from './method-context.js';
import {
  OAuthConnections,
  oauthClientOf,
  type ConnectOptions,
  type OAuthAccount,
} from './oauth-connection.js';

export type { ConnectOptions } from './oauth-connection.js';
export type { SendingMethodsOptions } from './method-context.js';

export interface MethodStatus {
  kind: MailAccount['kind'];
  /** False for a method that opens a window per message: say it before a large batch. */
  canPace: boolean;
  settings: MethodSettings;
  /** OAuth accounts: connected on this workstation, never connected here, or to reconnect. */
  connection: OAuthConnectionState | null;
  connectedAs: string | null;
}

export class SendingMethods {
  private readonly oauth: OAuthConnections;

  constructor(
    private readonly db: Db,
    private readonly folder: DataFolder,
    private readonly options: SendingMethodsOptions,
  ) {
    this.oauth = new OAuthConnections(db, options.credentials, options.openUrl);
  }

  settings(accountId: number): Promise<MethodSettings> {
    return readMethodSettings(this.db, accountId);
  }

  /** The settings as `saveSettings` would write them, checked; nothing written. */
  async checkSettings(account: MailAccount, input: MethodSettingsInput): Promise<MethodSettings> {
    return mergeMethodSettings(await this.settings(account.id), input);
  }

  async saveSettings(account: MailAccount, input: MethodSettingsInput): Promise<MethodSettings> {
    const current = await this.settings(account.id);
    const merged = mergeMethodSettings(current, input);
    // Nothing given or nothing new: nothing written (`account set` with server options only
    // rewrote them, and a refused account left them a version further).
    if (JSON.stringify(merged) !== JSON.stringify(current)) {
      await writeMethodSettings(this.db, account.id, merged);
    }
    return merged;
  }

  async status(account: MailAccount): Promise<MethodStatus> {
    const target = await this.target(account);
    return {
      kind: account.kind,
      canPace: target.method.canPace(target.settings),
      settings: target.settings,
      ...(await this.oauth.state(target)),
    };
  }

  async openTransport(account: MailAccount): Promise<MailTransport> {
    const ctx = await this.context(account);
    const { openTransport, imap } = methodOf(account.kind);
    const transport = withAccountEnvelope(await openTransport(ctx), accountOwnAddress(account));
    if (!ctx.settings.sentCopy || !imap) return transport;
    return withSentCopy(transport, { imap: await imap(ctx), folder: ctx.settings.sentFolder });
  }

  async testConnection(account: MailAccount): Promise<ConnectionTestResult> {
    const ctx = await this.context(account);
    const method = methodOf(account.kind);
    try {
      const sending = await method.testConnection(ctx);
      if (!sending.ok || !method.imap || !usesMailbox(method, ctx.settings)) return sending;
      const mailbox = await testMailbox(await method.imap(ctx), ctx.settings);
      return passedConnection('methods.test.withMailbox', { sending: sending.detail, mailbox });
    } catch (error) {
      if (error instanceof SendFailure) return failedConnection(error);
      throw error;
    }
  }

  /** The account's inbox, where its bounces arrive; refused for a kind that has none. */
  async openBounceMailbox(account: MailAccount): Promise<BounceMailbox> {
    const { bounceMailbox } = methodOf(account.kind);
    if (!bounceMailbox) throw new UserError('bounces.error.noMailbox', { kind: account.kind });
    return bounceMailbox(await this.context(account));
  }

  /** Signs the account in, in the browser; the tokens go to this workstation's credential store. */
  async connect(account: MailAccount, options: ConnectOptions = {}): Promise<MethodStatus> {
    await this.oauth.connect(await this.target(account), options);
    return this.status(account);
  }

  /** Forgets this workstation's tokens for the account. */
  async disconnect(account: MailAccount): Promise<void> {
    await this.oauth.disconnect(await this.settings(account.id));
  }

  private async target(account: MailAccount): Promise<OAuthAccount> {
    const settings = await this.settings(account.id);
    return {
      account,
      method: methodOf(account.kind),
      settings,
      provider: providerOf(account, settings),
    };
  }

  private async context(account: MailAccount): Promise<MethodContext> {
    const target = await this.target(account);
    return {
      account,
      settings: target.settings,
      provider: target.provider,
      folder: this.folder,
      options: this.options,
      password: () => this.password(account.id),
      oauth: () => oauthClientOf(target).oauth,
      session: () => this.oauth.session(target),
    };
  }

  /** The account's password, from this workstation's credential store. */
  private async password(accountId: number): Promise<string | null> {
    const row = await findMailAccountById(this.db, accountId);
    if (!row?.credential_ref) return null;
    return (await this.options.credentials()).get(row.credential_ref);
  }
}

/** Logs in to the mailbox; with the Sent copy on, finds its Sent folder too. */
async function testMailbox(imap: ImapAccess, settings: MethodSettings): Promise<string> {
  if (settings.sentCopy) {
    const folder = await probeSentFolder({ imap, folder: settings.sentFolder });
    return translate('fr', 'methods.test.imapSent', { host: imap.host, folder });
  }
  const client = await connectImap(imap);
  await client.logout().catch(() => client.close());
  return translate('fr', 'methods.test.imap', { host: imap.host });
}
