// What happens after a failed attempt: retry with a doubling, capped delay; give up after the
// last attempt or at once on a permanent refusal; stop everything on an account problem.
import { describe, expect, it } from 'vitest';
import {
  decideAfterFailure,
  isRateLimited,
  retryDelayMs,
  RETRY_DELAY_CAP_MS,
} from '../../src-main/send/retry-policy.js';

const POLICY = { maxAttempts: 4, retryBaseMs: 60_000 };

describe('retry policy', () => {
  it('doubles the delay at each attempt, up to the cap', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 60_000))).toEqual([
      60_000, 120_000, 240_000, 480_000,
    ]);
    expect(retryDelayMs(12, 60_000)).toBe(RETRY_DELAY_CAP_MS);
    expect(retryDelayMs(1_000, 60_000)).toBe(RETRY_DELAY_CAP_MS);
  });

  it('retries a temporary failure until the attempts are spent', () => {
    expect(decideAfterFailure('temporary', 1, POLICY)).toEqual({
      action: 'retry',
      delayMs: 60_000,
    });
    expect(decideAfterFailure('temporary', 3, POLICY)).toEqual({
      action: 'retry',
      delayMs: 240_000,
    });
    expect(decideAfterFailure('temporary', 4, POLICY)).toEqual({
      action: 'fail',
      because: 'attemptsSpent',
    });
  });

  it('never retries a permanent failure; stops the run on an account failure', () => {
    expect(decideAfterFailure('permanent', 1, POLICY)).toEqual({
      action: 'fail',
      because: 'permanent',
    });
    expect(decideAfterFailure('account', 1, POLICY)).toEqual({ action: 'stop' });
    expect(decideAfterFailure('account', 4, POLICY)).toEqual({ action: 'stop' });
  });

  it('never retries a message the server may have: it waits for the user, first attempt or last', () => {
    expect(decideAfterFailure('unknown', 1, POLICY)).toEqual({ action: 'uncertain' });
    expect(decideAfterFailure('unknown', 4, POLICY)).toEqual({ action: 'uncertain' });
  });

  it('recognises a server asking to slow down', () => {
    expect(
      isRateLimited({ responseCode: 421, reply: '421 4.7.0 Too many messages, slow down' }),
    ).toBe(true);
    expect(isRateLimited({ responseCode: 450, reply: '450 4.7.1 Rate limit exceeded' })).toBe(true);
    expect(isRateLimited({ responseCode: 451, reply: '451 4.3.0 Temporary failure' })).toBe(false);
    expect(isRateLimited({ responseCode: null, reply: null })).toBe(false);
  });
});
