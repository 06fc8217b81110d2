// What one run of the sending engine takes and gives back: its options, the progress it
// reports while it sends and the summary it ends with (runOutbox, in engine.ts).
import type { SendProgress, RunSummary } from '../../src-shared/domain/outbox.js';
import type { Language } from '../../src-shared/i18n/catalog.js';
import type { Actor } from '../workstation/identity.js';
import type { Db } from '../db/connection.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import type { MailTransport } from '../mail/transport.js';
import type { FailureSentence } from './failure-text.js';
import type { PacingLimit } from './pacing.js';

/** Opens the transport of one mail account; the engine reuses it for the whole run. */
export type TransportFactory = (accountId: number) => Promise<MailTransport>;

/** How the run waits (injectable for tests): resolves early when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RunOutboxOptions {
  db: Db;
  folder: DataFolder;
  transportFactory: TransportFactory;
  actor: Actor;
  onProgress?: (progress: EngineProgress) => void;
  /** Called once when another engine holds the lease and `waitForLease` is set. */
  onWaitingForLease?: (holderLabel: string) => void;
  /**
   * Aborting pauses the run after the message being sent, never in the middle of one; those
   * taken ahead but not yet handed over go back to the queue as if never taken.
   */
  signal?: AbortSignal;
  /** Keep running until the messages waiting for a later attempt are sent or given up. */
  untilDone?: boolean;
  /**
   * A bulk send still being prepared: when nothing is due, the run asks this instead of
   * ending; it resolves true when more messages may have been queued (the run looks again,
   * on the same connection), false when no more will come.
   */
  more?: () => Promise<boolean>;
  /**
   * Called once when the run ended, with what it did (the staff notifications): never
   * fails the run, and is not called for a run that never got the lease.
   */
  afterRun?: (report: RunReport) => Promise<void>;
  /** Wait for another engine to finish instead of failing with who holds the lease. */
  waitForLease?: boolean;
  leaseTtlMs?: number;
  /**
   * How long a write waits for a database out of reach (folder moved, network drive gone)
   * before the run gives up; 0 (default): at once. The robot waits, the window does not.
   */
  outagePatienceMs?: number;
  /** Language of the stop message (the journal is written in French, the office's language). */
  language?: Language;
  now?: () => number;
  sleep?: Sleep;
}

export interface EngineProgress extends SendProgress {
  /** Messages this run handled plus those still due: the "120" of "3/120 envoyés". */
  total: number;
}

export interface EngineRunSummary extends RunSummary {
  /** When the next message may go (a retry, or tomorrow after the daily limit); ISO. */
  nextSendAt: string | null;
  limitReached: PacingLimit | null;
  cancelled: boolean;
}

/** What one run did, for what follows it (the staff notifications): its messages by outcome. */
export interface RunReport {
  /** The run's own key (its lease holder): a notification is sent once per run and event. */
  runKey: string;
  actor: Actor;
  summary: EngineRunSummary;
  /**
   * Messages this run sent, failed for good, or marked uncertain (those it left so and
   * those an engine that died had left `sending`), in the order they ended.
   */
  sentIds: number[];
  failedIds: number[];
  uncertainIds: number[];
  /** Accounts that refused to open or to authenticate: the user must reconnect them. */
  accountProblems: AccountProblem[];
}

export interface AccountProblem {
  accountId: number;
  label: string;
  /** Why, in the run's language; `said` says it again in another. */
  reason: string;
  said: FailureSentence | null;
}
