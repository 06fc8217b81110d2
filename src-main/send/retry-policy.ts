// What to do after a failed attempt: try again later (with a doubling delay), give up on this
// message, leave it to the user when the server may have it, pause the account while its
// server is out of order, or stop the whole run because the account itself is at fault.
import type { Pacing } from '../../src-shared/domain/mail.js';
import type { SendFailureKind } from '../mail/transport.js';

/** No retry is put off longer than this, however many attempts were made. */
export const RETRY_DELAY_CAP_MS = 60 * 60_000;

export type FailureDecision =
  | { action: 'retry'; delayMs: number }
  | { action: 'fail'; because: 'permanent' | 'attemptsSpent' }
  /** The server may have accepted it: never sent again without the user's decision. */
  | { action: 'uncertain' }
  | { action: 'stop' }
  /** The server is out of order for the whole account: it waits, the message is untouched. */
  | { action: 'pause' };

/** retryBase × 2^(attempts − 1), capped: 1 min, 2 min, 4 min… with the default base. */
export function retryDelayMs(
  attempts: number,
  baseMs: number,
  capMs: number = RETRY_DELAY_CAP_MS,
): number {
  const exponent = Math.min(Math.max(0, attempts - 1), 30);
  return Math.min(capMs, baseMs * 2 ** exponent);
}

/** `attempts` counts the attempt that just failed. */
export function decideAfterFailure(
  kind: SendFailureKind,
  attempts: number,
  pacing: Pick<Pacing, 'maxAttempts' | 'retryBaseMs'>,
): FailureDecision {
  if (kind === 'account') return { action: 'stop' };
  if (kind === 'outage') return { action: 'pause' };
  if (kind === 'unknown') return { action: 'uncertain' };
  if (kind === 'permanent') return { action: 'fail', because: 'permanent' };
  if (attempts >= pacing.maxAttempts) return { action: 'fail', because: 'attemptsSpent' };
  return { action: 'retry', delayMs: retryDelayMs(attempts, pacing.retryBaseMs) };
}

/**
 * The server asks us to slow down (421 4.7.0 "try again later", 450/451 4.7.x, "too many"):
 * then the whole account waits, not only the message, or every next message would bounce too.
 */
export function isRateLimited(failure: {
  responseCode: number | null;
  reply: string | null;
}): boolean {
  const reply = failure.reply ?? '';
  if (/\b4\.7\.\d{1,3}\b/.test(reply)) return true;
  if (failure.responseCode === 421) return true;
  return /too many|rate limit|throttl|try again later/i.test(reply);
}
