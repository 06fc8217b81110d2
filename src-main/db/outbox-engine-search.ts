// SQL of the send status screen: the messages matching a search, counted by status, and one
// message with its document and dossier.
import { sql, type ExpressionBuilder } from 'kysely';
import type { MessageStatus } from '../../src-shared/domain/statuses.js';
import type { Db } from './connection.js';
import { journalSearch, searchTerms } from './journal-search.js';
import type { Database } from './schema.js';
import { escapeLike } from './shared-sql.js';

type OutboxTables = Database & { m: Database['messages'] };

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
  /**
   * A recipient or a document, accents and case aside: part of an address, the words of the
   * dossier's or a correspondent's name, or part of the document's number.
   */
  text?: string;
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
  if (query.email?.trim()) base = base.where(addressContains(query.email));
  const terms = searchTerms(query.text);
  if (terms && query.text) {
    // Names by word and numbers by part: the journal's search tables (migration 0004).
    const text = query.text;
    base = base.where((eb) =>
      eb.or([journalSearch(db).documentMatches(terms, false), addressContains(text)(eb)]),
    );
  }
  return base;
}

/** A message with a recipient's address (stored lower-cased) holding `part`. */
function addressContains(part: string) {
  const like = sql<string>`${`%${escapeLike(part.trim().toLowerCase())}%`} escape '\\'`;
  return (eb: ExpressionBuilder<OutboxTables, 'm'>) =>
    eb.exists(
      eb
        .selectFrom('message_addresses as a')
        .select('a.message_id')
        .whereRef('a.message_id', '=', 'm.id')
        .where('a.address', 'like', like),
    );
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
