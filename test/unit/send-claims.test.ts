// How the engine takes messages in batches, without a database: one message per claim until
// the server's pace is known, then as many as can start within the claim window, at most a
// batch; and only the chosen account's first candidates, the others left in their order.
import { describe, expect, it } from 'vitest';
import type { Pacing } from '../../src-shared/domain/mail.js';
import type { AccountRun } from '../../src-main/send/account-run.js';
import { CLAIM_BATCH, claimSize, takeCandidates } from '../../src-main/send/claims.js';
import { pacingStateFromHistory } from '../../src-main/send/pacing.js';

const BACK_TO_BACK: Pacing = {
  delayMs: 0,
  pauseEvery: 0,
  pauseMs: 0,
  maxPerRun: null,
  maxPerDay: null,
  maxAttempts: 3,
  retryBaseMs: 60_000,
};
const NOW = Date.parse('2026-01-05T10:00:00.000Z');

function account(pacing: Pacing, attemptMs: number | null): AccountRun {
  return {
    id: 1,
    label: 'cabinet@exemple.fr',
    pacing,
    state: pacingStateFromHistory(pacing, [], 0),
    dayEndsAt: NOW + 3_600_000,
    transport: null,
    limited: null,
    attemptMs,
    paused: false,
    outage: null,
    refusedInARow: 0,
    window: null,
  };
}

describe('claim size', () => {
  it('takes one message until the server’s pace is known', () => {
    expect(claimSize(account(BACK_TO_BACK, null), NOW)).toBe(1);
  });

  it('back to back with a fast server: a whole batch, never more', () => {
    expect(claimSize(account(BACK_TO_BACK, 5), NOW)).toBe(CLAIM_BATCH);
  });

  it('with a delay between messages as long as the window: one per claim', () => {
    expect(claimSize(account({ ...BACK_TO_BACK, delayMs: 5_000 }, 5), NOW)).toBe(1);
  });

  it('never past the account’s limit for the run', () => {
    expect(claimSize(account({ ...BACK_TO_BACK, maxPerRun: 3 }, 5), NOW)).toBe(3);
  });
});

describe('taking candidates', () => {
  const candidates = [
    { id: 10, account_id: 1 },
    { id: 11, account_id: 2 },
    { id: 12, account_id: 1 },
    { id: 13, account_id: 1 },
    { id: 14, account_id: 2 },
  ];

  it('takes the account’s first ones in order and leaves the rest in order', () => {
    expect(takeCandidates(candidates, 1, 2)).toEqual({
      ids: [10, 12],
      left: [
        { id: 11, account_id: 2 },
        { id: 13, account_id: 1 },
        { id: 14, account_id: 2 },
      ],
    });
  });

  it('takes what there is when the account has fewer than asked', () => {
    expect(takeCandidates(candidates, 2, 5).ids).toEqual([11, 14]);
    expect(takeCandidates(candidates, 3, 5)).toEqual({ ids: [], left: candidates });
  });
});
