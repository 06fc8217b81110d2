// Failures of the sending methods other than plain SMTP (Microsoft Graph, Gmail API, OAuth,
// Outlook, Thunderbird...). They are SendFailures, so the engine treats them like any other
// (retry later, never, or stop for the account), and they carry the key of their own sentence
// in the `methods` catalog, for a screen that wants it in English.
import { translate, type MessageKey } from '../i18n/catalog.js';
import { SendFailure, type SendFailureKind, type SendFailureReason } from './send-failure.js';

export interface MethodFailureExtra {
  reply?: string | null;
  responseCode?: number | null;
  /** The server asked us to wait this long before trying again (Retry-After). */
  retryAfterMs?: number | null;
}

export class MethodFailure extends SendFailure {
  readonly retryAfterMs: number | null;

  constructor(
    kind: SendFailureKind,
    reason: SendFailureReason,
    /** The sentence's key (not `code`: libraries overwrite an error's `code`). */
    readonly key: MessageKey,
    params: Record<string, string | number> = {},
    extra: MethodFailureExtra = {},
  ) {
    super(
      kind,
      translate('fr', key, params),
      extra.reply ?? null,
      extra.responseCode ?? null,
      reason,
      params,
    );
    this.name = 'MethodFailure';
    this.retryAfterMs = extra.retryAfterMs ?? null;
  }
}

/**
 * The account's authorization is gone (consent withdrawn, refresh token expired or revoked):
 * nothing will go until the user reconnects the account. The seed's advice, as a state.
 */
export function reconnectFailure(
  params: { account: string; provider: string; detail?: string },
  extra: MethodFailureExtra = {},
): MethodFailure {
  return new MethodFailure(
    'account',
    'auth_refused',
    'methods.failure.reconnect',
    { detail: '', ...params },
    extra,
  );
}

export function needsReconnect(error: unknown): boolean {
  return error instanceof MethodFailure && error.key === 'methods.failure.reconnect';
}

/** A short technical detail for a sentence: the first line, bounded. */
export function shortText(text: string, max = 200): string {
  const first = text.split('\n')[0]!.trim();
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
