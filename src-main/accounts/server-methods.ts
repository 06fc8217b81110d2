// The sandbox (a fresh install: each message written as an .eml file, nothing sent) and plain
// SMTP with the account's password, whose mailbox (same password) is read over IMAP.
import { sendFailure } from '../mail/send-failure-classifier.js';
import { openImapBounceMailbox } from '../mail/imap-bounce-mailbox.js';
import { passedConnection, testSmtpConnection } from '../mail/connection-test.js';
import { createSandboxTransport, SANDBOX_FOLDER_NAME } from '../mail/sandbox-transport.js';
import { createSmtpTransport, type SmtpTransportOptions } from '../mail/smtp-transport.js';
import { greetingName } from '../mail/greeting-name.js';
import { accountOwnAddress } from './account-identity.js';
import { defineMethod } from './mail-method.js';
import { imapAccess, mailboxPassword, type MethodContext } from './method-context.js';

export const sandboxMethod = defineMethod('sandbox', {
  sendsNothing: true,
  openTransport: async (ctx) => createSandboxTransport({ folder: ctx.folder }),
  testConnection: async (ctx) =>
    passedConnection('mail.test.sandbox', { folder: ctx.folder.resolve(SANDBOX_FOLDER_NAME) }),
  imap: null,
  bounceMailbox: null,
});

const smtpMailbox = (ctx: MethodContext) => imapAccess(ctx, () => mailboxPassword(ctx));

export const smtpMethod = defineMethod('smtp', {
  needsServer: true,
  openTransport: async (ctx) => createSmtpTransport(await smtpSettings(ctx)),
  testConnection: async (ctx) => testSmtpConnection(await smtpSettings(ctx)),
  imap: smtpMailbox,
  bounceMailbox: async (ctx) => openImapBounceMailbox(await smtpMailbox(ctx)),
});

/** Host, port, security and credentials of an SMTP account; throws when the password is missing. */
async function smtpSettings(ctx: MethodContext): Promise<SmtpTransportOptions> {
  const { account } = ctx;
  const context = {
    host: account.host ?? '',
    port: account.port ?? 0,
    security: account.security,
  };
  const password = account.username ? await ctx.password() : null;
  if (account.username && password === null) {
    throw sendFailure('password_missing', context, { params: { user: account.username } });
  }
  return {
    ...context,
    username: account.username,
    password,
    greetingName: greetingName(accountOwnAddress(account)),
    ...ctx.options.smtp,
  };
}
