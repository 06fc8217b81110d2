// The sending engine: takes the validated messages that are due and hands each to its
// account's transport at the account's pace. Exactly-once across crashes: a message is marked
// `sending` (committed) before the server sees it and `sent` (committed) after the server
// accepted it; one left `sending` by an engine that died becomes `uncertain` and is never sent
// again without the user's decision, and so does one whose server may have it but never said
// so. Every failure is recorded with the server's reply, so that nothing is lost and
// everything can be retried.
//
// Where each part lives: the run loop (outbox-run.ts), claims in batches (claims.ts), group
// commits (group-commit.ts), what an attempt comes to (outcome.ts, pure), the pacing
// (pacing.ts), the retry policy (retry-policy.ts), the lease (lease.ts), and why a run stops
// sending from an account (run-stops.ts): its server out of order (account-outage.ts) or too
// many refusals in a row (auto-pause-setting.ts). This file is what
// the app wires: one run, and the engine's façade.
import type { Language } from '../../src-shared/i18n/catalog.js';
import { currentActor, type Actor } from '../workstation/identity.js';
import { heapKeeper } from '../workstation/heap-keeper.js';
import type { Db } from '../db/connection.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { lastJournalId, uncertainSince } from '../db/notification-queries.js';
import {
  exportJournalCsv,
  journalCsvFile,
  type JournalCsvFile,
  type JournalExportOptions,
  type JournalExportResult,
} from '../outbox/journal-export.js';
import {
  messageDetail,
  outboxStatus,
  type MessageDetail,
  type OutboxSearch,
  type OutboxStatus,
} from '../outbox/outbox-status.js';
import { resolveUncertain, type UncertainDecision } from '../outbox/uncertain.js';
import {
  parkPassedSchedules,
  readScheduleLimitHours,
  reschedule,
  writeScheduleLimitHours,
  type RescheduleOutcome,
  type RescheduleTarget,
} from '../outbox/schedule.js';
import type { TestCopy } from '../prepare/test-copy.js';
import { deliverTestCopy, type TestCopySent } from './test-copy.js';
import { readAutoPauseAfter, writeAutoPauseAfter } from './auto-pause-setting.js';
import { DEFAULT_LEASE_TTL_MS, holdLease, newHolderId } from './lease.js';
import { OutboxRun } from './outbox-run.js';
import { cancelledBeforeStart } from './run-progress.js';
import type { EngineRunSummary, RunOutboxOptions, TransportFactory } from './run-contract.js';

export type {
  EngineProgress,
  EngineRunSummary,
  RunOutboxOptions,
  TransportFactory,
} from './run-contract.js';

/** One run: holds the lease (or waits for it), sends what is due, and lets the lease go. */
export async function runOutbox(options: RunOutboxOptions): Promise<EngineRunSummary> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
  // A schedule missed by more than the limit (the PC was off) waits for the user's decision.
  await parkPassedSchedules(options.db, now(), options.actor);
  const lease = await holdLease(options.db, {
    holderId: newHolderId(),
    actor: options.actor,
    ttlMs: options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS,
    now,
    waitForLease: options.waitForLease ?? false,
    sleep,
    ...(options.signal && { signal: options.signal }),
    ...(options.onWaitingForLease && { onWaiting: options.onWaitingForLease }),
  });
  if (!lease) return cancelledBeforeStart();
  // Only the lease's holder marks messages uncertain: those marked from here on are this
  // run's, whether it left them so or found them left by an engine that died.
  const journalMark = options.afterRun ? await lastJournalId(options.db).catch(() => null) : null;
  const run = new OutboxRun(options, lease, now, sleep);
  let summary: EngineRunSummary;
  try {
    summary = await run.execute();
  } finally {
    await run.closeTransports();
    await lease.release().catch(() => undefined);
  }
  // What follows a run (the staff notifications) never turns a finished run into a failure.
  if (!options.afterRun) return summary;
  const ended = { ...run.tally.ended, accountProblems: run.stops.accountProblems };
  const report = { runKey: lease.holderId, actor: options.actor, summary, ...ended };
  const uncertainIds =
    journalMark === null
      ? ended.uncertainIds
      : await uncertainSince(options.db, journalMark).catch(() => ended.uncertainIds);
  await options.afterRun({ ...report, uncertainIds }).catch(() => undefined);
  return summary;
}

/** Resolves after `ms`, or at once when the signal aborts (the loop then sees the abort). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

// ------------------------------------------------------------ the service the app wires

export type SendEngineRunOptions = Partial<
  Pick<
    RunOutboxOptions,
    | 'actor'
    | 'onProgress'
    | 'onWaitingForLease'
    | 'signal'
    | 'untilDone'
    | 'more'
    | 'waitForLease'
    | 'language'
    | 'outagePatienceMs'
  >
>;

/** What the CLI, the host and the window use: the engine, its status and its journal. */
export interface SendEngine {
  run(options?: SendEngineRunOptions): Promise<EngineRunSummary>;
  status(search?: OutboxSearch): Promise<OutboxStatus>;
  messageDetail(id: number): Promise<MessageDetail>;
  resolveUncertain(id: number, decision: UncertainDecision, actor?: Actor): Promise<void>;
  exportJournal(outFile: string, options?: JournalExportOptions): Promise<JournalExportResult>;
  /** The same export as a named file's bytes, for the window to save. */
  journalCsvFile(options: JournalExportOptions & { language: Language }): Promise<JournalCsvFile>;
  /** Refusals in a row before a run stops sending from an account (0: never; default 5). */
  autoPauseAfterFailures(): Promise<number>;
  /** Saves it, as a number or as typed (the CLI); a UserError names the bounds. */
  setAutoPauseAfterFailures(count: number | string): Promise<number>;
  /** Sends a test copy now, outside the queue (send/test-copy.ts). */
  deliverTestCopy(copy: TestCopy, actor?: Actor): Promise<TestCopySent>;
  /** Moves a batch or messages to another time (as typed), or to now (null). */
  reschedule(
    target: RescheduleTarget,
    notBefore: string | null,
    actor?: Actor,
  ): Promise<RescheduleOutcome>;
  /** Hours after which a missed schedule waits for a decision (default 24). */
  scheduleLimitHours(): Promise<number>;
  setScheduleLimitHours(hours: number | string): Promise<number>;
}

export function createSendEngine(deps: {
  db: Db;
  folder: DataFolder;
  transportFactory: TransportFactory;
  /** What follows each run: the staff notifications (notifications/, wired by the app). */
  afterRun?: RunOutboxOptions['afterRun'];
}): SendEngine {
  return {
    run: (options = {}) => {
      const keepHeapSmall = heapKeeper();
      return runOutbox({
        ...deps,
        actor: currentActor(),
        ...options,
        // Told after each message: the moment to collect the garbage sending leaves.
        onProgress: (progress) => {
          keepHeapSmall();
          options.onProgress?.(progress);
        },
      });
    },
    status: (search) => outboxStatus(deps.db, search),
    messageDetail: (id) => messageDetail(deps.db, id),
    resolveUncertain: (id, decision, actor = currentActor()) =>
      resolveUncertain(deps.db, id, decision, actor),
    exportJournal: (outFile, options) => exportJournalCsv(deps.db, outFile, options),
    journalCsvFile: (options) => journalCsvFile(deps.db, options),
    autoPauseAfterFailures: () => readAutoPauseAfter(deps.db),
    setAutoPauseAfterFailures: (count) => writeAutoPauseAfter(deps.db, count),
    deliverTestCopy: (copy, actor) => deliverTestCopy(deps, copy, actor),
    reschedule: (target, notBefore, actor = currentActor()) =>
      reschedule(deps.db, target, notBefore, actor),
    scheduleLimitHours: () => readScheduleLimitHours(deps.db),
    setScheduleLimitHours: (hours) => writeScheduleLimitHours(deps.db, hours),
  };
}
