// The sending engine: takes the validated messages that are due and hands each to its
// account's transport at the account's pace. Exactly-once across crashes: a message is marked
// `sending` (committed) before the server sees it and `sent` (committed) after the server
// accepted it; one left `sending` by an engine that died becomes `uncertain` and is never sent
// again without the user's decision, and so does one whose server may have it but never said
// so. Every failure is recorded with the server's reply, so that nothing is lost and
// everything can be retried.
//
// Commits are what an exactly-once engine pays for (synchronous, on a disk or a network
// drive), so when the pacing lets messages go back to back they are shared: one transaction
// takes the next few messages (as many as the account's pacing and its server's pace let go
// within CLAIM_WINDOW_MS, at most CLAIM_BATCH) and writes the outcomes of the ones before
// (every GROUP_SIZE outcomes or GROUP_MS, whichever first). A crash then leaves the messages
// taken but not yet recorded `uncertain` (never sent twice, never lost): at most one claim
// window's worth. With a delay of CLAIM_WINDOW_MS or more, one message per claim, as before.
// While one message is with the server, the transport builds the next (MIME, files).
import path from 'node:path';
import type {
  SendProgress,
  RunSummary,
  MessageAttachment,
  SendJournalEvent,
} from '../../src-shared/domain/outbox.js';
import type { Pacing } from '../../src-shared/domain/mail.js';
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { isUserError, UserError } from '../../src-shared/errors.js';
import { currentActor, type Actor } from '../workstation/identity.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as q from '../db/outbox-engine-queue.js';
import { countSentSince, recentAttemptEnds } from '../db/outbox-engine-pacing-history.js';
import { findMailAccountById } from '../db/mail-account-queries.js';
import {
  refreshDocumentEmailState,
  refreshDocumentEmailStates,
} from '../db/outbox-prepare-queries.js';
import type { MailAccountRow, MessageRow } from '../db/schema.js';
import { pacingFromRow } from '../db/mail-account-pacing.js';
import {
  appendJournal,
  appendJournalEvents,
  type JournalEventInput,
} from '../db/send-journal-queries.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import {
  SendFailure,
  type MailTransport,
  type OutgoingMessage,
  type SendResult,
} from '../mail/transport.js';
import {
  exportJournalCsv,
  withoutSin,
  type JournalExportOptions,
  type JournalExportResult,
} from '../outbox/journal-export.js';
import {
  jsonList,
  messageDetail,
  outboxStatus,
  type MessageDetail,
  type OutboxSearch,
  type OutboxStatus,
} from '../outbox/outbox-status.js';
import { resolveUncertain, type UncertainDecision } from '../outbox/uncertain.js';
import { DEFAULT_LEASE_TTL_MS, holdLease, newHolderId, type HeldLease } from './lease.js';
import { decideAfterFailure, isRateLimited } from './retry-policy.js';
import {
  afterAttempt,
  historyDepth,
  limitReached,
  messagesDueWithin,
  nextAllowedAt,
  pacingStateFromHistory,
  startOfLocalDay,
  startOfNextLocalDay,
  type PacingLimit,
  type PacingState,
} from './pacing.js';

/** Opens the transport of one mail account; the engine reuses it for the whole run. */
export type TransportFactory = (accountId: number) => Promise<MailTransport>;

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
  /** Wait for another engine to finish instead of failing with who holds the lease. */
  waitForLease?: boolean;
  leaseTtlMs?: number;
  /** Language of the stop message (the journal is written in French, the office's language). */
  language?: Language;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
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

interface AccountRun {
  id: number;
  label: string;
  pacing: Pacing;
  state: PacingState;
  /** Local midnight ending the day `state.sentToday` counts. */
  dayEndsAt: number;
  transport: MailTransport | null;
  limited: PacingLimit | null;
  /** How long an attempt takes with this account's server (moving average); null: not seen yet. */
  attemptMs: number | null;
}

type SendNext = { kind: 'send'; messageId: number; account: AccountRun; readyAt: number };
type Next = SendNext | { kind: 'wait'; until: number } | { kind: 'done' };

/** A message marked `sending` by this engine (committed), not yet handed to the server. */
interface Claimed {
  row: MessageRow;
  /** The dossier's SIN, only to keep it out of the journal. */
  sin: string | null;
  account: AccountRun;
  /** Made while the message before it was on its way, for the transport to build ahead. */
  message?: OutgoingMessage;
}

/** An attempt that ended; its outcome waits to be written with the others of its group. */
interface Attempted {
  claimed: Claimed;
  startedAt: number;
  endedAt: number;
  outcome: Outcome;
}

/** What an attempt comes to: the message's change and its journal event. */
interface Outcome {
  change: Omit<q.OutcomeChange, 'id'>;
  event: { event: SendJournalEvent; detail: string };
  /** Set when the account is at fault: the run stops after recording this. */
  stopReason?: string;
}

/** Candidates read at once, in id order: one short query per batch, not one per message. */
const CANDIDATE_BATCH = 200;
/** At most this many messages taken by one claim... */
export const CLAIM_BATCH = 25;
/** ...those the pacing and the server's pace let start within this window. */
const CLAIM_WINDOW_MS = 200;
/** Outcomes written together: this many, or once the oldest has waited this long. */
const GROUP_SIZE = CLAIM_BATCH;
const GROUP_MS = 250;
/** Messages built ahead while one is with the server. */
const BUILD_AHEAD = 2;
/** Before a message, the lease is read again when last confirmed longer ago than this. */
const LEASE_CHECK_MS = 20;
/** Writing an outcome on a database kept busy by another workstation: tries, and the wait between. */
const OUTCOME_WRITE_ATTEMPTS = 5;
const OUTCOME_RETRY_MS = 1_000;
/** Waiting for retries, look again this often (a user may validate more messages meanwhile). */
const IDLE_RECHECK_MS = 30_000;

export async function runOutbox(options: RunOutboxOptions): Promise<EngineRunSummary> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? abortableSleep;
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
  const run = new OutboxRun(options, lease, now, sleep);
  try {
    return await run.execute();
  } finally {
    await run.closeTransports();
    await lease.release().catch(() => undefined);
  }
}

class OutboxRun {
  private readonly db: Db;
  private readonly accounts = new Map<number, AccountRun>();
  private candidates: { id: number; account_id: number }[] = [];
  private queue: q.QueueCounts = { due: 0, later: 0, uncertain: 0 };
  /** Taken by the last claim, not yet handed to the server, in order. */
  private claimed: Claimed[] = [];
  /** Handed to the server, outcome not yet written. */
  private attempted: Attempted[] = [];
  /** When the lease was last seen ours in the database. */
  private leaseConfirmedAt = 0;
  private sent = 0;
  private failed = 0;
  private handled = 0;
  private progressOwed = false;
  private stoppedBy: RunSummary['stoppedBy'] = null;
  private limit: PacingLimit | null = null;
  private cancelled = false;
  /** Whether run_started was journaled: run_finished then closes it. */
  private startJournaled = false;
  private readonly language: Language;

  constructor(
    private readonly options: RunOutboxOptions,
    private readonly lease: HeldLease,
    private readonly now: () => number,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {
    this.db = options.db;
    this.language = options.language ?? 'fr';
  }

  async execute(): Promise<EngineRunSummary> {
    const orphans = await this.recoverOrphans();
    this.queue = await q.queueCounts(this.db, this.nowIso());
    // A run with nothing to do leaves no trace: a background sender looks often.
    const worthJournaling =
      this.queue.due > 0 || orphans > 0 || (!!this.options.untilDone && this.queue.later > 0);
    // Following a preparation with nothing queued yet: journaled at its first claim, if any.
    if (worthJournaling) await this.journalStart();
    try {
      await this.loop();
    } catch (error) {
      // What the server said must not be lost with the run: write it if the database lets us.
      await this.flush(true).catch(() => undefined);
      throw error;
    }
    const summary = await this.summary();
    if (this.startJournaled) {
      await this.journalRun('run_finished', 'outbox.journal.runFinished', {
        sent: summary.sent,
        failed: summary.failed,
        retrying: summary.retrying,
        uncertain: summary.uncertain,
        remaining: summary.remaining,
      });
    }
    return summary;
  }

  private async journalStart(): Promise<void> {
    this.startJournaled = true;
    await this.journalRun('run_started', 'outbox.journal.runStarted', { due: this.queue.due });
  }

  async closeTransports(): Promise<void> {
    for (const account of this.accounts.values()) await this.dropTransport(account);
  }

  // ------------------------------------------------------------ the loop

  private async loop(): Promise<void> {
    for (;;) {
      if (this.claimed.length === 0 && !(await this.claimNext())) return;
      const claimed = this.claimed[0]!;
      const ready = await this.readyFor(claimed);
      if (ready === 'stop') return;
      if (ready === 'released') continue;
      this.claimed.shift();
      const attempted = await this.attempt(claimed);
      this.attempted.push(attempted);
      const { stopReason } = attempted.outcome;
      if (stopReason !== undefined) {
        await this.flush(true);
        await this.stopForAccount(claimed.account, stopReason);
        return;
      }
      const next = this.claimed[0];
      if (next) {
        this.reportProgressAt(nextAllowedAt(next.account.pacing, next.account.state));
        // The last outcomes of a claim are written with the next claim, in one commit.
        if (this.groupDue()) await this.flush();
      }
    }
  }

  /**
   * Takes the next messages to send, writing the outcomes waiting to be written in the same
   * transaction; false when the run is over (nothing left, cancelled, account stopped).
   */
  private async claimNext(): Promise<boolean> {
    for (;;) {
      if (this.options.signal?.aborted) {
        await this.flush();
        this.cancelled = true;
        return false;
      }
      // Should looking ahead fail (a busy database), execute() still writes the outcomes.
      const next = await this.pickNext();
      this.reportProgress(next);
      if (next.kind === 'done') {
        await this.flush();
        if (await this.moreToCome()) continue;
        // Aborted while waiting: the top of the loop ends the run as cancelled.
        if (this.options.signal?.aborted) continue;
        return false;
      }
      const readyAt = next.kind === 'send' ? next.readyAt : next.until;
      const wait = readyAt - this.now();
      if (wait > 0) {
        await this.flush();
        await this.sleep(
          next.kind === 'wait' ? Math.min(wait, IDLE_RECHECK_MS) : wait,
          this.options.signal,
        );
        continue;
      }
      // Retries fell due: read the queue again. Aborted meanwhile: stop at the top.
      if (next.kind === 'wait') this.candidates = [];
      if (next.kind === 'wait' || this.options.signal?.aborted) continue;
      if (!(await this.transportFor(next.account))) {
        await this.flush();
        return false;
      }
      const ids = this.takeCandidates(next);
      const taken = await this.writeInsistently(async (tx) => {
        await this.writeAttempted(tx);
        return this.take(tx, ids, next.account);
      });
      this.attempted = [];
      if (taken === 'lost') throw this.leaseLost();
      if (taken.length > 0) {
        this.claimed = taken;
        if (!this.startJournaled) await this.journalStart();
        return true;
      }
    }
  }

  /** Whether a bulk send being prepared queued more messages (false once it is done or aborted). */
  private async moreToCome(): Promise<boolean> {
    const { more, signal } = this.options;
    if (!more || signal?.aborted) return false;
    let stop = () => {};
    const aborted = new Promise<false>((resolve) => {
      stop = () => resolve(false);
      signal?.addEventListener('abort', stop, { once: true });
    });
    try {
      return await Promise.race([more(), aborted]);
    } finally {
      signal?.removeEventListener('abort', stop);
    }
  }

  /** The next message to send and when its account allows it, or when to look again. */
  private async pickNext(): Promise<Next> {
    const now = this.now();
    if (this.candidates.length === 0) await this.readCandidates(now);
    if (this.candidates.length === 0) {
      if (!this.options.untilDone) return { kind: 'done' };
      const at = await q.earliestLaterAttempt(
        this.db,
        new Date(now).toISOString(),
        this.limitedAccounts(),
      );
      return at ? { kind: 'wait', until: Date.parse(at) } : { kind: 'done' };
    }
    let best: SendNext | null = null;
    const seen = new Set<number>();
    for (const candidate of this.candidates) {
      if (seen.has(candidate.account_id)) continue;
      seen.add(candidate.account_id);
      const account = await this.account(candidate.account_id, now);
      if (account.limited) continue;
      const readyAt = nextAllowedAt(account.pacing, account.state);
      if (!best || readyAt < best.readyAt)
        best = { kind: 'send', messageId: candidate.id, account, readyAt };
    }
    if (best) return best;
    // Every account with candidates reached a limit: leave their messages for later.
    this.candidates = [];
    return this.pickNext();
  }

  /**
   * The claim for `next`: its account's first candidates, as many as can go within the claim
   * window at the pace of the account and of its server (one until the server's pace is known):
   * a crash never leaves more than that window's worth of messages taken but not handed over.
   */
  private takeCandidates(next: SendNext): number[] {
    const { pacing, state, attemptMs } = next.account;
    const size =
      attemptMs === null
        ? 1
        : messagesDueWithin(pacing, state, this.now(), {
            windowMs: CLAIM_WINDOW_MS,
            max: CLAIM_BATCH,
            attemptMs,
          });
    const ids: number[] = [];
    this.candidates = this.candidates.filter((c) => {
      const take = c.account_id === next.account.id && ids.length < size;
      if (take) ids.push(c.id);
      return !take;
    });
    return ids;
  }

  private async readCandidates(now: number): Promise<void> {
    // The queue as it is, with this run's own outcomes in it (a retry now due, say).
    await this.flush();
    const nowIso = new Date(now).toISOString();
    this.candidates = await q.dueCandidates(
      this.db,
      nowIso,
      this.limitedAccounts(),
      CANDIDATE_BATCH,
    );
    // Re-synchronise the counts shown in the progress with what other workstations did.
    this.queue = await q.queueCounts(this.db, nowIso);
  }

  private limitedAccounts(): number[] {
    return [...this.accounts.values()].filter((a) => a.limited).map((a) => a.id);
  }

  private async account(accountId: number, now: number): Promise<AccountRun> {
    let account = this.accounts.get(accountId);
    if (!account) {
      const row = await findMailAccountById(this.db, accountId);
      if (!row) throw new Error(`mail account ${accountId} of a queued message does not exist`);
      const pacing = pacingFromRow(row);
      const ends = await recentAttemptEnds(this.db, accountId, historyDepth(pacing));
      const sentToday = await countSentSince(
        this.db,
        accountId,
        new Date(startOfLocalDay(now)).toISOString(),
      );
      account = {
        id: accountId,
        label: accountLabel(row),
        pacing,
        state: pacingStateFromHistory(pacing, ends.map(Date.parse), sentToday),
        dayEndsAt: startOfNextLocalDay(now),
        transport: null,
        limited: null,
        attemptMs: null,
      };
      this.accounts.set(accountId, account);
    }
    if (now >= account.dayEndsAt) {
      // A run across midnight: the daily count starts again.
      account.state = { ...account.state, sentToday: 0 };
      account.dayEndsAt = startOfNextLocalDay(now);
    }
    const limit = limitReached(account.pacing, account.state);
    if (limit && !account.limited) {
      account.limited = limit;
      this.limit ??= limit;
      this.candidates = this.candidates.filter((c) => c.account_id !== accountId);
    }
    return account;
  }

  // ------------------------------------------------------------ one message

  /** Marks the messages `sending` (committed before the server sees them), lease checked. */
  private async take(tx: Db, ids: number[], account: AccountRun): Promise<Claimed[] | 'lost'> {
    if (!(await this.lease.renew(tx))) return 'lost';
    this.leaseConfirmedAt = this.now();
    const rows = await q.claimForSending(tx, ids, this.lease.holderId, this.nowIso());
    return rows.map(({ dossier_sin: sin, ...row }) => ({ row, sin, account }));
  }

  /**
   * Before handing a claimed message over: waits for the pacing, and checks that the run may
   * go on. Otherwise the claimed messages are given back ('released', the loop then finds out
   * why: cancelled, a long wait asked by the server) or the run ends ('stop').
   */
  private async readyFor({ account }: Claimed): Promise<'go' | 'released' | 'stop'> {
    const signal = this.options.signal;
    const wait = nextAllowedAt(account.pacing, account.state) - this.now();
    // Nothing stays `sending` through a long wait: a crash meanwhile would make it uncertain.
    if (signal?.aborted || wait >= CLAIM_WINDOW_MS) {
      await this.flush(true);
      return 'released';
    }
    if (wait > 0) await this.sleep(wait, signal);
    if (signal?.aborted) {
      await this.flush(true);
      return 'released';
    }
    if (!(await this.leaseStillOurs())) {
      await this.flush(true);
      throw this.leaseLost();
    }
    // After a failure the connection was dropped: open a new one for the next message.
    if (!(await this.transportFor(account))) {
      await this.flush(true);
      return 'stop';
    }
    return 'go';
  }

  /** Another engine may have taken over (this one froze past its lease, say). */
  private async leaseStillOurs(): Promise<boolean> {
    if (this.lease.lost) return false;
    if (this.now() - this.leaseConfirmedAt < LEASE_CHECK_MS) return true;
    if (!(await this.lease.confirm())) return false;
    this.leaseConfirmedAt = this.now();
    return true;
  }

  /** Hands the message to the server and works out what to record; writes nothing itself. */
  private async attempt(claimed: Claimed): Promise<Attempted> {
    const { row, account } = claimed;
    this.queue.due--;
    this.handled++;
    this.progressOwed = true;
    const startedAt = this.now();
    let message: OutgoingMessage;
    try {
      message = claimed.message ?? this.outgoingMessage(row);
    } catch (error) {
      return this.counted({
        claimed,
        startedAt,
        endedAt: startedAt,
        outcome: this.unsendable(error),
      });
    }
    this.buildNextAhead(account);
    let result: SendResult | null = null;
    let failure: unknown = null;
    try {
      result = await account.transport!.send(message);
    } catch (error) {
      failure = error;
    }
    const endedAt = this.now();
    account.state = afterAttempt(account.pacing, account.state, endedAt, { sent: result !== null });
    const took = endedAt - startedAt;
    account.attemptMs = account.attemptMs === null ? took : 0.7 * account.attemptMs + 0.3 * took;
    let outcome: Outcome;
    if (result) {
      outcome = this.sentOutcome(result, endedAt);
    } else {
      // A connection that just failed is not trusted for the next message.
      if (!(failure instanceof SendFailure) || failure.kind !== 'account')
        await this.dropTransport(account);
      outcome =
        failure instanceof SendFailure
          ? this.failureOutcome(row, account, failure, endedAt)
          : // Not a classified failure: we cannot tell whether the server kept the message.
            this.unexpectedOutcome(failure, endedAt);
    }
    return this.counted({ claimed, startedAt, endedAt, outcome });
  }

  /**
   * The next claimed message is made now, so that its transport can build it (read its
   * files, encode them) while this one is on its way. One that cannot be made is left for
   * its own attempt, which reports why.
   */
  private buildNextAhead(account: AccountRun): void {
    const transport = account.transport;
    if (!transport?.buildAhead) return;
    for (const next of this.claimed.slice(0, BUILD_AHEAD)) {
      if (next.message || next.account !== account) continue;
      try {
        next.message = this.outgoingMessage(next.row);
        transport.buildAhead(next.message);
      } catch {
        delete next.message;
      }
    }
  }

  /** The run's counters move as soon as the server answered (the progress shows it at once). */
  private counted(attempted: Attempted): Attempted {
    const { change, stopReason } = attempted.outcome;
    if (stopReason !== undefined) {
      // The account was at fault: the message is back in the queue, its attempt not counted.
      this.queue.due++;
      this.handled--;
    } else if (change.status === 'sent') this.sent++;
    else if (change.status === 'failed') this.failed++;
    else if (change.status === 'uncertain') this.queue.uncertain++;
    else this.queue.later++;
    return attempted;
  }

  private groupDue(): boolean {
    const oldest = this.attempted[0];
    return (
      oldest !== undefined &&
      (this.attempted.length >= GROUP_SIZE || this.now() - oldest.endedAt >= GROUP_MS)
    );
  }

  /**
   * Writes the outcomes waiting to be written and, with `release`, gives back the messages
   * claimed but not handed over: one transaction, nothing when there is nothing to write.
   */
  private async flush(release = false): Promise<void> {
    const giveBack = release ? this.claimed.splice(0).map((c) => c.row.id) : [];
    if (this.attempted.length === 0 && giveBack.length === 0) return;
    await this.writeInsistently(async (tx) => {
      await this.writeAttempted(tx);
      await q.releaseClaims(tx, giveBack, this.lease.holderId, this.nowIso());
    });
    this.attempted = [];
  }

  /**
   * The outcomes of the attempts waiting to be written, their journal events (each at the
   * time it happened) and their documents' e-mail state, in the caller's transaction. An
   * outcome is not written for a message that is no longer ours (a user decided meanwhile).
   */
  private async writeAttempted(tx: Db): Promise<void> {
    if (this.attempted.length === 0) return;
    const written = await q.recordOutcomes(
      tx,
      this.lease.holderId,
      this.attempted.map(({ claimed, outcome }) => ({ id: claimed.row.id, ...outcome.change })),
    );
    const events: JournalEventInput[] = [];
    const documents: number[] = [];
    for (const { claimed, startedAt, endedAt, outcome } of this.attempted) {
      const { row, sin, account } = claimed;
      const about = { actor: this.options.actor, messageId: row.id, documentId: row.document_id };
      events.push({
        ...about,
        at: new Date(startedAt).toISOString(),
        event: 'sending',
        detail: translate('fr', 'outbox.journal.sending', {
          attempt: row.attempts,
          max: account.pacing.maxAttempts,
          subject: withoutSin(row.subject, sin),
        }),
        serverReply: null,
      });
      if (!written.has(row.id)) continue;
      events.push({
        ...about,
        ...outcome.event,
        at: new Date(endedAt).toISOString(),
        serverReply: outcome.change.reply,
      });
      documents.push(row.document_id);
    }
    await appendJournalEvents(tx, events);
    await refreshDocumentEmailStates(tx, documents);
  }

  /**
   * Writes what the server said about a message: if another workstation holds the database
   * past the busy timeout, try again rather than leave the message `sending` (it would then
   * turn `uncertain` and need the user's decision).
   */
  private async writeInsistently<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await writeTransaction(this.db, work);
      } catch (error) {
        const busy = isUserError(error) && error.code === 'error.database.busy';
        if (!busy || attempt >= OUTCOME_WRITE_ATTEMPTS) throw error;
        await this.sleep(OUTCOME_RETRY_MS);
      }
    }
  }

  private leaseLost(): UserError {
    return new UserError('outbox.error.leaseLost', { holder: this.lease.lost ?? '?' });
  }

  private async transportFor(account: AccountRun): Promise<MailTransport | null> {
    if (account.transport) return account.transport;
    try {
      account.transport = await this.options.transportFactory(account.id);
    } catch (error) {
      if (!(error instanceof SendFailure) && !isUserError(error)) throw error;
      const reason =
        error instanceof SendFailure
          ? error.message
          : translate(this.language, error.code, error.params);
      await writeTransaction(this.db, (tx) =>
        appendJournal(tx, {
          event: 'account_error',
          actor: this.options.actor,
          detail: translate('fr', 'outbox.journal.accountError', { reason }),
          serverReply: error instanceof SendFailure ? error.reply : null,
        }),
      );
      await this.stopForAccount(account, reason);
      return null;
    }
    // A method that cannot pace (a mail client opening windows) sends without waiting.
    if (!account.transport.canPace) {
      account.pacing = { ...account.pacing, delayMs: 0, pauseEvery: 0, pauseMs: 0 };
    }
    return account.transport;
  }

  private outgoingMessage(row: MessageRow): OutgoingMessage {
    const attachments = jsonList<MessageAttachment>(row.attachments);
    return {
      messageIdHeader: row.message_id_header,
      from: { name: row.from_name, address: row.from_address },
      replyTo: row.reply_to,
      to: jsonList<string>(row.to_addresses),
      cc: jsonList<string>(row.cc_addresses),
      bcc: jsonList<string>(row.bcc_addresses),
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      attachments: attachments.map((a) => ({
        fileName: a.fileName,
        absolutePath: this.options.folder.resolve(a.path),
        contentType: contentTypeOf(a.fileName),
      })),
      readReceiptTo: row.read_receipt ? (row.reply_to ?? row.from_address) : null,
      date: new Date(this.now()),
    };
  }

  // ------------------------------------------------------------ outcomes

  private sentOutcome(result: SendResult, endedAt: number): Outcome {
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
      event: { event: 'sent', detail: translate('fr', 'outbox.journal.sent') },
    };
  }

  private failureOutcome(
    row: MessageRow,
    account: AccountRun,
    failure: SendFailure,
    endedAt: number,
  ): Outcome {
    const reason = endWithPeriod(failure.message);
    const decision = decideAfterFailure(failure.kind, row.attempts, account.pacing);
    const stamp = { nowIso: new Date(endedAt).toISOString(), error: reason, reply: failure.reply };
    switch (decision.action) {
      case 'stop':
        return {
          change: { ...stamp, status: 'validated', uncountAttempt: true },
          event: {
            event: 'account_error',
            detail: translate('fr', 'outbox.journal.accountError', { reason }),
          },
          stopReason: reason,
        };
      case 'uncertain':
        return {
          change: { ...stamp, status: 'uncertain' },
          event: {
            event: 'uncertain',
            detail: translate('fr', 'outbox.journal.uncertainNoReply', { reason }),
          },
        };
      case 'retry': {
        const nextAt = endedAt + decision.delayMs;
        if (isRateLimited(failure)) account.state = { ...account.state, notBefore: nextAt };
        return {
          change: { ...stamp, status: 'validated', nextAttemptAt: new Date(nextAt).toISOString() },
          event: {
            event: 'retry_scheduled',
            detail: translate('fr', 'outbox.journal.retry', {
              reason,
              at: clockText(nextAt),
              attempt: row.attempts + 1,
              max: account.pacing.maxAttempts,
            }),
          },
        };
      }
      case 'fail': {
        const detail =
          decision.because === 'permanent'
            ? translate('fr', 'outbox.journal.failedPermanent', { reason })
            : translate('fr', 'outbox.journal.failedAttemptsSpent', { attempts: row.attempts });
        // After the last attempt, "will be retried" would no longer be true: say it was given up.
        const error = decision.because === 'permanent' ? reason : detail;
        return {
          change: { ...stamp, error, status: 'failed', nextAttemptAt: null },
          event: { event: 'failed', detail },
        };
      }
    }
  }

  /** Could not even be handed to the server (a file path refused...): failed, surely not sent. */
  private unsendable(error: unknown): Outcome {
    const reason = errorText(error);
    return {
      change: {
        status: 'failed',
        nextAttemptAt: null,
        nowIso: this.nowIso(),
        error: reason,
        reply: null,
      },
      event: {
        event: 'failed',
        detail: translate('fr', 'outbox.journal.failedUnsendable', { reason }),
      },
    };
  }

  private unexpectedOutcome(error: unknown, endedAt: number): Outcome {
    const reason = errorText(error);
    return {
      change: {
        status: 'uncertain',
        nowIso: new Date(endedAt).toISOString(),
        error: reason,
        reply: null,
      },
      event: {
        event: 'uncertain',
        detail: translate('fr', 'outbox.journal.uncertainUnexpected', { reason }),
      },
    };
  }

  private async stopForAccount(account: AccountRun, reason: string): Promise<void> {
    const counts = await q.queueCounts(this.db, this.nowIso());
    this.stoppedBy = {
      code: 'outbox.stopped.account',
      message: translate(this.language, 'outbox.stopped.account', {
        account: account.label,
        reason: endWithPeriod(reason),
        remaining: counts.due,
      }),
    };
  }

  // ------------------------------------------------------------ recovery, progress, summary

  /** Messages a dead engine left `sending` become `uncertain`: the server may have them. */
  private async recoverOrphans(): Promise<number> {
    return writeTransaction(this.db, async (tx) => {
      const orphans = await q.markOrphansUncertain(tx, this.lease.holderId, this.nowIso());
      for (const orphan of orphans) {
        await appendJournal(tx, {
          event: 'uncertain',
          actor: this.options.actor,
          messageId: orphan.id,
          documentId: orphan.document_id,
          detail: translate('fr', 'outbox.journal.uncertainOrphan', {
            holder: orphan.sending_by?.split(':')[0] ?? '?',
          }),
        });
        await refreshDocumentEmailState(tx, orphan.document_id);
      }
      return orphans.length;
    });
  }

  private reportProgress(next: Next): void {
    if (!this.progressOwed) return;
    this.reportProgressAt(
      next.kind === 'send' ? next.readyAt : next.kind === 'wait' ? next.until : null,
    );
  }

  private reportProgressAt(nextSendAt: number | null): void {
    this.progressOwed = false;
    this.options.onProgress?.({
      sent: this.sent,
      failed: this.failed,
      retrying: Math.max(0, this.queue.later),
      uncertain: Math.max(0, this.queue.uncertain),
      remaining: Math.max(0, this.queue.due),
      nextSendAt:
        nextSendAt === null ? null : new Date(Math.max(nextSendAt, this.now())).toISOString(),
      total: this.handled + Math.max(0, this.queue.due),
    });
  }

  private async summary(): Promise<EngineRunSummary> {
    const nowIso = this.nowIso();
    const counts = await q.queueCounts(this.db, nowIso);
    const nextRetry = counts.later > 0 ? await q.earliestLaterAttempt(this.db, nowIso, []) : null;
    const nextSendAt =
      this.limit === 'day' ? new Date(startOfNextLocalDay(this.now())).toISOString() : nextRetry;
    return {
      sent: this.sent,
      failed: this.failed,
      retrying: counts.later,
      uncertain: counts.uncertain,
      // Exclusions happen when a send is prepared, never here.
      excluded: 0,
      remaining: counts.due,
      stoppedBy: this.stoppedBy,
      nextSendAt,
      limitReached: this.limit,
      cancelled: this.cancelled,
    };
  }

  private async journalRun(
    event: 'run_started' | 'run_finished',
    key: MessageKey,
    params: Record<string, number>,
  ): Promise<void> {
    await writeTransaction(this.db, (tx) =>
      appendJournal(tx, { event, actor: this.options.actor, detail: translate('fr', key, params) }),
    );
  }

  private async dropTransport(account: AccountRun): Promise<void> {
    const transport = account.transport;
    account.transport = null;
    await transport?.close().catch(() => undefined);
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }
}

// ------------------------------------------------------------ helpers

function accountLabel(row: MailAccountRow): string {
  return row.from_address ?? row.username ?? row.host ?? `n° ${row.id}`;
}

function cancelledBeforeStart(): EngineRunSummary {
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

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

function errorText(error: unknown): string {
  if (isUserError(error)) return translate('fr', error.code, error.params);
  return error instanceof Error ? error.message : String(error);
}

function endWithPeriod(text: string): string {
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
  >
>;

/** What the CLI, the host and the window use: the engine, its status and its journal. */
export interface SendEngine {
  run(options?: SendEngineRunOptions): Promise<EngineRunSummary>;
  status(search?: OutboxSearch): Promise<OutboxStatus>;
  messageDetail(id: number): Promise<MessageDetail>;
  resolveUncertain(id: number, decision: UncertainDecision, actor?: Actor): Promise<void>;
  exportJournal(outFile: string, options?: JournalExportOptions): Promise<JournalExportResult>;
}

export function createSendEngine(deps: {
  db: Db;
  folder: DataFolder;
  transportFactory: TransportFactory;
}): SendEngine {
  return {
    run: (options = {}) => runOutbox({ ...deps, actor: currentActor(), ...options }),
    status: (search) => outboxStatus(deps.db, search),
    messageDetail: (id) => messageDetail(deps.db, id),
    resolveUncertain: (id, decision, actor = currentActor()) =>
      resolveUncertain(deps.db, id, decision, actor),
    exportJournal: (outFile, options) => exportJournalCsv(deps.db, outFile, options),
  };
}
