// From a mail account to the transport that sends with it.
import type { MailAccount } from '../../src-shared/domain/mail.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { createSandboxTransport } from './sandbox-transport.js';
import { sendFailure } from './send-failure-classifier.js';
import { createSmtpTransport, type SmtpTransportOptions } from './smtp-transport.js';
import type { MailTransport } from './transport.js';

export interface TransportFactoryOptions {
  folder: DataFolder;
  /** The account's password from the credential store, null when none is kept here. */
  readPassword: () => Promise<string | null>;
  /** Tests only: timeouts and a trusted test certificate. */
  smtp?: Pick<SmtpTransportOptions, 'timeouts' | 'trustedCertificates'>;
}

export async function openTransportFor(
  account: MailAccount,
  options: TransportFactoryOptions,
): Promise<MailTransport> {
  if (account.kind === 'sandbox') return createSandboxTransport({ folder: options.folder });
  return createSmtpTransport(await smtpSettings(account, options));
}

/** Host, port, security and credentials of an SMTP account; throws when the password is missing. */
export async function smtpSettings(
  account: MailAccount,
  options: Pick<TransportFactoryOptions, 'readPassword' | 'smtp'>,
): Promise<SmtpTransportOptions> {
  const context = {
    host: account.host ?? '',
    port: account.port ?? 0,
    security: account.security,
  };
  const password = account.username ? await options.readPassword() : null;
  if (account.username && password === null) {
    throw sendFailure('password_missing', context, { params: { user: account.username } });
  }
  return { ...context, username: account.username, password, ...options.smtp };
}
