// SQL of the sending queue: taking due messages, recording each outcome, the queue's counts
// and the user's decision about an uncertain message. Every change of a message's status is
// guarded by its current status (and by the engine that took it), so that a stale engine or
// a user acting at the same time can never overwrite a newer decision.
import { sql } from 'kysely';
import { isPostgres } from '../../migrations/dialect.js';
import type { Db } from './connection.js';

export interface OrphanRow {
  id: number;
  document_id: number;
  sending_by: string | null;
}

/**
 * Messages some other engine took for sending and never finished: it died (or lost the
 * lease) between handing the message to the server and recording the outcome. They become
 * `uncertain`, never `validated`: the server may have the message.
 */
export async function markOrphansUncertain(
  db: Db,
  holder: string,
  nowIso: string,
): Promise<OrphanRow[]> {
  const orphans = await db
    .selectFrom('messages')
    .select(['id', 'document_id', 'sending_by'])
    .where('status', '=', 'sending')
    .where((eb) => eb.or([eb('sending_by', 'is', null), eb('sending_by', '!=', holder)]))
    .orderBy('id')
    .execute();
  if (orphans.length === 0) return [];
  await db
    .updateTable('messages')
    .set((eb) => ({ status: 'uncertain', updated_at: nowIso, version: eb('version', '+', 1) }))
    .where(
      'id',
      'in',
      orphans.map((o) => o.id),
    )
    .where('status', '=', 'sending')
    .execute();
  return orphans;
}

const isDue = (nowIso: string) =>
  sql<boolean>`(next_attempt_at is null or next_attempt_at <= ${nowIso})`;

/** The first due validated messages, in id order, leaving out accounts that must wait. */
export function dueCandidates(
  db: Db,
  nowIso: string,
  excludedAccounts: readonly number[],
  limit: number,
): Promise<{ id: number; account_id: number }[]> {
  let query = db
    .selectFrom('messages')
    .select(['id', 'account_id'])
    .where('status', '=', 'validated')
    .where(isDue(nowIso));
  if (excludedAccounts.length > 0)
    query = query.where('account_id', 'not in', [...excludedAccounts]);
  return query.orderBy('id').limit(limit).execute();
}

/** When the earliest validated message waiting for a later attempt falls due. */
export async function earliestLaterAttempt(
  db: Db,
  nowIso: string,
  excludedAccounts: readonly number[],
): Promise<string | null> {
  let query = db
    .selectFrom('messages')
    .select((eb) => eb.fn.min('next_attempt_at').as('at'))
    .where('status', '=', 'validated')
    .where('next_attempt_at', '>', nowIso);
  if (excludedAccounts.length > 0)
    query = query.where('account_id', 'not in', [...excludedAccounts]);
  const row = await query.executeTakeFirst();
  return row?.at ?? null;
}

/**
 * Which of `ids` a claim may take: due and validated. On PostgreSQL their rows are locked for
 * the claim's transaction (FOR UPDATE), and a row another transaction is changing right now
 * is skipped, not waited for (SKIP LOCKED): it is no longer a candidate (a user's decision,
 * another engine's claim), and the next claim reads it again. SQLite locks the whole file.
 */
function claimable(db: Db, ids: readonly number[], nowIso: string) {
  const due = db
    .selectFrom('messages')
    .select('id')
    .where('id', 'in', [...ids])
    .where('status', '=', 'validated')
    .where(isDue(nowIso));
  return isPostgres(db) ? due.forUpdate().skipLocked() : due;
}

/**
 * Marks the given due validated messages as being sent by `holder`, in one statement, and
 * returns the ones taken (those no longer due, or taken by a user's action meanwhile, are
 * left out), in id order, with their dossier's SIN (only to keep it out of the journal).
 */
export async function claimForSending(
  db: Db,
  ids: readonly number[],
  holder: string,
  nowIso: string,
) {
  const claimed = await db
    .updateTable('messages')
    .set((eb) => ({
      status: 'sending',
      attempts: eb('attempts', '+', 1),
      sending_by: holder,
      // Taken: its schedule is kept no longer (a retry waits through next_attempt_at).
      scheduled_at: null,
      updated_at: nowIso,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', claimable(db, ids, nowIso))
    .where('status', '=', 'validated')
    .where(isDue(nowIso))
    .returning('id')
    .execute();
  if (claimed.length === 0) return [];
  return db
    .selectFrom('messages as m')
    .innerJoin('dossiers as p', 'p.id', 'm.dossier_id')
    .selectAll('m')
    .select('p.sin as dossier_sin')
    .where(
      'm.id',
      'in',
      claimed.map((c) => c.id),
    )
    .orderBy('m.id')
    .execute();
}

export type ClaimedMessageRow = Awaited<ReturnType<typeof claimForSending>>[number];

/**
 * Gives back messages this engine took but never handed to the server (the run stopped
 * first): validated again, the attempt not counted, as if never taken.
 */
export async function releaseClaims(
  db: Db,
  ids: readonly number[],
  holder: string,
  nowIso: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('messages')
    .set((eb) => ({
      status: 'validated',
      attempts: eb('attempts', '-', 1),
      sending_by: null,
      updated_at: nowIso,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', [...ids])
    .where('status', '=', 'sending')
    .where('sending_by', '=', holder)
    .execute();
}

/** What one attempt changes in its message. */
export interface OutcomeChange {
  id: number;
  status: 'sent' | 'validated' | 'failed' | 'uncertain';
  nowIso: string;
  error: string | null;
  reply: string | null;
  /** Set for a sent message. */
  sentAt?: string;
  /** Replaces next_attempt_at when given (null clears it); left as it is otherwise. */
  nextAttemptAt?: string | null;
  /** The account, not the message, was at fault: the attempt is given back. */
  uncountAttempt?: boolean;
}

/**
 * Records the outcomes of several attempts in one statement, each only if the message is
 * still ours: `sending`, or `uncertain` because another engine took over while we were
 * talking to the server (we now know what the server said, so the outcome replaces the
 * doubt). Returns the ids recorded; a message a user decided about meanwhile is left alone.
 */
export async function recordOutcomes(
  db: Db,
  holder: string,
  outcomes: readonly OutcomeChange[],
): Promise<Set<number>> {
  if (outcomes.length === 0) return new Set();
  const values = outcomes.map((o) => {
    const setNext = o.nextAttemptAt !== undefined ? 1 : 0;
    const uncount = o.uncountAttempt ? 1 : 0;
    // The numbers cast: PostgreSQL reads an untyped VALUES parameter as text.
    return sql`(cast(${o.id} as integer), ${o.status}, ${o.sentAt ?? null},
      cast(${setNext} as integer), ${o.nextAttemptAt ?? null},
      ${o.error}, ${o.reply}, ${o.nowIso}, cast(${uncount} as integer))`;
  });
  const result = await sql<{ id: number }>`
    with o (id, status, sent_at, set_next, next_attempt_at,
            last_error, last_reply, updated_at, uncount)
      as (values ${sql.join(values)})
    update messages set
      status = o.status,
      sent_at = coalesce(o.sent_at, messages.sent_at),
      next_attempt_at = case when o.set_next = 1
        then o.next_attempt_at else messages.next_attempt_at end,
      last_error = o.last_error,
      last_reply = o.last_reply,
      updated_at = o.updated_at,
      version = messages.version + 1,
      attempts = messages.attempts - o.uncount,
      sending_by = case when o.uncount = 1 then null else messages.sending_by end
    from o
    where messages.id = o.id
      and messages.sending_by = ${holder}
      and messages.status in ('sending', 'uncertain')
    returning messages.id`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

export interface QueueCounts {
  /** Validated and due now. */
  due: number;
  /** Validated, waiting for a later attempt (not those scheduled for later by the user). */
  later: number;
  uncertain: number;
}

export async function queueCounts(db: Db, nowIso: string): Promise<QueueCounts> {
  const row = await db
    .selectFrom('messages')
    .select([
      sql<number>`count(case when status = 'validated' and ${isDue(nowIso)} then 1 end)`.as('due'),
      // A scheduled message is not a retry: it waits for the time the user chose.
      sql<number>`count(case when status = 'validated' and next_attempt_at > ${nowIso}
        and scheduled_at is null then 1 end)`.as('later'),
      sql<number>`count(case when status = 'uncertain' then 1 end)`.as('uncertain'),
    ])
    .where('status', 'in', ['validated', 'uncertain'])
    .executeTakeFirstOrThrow();
  return { due: Number(row.due), later: Number(row.later), uncertain: Number(row.uncertain) };
}

// ---------------------------------------------------------------- user decision

export async function resolveUncertainRow(
  db: Db,
  id: number,
  status: 'sent' | 'validated' | 'failed',
  nowIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set((eb) => ({
      status,
      sending_by: null,
      next_attempt_at: null,
      updated_at: nowIso,
      version: eb('version', '+', 1),
      ...(status === 'sent' && { sent_at: nowIso }),
      ...(status === 'validated' && { validated_at: nowIso }),
    }))
    .where('id', '=', id)
    .where('status', '=', 'uncertain')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
