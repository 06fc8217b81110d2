// Sending through an SMTP server: one connection reused from message to message (servers
// count connections against you), each message built to bytes first (possibly while the
// previous one is still on its way) and handed over as a stream whose end is watched, so
// that a failure after the whole message was handed over is known for what it is.
import { Readable } from 'node:stream';
import tls from 'node:tls';
import type { SMTPTransportOptions } from 'nodemailer';
import type SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { SmtpSecurity } from '../../src-shared/domain/mail.js';
import { toMailOptions } from './mail-options.js';
import { mimeBytes } from './mime-bytes.js';
import { compiledMessage } from './mime-message.js';
import { classifySendFailure, type FailureContext } from './send-failure-classifier.js';
import { SmtpSession } from './smtp-session.js';
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
  /** The EHLO name (greeting-name.ts); nodemailer's own when unset. */
  greetingName?: string;
}

/** A message as bytes, with the envelope the server gets. */
interface BuiltMessage {
  envelope: SMTPConnection.Envelope;
  bytes: Buffer;
}

/**
 * The message is handed to the connection in slices of this size, so that the end of the
 * source means the socket has taken all but its last slice or two (the stream's own
 * back-pressure), not merely that one big buffer was queued in memory.
 */
const SOURCE_SLICE_BYTES = 64 * 1024;

export function createSmtpTransport(options: SmtpTransportOptions): MailTransport {
  const context: FailureContext = {
    host: options.host,
    port: options.port,
    security: options.security,
  };
  const { auth: _auth, ...connection } = connectionOptions(options);
  const session = new SmtpSession({
    connection,
    auth: options.username ? { user: options.username, pass: options.password ?? '' } : null,
    maxMessages: 100,
    idleMs: 60_000,
  });
  const built = new WeakMap<OutgoingMessage, Promise<BuiltMessage>>();
  const build = (message: OutgoingMessage) => {
    const building = buildMessage(message, context);
    // Failures are thrown by send(); one built ahead must not be an unhandled rejection.
    building.catch(() => undefined);
    return building;
  };
  return {
    kind: 'smtp',
    canPace: true,
    buildAhead(message: OutgoingMessage): void {
      if (!built.has(message)) built.set(message, build(message));
    },
    async send(message: OutgoingMessage): Promise<SendResult> {
      let handedOver = false;
      let connecting = false;
      try {
        const { envelope, bytes } = await (built.get(message) ?? build(message));
        built.delete(message);
        const source = slicedSource(bytes);
        source.once('end', () => (handedOver = true));
        connecting = true;
        const startedAt = performance.now();
        let connectMs = 0;
        const info = await session.send(envelope, source, () => {
          connecting = false;
          connectMs = performance.now() - startedAt;
        });
        return {
          accepted: info.accepted.map(addressText),
          rejected: info.rejected.map(addressText),
          response: info.response,
          connectMs,
        };
      } catch (error) {
        throw classifySendFailure(error, context, { handedOver, connecting });
      }
    },
    async close(): Promise<void> {
      session.close();
    },
  };
}

/** The MIME bytes nodemailer's composer makes of the message, as its own sendMail would. */
async function buildMessage(
  message: OutgoingMessage,
  context: FailureContext,
): Promise<BuiltMessage> {
  const node = await compiledMessage(await toMailOptions(message, context));
  const bytes = await mimeBytes(node);
  // The size lets the client refuse at once what the server announced it would not take.
  return { envelope: { ...node.getEnvelope(), size: bytes.length }, bytes };
}

function slicedSource(bytes: Buffer): Readable {
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= bytes.length) return void this.push(null);
      const end = Math.min(offset + SOURCE_SLICE_BYTES, bytes.length);
      this.push(bytes.subarray(offset, end));
      offset = end;
    },
  });
}

/** What both the transport and the connection test use to reach the server. */
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
    ...(options.greetingName && { name: options.greetingName }),
    logger: false,
    debug: false,
  };
}

function addressText(address: string | { address: string }): string {
  return typeof address === 'string' ? address : address.address;
}
