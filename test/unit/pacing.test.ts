// Pacing as pure functions: the delay between messages, the pause every N, the limits per
// run and per day, and a state rebuilt from history so that a restart lets no burst through.
import { describe, expect, it } from 'vitest';
import type { Pacing } from '../../src-shared/domain/mail.js';
import {
  afterAttempt,
  historyDepth,
  limitReached,
  messagesDueWithin,
  nextAllowedAt,
  pacingStateFromHistory,
  startOfLocalDay,
  startOfNextLocalDay,
  type PacingState,
} from '../../src-main/send/pacing.js';

const PACING: Pacing = {
  delayMs: 2_000,
  pauseEvery: 3,
  pauseMs: 10_000,
  maxPerRun: null,
  maxPerDay: null,
  maxAttempts: 5,
  retryBaseMs: 60_000,
};

const FRESH: PacingState = {
  lastEndedAt: null,
  sinceRest: 0,
  notBefore: null,
  attemptsThisRun: 0,
  sentToday: 0,
};

/** Simulates a run where each message goes as soon as allowed and takes `sendMs`. */
function simulate(pacing: Pacing, count: number, sendMs: number, state = FRESH, start = 1_000_000) {
  const starts: number[] = [];
  let now = start;
  for (let i = 0; i < count; i++) {
    const at = Math.max(now, nextAllowedAt(pacing, state));
    starts.push(at);
    now = at + sendMs;
    state = afterAttempt(pacing, state, now, { sent: true });
  }
  return { starts, state };
}

describe('pacing', () => {
  it('the first message of an account goes at once', () => {
    expect(nextAllowedAt(PACING, FRESH)).toBe(0);
  });

  it('waits the delay after the end of each message, and the pause every N messages', () => {
    const { starts } = simulate(PACING, 7, 100);
    const waits = starts.slice(1).map((s, i) => s - (starts[i]! + 100));
    expect(waits).toEqual([2_000, 2_000, 10_000, 2_000, 2_000, 10_000]);
  });

  it('counts the delay from the end of a slow message, not from its start', () => {
    const { starts } = simulate({ ...PACING, pauseEvery: 0 }, 3, 5_000);
    expect(starts[1]! - starts[0]!).toBe(7_000);
  });

  it('never pauses when pauseEvery is 0, and never waits with no delay', () => {
    const { starts } = simulate({ ...PACING, pauseEvery: 0 }, 6, 10);
    expect(starts.slice(1).map((s, i) => s - starts[i]!)).toEqual(Array(5).fill(2_010));
    const none = simulate({ ...PACING, delayMs: 0, pauseEvery: 0, pauseMs: 0 }, 4, 10);
    expect(none.starts).toEqual([1_000_000, 1_000_010, 1_000_020, 1_000_030]);
  });

  it('a rest as long as the pause counts as the pause', () => {
    let state = afterAttempt(PACING, FRESH, 1_000, { sent: true });
    state = afterAttempt(PACING, state, 4_000, { sent: true });
    expect(state.sinceRest).toBe(2);
    state = afterAttempt(PACING, state, 60_000, { sent: true });
    expect(state.sinceRest).toBe(1);
    expect(nextAllowedAt(PACING, state)).toBe(62_000);
  });

  it('the server asking to slow down holds the account until then', () => {
    const state = { ...afterAttempt(PACING, FRESH, 1_000, { sent: false }), notBefore: 90_000 };
    expect(nextAllowedAt(PACING, state)).toBe(90_000);
  });
});

describe('pacing after a restart', () => {
  it('rebuilds the state from the last attempt ends: the next one waits its delay', () => {
    const ends = [50_000, 47_900, 45_800]; // newest first, 2.1 s apart: one streak of 3
    const state = pacingStateFromHistory(PACING, ends, 3);
    expect(state).toMatchObject({
      lastEndedAt: 50_000,
      sinceRest: 3,
      sentToday: 3,
      attemptsThisRun: 0,
    });
    expect(nextAllowedAt(PACING, state)).toBe(60_000);
  });

  it('a break longer than the pause in the history starts a new streak', () => {
    const state = pacingStateFromHistory(PACING, [80_000, 77_900, 50_000, 47_900], 0);
    expect(state.sinceRest).toBe(2);
    expect(nextAllowedAt(PACING, state)).toBe(82_000);
  });

  it('a restart in the middle gives the same schedule as an uninterrupted run', () => {
    const whole = simulate(PACING, 8, 100).starts;
    const first = simulate(PACING, 5, 100);
    const ends = first.starts
      .map((s) => s + 100)
      .reverse()
      .slice(0, historyDepth(PACING));
    const resumed = pacingStateFromHistory(PACING, ends, 5);
    const second = simulate(PACING, 3, 100, resumed, first.starts.at(-1)! + 100);
    expect([...first.starts, ...second.starts]).toEqual(whole);
  });

  it('no history: nothing to wait for', () => {
    expect(pacingStateFromHistory(PACING, [], 0)).toEqual(FRESH);
  });
});

describe('limits', () => {
  it('max per run counts the attempts of this run, max per day the messages sent today', () => {
    const pacing = { ...PACING, maxPerRun: 2, maxPerDay: 5 };
    let state: PacingState = { ...FRESH, sentToday: 3 };
    expect(limitReached(pacing, state)).toBeNull();
    state = afterAttempt(pacing, state, 1, { sent: false });
    expect(limitReached(pacing, state)).toBeNull();
    state = afterAttempt(pacing, state, 2, { sent: true });
    expect(limitReached(pacing, state)).toBe('run');
    expect(limitReached({ ...pacing, maxPerRun: null }, { ...state, sentToday: 5 })).toBe('day');
    expect(limitReached({ ...pacing, maxPerRun: null, maxPerDay: null }, state)).toBeNull();
  });

  it('days are the local calendar days', () => {
    const at = new Date(2026, 10, 24, 15, 30).getTime();
    expect(startOfLocalDay(at)).toBe(new Date(2026, 10, 24).getTime());
    expect(startOfNextLocalDay(at)).toBe(new Date(2026, 10, 25).getTime());
  });
});

describe('how many messages one claim may take', () => {
  const OFF: Pacing = { ...PACING, delayMs: 0, pauseEvery: 0, pauseMs: 0 };
  const window = { windowMs: 200, max: 25 };
  const now = 5_000_000;

  it('back to back: as many as go within the window at the server’s pace, at most the batch', () => {
    expect(messagesDueWithin(OFF, FRESH, now, { ...window, attemptMs: 2 })).toBe(25);
    expect(messagesDueWithin(OFF, FRESH, now, { ...window, attemptMs: 25 })).toBe(8);
    expect(messagesDueWithin(OFF, FRESH, now, { ...window, attemptMs: 500 })).toBe(1);
  });

  it('a delay counts between messages; a delay as long as the window means one per claim', () => {
    const paced = (delayMs: number) =>
      messagesDueWithin({ ...OFF, delayMs }, FRESH, now, { ...window, attemptMs: 0 });
    expect(paced(15)).toBe(14);
    expect(paced(150)).toBe(2);
    expect(paced(200)).toBe(1);
    expect(paced(2_000)).toBe(1);
  });

  it('never past a long pause, a limit per run or per day, or a wait the server asked for', () => {
    const attempt = { ...window, attemptMs: 1 };
    expect(messagesDueWithin({ ...OFF, pauseEvery: 4, pauseMs: 1_000 }, FRESH, now, attempt)).toBe(
      4,
    );
    expect(messagesDueWithin({ ...OFF, maxPerRun: 3 }, FRESH, now, attempt)).toBe(3);
    const sentToday = { ...FRESH, sentToday: 8 };
    expect(messagesDueWithin({ ...OFF, maxPerDay: 10 }, sentToday, now, attempt)).toBe(2);
    const slowDown = { ...FRESH, notBefore: now + 60_000 };
    expect(messagesDueWithin(OFF, slowDown, now, attempt)).toBe(1);
  });
});
