// SQL of the sending engine: the lease, taking due messages, recording each outcome, the
// send status screen and the journal export. Every change of a message's status is guarded
// by its current status (and by the engine that took it), so that a stale engine or a user
// acting at the same time can never overwrite a newer decision.
import { sql } from 'kysely';
import type { MessageStatus } from '../../src-shared/domain/statuses.js';
import type { Db } from './connection.js';
import { escapeLike } from './records-queries.js';
import type { MailAccountRow } from './schema.js';

// ---------------------------------------------------------------- the lease (row id = 1)

export interface LeaseStamp {
  holder: string;
  label: string;
  nowIso: string;
  expiresIso: string;
}

/** Takes the lease when it is free, expired or already ours. True when taken. */
export async function takeLeaseIfFree(db: Db, stamp: LeaseStamp): Promise<boolean> {
  const result = await db
    .updateTable('engine_lease')
    .set({
      holder: stamp.holder,
      holder_label: stamp.label,
      // Renewing our own lease keeps the time the run started.
      acquired_at: sql<string>`case when holder = ${stamp.holder} then acquired_at else ${stamp.nowIso} end`,
      heartbeat_at: stamp.nowIso,
      expires_at: stamp.expiresIso,
    })
    .where('id', '=', 1)
    .where((eb) =>
      eb.or([
        eb('holder', 'is', null),
        eb('holder', '=', stamp.holder),
        eb('expires_at', 'is', null),
        eb('expires_at', '<=', stamp.nowIso),
      ]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Takes the lease from one given holder (known to be dead), and from nobody else. */
export async function takeLeaseFrom(
  db: Db,
  previousHolder: string,
  stamp: LeaseStamp,
): Promise<boolean> {
  const result = await db
    .updateTable('engine_lease')
    .set({
      holder: stamp.holder,
      holder_label: stamp.label,
      acquired_at: stamp.nowIso,
      heartbeat_at: stamp.nowIso,
      expires_at: stamp.expiresIso,
    })
    .where('id', '=', 1)
    .where('holder', '=', previousHolder)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export function readLease(db: Db) {
  return db.selectFrom('engine_lease').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Extends our lease; false when another engine holds it now. */
export async function renewLease(
  db: Db,
  holder: string,
  nowIso: string,
  expiresIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('engine_lease')
    .set({ heartbeat_at: nowIso, expires_at: expiresIso })
    .where('id', '=', 1)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function releaseLease(db: Db, holder: string): Promise<void> {
  await db
    .updateTable('engine_lease')
    .set({
      holder: null,
      holder_label: null,
      acquired_at: null,
      heartbeat_at: null,
      expires_at: null,
    })
    .where('id', '=', 1)
    .where('holder', '=', holder)
    .execute();
}

// ---------------------------------------------------------------- taking messages

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
      updated_at: nowIso,
      version: eb('version', '+', 1),
    }))
    .where('id', 'in', [...ids])
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
    return sql`(${o.id}, ${o.status}, ${o.sentAt ?? null}, ${setNext}, ${o.nextAttemptAt ?? null},
      ${o.error}, ${o.reply}, ${o.nowIso}, ${uncount})`;
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
    returning id`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

// ---------------------------------------------------------------- pacing history

export function findAccountRow(db: Db, accountId: number): Promise<MailAccountRow | undefined> {
  return db.selectFrom('mail_accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
}

/** When the account's last attempts ended (newest first): the pacing survives a restart. */
export async function recentAttemptEnds(
  db: Db,
  accountId: number,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectFrom('send_journal as j')
    .innerJoin('messages as m', 'm.id', 'j.message_id')
    .select('j.at')
    .where('m.account_id', '=', accountId)
    .where('j.event', 'in', ['sent', 'retry_scheduled', 'failed'])
    .orderBy('j.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => r.at);
}

export async function countSentSince(db: Db, accountId: number, sinceIso: string): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('sent_at', '>=', sinceIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface QueueCounts {
  /** Validated and due now. */
  due: number;
  /** Validated, waiting for a later attempt. */
  later: number;
  uncertain: number;
}

export async function queueCounts(db: Db, nowIso: string): Promise<QueueCounts> {
  const row = await db
    .selectFrom('messages')
    .select([
      sql<number>`coalesce(sum(status = 'validated' and ${isDue(nowIso)}), 0)`.as('due'),
      sql<number>`coalesce(sum(status = 'validated' and next_attempt_at > ${nowIso}), 0)`.as(
        'later',
      ),
      sql<number>`coalesce(sum(status = 'uncertain'), 0)`.as('uncertain'),
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

// ---------------------------------------------------------------- send status screen

export interface OutboxSearchQuery {
  structureId?: number;
  statuses?: MessageStatus[];
  createdFromIso?: string;
  createdBeforeIso?: string;
  sentFromIso?: string;
  sentBeforeIso?: string;
  dossierId?: number;
  dossierNumber?: string;
  documentId?: number;
  batchId?: number;
  queuedBy?: string;
  workstation?: string;
  /** Part of a recipient's address. */
  email?: string;
}

const DOCUMENT_COLUMNS = [
  'd.number as document_number',
  'p.number as dossier_number',
  'p.title as dossier_title',
  'p.first_name as dossier_first_name',
  'p.last_name as dossier_last_name',
] as const;

function outboxBase(db: Db, query: OutboxSearchQuery) {
  let base = db
    .selectFrom('messages as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .innerJoin('dossiers as p', 'p.id', 'm.dossier_id');
  if (query.structureId !== undefined) base = base.where('m.structure_id', '=', query.structureId);
  if (query.statuses?.length) base = base.where('m.status', 'in', query.statuses);
  if (query.createdFromIso) base = base.where('m.created_at', '>=', query.createdFromIso);
  if (query.createdBeforeIso) base = base.where('m.created_at', '<', query.createdBeforeIso);
  if (query.sentFromIso) base = base.where('m.sent_at', '>=', query.sentFromIso);
  if (query.sentBeforeIso) base = base.where('m.sent_at', '<', query.sentBeforeIso);
  if (query.dossierId !== undefined) base = base.where('m.dossier_id', '=', query.dossierId);
  if (query.dossierNumber) base = base.where('p.number', '=', query.dossierNumber);
  if (query.documentId !== undefined) base = base.where('m.document_id', '=', query.documentId);
  if (query.batchId !== undefined) base = base.where('m.batch_id', '=', query.batchId);
  if (query.queuedBy) base = base.where('m.queued_by', '=', query.queuedBy);
  if (query.workstation) base = base.where('m.workstation', '=', query.workstation);
  const email = query.email?.trim().toLowerCase();
  if (email) {
    const like = sql<string>`${`%${escapeLike(email)}%`} escape '\\'`;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('message_addresses as a')
          .select('a.message_id')
          .whereRef('a.message_id', '=', 'm.id')
          .where('a.address', 'like', like),
      ),
    );
  }
  return base;
}

export async function countMessagesByStatus(
  db: Db,
  query: OutboxSearchQuery,
): Promise<Map<string, number>> {
  const rows = await outboxBase(db, { ...query, statuses: [] })
    .select(['m.status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('m.status')
    .execute();
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

export async function searchMessages(
  db: Db,
  query: OutboxSearchQuery,
  limit: number,
  offset: number,
) {
  const base = outboxBase(db, query);
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('m')
    .select(DOCUMENT_COLUMNS)
    .orderBy('m.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total), rows };
}

export function findMessageWithDocument(db: Db, id: number) {
  return outboxBase(db, {})
    .selectAll('m')
    .select(DOCUMENT_COLUMNS)
    .where('m.id', '=', id)
    .executeTakeFirst();
}

export type OutboxMessageRow = NonNullable<Awaited<ReturnType<typeof findMessageWithDocument>>>;

// ---------------------------------------------------------------- journal export

export async function lastJournalId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('send_journal')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/**
 * One chunk of the journal, in id order, with what each row concerns. Read in short chunks
 * (never one long read) so that other workstations can keep writing during a big export.
 */
export interface JournalChunkQuery {
  afterId: number;
  upToId: number;
  limit: number;
  fromIso?: string;
  beforeIso?: string;
}

export function journalChunk(db: Db, chunk: JournalChunkQuery) {
  let query = db
    .selectFrom('send_journal as j')
    .leftJoin('messages as m', 'm.id', 'j.message_id')
    .leftJoin('documents as d', (join) =>
      join.on(sql<boolean>`d.id = coalesce(j.document_id, m.document_id)`),
    )
    .leftJoin('document_types as t', 't.id', 'd.type_id')
    .leftJoin('dossiers as p', 'p.id', 'd.dossier_id')
    .select([
      'j.id',
      'j.at',
      'j.event',
      'j.actor',
      'j.workstation',
      'j.detail',
      'j.server_reply',
      'm.to_addresses',
      'm.cc_addresses',
      'd.number as document_number',
      't.name_fr as type_name_fr',
      't.name_en as type_name_en',
      'p.number as dossier_number',
      'p.title as dossier_title',
      'p.first_name as dossier_first_name',
      'p.last_name as dossier_last_name',
      'p.sin as dossier_sin',
    ])
    .where('j.id', '>', chunk.afterId)
    .where('j.id', '<=', chunk.upToId);
  if (chunk.fromIso) query = query.where('j.at', '>=', chunk.fromIso);
  if (chunk.beforeIso) query = query.where('j.at', '<', chunk.beforeIso);
  return query.orderBy('j.id').limit(chunk.limit).execute();
}

export type JournalExportRow = Awaited<ReturnType<typeof journalChunk>>[number];
