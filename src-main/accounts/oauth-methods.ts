// The Microsoft 365 and Google accounts signed in with OAuth2: through the Graph API or the
// Gmail API (the copy lands in Sent Items, bounces are read through the same API), or over
// SMTP with an XOAUTH2 login (its mailbox over IMAP with the same token).
import { gmailBounceMailbox, graphBounceMailbox } from '../mail/api-bounce-mailboxes.js';
import { passedConnection } from '../mail/connection-test.js';
import { createGmailTransport } from '../mail/gmail-transport.js';
import { createGraphTransport, graphSignedInAddress } from '../mail/graph-transport.js';
import { openImapBounceMailbox } from '../mail/imap-bounce-mailbox.js';
import { OAUTH_SMTP_SERVERS } from '../mail/method-settings.js';
import {
  createXoauth2Transport,
  verifyXoauth2,
  type Xoauth2TransportOptions,
} from '../mail/xoauth2-transport.js';
import { greetingName } from '../mail/greeting-name.js';
import { accountOwnAddress } from './account-identity.js';
import { defineMethod } from './mail-method.js';
import { accountLabel, apiAccess, imapAccess, type MethodContext } from './method-context.js';

const graphAccess = (ctx: MethodContext) => apiAccess(ctx, ctx.options.graphBaseUrl);
const gmailAccess = (ctx: MethodContext) => apiAccess(ctx, ctx.options.gmailBaseUrl);

export const graphMethod = defineMethod('graph', {
  openTransport: async (ctx) =>
    createGraphTransport({
      ...(await graphAccess(ctx)),
      maxMessageBytes: ctx.account.maxMessageBytes,
    }),
  testConnection: async (ctx) =>
    passedConnection('methods.test.graph', {
      account: await graphSignedInAddress(await graphAccess(ctx)),
    }),
  imap: null,
  bounceMailbox: async (ctx) => graphBounceMailbox(await graphAccess(ctx)),
});

export const gmailApiMethod = defineMethod('gmail-api', {
  openTransport: async (ctx) =>
    createGmailTransport({
      ...(await gmailAccess(ctx)),
      maxMessageBytes: ctx.account.maxMessageBytes,
    }),
  testConnection: async (ctx) => {
    await (await ctx.session()).accessToken({ forceRefresh: true });
    return passedConnection('methods.test.gmail', { account: accountLabel(ctx.account) });
  },
  imap: null,
  bounceMailbox: async (ctx) => gmailBounceMailbox(await gmailAccess(ctx)),
});

const smtpOAuthMailbox = (ctx: MethodContext) =>
  imapAccess(ctx, async () => ({ tokens: await ctx.session() }));

export const smtpOAuthMethod = defineMethod('smtp-oauth', {
  openTransport: async (ctx) => createXoauth2Transport(await xoauth2Options(ctx)),
  testConnection: async (ctx) => {
    const options = await xoauth2Options(ctx);
    await verifyXoauth2(options);
    return passedConnection('methods.test.smtpOAuth', {
      host: options.host,
      port: options.port,
      user: options.user,
    });
  },
  imap: smtpOAuthMailbox,
  bounceMailbox: async (ctx) => openImapBounceMailbox(await smtpOAuthMailbox(ctx)),
});

/** The account's server, else its provider's; the mailbox's address logs in with the token. */
async function xoauth2Options(ctx: MethodContext): Promise<Xoauth2TransportOptions> {
  const { account } = ctx;
  const server = OAUTH_SMTP_SERVERS[ctx.oauth().provider];
  return {
    host: account.host ?? server.host,
    port: account.port ?? server.port,
    security: account.host ? account.security : server.security,
    user: account.username ?? account.fromAddress ?? '',
    tokens: await ctx.session(),
    greetingName: greetingName(accountOwnAddress(account)),
    ...ctx.options.smtp,
  };
}
