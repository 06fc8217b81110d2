// Sending through Google Workspace / Gmail with the Gmail API (users.messages.send), signed in
// with OAuth2: Google refuses password sign-in, and the copy lands in the user's Sent folder.
// The message is the same MIME as over SMTP; up to 4 MB it goes as JSON (`raw`, base64url),
// beyond as a media upload (message/rfc822, up to 35 MB).
import { replyLine, serviceClient, type ApiResponse, type ServiceAccess } from './api-request.js';
import { tooLarge, seconds } from './graph-transport.js';
import {
  reconnectFailure,
  shortText,
  type MethodFailure,
} from '../../src-shared/domain/method-failure.js';
import { apiFailureMaker } from './api-failure.js';
import { buildMime } from './mime-message.js';
import type { MailTransport, OutgoingMessage, SendResult } from './transport.js';

export const GMAIL_BASE_URL = 'https://gmail.googleapis.com';
/** Above this, the media upload endpoint (the JSON form is meant for small messages). */
export const GMAIL_JSON_LIMIT = 4 * 1024 * 1024;
/** The Gmail API's own ceiling for one message. */
export const GMAIL_UPLOAD_LIMIT = 35 * 1024 * 1024;

export interface GmailTransportOptions extends ServiceAccess {
  maxMessageBytes: number;
}

/** Gmail API calls with the account's token, answers classified as for a send. */
export function gmailApiClient(access: ServiceAccess) {
  return serviceClient(
    {
      name: 'Gmail',
      provider: 'Google',
      defaultBaseUrl: GMAIL_BASE_URL,
      classify: classifyGmailError,
    },
    access,
  );
}

export function createGmailTransport(options: GmailTransportOptions): MailTransport {
  const { api, baseUrl, context } = gmailApiClient(options);
  const limit = Math.min(options.maxMessageBytes, GMAIL_UPLOAD_LIMIT);
  return {
    kind: 'gmail-api',
    canPace: true,
    async send(message: OutgoingMessage): Promise<SendResult> {
      // Gmail reads the recipients from the headers, Bcc included, and removes Bcc itself.
      const raw = await buildMime(message, context, { keepBcc: true });
      if (raw.length > limit) throw tooLarge('Gmail', raw.length, limit);
      const sent = await api.json<{ id?: string }>(
        raw.length <= GMAIL_JSON_LIMIT
          ? {
              method: 'POST',
              url: `${baseUrl}/gmail/v1/users/me/messages/send`,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ raw: raw.toString('base64url') }),
              idempotent: false,
            }
          : {
              method: 'POST',
              url: `${baseUrl}/upload/gmail/v1/users/me/messages/send?uploadType=media`,
              headers: { 'content-type': 'message/rfc822' },
              body: raw,
              idempotent: false,
            },
      );
      return {
        accepted: [...message.to, ...message.cc, ...message.bcc],
        rejected: [],
        response: `200 Gmail (id ${sent.id ?? '?'})`,
      };
    },
    async close(): Promise<void> {},
  };
}

interface GoogleError {
  message: string;
  status: string;
  reasons: string[];
}

function googleError(response: ApiResponse): GoogleError {
  try {
    const parsed = JSON.parse(response.text) as {
      error?: { message?: string; status?: string; errors?: { reason?: string }[] };
    };
    return {
      message: parsed.error?.message ?? '',
      status: parsed.error?.status ?? '',
      reasons: (parsed.error?.errors ?? []).map((e) => e.reason ?? '').filter(Boolean),
    };
  } catch {
    return { message: shortText(response.text), status: '', reasons: [] };
  }
}

const RATE_REASONS = ['rateLimitExceeded', 'userRateLimitExceeded', 'concurrentLimitExceeded'];
const QUOTA_REASONS = ['dailyLimitExceeded', 'quotaExceeded', 'limitExceeded'];
const ACCESS_REASONS = ['insufficientPermissions', 'forbidden', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT'];
const RECIPIENT_TEXT = /invalid (to|cc|bcc) header|recipient address required|invalid recipient/i;

/** What a Gmail API error answer means for this message, the account, or a later attempt. */
export function classifyGmailError(
  response: ApiResponse,
  retryAfterMs: number | null,
  account: string,
): MethodFailure {
  const error = googleError(response);
  const status = response.status;
  const has = (reasons: string[]) => error.reasons.some((r) => reasons.includes(r));
  const detail =
    [error.reasons.join(', '), error.message].filter(Boolean).join(' : ') || `HTTP ${status}`;
  const extra = {
    reply: replyLine(status, detail, retryAfterMs),
    responseCode: status,
    retryAfterMs,
  };
  const failure = apiFailureMaker('Gmail', detail, extra);

  if (status === 429 || has(RATE_REASONS)) {
    return failure('temporary', 'rate_limited', 'methods.failure.throttled', {
      seconds: seconds(retryAfterMs),
    });
  }
  if (has(QUOTA_REASONS) || /sending limit/i.test(error.message)) {
    return failure('account', 'quota_exceeded', 'methods.failure.quota');
  }
  if (status >= 500)
    return failure('temporary', 'server_busy', 'methods.failure.unavailable', { status });
  if (status === 401) return reconnectFailure({ account, provider: 'Google', detail }, extra);
  if (status === 413)
    return failure('permanent', 'message_too_large', 'methods.failure.refusedTooLarge');
  if (status === 403 && (has(ACCESS_REASONS) || error.status === 'PERMISSION_DENIED')) {
    return failure('account', 'auth_refused', 'methods.failure.accessDenied', { account });
  }
  if (/mail service not enabled/i.test(error.message)) {
    return failure('account', 'auth_refused', 'methods.failure.mailboxMissing', { account });
  }
  if (RECIPIENT_TEXT.test(error.message)) {
    return failure('permanent', 'recipient_refused', 'methods.failure.recipientRefused');
  }
  if (status >= 400 && status < 500)
    return failure('permanent', 'message_refused', 'methods.failure.refused');
  return failure('temporary', 'other', 'methods.failure.unexpected', { status });
}
