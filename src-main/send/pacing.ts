// Pacing, as pure functions: when may an account's next message go, given the account's
// settings and what happened before. The state is rebuilt from the send journal when a run
// starts, so that stopping and restarting never lets a burst through.
import type { Pacing } from '../../src-shared/domain/mail.js';

/** What the pacing remembers about one account during a run (all times in ms). */
export interface PacingState {
  /** When the account's last attempt ended; null when it never sent anything. */
  lastEndedAt: number | null;
  /** Attempts since the last rest at least as long as the pause (at most pauseEvery). */
  sinceRest: number;
  /** The server asked to slow down: nothing goes before this time. */
  notBefore: number | null;
  /** Messages handed to the server during this run. */
  attemptsThisRun: number;
  /** Messages of this account sent since local midnight. */
  sentToday: number;
}

export type PacingLimit = 'run' | 'day';

/**
 * Rebuilds the state from the account's last attempt end times (newest first). Any gap at
 * least as long as the pause counts as the pause: a restart after a long break starts afresh.
 */
export function pacingStateFromHistory(
  pacing: Pacing,
  endsNewestFirst: readonly number[],
  sentToday: number,
): PacingState {
  const [last] = endsNewestFirst;
  let sinceRest = last === undefined ? 0 : 1;
  for (let i = 1; i < endsNewestFirst.length && sinceRest < Math.max(1, pacing.pauseEvery); i++) {
    const gap = endsNewestFirst[i - 1]! - endsNewestFirst[i]!;
    if (restsLikeAPause(pacing, gap)) break;
    sinceRest++;
  }
  return { lastEndedAt: last ?? null, sinceRest, notBefore: null, attemptsThisRun: 0, sentToday };
}

/** The number of past attempt ends worth reading to rebuild the state. */
export function historyDepth(pacing: Pacing): number {
  return Math.max(1, pacing.pauseEvery) + 1;
}

/** The wait owed after the last attempt: the long pause every `pauseEvery` messages, else the delay. */
function restAfterLast(pacing: Pacing, state: PacingState): number {
  const pauseDue = pacing.pauseEvery > 0 && state.sinceRest >= pacing.pauseEvery;
  return pauseDue ? Math.max(pacing.pauseMs, pacing.delayMs) : pacing.delayMs;
}

/** The earliest time the account's next attempt may start. */
export function nextAllowedAt(pacing: Pacing, state: PacingState): number {
  const afterRest =
    state.lastEndedAt === null ? 0 : state.lastEndedAt + restAfterLast(pacing, state);
  return Math.max(afterRest, state.notBefore ?? 0);
}

/**
 * The state after one attempt that ended at `endedAt`. The delay is counted from the end of
 * the previous attempt, so the server never sees two messages closer than the delay, however
 * long each one took to transfer.
 */
export function afterAttempt(
  pacing: Pacing,
  state: PacingState,
  endedAt: number,
  outcome: { sent: boolean },
): PacingState {
  const rested = state.lastEndedAt === null || restsLikeAPause(pacing, endedAt - state.lastEndedAt);
  return {
    lastEndedAt: endedAt,
    sinceRest: rested ? 1 : Math.min(state.sinceRest + 1, Math.max(1, pacing.pauseEvery)),
    notBefore: state.notBefore,
    attemptsThisRun: state.attemptsThisRun + 1,
    sentToday: state.sentToday + (outcome.sent ? 1 : 0),
  };
}

/** Whether the account must stop for this run (max per run) or for today (max per day). */
export function limitReached(pacing: Pacing, state: PacingState): PacingLimit | null {
  if (pacing.maxPerRun !== null && state.attemptsThisRun >= pacing.maxPerRun) return 'run';
  if (pacing.maxPerDay !== null && state.sentToday >= pacing.maxPerDay) return 'day';
  return null;
}

/**
 * How many messages the account may start within `windowMs` from `now` (the first one now),
 * each attempt taken to last `attemptMs`, at most `max`, never past a limit: what one claim
 * may take. The pacing still decides, message by message, when each one goes. A delay of
 * `windowMs` or more gives 1: one message per claim.
 */
export function messagesDueWithin(
  pacing: Pacing,
  state: PacingState,
  now: number,
  options: { windowMs: number; max: number; attemptMs: number },
): number {
  let count = 0;
  let at = now;
  for (let s = state; count < options.max && !limitReached(pacing, s); count++) {
    if (count > 0) at = Math.max(at + options.attemptMs, nextAllowedAt(pacing, s));
    if (at - now >= options.windowMs) break;
    s = afterAttempt(pacing, s, at + options.attemptMs, { sent: true });
  }
  return Math.max(1, count);
}

/** Local midnight at the start of the day containing `at` (the office's calendar day). */
export function startOfLocalDay(at: number): number {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

export function startOfNextLocalDay(at: number): number {
  const day = new Date(startOfLocalDay(at));
  day.setDate(day.getDate() + 1);
  return day.getTime();
}

function restsLikeAPause(pacing: Pacing, gap: number): boolean {
  return pacing.pauseEvery > 0 && gap >= pacing.pauseMs;
}
