// One run of the sending engine, lease held: takes the due validated messages in claims
// (claims.ts), waits for each account's pacing, hands each to its transport (which builds the
// next while one is with the server) and writes outcomes in group commits (group-commit.ts).
// Exactly-once: a message is `sending` (committed) before its server sees it; a crash leaves
// what was taken `uncertain` (recovered by the next run), never sent twice, never lost.
import type { Language } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import {
  dueCandidates,
  earliestLaterAttempt,
  queueCounts,
  releaseClaims,
} from '../db/outbox-engine-queue.js';
import { contentStoreFor, type DocumentContentStore } from '../documents/content-store.js';
import { SendFailure, type OutgoingMessage, type SendResult } from '../mail/transport.js';
import { RunAccounts, type AccountRun } from './account-run.js';
import {
  CANDIDATE_BATCH,
  CLAIM_WINDOW_MS,
  claimMessages,
  claimSize,
  takeCandidates,
  type Candidate,
  type Claimed,
} from './claims.js';
import { OutcomeGroup, writeInsistently, type Attempted } from './group-commit.js';
import type { HeldLease } from './lease.js';
import { attemptOutcome, unsendableOutcome } from './outcome.js';
import { buildAhead, outgoingMessage, readyMessage } from './outgoing-message.js';
import { afterAttempt, nextAllowedAt } from './pacing.js';
import { moreToCome } from './queue-feed.js';
import { readAutoPauseAfter } from './auto-pause-setting.js';
import { journalAccountError, journalRun, recoverOrphans } from './run-journal.js';
import { RunTally, runSummary } from './run-progress.js';
import { RunStops } from './run-stops.js';
import type { EngineRunSummary, RunOutboxOptions, Sleep } from './run-contract.js';

type SendNext = { kind: 'send'; messageId: number; account: AccountRun; readyAt: number };
type Next = SendNext | { kind: 'wait'; until: number } | { kind: 'done' };

/** Before a message, the lease is read again when last confirmed longer ago than this. */
const LEASE_CHECK_MS = 20;
/** Waiting for retries, look again this often (a user may validate more messages meanwhile). */
const IDLE_RECHECK_MS = 30_000;

export class OutboxRun {
  private readonly db: Db;
  private readonly accounts: RunAccounts;
  readonly tally = new RunTally();
  private candidates: Candidate[] = [];
  /** Taken by the last claim, not yet handed to the server, in order. */
  private claimed: Claimed[] = [];
  /** Handed to the server, outcome not yet written. */
  private readonly outcomes: OutcomeGroup;
  /** Set once the run starts: why it stopped sending from an account, if it did. */
  stops!: RunStops;
  private cancelled = false;
  /** Whether run_started was journaled: run_finished then closes it. */
  private startJournaled = false;
  private readonly language: Language;
  private readonly files: DocumentContentStore; // the data folder's, or the database's

  constructor(
    private readonly options: RunOutboxOptions,
    private readonly lease: HeldLease,
    private readonly now: () => number,
    private readonly sleep: Sleep,
  ) {
    this.db = options.db;
    this.files = contentStoreFor(this.db, options.folder);
    this.language = options.language ?? 'fr';
    this.accounts = new RunAccounts(this.db, options.transportFactory, this.language);
    this.outcomes = new OutcomeGroup(lease.holderId, options.actor);
  }

  async execute(): Promise<EngineRunSummary> {
    const { actor, untilDone } = this.options;
    const autoPauseAfter = await readAutoPauseAfter(this.db);
    this.stops = new RunStops(this.db, actor, this.language, autoPauseAfter);
    const orphans = await recoverOrphans(this.db, this.lease.holderId, actor, this.nowIso());
    const queue = await queueCounts(this.db, this.nowIso());
    this.tally.queue = queue;
    // A run with nothing to do leaves no trace: a background sender looks often.
    const worthJournaling = queue.due > 0 || orphans > 0 || (!!untilDone && queue.later > 0);
    // Following a preparation with nothing queued yet: journaled at its first claim, if any.
    if (worthJournaling) await this.journalStart();
    try {
      await this.loop();
    } catch (error) {
      // What the server said must not be lost with the run: write it if the database lets us.
      await this.flush(true).catch(() => undefined);
      throw error;
    }
    const summary = await runSummary(
      this.db,
      this.tally,
      {
        stoppedBy: this.stops.stoppedBy,
        limit: this.accounts.firstLimit,
        cancelled: this.cancelled,
      },
      this.now(),
    );
    if (this.startJournaled) {
      const { sent, failed, retrying, uncertain, remaining } = summary;
      const counts = { sent, failed, retrying, uncertain, remaining };
      await journalRun(this.db, actor, 'run_finished', 'outbox.journal.runFinished', counts);
    }
    return summary;
  }

  private async journalStart(): Promise<void> {
    this.startJournaled = true;
    const { actor } = this.options;
    const counts = { due: this.tally.queue.due };
    await journalRun(this.db, actor, 'run_started', 'outbox.journal.runStarted', counts);
  }

  async closeTransports(): Promise<void> {
    await this.accounts.closeAll();
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
      this.outcomes.add(attempted);
      const { stopReason } = attempted.outcome;
      if (stopReason !== undefined) {
        await this.flush(true);
        await this.stops.accountStopped(claimed.account, attempted.outcome, this.nowIso());
        return;
      }
      if (await this.pauseIfDue(attempted)) continue;
      const next = this.claimed[0];
      if (next) {
        this.reportProgressAt(nextAllowedAt(next.account.pacing, next.account.state));
        // The last outcomes of a claim are written with the next claim, in one commit.
        if (this.outcomes.isDue(this.now())) await this.flush();
      }
    }
  }

  /**
   * Takes the next messages to send, writing the outcomes waiting to be written in the same
   * transaction; false when the run is over (nothing left, cancelled, account stopped).
   */
  private async claimNext(): Promise<boolean> {
    const signal = this.options.signal;
    for (;;) {
      if (signal?.aborted) {
        await this.flush();
        this.cancelled = true;
        return false;
      }
      // Should looking ahead fail (a busy database), execute() still writes the outcomes.
      const next = await this.pickNext();
      this.reportProgress(next);
      if (next.kind === 'done') {
        await this.flush();
        if (await moreToCome(this.options.more, signal)) continue;
        // Aborted while waiting: the top of the loop ends the run as cancelled.
        if (signal?.aborted) continue;
        return false;
      }
      const readyAt = next.kind === 'send' ? next.readyAt : next.until;
      const wait = readyAt - this.now();
      if (wait > 0) {
        await this.flush();
        await this.sleep(next.kind === 'wait' ? Math.min(wait, IDLE_RECHECK_MS) : wait, signal);
        continue;
      }
      // Retries fell due: read the queue again. Aborted meanwhile: stop at the top.
      if (next.kind === 'wait') this.candidates = [];
      if (next.kind === 'wait' || signal?.aborted) continue;
      if (!(await this.transportFor(next.account))) {
        await this.flush();
        return false;
      }
      const taken = await this.take(next.account);
      if (taken === 'lost') throw this.leaseLost();
      if (taken.length > 0) {
        this.claimed = taken;
        if (!this.startJournaled) await this.journalStart();
        return true;
      }
    }
  }

  /**
   * Claims the account's first candidates (claims.ts says how many), writing the outcomes
   * waiting to be written in the same transaction; 'lost' when the lease is.
   */
  private async take(account: AccountRun): Promise<Claimed[] | 'lost'> {
    const { ids, left } = takeCandidates(
      this.candidates,
      account.id,
      claimSize(account, this.now()),
    );
    this.candidates = left;
    const taken = await this.writeInsistently(async (tx) => {
      await this.outcomes.write(tx);
      return claimMessages(tx, this.lease, { ids, account, now: this.now });
    });
    this.outcomes.clear();
    return taken;
  }

  /** The next message to send and when its account allows it, or when to look again. */
  private async pickNext(): Promise<Next> {
    const now = this.now();
    if (this.candidates.length === 0) await this.readCandidates(now);
    if (this.candidates.length === 0) {
      if (!this.options.untilDone) return { kind: 'done' };
      const nowIso = new Date(now).toISOString();
      const at = await earliestLaterAttempt(this.db, nowIso, this.accounts.waitingIds());
      return at ? { kind: 'wait', until: Date.parse(at) } : { kind: 'done' };
    }
    let best: SendNext | null = null;
    const seen = new Set<number>();
    for (const candidate of this.candidates) {
      if (seen.has(candidate.account_id)) continue;
      seen.add(candidate.account_id);
      const account = await this.accounts.get(candidate.account_id, now);
      if (account.limited || (await this.stops.holdIfPaused(account, now))) {
        // Its messages are left for later.
        this.candidates = this.candidates.filter((c) => c.account_id !== account.id);
        continue;
      }
      const readyAt = nextAllowedAt(account.pacing, account.state);
      if (!best || readyAt < best.readyAt)
        best = { kind: 'send', messageId: candidate.id, account, readyAt };
    }
    if (best) return best;
    // Every account with candidates reached a limit: leave their messages for later.
    this.candidates = [];
    return this.pickNext();
  }

  private async readCandidates(now: number): Promise<void> {
    // The queue as it is, with this run's own outcomes in it (a retry now due, say).
    await this.flush();
    const nowIso = new Date(now).toISOString();
    const waiting = this.accounts.waitingIds();
    this.candidates = await dueCandidates(this.db, nowIso, waiting, CANDIDATE_BATCH);
    // Re-synchronise the counts shown in the progress with what other workstations did.
    this.tally.queue = await queueCounts(this.db, nowIso);
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
    if (!(await this.lease.stillOurs(LEASE_CHECK_MS))) {
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

  /** Hands the message to the server and works out what to record; writes nothing itself. */
  private async attempt(claimed: Claimed): Promise<Attempted> {
    const { row, account } = claimed;
    this.tally.attemptStarted();
    const startedAt = this.now();
    const date = new Date(startedAt);
    let message: OutgoingMessage;
    try {
      message = claimed.message ?? (await readyMessage(row, this.files, date, this.claimed));
    } catch (error) {
      const outcome = unsendableOutcome(error, this.now());
      return this.counted({ claimed, startedAt, endedAt: startedAt, outcome });
    }
    buildAhead(this.claimed, account, (next) => outgoingMessage(next.row, this.files, date));
    let result: SendResult | null = null;
    let failure: unknown = null;
    try {
      result = await account.transport!.send(message);
    } catch (error) {
      failure = error;
    }
    const endedAt = this.now();
    account.state = afterAttempt(account.pacing, account.state, endedAt, { sent: result !== null });
    // The server's pace per message: a connection opened for it is not part of it.
    const took = Math.max(0, endedAt - startedAt - (result?.connectMs ?? 0));
    account.attemptMs = account.attemptMs === null ? took : 0.7 * account.attemptMs + 0.3 * took;
    // A connection that just failed is not trusted for the next message.
    if (!result && !(failure instanceof SendFailure && failure.kind === 'account'))
      await this.accounts.drop(account);
    const end = result ? { result } : { failure };
    const outcome = attemptOutcome(
      end,
      { attempts: row.attempts, pacing: account.pacing },
      endedAt,
    );
    // The server asked to slow down: the whole account waits, or every next message would bounce too.
    if (outcome.accountWaitsUntil !== undefined)
      account.state = { ...account.state, notBefore: outcome.accountWaitsUntil };
    return this.counted({ claimed, startedAt, endedAt, outcome });
  }

  /** The run's counters move as soon as the server answered (the progress shows it at once). */
  private counted(attempted: Attempted): Attempted {
    this.tally.count(attempted.outcome, attempted.claimed.row.id);
    return attempted;
  }

  /**
   * Writes the outcomes waiting to be written and, with `release`, gives back the messages
   * claimed but not handed over: one transaction, nothing when there is nothing to write.
   */
  private async flush(release = false): Promise<void> {
    const giveBack = release ? this.claimed.splice(0).map((c) => c.row.id) : [];
    if (this.outcomes.isEmpty && giveBack.length === 0) return;
    await this.writeInsistently(async (tx) => {
      await this.outcomes.write(tx);
      await releaseClaims(tx, giveBack, this.lease.holderId, this.nowIso());
    });
    this.outcomes.clear();
  }

  private writeInsistently<T>(work: (tx: Db) => Promise<T>): Promise<T> {
    return writeInsistently(this.db, this.sleep, work, this.options.outagePatienceMs);
  }

  private leaseLost(): UserError {
    return new UserError('outbox.error.leaseLost', { holder: this.lease.lost ?? '?' });
  }

  /** The account's transport; when it refuses to open, journaled and the run stops (false). */
  private async transportFor(account: AccountRun): Promise<boolean> {
    const opened = await this.accounts.open(account);
    if (!('refused' in opened)) return true;
    await journalAccountError(this.db, this.options.actor, opened.refused, opened.reply);
    await this.stops.accountStopped(account, opened.refused, this.nowIso());
    return false;
  }

  /**
   * After an attempt: when the account must pause (its server out of order, too many refusals
   * in a row), writes what the server said, gives the messages taken ahead back, and pauses
   * it (its messages wait; the run goes on with other accounts). True when it paused.
   */
  private async pauseIfDue(attempted: Attempted): Promise<boolean> {
    const { account } = attempted.claimed;
    const pause = await this.stops.noteAttempt(account, attempted.outcome);
    if (pause === null) return false;
    await this.flush(true);
    await this.accounts.drop(account);
    if (pause === 'outage') await this.stops.outage(account, attempted, this.now());
    else await this.stops.refusals(account, attempted, this.nowIso());
    return true;
  }

  // ------------------------------------------------------------ progress

  private reportProgress(next: Next): void {
    if (!this.tally.progressOwed) return;
    this.reportProgressAt(
      next.kind === 'send' ? next.readyAt : next.kind === 'wait' ? next.until : null,
    );
  }

  private reportProgressAt(nextSendAt: number | null): void {
    const progress = this.tally.progress(nextSendAt, this.now());
    this.options.onProgress?.(progress);
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString();
  }
}
