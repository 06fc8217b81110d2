// SMTP with OAuth2 (SASL XOAUTH2) for Microsoft 365 (smtp.office365.com:587) and Google
// (smtp.gmail.com:465): the same pooled nodemailer connection as the SMTP transport, but the
// login is an access token asked of the account's OAuth session at each login, refreshed when
// the server refuses it.
import type { AccessTokenSource } from '../oauth/access-token.js';
import { toMailOptions } from './mail-options.js';
import { MethodFailure, shortText } from '../../src-shared/domain/method-failure.js';
import { classifySendFailure, type FailureContext } from './send-failure-classifier.js';
import { connectionOptions, type SmtpTransportOptions } from './smtp-transport.js';
import {
  SendFailure,
  type MailTransport,
  type OutgoingMessage,
  type SendResult,
} from './transport.js';

export interface Xoauth2TransportOptions extends Omit<
  SmtpTransportOptions,
  'username' | 'password'
> {
  /** The mailbox's address: the XOAUTH2 user. */
  user: string;
  tokens: AccessTokenSource;
}

/** Microsoft: "SmtpClientAuthentication is disabled for the Tenant/Mailbox" (5.7.139). */
const SMTP_AUTH_DISABLED = /5\.7\.139|SmtpClientAuthentication is disabled/i;

/** The XOAUTH2 login: a token asked of the account's session, fresh when `renew`. */
function oauthLogin(options: Xoauth2TransportOptions, onTokenFailure: (error: unknown) => void) {
  return {
    type: 'OAuth2' as const,
    user: options.user,
    provisionCallback: (
      _user: string,
      renew: boolean,
      callback: (error: Error | null, token?: string) => void,
    ) => {
      options.tokens.accessToken({ forceRefresh: renew }).then(
        (token) => callback(null, token),
        (error: unknown) => {
          onTokenFailure(error);
          callback(error as Error);
        },
      );
    },
  };
}

/** Connects, logs in with the token, and quits: the connection test. */
export async function verifyXoauth2(options: Xoauth2TransportOptions): Promise<void> {
  let tokenFailure: unknown = null;
  const { default: nodemailer } = await import('nodemailer');
  const verifier = nodemailer.createTransport({
    ...connectionOptions({ ...options, username: null, password: null }),
    auth: oauthLogin(options, (error) => (tokenFailure = error)),
  });
  try {
    await verifier.verify();
  } catch (error) {
    if (tokenFailure instanceof SendFailure) throw tokenFailure;
    const context = { host: options.host, port: options.port, security: options.security };
    throw xoauth2Failure(classifySendFailure(error, context), options);
  } finally {
    verifier.close();
  }
}

export function createXoauth2Transport(options: Xoauth2TransportOptions): MailTransport {
  const context: FailureContext = {
    host: options.host,
    port: options.port,
    security: options.security,
  };
  let tokenFailure: unknown = null;
  // nodemailer loads on the first message: opening the transport (and any command that
  // sends nothing) never pays for it.
  const pool = async () =>
    (await import('nodemailer')).default.createTransport({
      ...connectionOptions({ ...options, username: null, password: null }),
      pool: true,
      maxConnections: 1,
      maxMessages: 100,
      // As for SMTP: a dropped connection mid-message is for the engine to decide on.
      maxRequeues: 0,
      idleTimeout: 60_000,
      auth: oauthLogin(options, (error) => (tokenFailure = error)),
    });
  let mailer: ReturnType<typeof pool> | null = null;
  return {
    kind: 'smtp-oauth',
    canPace: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      tokenFailure = null;
      try {
        mailer ??= pool();
        const info = await (await mailer).sendMail(await toMailOptions(message, context));
        return {
          accepted: info.accepted.map(String),
          rejected: info.rejected.map(String),
          response: info.response,
        };
      } catch (error) {
        // No token at all (consent withdrawn...): that failure says what to do.
        if (tokenFailure instanceof SendFailure) throw tokenFailure;
        throw xoauth2Failure(classifySendFailure(error, context), options);
      }
    },
    async close(): Promise<void> {
      (await mailer)?.close();
    },
  };
}

/** A refused login with a fresh token is not a password problem: say what it is. */
export function xoauth2Failure(
  failure: SendFailure,
  options: { host: string; user: string },
): SendFailure {
  if (failure.reason !== 'auth_refused' && failure.reason !== 'auth_required') return failure;
  const reply = failure.reply ?? '';
  const code = SMTP_AUTH_DISABLED.test(reply)
    ? 'methods.failure.smtpAuthDisabled'
    : 'methods.failure.xoauth2Refused';
  return new MethodFailure(
    'account',
    failure.reason,
    code,
    { host: options.host, user: options.user, detail: shortText(reply || failure.message) },
    { reply: failure.reply, responseCode: failure.responseCode },
  );
}
