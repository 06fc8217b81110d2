// Taking messages in batches. Commits are what an exactly-once engine pays for, so one
// transaction takes the next few messages of an account: as many as its pacing and its
// server's pace let start within CLAIM_WINDOW_MS, at most CLAIM_BATCH. A crash then leaves
// at most that window's worth taken but not handed over (`uncertain`, never sent twice).
import type { Db } from '../db/connection.js';
import { claimForSending } from '../db/outbox-engine-queue.js';
import type { MessageRow } from '../db/schema.js';
import type { OutgoingMessage } from '../mail/transport.js';
import type { AccountRun } from './account-run.js';
import type { HeldLease } from './lease.js';
import { messagesDueWithin } from './pacing.js';

/** Candidates read at once, in id order: one short query per batch, not one per message. */
export const CANDIDATE_BATCH = 200;
/** At most this many messages taken by one claim... */
export const CLAIM_BATCH = 25;
/** ...those the pacing and the server's pace let start within this window. */
export const CLAIM_WINDOW_MS = 200;

/** A due validated message, not taken yet. */
export interface Candidate {
  id: number;
  account_id: number;
}

/** A message marked `sending` by this engine (committed), not yet handed to the server. */
export interface Claimed {
  row: MessageRow;
  /** The dossier's SIN, only to keep it out of the journal. */
  sin: string | null;
  account: AccountRun;
  /** Made while the message before it was on its way, for the transport to build ahead. */
  message?: OutgoingMessage;
}

/**
 * How many messages of the account one claim takes at `now`: as many as can go within the
 * claim window at the pace of the account and of its server (one until the server's pace is
 * known).
 */
export function claimSize(account: AccountRun, now: number): number {
  const { pacing, state, attemptMs } = account;
  if (attemptMs === null) return 1;
  return messagesDueWithin(pacing, state, now, {
    windowMs: CLAIM_WINDOW_MS,
    max: CLAIM_BATCH,
    attemptMs,
  });
}

/** The account's first `size` candidates (ids, in order) and the candidates left. */
export function takeCandidates(
  candidates: readonly Candidate[],
  accountId: number,
  size: number,
): { ids: number[]; left: Candidate[] } {
  const ids: number[] = [];
  const left = candidates.filter((c) => {
    const take = c.account_id === accountId && ids.length < size;
    if (take) ids.push(c.id);
    return !take;
  });
  return { ids, left };
}

/**
 * Marks the messages `sending` in the caller's transaction (committed before the server
 * sees them), once the lease is renewed in that same transaction: 'lost' when another
 * engine holds it now.
 */
export async function claimMessages(
  tx: Db,
  lease: HeldLease,
  claim: { ids: number[]; account: AccountRun; now: () => number },
): Promise<Claimed[] | 'lost'> {
  if (!(await lease.renew(tx))) return 'lost';
  const nowIso = new Date(claim.now()).toISOString();
  const rows = await claimForSending(tx, claim.ids, lease.holderId, nowIso);
  return rows.map(({ dossier_sin: sin, ...row }) => ({ row, sin, account: claim.account }));
}
