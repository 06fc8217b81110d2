// What a run tells while it sends and when it ends: its counters move as soon as the server
// answered (the progress shows it at once, before the outcome is written), and the summary
// reads the queue as it is left.
import type { RunSummary } from '../../src-shared/domain/outbox.js';
import type { Db } from '../db/connection.js';
import { earliestLaterAttempt, queueCounts, type QueueCounts } from '../db/outbox-engine-queue.js';
import type { Outcome } from './outcome.js';
import { startOfNextLocalDay, type PacingLimit } from './pacing.js';
import type { EngineProgress, EngineRunSummary } from './run-contract.js';

export class RunTally {
  sent = 0;
  failed = 0;
  /** Messages this run handed to a server. */
  handled = 0;
  /** The queue as last read, moved by this run's own attempts since. */
  queue: QueueCounts = { due: 0, later: 0, uncertain: 0 };
  /** An attempt ended since the progress was last reported. */
  progressOwed = false;
  /** The messages this run sent, failed for good or left uncertain (the run's report). */
  readonly ended = {
    sentIds: [] as number[],
    failedIds: [] as number[],
    uncertainIds: [] as number[],
  };

  /** A message is handed to the server: it leaves the due ones. */
  attemptStarted(): void {
    this.queue.due--;
    this.handled++;
    this.progressOwed = true;
  }

  /** The attempt's outcome, counted where it lands. */
  count({ change }: Outcome, messageId: number): void {
    if (change.uncountAttempt) {
      // The account was at fault: the message is back in the queue, its attempt not counted.
      this.queue.due++;
      this.handled--;
    } else if (change.status === 'sent') {
      this.sent++;
      this.ended.sentIds.push(messageId);
    } else if (change.status === 'failed') {
      this.failed++;
      this.ended.failedIds.push(messageId);
    } else if (change.status === 'uncertain') {
      this.queue.uncertain++;
      this.ended.uncertainIds.push(messageId);
    } else this.queue.later++;
  }

  /** The progress now, the next message due at `nextSendAt` (never shown in the past). */
  progress(nextSendAt: number | null, now: number): EngineProgress {
    this.progressOwed = false;
    return {
      sent: this.sent,
      failed: this.failed,
      retrying: Math.max(0, this.queue.later),
      uncertain: Math.max(0, this.queue.uncertain),
      remaining: Math.max(0, this.queue.due),
      nextSendAt: nextSendAt === null ? null : new Date(Math.max(nextSendAt, now)).toISOString(),
      total: this.handled + Math.max(0, this.queue.due),
    };
  }
}

/** How the run ended, beside its counters. */
export interface RunEnd {
  stoppedBy: RunSummary['stoppedBy'];
  limit: PacingLimit | null;
  cancelled: boolean;
}

export async function runSummary(
  db: Db,
  tally: RunTally,
  end: RunEnd,
  now: number,
): Promise<EngineRunSummary> {
  const nowIso = new Date(now).toISOString();
  const counts = await queueCounts(db, nowIso);
  const nextRetry = counts.later > 0 ? await earliestLaterAttempt(db, nowIso, []) : null;
  const nextSendAt =
    end.limit === 'day' ? new Date(startOfNextLocalDay(now)).toISOString() : nextRetry;
  return {
    sent: tally.sent,
    failed: tally.failed,
    retrying: counts.later,
    uncertain: counts.uncertain,
    // Exclusions happen when a send is prepared, never here.
    excluded: 0,
    remaining: counts.due,
    stoppedBy: end.stoppedBy,
    nextSendAt,
    limitReached: end.limit,
    cancelled: end.cancelled,
  };
}

/** A run that never started: cancelled while it waited for another engine's lease. */
export function cancelledBeforeStart(): EngineRunSummary {
  return {
    sent: 0,
    failed: 0,
    retrying: 0,
    uncertain: 0,
    excluded: 0,
    remaining: 0,
    stoppedBy: null,
    nextSendAt: null,
    limitReached: null,
    cancelled: true,
  };
}
