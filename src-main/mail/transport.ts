// The one interface the sending engine uses for every way of sending mail, so that pacing,
// retries, statuses and the journal work the same whatever the method.

export interface OutgoingAttachment {
  fileName: string;
  absolutePath: string;
  contentType: string;
}

export interface OutgoingMessage {
  /** The Message-ID header, with angle brackets, fixed when the message was queued. */
  messageIdHeader: string;
  from: { name: string | null; address: string };
  replyTo: string | null;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  html: string | null;
  attachments: OutgoingAttachment[];
  /** Address for Disposition-Notification-To, or null for no read receipt. */
  readReceiptTo: string | null;
  date: Date;
}

export interface SendResult {
  accepted: string[];
  rejected: string[];
  /** The server's reply to the message, e.g. "250 2.0.0 Ok: queued as 1234". */
  response: string;
}

/**
 * - temporary: try this message again later (4xx, timeout, dropped connection, rate limit);
 * - permanent: this message will never go (5xx for this message or recipient);
 * - account: nothing will go until the user fixes the account (authentication, TLS, host);
 * - unknown: the whole message was handed over but no answer came (the connection broke or
 *   timed out while waiting for the server's reply): the server may have accepted it, so it
 *   must never be sent again without the user's decision.
 */
export type SendFailureKind = 'temporary' | 'permanent' | 'account' | 'unknown';

/**
 * What went wrong, finer than the kind: the i18n key `mail.failure.<reason>` (with the
 * failure's `params`) says it to the user in either language.
 */
export const SEND_FAILURE_REASONS = [
  // account
  'host_not_found',
  'port_closed',
  'network_unreachable',
  'tls_expected',
  'tls_unexpected',
  'starttls_unavailable',
  'encryption_required',
  'certificate_untrusted',
  'tls_failed',
  'auth_refused',
  'auth_required',
  'password_missing',
  'quota_exceeded',
  // temporary
  'timeout',
  'connection_lost',
  'rate_limited',
  'server_busy',
  // unknown
  'no_reply',
  // permanent
  'recipient_refused',
  'sender_refused',
  'message_too_large',
  'message_refused',
  'invalid_address',
  'attachment_missing',
  'other',
] as const;
export type SendFailureReason = (typeof SEND_FAILURE_REASONS)[number];

export class SendFailure extends Error {
  constructor(
    readonly kind: SendFailureKind,
    message: string,
    /** The server's reply text when there was one. */
    readonly reply: string | null = null,
    readonly responseCode: number | null = null,
    readonly reason: SendFailureReason = 'other',
    /** Parameters of the message `mail.failure.<reason>` (host, port, file...). */
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'SendFailure';
  }
}

export interface MailTransport {
  readonly kind: string;
  /** False for methods that cannot pace a large batch (a mail client opening windows). */
  readonly canPace: boolean;
  /** Sends one message or throws a SendFailure saying what kind of failure it is. */
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * Optional: the engine will send this very object next. A transport may start building
   * it now (reading files, encoding: no network), so that the work overlaps the exchange of
   * the message before it; send() then uses what was built. Errors wait for send().
   */
  buildAhead?(message: OutgoingMessage): void;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
