// "Test the connection": connect, encrypt, log in, quit — and when it fails, one sentence a
// non-technical user can act on (wrong host, closed port, TLS mode the wrong way round,
// refused password).
import net from 'node:net';
import tls from 'node:tls';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import { MethodFailure } from '../../src-shared/domain/method-failure.js';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import {
  classifySendFailure,
  sendFailure,
  type FailureContext,
} from './send-failure-classifier.js';
import {
  connectionOptions,
  type SmtpTimeouts,
  type SmtpTransportOptions,
} from './smtp-transport.js';
import type { SendFailure, SendFailureReason } from './transport.js';

export type ConnectionProblem =
  'host_not_found' | 'port_closed' | 'tls_mismatch' | 'auth_refused' | 'timeout' | 'other';

export type ConnectionTestResult =
  | { ok: true; detail: string; code: MessageKey; params: Record<string, string | number> }
  | {
      ok: false;
      problem: ConnectionProblem;
      /** In French, for the user: what happened and what to do. */
      message: string;
      reason: SendFailureReason;
      /** The server's own reply, when it gave one. */
      reply: string | null;
      code: MessageKey;
      params: Record<string, string | number>;
    };

/** Shorter than for sending: the user is waiting in front of the dialog. */
export const CONNECTION_TEST_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 10_000,
  greetingMs: 10_000,
  socketMs: 20_000,
};

const PROBLEM_OF: Partial<Record<SendFailureReason, ConnectionProblem>> = {
  host_not_found: 'host_not_found',
  port_closed: 'port_closed',
  tls_expected: 'tls_mismatch',
  tls_unexpected: 'tls_mismatch',
  starttls_unavailable: 'tls_mismatch',
  encryption_required: 'tls_mismatch',
  auth_refused: 'auth_refused',
  auth_required: 'auth_refused',
  password_missing: 'auth_refused',
  timeout: 'timeout',
};

export async function testSmtpConnection(
  options: SmtpTransportOptions,
): Promise<ConnectionTestResult> {
  const settings = { ...options, timeouts: { ...CONNECTION_TEST_TIMEOUTS, ...options.timeouts } };
  const context: FailureContext = {
    host: options.host,
    port: options.port,
    security: options.security,
  };
  try {
    const authenticated = await connectAndLogin(settings, context);
    return success(options, authenticated);
  } catch (error) {
    const failure = classifySendFailure(error, context);
    if (failure.reason === 'timeout' && (await speaksImplicitTls(settings))) {
      return failed(
        sendFailure('tls_expected', context, { detail: failure.params.detail as string }),
      );
    }
    return failed(failure);
  }
}

/** A test that went through, said by this sentence. */
export function passedConnection(
  code: MessageKey,
  params: Record<string, string | number>,
): ConnectionTestResult {
  return { ok: true, detail: translate('fr', code, params), code, params };
}

/** A test that failed: a method's failure keeps its own sentence, SMTP's says the reason. */
export function failedConnection(failure: SendFailure): ConnectionTestResult {
  return failed(failure);
}

function failed(failure: SendFailure): ConnectionTestResult {
  return {
    ok: false,
    problem: PROBLEM_OF[failure.reason] ?? 'other',
    message: failure.message,
    reason: failure.reason,
    reply: failure.reply,
    code:
      failure instanceof MethodFailure
        ? failure.key
        : (`mail.failure.${failure.reason}` as MessageKey),
    params: failure.params,
  };
}

function success(options: SmtpTransportOptions, authenticated: boolean): ConnectionTestResult {
  return passedConnection(authenticated ? 'mail.test.ok' : 'mail.test.okNoAuth', {
    host: options.host,
    port: options.port,
    security: translate('fr', `mail.security.${options.security}`),
    user: options.username ?? '',
  });
}

/** Resolves true when it logged in, false when the server asks for no login. */
async function connectAndLogin(
  options: SmtpTransportOptions,
  context: FailureContext,
): Promise<boolean> {
  const { auth, ...connectionSettings } = connectionOptions(options);
  const { default: Connection } = await import('nodemailer/lib/smtp-connection');
  const connection: SMTPConnection = new Connection(connectionSettings);
  return new Promise<boolean>((resolve, reject) => {
    let settled = false;
    const finish = (error: unknown, authenticated = false) => {
      if (settled) return;
      settled = true;
      if (error) {
        connection.close();
        reject(error);
      } else {
        connection.quit();
        resolve(authenticated);
      }
    };
    connection.once('error', (error: Error) => finish(error));
    connection.once('end', () => finish(new Error('Connection closed')));
    connection.connect(() => {
      if (!auth) return finish(null);
      if (!connection.allowsAuth) {
        // Offering no login in clear usually means "encrypt first"; once encrypted, a relay
        // that trusts the office's address asks for none.
        return connection.secure
          ? finish(null)
          : finish(sendFailure('encryption_required', context));
      }
      connection.login(auth, (error) => finish(error, true));
    });
  });
}

/**
 * Whether the port answers a TLS handshake: a plain client on an implicit-TLS port just
 * times out waiting for a greeting, and this tells that case apart from a dead server.
 */
function speaksImplicitTls(options: SmtpTransportOptions): Promise<boolean> {
  if (options.security === 'tls') return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = tls.connect({
      host: options.host,
      port: options.port,
      ...(net.isIP(options.host) === 0 && { servername: options.host }),
      // Only asks "is this TLS?"; nothing is sent over it, so the certificate does not matter.
      rejectUnauthorized: false,
    });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(options.timeouts?.greetingMs ?? CONNECTION_TEST_TIMEOUTS.greetingMs, () =>
      done(false),
    );
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
  });
}
