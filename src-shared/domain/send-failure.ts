// Why a message did not go, as the engine, the connection test and the screens see it: its
// kind decides what happens next (retry, never, stop for the account, ask the user) and its
// reason is the key of the sentence that says it. Pure, so that OAuth (below the mail layer)
// can fail the same way as a transport.

/**
 * - temporary: try this message again later (4xx, timeout, dropped connection, rate limit);
 * - permanent: this message will never go (5xx for this message or recipient);
 * - account: nothing will go until the user fixes the account (authentication, TLS, host);
 * - unknown: the whole message was handed over but no answer came (the connection broke or
 *   timed out while waiting for the server's reply): the server may have accepted it, so it
 *   must never be sent again without the user's decision;
 * - outage: the server would not even take a connection (a 421 or no greeting at all): no
 *   message is at fault, none loses an attempt; the account waits (a growing delay) and the
 *   messages go once it answers again.
 */
export type SendFailureKind = 'temporary' | 'permanent' | 'account' | 'unknown' | 'outage';

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
  'server_refused',
  // outage
  'server_unavailable',
  'server_not_answering',
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
