// The accounts a run sends from: each one's pacing and what it has sent (rebuilt from the
// journal, so that a restart never lets a burst through), its transport, opened once and
// reused for the whole run, the limit it reached, if any, and whether it paused.
import type { Pacing } from '../../src-shared/domain/mail.js';
import type { SendingWindow } from '../../src-shared/domain/schedule.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import { isUserError } from '../../src-shared/errors.js';
import type { Db } from '../db/connection.js';
import { readSendingWindow } from '../accounts/sending-window.js';
import { findMailAccountById } from '../db/mail-account-queries.js';
import { pacingFromRow } from '../db/mail-account-pacing.js';
import { countSentSince, recentAttemptEnds } from '../db/outbox-engine-pacing-history.js';
import type { MailAccountRow } from '../db/schema.js';
import { SendFailure, type MailTransport } from '../mail/transport.js';
import { readOutage, type AccountOutage } from './account-outage.js';
import { failureSentence, sayFailure } from './failure-text.js';
import type { TransportFactory } from './run-contract.js';
import {
  historyDepth,
  limitReached,
  pacingStateFromHistory,
  startOfLocalDay,
  startOfNextLocalDay,
  type PacingLimit,
  type PacingState,
} from './pacing.js';

export interface AccountRun {
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
  /** Paused for the rest of the run (its server is out of order, or refused too many in a row). */
  paused: boolean;
  /** Its server's last outages, as the settings table keeps them; null once it sent again. */
  outage: AccountOutage | null;
  /** The server's refusals for good in a row during this run (the auto-pause counts them). */
  refusedInARow: number;
  /** Its sending window: nothing leaves outside it (send/window-stop.ts); null: any hour. */
  window: SendingWindow | null;
}

/** The account refused to open: why, in the run's language, and its server's reply. */
export interface AccountRefusal {
  refused: string;
  reply: string | null;
}

export class RunAccounts {
  private readonly accounts = new Map<number, AccountRun>();
  /** The first limit an account reached during the run: the summary says when to go on. */
  firstLimit: PacingLimit | null = null;

  constructor(
    private readonly db: Db,
    private readonly transportFactory: TransportFactory,
    private readonly language: Language,
  ) {}

  /** The account as it stands at `now`: loaded on first use, its day and limit brought up to date. */
  async get(accountId: number, now: number): Promise<AccountRun> {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = await this.load(accountId, now);
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
      this.firstLimit ??= limit;
    }
    return account;
  }

  /** The accounts that reached a limit or paused: their messages wait for a later run. */
  waitingIds(): number[] {
    return [...this.accounts.values()].filter((a) => a.limited || a.paused).map((a) => a.id);
  }

  /** The account's transport, opened when it has none; a refusal says why. */
  async open(account: AccountRun): Promise<MailTransport | AccountRefusal> {
    if (account.transport) return account.transport;
    try {
      account.transport = await this.transportFactory(account.id);
    } catch (error) {
      if (error instanceof SendFailure) {
        const sentence = failureSentence(error);
        const refused = sentence ? sayFailure(this.language, sentence) : error.message;
        return { refused, reply: error.reply };
      }
      if (isUserError(error))
        return { refused: translate(this.language, error.code, error.params), reply: null };
      throw error;
    }
    // A method that cannot pace (a mail client opening windows) sends without waiting.
    if (!account.transport.canPace) {
      account.pacing = { ...account.pacing, delayMs: 0, pauseEvery: 0, pauseMs: 0 };
    }
    return account.transport;
  }

  /** Closes the account's transport: the next message opens a new connection. */
  async drop(account: AccountRun): Promise<void> {
    const transport = account.transport;
    account.transport = null;
    await transport?.close().catch(() => undefined);
  }

  async closeAll(): Promise<void> {
    for (const account of this.accounts.values()) await this.drop(account);
  }

  private async load(accountId: number, now: number): Promise<AccountRun> {
    const row = await findMailAccountById(this.db, accountId);
    if (!row) throw new Error(`mail account ${accountId} of a queued message does not exist`);
    const pacing = pacingFromRow(row);
    const ends = await recentAttemptEnds(this.db, accountId, historyDepth(pacing));
    const since = new Date(startOfLocalDay(now)).toISOString();
    const sentToday = await countSentSince(this.db, accountId, since);
    return {
      id: accountId,
      label: accountLabel(row),
      pacing,
      state: pacingStateFromHistory(pacing, ends.map(Date.parse), sentToday),
      dayEndsAt: startOfNextLocalDay(now),
      transport: null,
      limited: null,
      attemptMs: null,
      paused: false,
      outage: await readOutage(this.db, accountId),
      refusedInARow: 0,
      window: await readSendingWindow(this.db, accountId),
    };
  }
}

function accountLabel(row: MailAccountRow): string {
  return row.from_address ?? row.username ?? row.host ?? `n° ${row.id}`;
}
