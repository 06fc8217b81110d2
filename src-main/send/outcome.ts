// What an attempt comes to, as pure functions: the message's new status, when it is tried
// again, the error and server reply the user sees, and the journal line. The error and the
// journal line are stored as sentences in no language (i18n/said.ts) when the failure has one,
// so that each screen says them in its own; the server's reply is kept word for word. The
// retry policy decides; this turns its decision into what is recorded. Nothing here touches
// the database or the network.
import type { SendJournalEvent } from '../../src-shared/domain/outbox.js';
import type { Pacing } from '../../src-shared/domain/mail.js';
import type { MessageKey } from '../../src-shared/i18n/catalog.js';
import { storeSaid, type Said } from '../../src-shared/i18n/said.js';
import { isUserError } from '../../src-shared/errors.js';
import type { OutcomeChange } from '../db/outbox-engine-queue.js';
import { SendFailure, type SendResult } from '../mail/transport.js';
import { failureSentence, type FailureSentence } from './failure-text.js';
import { decideAfterFailure, isRateLimited } from './retry-policy.js';

/** What an attempt comes to: the message's change and its journal event. */
export interface Outcome {
  change: Omit<OutcomeChange, 'id'>;
  event: { event: SendJournalEvent; detail: string };
  /** Set when the account is at fault: the run stops after recording this. */
  stopReason?: string;
  /** The server asked to slow down: nothing more goes from the account before then (ms). */
  accountWaitsUntil?: number;
  /**
   * The account's server is out of order (it would not take a connection, or it took a whole
   * message and never answered): why. The account pauses; its other messages wait.
   */
  pausesAccount?: string;
  /** The server refused this message for good, saying this: counts towards the auto-pause. */
  refusedWith?: string;
  /** Why it failed, as a sentence the summary says in the run's language. */
  said?: FailureSentence;
}

/** How an attempt ended: the server's acceptance, or what was thrown instead. */
export type AttemptEnd = { result: SendResult } | { failure: unknown };

/** The message as it was tried: `attempts` counts this attempt. */
export interface AttemptedMessage {
  attempts: number;
  pacing: Pick<Pacing, 'maxAttempts' | 'retryBaseMs'>;
}

/** The outcome of an attempt that ended at `endedAt`, whatever the transport answered. */
export function attemptOutcome(
  end: AttemptEnd,
  message: AttemptedMessage,
  endedAt: number,
): Outcome {
  if ('result' in end) return sentOutcome(end.result, endedAt);
  return end.failure instanceof SendFailure
    ? failureOutcome(end.failure, message, endedAt)
    : // Not a classified failure: we cannot tell whether the server kept the message.
      unexpectedOutcome(end.failure, endedAt);
}

export function sentOutcome(result: SendResult, endedAt: number): Outcome {
  const nowIso = new Date(endedAt).toISOString();
  return {
    change: {
      status: 'sent',
      sentAt: nowIso,
      nextAttemptAt: null,
      nowIso,
      error: null,
      reply: result.response,
    },
    event: { event: 'sent', detail: journalLine('outbox.journal.sent', {}) },
  };
}

export function failureOutcome(
  failure: SendFailure,
  message: AttemptedMessage,
  endedAt: number,
): Outcome {
  const reason = endWithPeriod(failure.message);
  const { attempts, pacing } = message;
  const decision = decideAfterFailure(failure.kind, attempts, pacing);
  const sentence = failureSentence(failure);
  const said = sentence ? { said: sentence } : {};
  // What is stored: the sentence in no language when there is one, else the French text.
  const because: Said | string = sentence ?? reason;
  const stamp = {
    nowIso: new Date(endedAt).toISOString(),
    error: stored(because),
    reply: failure.reply,
  };
  switch (decision.action) {
    case 'stop':
    case 'pause':
      return {
        change: { ...stamp, status: 'validated', uncountAttempt: true },
        event: {
          event: 'account_error',
          detail: journalLine('outbox.journal.accountError', { reason: because }),
        },
        ...(decision.action === 'stop' ? { stopReason: reason } : { pausesAccount: reason }),
        ...said,
      };
    case 'uncertain':
      return {
        change: { ...stamp, status: 'uncertain' },
        event: {
          event: 'uncertain',
          detail: journalLine('outbox.journal.uncertainNoReply', { reason: because }),
        },
        // A server that took a whole message and never answered is not well: nothing more
        // goes to it in this run, or every next message could end uncertain too.
        ...(failure.kind === 'unknown' && { pausesAccount: reason }),
        ...said,
      };
    case 'retry': {
      const nextAt = endedAt + decision.delayMs;
      return {
        change: { ...stamp, status: 'validated', nextAttemptAt: new Date(nextAt).toISOString() },
        event: {
          event: 'retry_scheduled',
          detail: journalLine('outbox.journal.retry', {
            reason: because,
            at: clockText(nextAt),
            attempt: attempts + 1,
            max: pacing.maxAttempts,
          }),
        },
        ...(isRateLimited(failure) && { accountWaitsUntil: nextAt }),
      };
    }
    case 'fail': {
      const detail =
        decision.because === 'permanent'
          ? journalLine('outbox.journal.failedPermanent', { reason: because })
          : journalLine('outbox.journal.failedAttemptsSpent', { attempts });
      // After the last attempt, "will be retried" would no longer be true: say it was given up.
      const error = decision.because === 'permanent' ? stored(because) : detail;
      return {
        change: { ...stamp, error, status: 'failed', nextAttemptAt: null },
        event: { event: 'failed', detail },
        ...(decision.because === 'permanent' && { refusedWith: failure.reply ?? reason }),
        ...said,
      };
    }
  }
}

/** Could not even be handed to the server (a file path refused...): failed, surely not sent. */
export function unsendableOutcome(error: unknown, at: number): Outcome {
  const reason = errorSaid(error);
  return {
    change: {
      status: 'failed',
      nextAttemptAt: null,
      nowIso: new Date(at).toISOString(),
      error: stored(reason),
      reply: null,
    },
    event: {
      event: 'failed',
      detail: journalLine('outbox.journal.failedUnsendable', { reason }),
    },
  };
}

export function unexpectedOutcome(error: unknown, endedAt: number): Outcome {
  const reason = errorSaid(error);
  return {
    change: {
      status: 'uncertain',
      nowIso: new Date(endedAt).toISOString(),
      error: stored(reason),
      reply: null,
    },
    event: {
      event: 'uncertain',
      detail: journalLine('outbox.journal.uncertainUnexpected', { reason }),
    },
  };
}

/** An error's sentence when it has one; else its own text (a programming error's, as is). */
function errorSaid(error: unknown): Said | string {
  if (isUserError(error)) return { code: error.code, params: error.params };
  return error instanceof Error ? error.message : String(error);
}

/** What a column keeps: a sentence in no language, or a text as it is. */
function stored(value: Said | string): string {
  return typeof value === 'string' ? value : storeSaid(value);
}

/** A journal line, stored as a sentence in no language. */
function journalLine(code: MessageKey, params: Record<string, Said | string | number>): string {
  return storeSaid({ code, params });
}

export function endWithPeriod(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "10:42:07", local time. */
export function clockText(at: number): string {
  const d = new Date(at);
  return [d.getHours(), d.getMinutes(), d.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}
