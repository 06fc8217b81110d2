// Turns whatever nodemailer or the socket threw into a SendFailure: what kind of failure it
// is (retry later, never, or fix the account first), why, and the server's own reply.
// Pure: no I/O, so that every case is a plain unit test.
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { SmtpSecurity } from '../../src-shared/domain/mail.js';
import { SendFailure, type SendFailureKind, type SendFailureReason } from './transport.js';

/** The account the failure happened on, to name the server and the port in the sentence. */
export interface FailureContext {
  host: string;
  port: number;
  security: SmtpSecurity;
}

/** The parts of a nodemailer / Node error the classification looks at. */
export interface MailerErrorFields {
  /** nodemailer's code (EAUTH, ETLS, ESOCKET...) or Node's (ECONNREFUSED...). */
  code?: string;
  /** Node's code when nodemailer replaced it with its own (ESOCKET ← ECONNREFUSED). */
  originalCode?: string;
  responseCode?: number;
  /** The server's reply line, e.g. "550 5.1.1 <x@y>: Recipient address rejected". */
  response?: string;
  /** The SMTP command that failed: "RCPT TO", "MAIL FROM", "DATA", "AUTH PLAIN", "CONN"... */
  command?: string;
  message?: string;
}

const KIND_OF: Record<SendFailureReason, SendFailureKind> = {
  host_not_found: 'account',
  port_closed: 'account',
  network_unreachable: 'account',
  tls_expected: 'account',
  tls_unexpected: 'account',
  starttls_unavailable: 'account',
  encryption_required: 'account',
  certificate_untrusted: 'account',
  tls_failed: 'account',
  auth_refused: 'account',
  auth_required: 'account',
  password_missing: 'account',
  quota_exceeded: 'account',
  server_refused: 'account',
  server_unavailable: 'outage',
  server_not_answering: 'outage',
  timeout: 'temporary',
  connection_lost: 'temporary',
  rate_limited: 'temporary',
  server_busy: 'temporary',
  other: 'temporary',
  no_reply: 'unknown',
  recipient_refused: 'permanent',
  sender_refused: 'permanent',
  message_too_large: 'permanent',
  message_refused: 'permanent',
  invalid_address: 'permanent',
  attachment_missing: 'permanent',
};

export function failureKind(reason: SendFailureReason): SendFailureKind {
  return KIND_OF[reason];
}

/** How far the message got when the failure happened. */
export interface SendStage {
  /** The whole message, up to the end of its data, was handed to the connection. */
  handedOver: boolean;
  /**
   * The failure came while opening the connection (greeting, EHLO, TLS, login), before any
   * command about a message: whatever it is, the message is not at fault.
   */
  connecting?: boolean;
}

/**
 * After the whole message was handed over, a failure without a reply (the answer timed out,
 * the connection broke) leaves the outcome unknown: the server may have accepted it, and
 * trying again could deliver it twice. Before that point, the server cannot have it.
 */
export function classifySendFailure(
  error: unknown,
  context: FailureContext,
  stage: SendStage = { handedOver: false },
): SendFailure {
  if (error instanceof SendFailure) return error;
  const fields = errorFields(error);
  const reason =
    stage.handedOver && fields.responseCode === undefined
      ? 'no_reply'
      : failureReason(fields, context);
  const atConnection = stage.connecting ? connectionFailureReason(reason, fields) : reason;
  return sendFailure(atConnection, context, {
    reply: fields.response?.trim() || null,
    responseCode: fields.responseCode ?? null,
    detail: shortDetail(fields),
    params: quotedParams(fields),
  });
}

/**
 * A failure while the connection was being opened is the server's or the account's, never
 * the message's: an account problem stays one (a refused password, TLS); a temporary one (a
 * 421 greeting, a greeting that never came, the connection closed at once) is an outage the
 * account waits out; a permanent refusal (a 554 greeting) is the account's to sort out.
 */
export function connectionFailureReason(
  reason: SendFailureReason,
  fields: Pick<MailerErrorFields, 'responseCode'>,
): SendFailureReason {
  switch (KIND_OF[reason]) {
    case 'account':
    case 'outage':
      return reason;
    case 'permanent':
      return 'server_refused';
    default:
      return reason === 'timeout' && fields.responseCode === undefined
        ? 'server_not_answering'
        : 'server_unavailable';
  }
}

/** The file or address an error message quotes ('…/facture.pdf', "x@y"), for the sentence. */
function quotedParams(e: MailerErrorFields): Record<string, string> {
  const quoted = /['"]([^'"]+)['"]/.exec(e.message ?? '')?.[1] ?? '';
  return { file: quoted.split(/[\\/]/).pop() ?? '', address: quoted, field: '' };
}

/** Builds a SendFailure with its French sentence, for a reason known without an error. */
export function sendFailure(
  reason: SendFailureReason,
  context: FailureContext,
  extra: {
    reply?: string | null;
    responseCode?: number | null;
    detail?: string;
    params?: Record<string, string | number>;
  } = {},
): SendFailure {
  const params = {
    host: context.host,
    port: context.port,
    current: translate('fr', `mail.security.${context.security}`),
    // Kept so that `current` can be said again in another language (send/failure-text.ts).
    security: context.security,
    detail: extra.detail ?? '',
    ...extra.params,
  };
  const key = `mail.failure.${reason}` as MessageKey;
  return new SendFailure(
    KIND_OF[reason],
    translate('fr', key, params),
    extra.reply ?? null,
    extra.responseCode ?? null,
    reason,
    params,
  );
}

export function failureReason(e: MailerErrorFields, context: FailureContext): SendFailureReason {
  return (
    networkReason(e) ??
    tlsReason(e, context) ??
    authReason(e) ??
    connectionReason(e) ??
    replyReason(e) ??
    localReason(e) ??
    'other'
  );
}

function errorFields(error: unknown): MailerErrorFields {
  if (typeof error !== 'object' || error === null) return { message: String(error) };
  const e = error as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ...(text(e.code) !== undefined && { code: text(e.code) }),
    ...(text(e.originalCode) !== undefined && { originalCode: text(e.originalCode) }),
    ...(typeof e.responseCode === 'number' && { responseCode: e.responseCode }),
    ...(text(e.response) !== undefined && { response: text(e.response) }),
    ...(text(e.command) !== undefined && { command: text(e.command) }),
    ...(text(e.message) !== undefined && { message: text(e.message) }),
  };
}

function hasCode(e: MailerErrorFields, ...codes: string[]): boolean {
  return codes.some((code) => e.code === code || e.originalCode === code);
}

function networkReason(e: MailerErrorFields): SendFailureReason | null {
  if (hasCode(e, 'EDNS', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA')) {
    return 'host_not_found';
  }
  if (hasCode(e, 'ECONNREFUSED')) return 'port_closed';
  if (hasCode(e, 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN')) {
    return 'network_unreachable';
  }
  return null;
}

const PLAINTEXT_ANSWER =
  /wrong version number|packet length too long|unknown protocol|http request/i;
const CERTIFICATE_CODES = [
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
];

function tlsReason(e: MailerErrorFields, context: FailureContext): SendFailureReason | null {
  const message = e.message ?? '';
  if (PLAINTEXT_ANSWER.test(message) || hasCode(e, 'ERR_SSL_WRONG_VERSION_NUMBER')) {
    return 'tls_unexpected';
  }
  if (hasCode(e, ...CERTIFICATE_CODES) || /certificate/i.test(message)) {
    return 'certificate_untrusted';
  }
  if (e.code === 'ETLS') return e.responseCode ? 'starttls_unavailable' : 'tls_failed';
  // A plain client on an implicit-TLS port waits for a greeting that never comes: on 465,
  // the port everyone uses for implicit TLS, that is almost surely the cause.
  if (e.code === 'ETIMEDOUT' && /greeting/i.test(message) && context.port === 465) {
    return context.security === 'tls' ? null : 'tls_expected';
  }
  // 538: "encryption required for the login" (RFC 4954); 530 may say "STARTTLS first".
  if (e.responseCode === 538) return 'encryption_required';
  if (e.responseCode === 530 && /tls/i.test(e.response ?? '')) return 'encryption_required';
  return null;
}

function authReason(e: MailerErrorFields): SendFailureReason | null {
  const code = e.responseCode;
  const transient = code !== undefined && code >= 400 && code < 500;
  if (hasCode(e, 'EAUTH', 'ENOAUTH') && !transient) return 'auth_refused';
  if (code === 535 || code === 534) return 'auth_refused';
  if (code === 530) return 'auth_required';
  return null;
}

function connectionReason(e: MailerErrorFields): SendFailureReason | null {
  if (hasCode(e, 'ETIMEDOUT')) return 'timeout';
  if (e.responseCode !== undefined) return null;
  if (hasCode(e, 'ECONNECTION', 'ECONNRESET', 'EPIPE', 'ECONNABORTED')) return 'connection_lost';
  if (e.code === 'ESOCKET' || /connection closed/i.test(e.message ?? '')) return 'connection_lost';
  return null;
}

const QUOTA = /quota|sending limit|daily (user )?sending|limit exceeded|exceeded .*limit/i;
const SLOW_DOWN = /rate|too many|throttl|slow down|try again later|limit/i;
const TOO_LARGE = /size|too large|too big/i;

function replyReason(e: MailerErrorFields): SendFailureReason | null {
  const code = e.responseCode;
  if (code === undefined || code < 400 || code >= 600) return null;
  const reply = e.response ?? '';
  const enhanced = /^\d{3}[ -](\d\.\d{1,3}\.\d{1,3})/.exec(reply)?.[1] ?? '';
  if (code < 500 || code === 503) {
    return code === 421 || enhanced.startsWith('4.7.') || SLOW_DOWN.test(reply)
      ? 'rate_limited'
      : 'server_busy';
  }
  if (QUOTA.test(reply)) return 'quota_exceeded';
  if (code === 552 || enhanced === '5.3.4' || enhanced === '5.2.3' || TOO_LARGE.test(reply)) {
    return 'message_too_large';
  }
  if (e.command === 'MAIL FROM') return 'sender_refused';
  if (e.command === 'RCPT TO') return 'recipient_refused';
  return 'message_refused';
}

function localReason(e: MailerErrorFields): SendFailureReason | null {
  if (e.code === 'EMESSAGE' && TOO_LARGE.test(e.message ?? '')) return 'message_too_large';
  if (e.code === 'EENVELOPE') return 'invalid_address';
  if (hasCode(e, 'ENOENT', 'EACCES', 'EISDIR', 'EFILEACCESS')) return 'attachment_missing';
  return null;
}

/** A short technical detail for sentences that carry one: the first line, bounded. */
function shortDetail(e: MailerErrorFields): string {
  const first = (e.message ?? e.code ?? '').split('\n')[0]!.trim();
  return first.length > 160 ? `${first.slice(0, 157)}…` : first;
}
