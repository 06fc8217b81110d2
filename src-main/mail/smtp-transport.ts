// Sending through an SMTP server with nodemailer: one pooled connection reused from message
// to message (servers count connections against you), failures classified for the engine.
import tls from 'node:tls';
import nodemailer from 'nodemailer';
import type { SMTPPoolOptions, SMTPTransportOptions } from 'nodemailer';
import type { SmtpSecurity } from '../../src-shared/domain/mail.js';
import { toMailOptions } from './mail-options.js';
import { classifySendFailure, type FailureContext } from './send-failure-classifier.js';
import type { MailTransport, OutgoingMessage, SendResult } from './transport.js';

export interface SmtpTimeouts {
  /** Connecting, DNS lookup included. */
  connectionMs: number;
  /** Waiting for the server's first line (and for STARTTLS to finish). */
  greetingMs: number;
  /** Silence allowed once connected, e.g. waiting for the reply to DATA. */
  socketMs: number;
}

export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = {
  connectionMs: 20_000,
  greetingMs: 20_000,
  // Large attachments on slow office links; Microsoft 365 can take a while to answer DATA.
  socketMs: 120_000,
};

export interface SmtpTransportOptions {
  host: string;
  port: number;
  security: SmtpSecurity;
  username?: string | null;
  password?: string | null;
  timeouts?: Partial<SmtpTimeouts>;
  /**
   * Tests only: PEM certificates to trust in addition to the system's, for a test server
   * with a self-signed certificate. Certificates are always verified; there is no switch to
   * turn verification off.
   */
  trustedCertificates?: string;
}

export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const context: FailureContext = {
    host: options.host,
    port: options.port,
    security: options.security,
  };
  const poolOptions: SMTPPoolOptions & { pool: true } = {
    ...connectionOptions(options),
    pool: true,
    maxConnections: 1,
    maxMessages: 100,
    // Never re-send on its own when a connection drops mid-message: the server may already
    // have the message; the engine decides, with the failure in hand.
    maxRequeues: 0,
    idleTimeout: 60_000,
  };
  const mailer = nodemailer.createTransport(poolOptions);
  // Every failure reaches the caller through send(); an 'error' event with no listener
  // would instead end the process.
  mailer.on('error', () => undefined);
  return {
    kind: 'smtp',
    canPace: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      try {
        const info = await mailer.sendMail(await toMailOptions(message, context));
        return {
          accepted: info.accepted.map(addressText),
          rejected: info.rejected.map(addressText),
          response: info.response,
        };
      } catch (error) {
        throw classifySendFailure(error, context);
      }
    },
    async close(): Promise<void> {
      mailer.close();
    },
  };
}

/** What both the pooled transport and the connection test use to reach the server. */
export function connectionOptions(options: SmtpTransportOptions): SMTPTransportOptions {
  const timeouts = { ...DEFAULT_SMTP_TIMEOUTS, ...options.timeouts };
  return {
    host: options.host,
    port: options.port,
    secure: options.security === 'tls',
    // 'starttls': refuse to go on in clear if the upgrade fails; 'none': never upgrade (a
    // local relay whose certificate would not verify).
    requireTLS: options.security === 'starttls',
    ignoreTLS: options.security === 'none',
    ...(options.username && { auth: { user: options.username, pass: options.password ?? '' } }),
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
    dnsTimeout: timeouts.connectionMs,
    tls: {
      minVersion: 'TLSv1.2',
      rejectUnauthorized: true,
      ...(options.trustedCertificates && {
        ca: [...tls.rootCertificates, options.trustedCertificates],
      }),
    },
    logger: false,
    debug: false,
  };
}

function addressText(address: string | { address: string }): string {
  return typeof address === 'string' ? address : address.address;
}
