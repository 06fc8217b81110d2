// Why a run stopped sending from an account, said in the summary: an account problem the
// user must fix (the run stops), its server out of order (the account pauses and waits, its
// messages untouched; at most the one message that got no answer is uncertain, and named), or
// too many refusals in a row (the auto-pause: a wrong list or a blocked account must not burn
// a whole batch). The messages left behind stay validated, their attempts not spent.
import type { RunSummary } from '../../src-shared/domain/outbox.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import type { Actor } from '../workstation/identity.js';
import type { Db } from '../db/connection.js';
import { queueCounts } from '../db/outbox-engine-queue.js';
import { withoutSin } from '../outbox/journal-export.js';
import { writeTransaction } from '../db/connection.js';
import { appendJournal } from '../db/send-journal-queries.js';
import {
  clearOutage,
  holdWhilePaused,
  outageReason,
  pauseAccount,
  stillPaused,
  type AccountOutage,
} from './account-outage.js';
import type { AccountRun } from './account-run.js';
import type { Claimed } from './claims.js';
import type { AccountProblem } from './run-contract.js';
import { sayFailure } from './failure-text.js';
import { clockText, endWithPeriod, type Outcome } from './outcome.js';
import { outsideWindow } from './window-stop.js';

/** What an attempt's outcome means for its account. */
export type AccountPause = 'outage' | 'refusals' | null;

export class RunStops {
  stoppedBy: RunSummary['stoppedBy'] = null;
  /** The accounts that refused to open or to authenticate in this run (to reconnect). */
  readonly accountProblems: AccountProblem[] = [];

  constructor(
    private readonly db: Db,
    private readonly actor: Actor,
    private readonly language: Language,
    /** Refusals in a row before the auto-pause; 0: never. */
    private readonly autoPauseAfter: number,
  ) {}

  /**
   * Counts the attempt for its account: a message sent ends a run of refusals and a past
   * outage; says whether the account must pause now.
   */
  async noteAttempt(account: AccountRun, outcome: Outcome): Promise<AccountPause> {
    if (outcome.change.status === 'sent') {
      account.refusedInARow = 0;
      if (account.outage) {
        account.outage = null;
        await clearOutage(this.db, account.id);
      }
      return null;
    }
    if (outcome.pausesAccount !== undefined) return 'outage';
    if (outcome.refusedWith === undefined) return null;
    account.refusedInARow++;
    const due = this.autoPauseAfter > 0 && account.refusedInARow >= this.autoPauseAfter;
    return due ? 'refusals' : null;
  }

  /** The account's server is out of order: it pauses, its messages wait (a growing delay). */
  async outage(account: AccountRun, { claimed, outcome }: Attempt, now: number): Promise<void> {
    account.paused = true;
    const reason = outcome.pausesAccount ?? '';
    const said = outcome.said ?? null;
    const pause = { reason, reply: outcome.change.reply, said, now, actor: this.actor };
    const paused = {
      id: account.id,
      label: account.label,
      retryBaseMs: account.pacing.retryBaseMs,
    };
    const { outage, waiting } = await pauseAccount(this.db, paused, pause);
    account.outage = outage;
    const uncertain = outcome.change.status === 'uncertain' ? claimed : null;
    this.stoppedBy = this.outageStop(account, outage, waiting, uncertain);
  }

  /**
   * A run started while the account is still paused (messages validated since the outage):
   * they wait too, and the summary says so. False when the account is not paused.
   */
  async holdIfPaused(account: AccountRun, now: number): Promise<boolean> {
    if (account.paused) return true;
    // Outside its sending window: its messages wait for the next opening.
    const closed = await outsideWindow(this.db, account, now, this.language);
    if (closed) {
      account.paused = true;
      this.stoppedBy = closed;
      return true;
    }
    if (!stillPaused(account.outage, now)) return false;
    account.paused = true;
    const waiting = await holdWhilePaused(this.db, account.id, account.outage, now);
    this.stoppedBy = this.outageStop(account, account.outage, waiting, null);
    return true;
  }

  /** Too many refusals in a row: the run stops sending from the account, and says why. */
  async refusals(account: AccountRun, { outcome }: Attempt, nowIso: string): Promise<void> {
    account.paused = true;
    const count = account.refusedInARow;
    // The server's own words as it said them; without any, why in the run's language.
    const reply = endWithPeriod(
      outcome.change.reply ??
        (outcome.said ? sayFailure(this.language, outcome.said) : (outcome.refusedWith ?? '')),
    );
    await writeTransaction(this.db, (tx) =>
      appendJournal(tx, {
        event: 'account_error',
        actor: this.actor,
        detail: translate('fr', 'outbox.journal.autoPaused', {
          account: account.label,
          count,
          reply,
        }),
        serverReply: outcome.change.reply,
      }),
    );
    const { due } = await queueCounts(this.db, nowIso);
    const code = 'outbox.paused.refusals';
    const params = { count, reply, remaining: due };
    this.stoppedBy = { code, message: translate(this.language, code, params) };
  }

  /**
   * An account problem the user must fix: the run stops, nothing failed. Why: said already,
   * or the attempt's outcome (its sentence said in the run's language).
   */
  async accountStopped(
    account: AccountRun,
    why: string | Pick<Outcome, 'stopReason' | 'said'>,
    nowIso: string,
  ): Promise<void> {
    const reason =
      typeof why === 'string'
        ? why
        : why.said
          ? sayFailure(this.language, why.said)
          : (why.stopReason ?? '');
    const said = typeof why === 'string' ? null : (why.said ?? null);
    this.accountProblems.push({ accountId: account.id, label: account.label, reason, said });
    const counts = await queueCounts(this.db, nowIso);
    this.stoppedBy = {
      code: 'outbox.stopped.account',
      message: translate(this.language, 'outbox.stopped.account', {
        account: account.label,
        reason: endWithPeriod(reason),
        remaining: counts.due,
      }),
    };
  }

  private outageStop(
    account: AccountRun,
    outage: AccountOutage,
    waiting: number,
    uncertain: Claimed | null,
  ): NonNullable<RunSummary['stoppedBy']> {
    const { reply, until } = outage;
    const code = 'outbox.paused.outage';
    const reason = endWithPeriod(outageReason(outage, this.language));
    const params = { account: account.label, reason, remaining: waiting };
    let message = translate(this.language, code, { ...params, at: clockText(Date.parse(until)) });
    if (reply) message += ` ${translate(this.language, 'outbox.paused.reply', { reply })}`;
    if (uncertain) {
      const { row, sin } = uncertain;
      const subject = withoutSin(row.subject, sin);
      message += ` ${translate(this.language, 'outbox.paused.uncertain', { id: row.id, subject })}`;
    }
    return { code, message };
  }
}

/** An attempt that ended, as the run saw it. */
interface Attempt {
  claimed: Claimed;
  outcome: Outcome;
}
