// An account whose server is out of order (it would not take a connection, or it took a
// whole message and never answered) pauses: its validated messages wait, none loses an
// attempt, and each outage in a row doubles the wait (capped). Where the schedule lives, and
// why: each waiting message's next attempt time, which every run, the queue counts and the
// summary already honour and which survives a restart; plus one small record per account in
// the settings table (how many outages in a row, until when, why), so that the next outage
// waits twice as long and a run started meanwhile holds back messages validated since. The
// record is cleared once the account sends again.
import type { Actor } from '../workstation/identity.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import { writeTransaction, type Db } from '../db/connection.js';
import { postponeAccountMessages } from '../db/outbox-engine-outage.js';
import { appendJournal } from '../db/send-journal-queries.js';
import { readSetting, writeSetting } from '../db/settings-queries.js';
import { sayFailure, type FailureSentence } from './failure-text.js';
import { clockText } from './outcome.js';
import { RETRY_DELAY_CAP_MS, retryDelayMs } from './retry-policy.js';

/** What the settings table remembers about an account's outages (per account). */
export interface AccountOutage {
  /** Outages in a row, without a message sent in between. */
  streak: number;
  /** Nothing goes from the account before this time (ISO). */
  until: string;
  /** Why, in French (the office's language), as the journal says it. */
  reason: string;
  /** The server's own reply, when it gave one (a 421 line). */
  reply: string | null;
  /** Why, as a sentence a run says in its own language (absent in records written before). */
  said?: FailureSentence | null;
}

export function outageSettingKey(accountId: number): string {
  return `outbox.accountOutage.${accountId}`;
}

/** The account's base retry delay × 2^(streak − 1), capped: 1 min, 2 min, 4 min… by default. */
export function outageDelayMs(streak: number, retryBaseMs: number): number {
  return retryDelayMs(streak, retryBaseMs, RETRY_DELAY_CAP_MS);
}

/** The record after one more outage at `now`. */
export function nextOutage(
  previous: AccountOutage | null,
  why: { reason: string; reply: string | null; said?: FailureSentence | null },
  now: number,
  retryBaseMs: number,
): AccountOutage {
  const streak = (previous?.streak ?? 0) + 1;
  const until = new Date(now + outageDelayMs(streak, retryBaseMs)).toISOString();
  return {
    streak,
    until,
    reason: why.reason,
    reply: why.reply,
    ...(why.said && { said: why.said }),
  };
}

/** Why the account is paused, in `language` (French records from before: as they are). */
export function outageReason(outage: AccountOutage, language: Language): string {
  return outage.said ? sayFailure(language, outage.said) : outage.reason;
}

/** Whether the pause the record describes still holds at `now`. */
export function stillPaused(outage: AccountOutage | null, now: number): outage is AccountOutage {
  return outage !== null && Date.parse(outage.until) > now;
}

export function readOutage(db: Db, accountId: number): Promise<AccountOutage | null> {
  return readSetting<AccountOutage | null>(db, outageSettingKey(accountId), null);
}

/** An account being paused: its label (for the journal) and its retry base. */
export interface PausedAccount {
  id: number;
  label: string;
  retryBaseMs: number;
}

/**
 * Pauses the account after an outage at `now`, in one transaction: the record (one more in a
 * row), its validated messages put off until the pause ends, and a journal line. Returns the
 * record and how many messages wait.
 */
export function pauseAccount(
  db: Db,
  account: PausedAccount,
  pause: {
    reason: string;
    reply: string | null;
    said?: FailureSentence | null;
    now: number;
    actor: Actor;
  },
): Promise<{ outage: AccountOutage; waiting: number }> {
  return writeTransaction(db, async (tx) => {
    const previous = await readOutage(tx, account.id);
    const outage = nextOutage(previous, pause, pause.now, account.retryBaseMs);
    await writeSetting(tx, outageSettingKey(account.id), outage);
    const nowIso = new Date(pause.now).toISOString();
    const waiting = await postponeAccountMessages(tx, account.id, outage.until, nowIso);
    await appendJournal(tx, {
      event: 'account_error',
      actor: pause.actor,
      detail: translate('fr', 'outbox.journal.accountPaused', {
        account: account.label,
        at: clockText(Date.parse(outage.until)),
        streak: outage.streak,
        reason: pause.reason,
      }),
      serverReply: pause.reply,
    });
    return { outage, waiting };
  });
}

/**
 * A run found the account still paused (messages validated since the outage): they wait too.
 * Returns how many messages wait.
 */
export function holdWhilePaused(
  db: Db,
  accountId: number,
  outage: AccountOutage,
  now: number,
): Promise<number> {
  const nowIso = new Date(now).toISOString();
  return writeTransaction(db, (tx) => postponeAccountMessages(tx, accountId, outage.until, nowIso));
}

/** The account sent again: the next outage starts from the shortest wait. */
export async function clearOutage(db: Db, accountId: number): Promise<void> {
  await writeTransaction(db, (tx) => writeSetting(tx, outageSettingKey(accountId), null));
}
