// The document journal in SQL: a page of documents with their send state, and its total.
// A long list walks the covering index of its order (migration 0004): a page is placed after
// or before a neighbour's key (keyset), else by offset from the nearer end, so that the first,
// a middle and the last page read about as many index entries as they show. A short one (a
// period, a type, a search with few matches) is read by its filter and sorted. Then only the
// page's rows are read in full.
import { sql, type RawBuilder } from 'kysely';
import { isPostgres } from '../../migrations/dialect.js';
import type { JournalFilter } from '../../src-shared/domain/documents.js';
import type { Db } from './connection.js';
import {
  decodeCursor,
  encodeCursor,
  journalOrder,
  pastKey,
  type JournalOrder,
  type KeyValues,
} from './journal-keyset.js';
import { journalSearch, searchTerms, tableRead } from './journal-search.js';

export interface JournalPageRequest {
  limit: number;
  /** Used when no cursor fits the order: the page's first row's position. */
  offset: number;
  /** The rows just after this row (a cursor from a previous page). */
  after?: string;
  /** The rows just before this row. */
  before?: string;
}

/**
 * How a page reads the documents: 'walk' along the covering index of its order (a long list:
 * the page's rows come first, nothing is sorted); 'auto', SQLite's choice (a short list: read
 * by its filter's index, then sorted); 'rowid' for a list of ids; or this index.
 */
type Read = 'walk' | 'auto' | 'rowid' | string;

/** How a filter is read: its predicates, its total, and how a page reads the documents. */
interface ReadPlan {
  where: RawBuilder<boolean>[];
  total: number;
  page: Read;
}

/**
 * Up to this many rows a page reads them by its filter (or a search by its matches) and sorts
 * them; past it, it walks the order's index, where the first rows come soon.
 */
const SORTED_READ_MAX = 3000;

/** The filters but the text, as predicates on documents `d`. */
function filterPredicates(filter: JournalFilter): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [];
  if (filter.structureId !== undefined) where.push(sql`d.structure_id = ${filter.structureId}`);
  if (filter.types?.length) {
    where.push(
      sql`d.type_id in (select id from document_types where code in (${sql.join(filter.types)}))`,
    );
  }
  if (filter.period) where.push(sql`d.period = ${filter.period}`);
  if (filter.periodFrom) where.push(sql`d.period >= ${filter.periodFrom}`);
  if (filter.periodTo) where.push(sql`d.period <= ${filter.periodTo}`);
  if (filter.emailStates?.length) {
    where.push(sql`d.email_state in (${sql.join(filter.emailStates)})`);
  }
  if (filter.dossierId !== undefined) where.push(sql`d.dossier_id = ${filter.dossierId}`);
  if (filter.documentIds) {
    where.push(filter.documentIds.length ? sql`d.id in (${sql.join(filter.documentIds)})` : sql`0`);
  }
  return where;
}

function whereAll(predicates: RawBuilder<boolean>[]): RawBuilder<unknown> {
  return predicates.length ? sql`where ${sql.join(predicates, sql` and `)}` : sql``;
}

async function countOf(db: Db, query: RawBuilder<{ n: number }>): Promise<number> {
  const { rows } = await query.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The filter's total, and how its pages read: one dossier's documents or a list of ids through
 * their own index; a short list by its filter, then sorted; a long one along the order's index;
 * a search counted from its matches, its pages read from them when they are few.
 */
async function readPlan(db: Db, filter: JournalFilter): Promise<ReadPlan> {
  const where = filterPredicates(filter);
  const terms = searchTerms(filter.text);
  const { documentMatches, searchCount } = journalSearch(db);
  const narrow =
    filter.documentIds !== undefined
      ? 'rowid'
      : filter.dossierId !== undefined
        ? 'documents_by_dossier'
        : null;
  if (narrow || !terms) {
    if (terms) where.push(documentMatches(terms, false));
    const documents = tableRead('documents', 'd', narrow);
    const total = await countOf(
      db,
      sql<{ n: number }>`select count(*) as n from ${documents} ${whereAll(where)}`,
    );
    return { where, total, page: narrow ?? (total <= SORTED_READ_MAX ? 'auto' : 'walk') };
  }
  const total = await countOf(db, searchCount(terms, where));
  const driven = total <= SORTED_READ_MAX && !terms.numberLike;
  where.push(documentMatches(terms, driven));
  return { where, total, page: driven ? 'rowid' : 'walk' };
}

export async function countJournal(db: Db, filter: JournalFilter): Promise<number> {
  return (await readPlan(db, filter)).total;
}

interface Placed {
  id: number;
  values: KeyValues;
}

interface Seek {
  limit: number;
  offset?: number;
  /** Only rows past this key, in the direction read. */
  past?: KeyValues;
}

/** The tables a page reads: documents, joined to dossiers when sorting by name. */
function pageFrom(order: JournalOrder, plan: ReadPlan): RawBuilder<unknown> {
  if (plan.page === 'walk') {
    if (!order.byDossier) return tableRead('documents', 'd', order.index);
    return sql`${tableRead('dossiers', 'p', order.index)} join ${tableRead('documents', 'd', 'documents_by_dossier')} on d.dossier_id = p.id`;
  }
  const documents = tableRead('documents', 'd', plan.page === 'auto' ? null : plan.page);
  if (!order.byDossier) return documents;
  return sql`dossiers as p join ${documents} on d.dossier_id = p.id`;
}

/** The ids (and keys) of up to `limit` rows in this order. */
async function seek(
  db: Db,
  plan: ReadPlan,
  order: JournalOrder,
  descending: boolean,
  { limit, offset = 0, past }: Seek,
): Promise<Placed[]> {
  const where = past ? [...plan.where, pastKey(order.columns, past, descending)] : plan.where;
  const direction = descending ? sql`desc` : sql`asc`;
  const keys = order.columns.map((column, i) => sql`${column} as ${sql.raw(`k${i}`)}`);
  const { rows } = await sql<Record<string, string | number>>`select ${sql.join(keys)}
    from ${pageFrom(order, plan)} ${whereAll(where)}
    order by ${sql.join(order.columns.map((c) => sql`${c} ${direction}`))}
    limit ${limit} offset ${offset}`.execute(db);
  return rows.map((row) => {
    const values = order.columns.map((_, i) => row[`k${i}`]!);
    return { id: Number(values[values.length - 1]), values };
  });
}

/** Where the requested page's rows are: by cursor when one fits, else by offset. */
async function placePage(
  db: Db,
  filter: JournalFilter,
  plan: ReadPlan,
  request: JournalPageRequest,
): Promise<Placed[]> {
  const { total } = plan;
  const order = journalOrder(filter.sort);
  const descending = filter.descending !== false;
  const { limit, offset } = request;
  const after = decodeCursor(order, request.after);
  if (after) return seek(db, plan, order, descending, { limit, past: after });
  const before = decodeCursor(order, request.before);
  if (before) return (await seek(db, plan, order, !descending, { limit, past: before })).reverse();
  const remaining = total - offset;
  if (remaining <= 0) return [];
  if (offset <= remaining) return seek(db, plan, order, descending, { limit, offset });
  // Past the middle the page is read from the end: the last page costs what the first does.
  const count = Math.min(limit, remaining);
  return (
    await seek(db, plan, order, !descending, { limit: count, offset: remaining - count })
  ).reverse();
}

/** The documents with their dossier and type, in the order of `ids`. */
async function rowsByIds(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('documents as d')
    .innerJoin('dossiers as p', 'p.id', 'd.dossier_id')
    .innerJoin('document_types as t', 't.id', 'd.type_id')
    .selectAll('d')
    .select([
      'p.number as dossier_number',
      'p.title as dossier_title',
      'p.first_name as dossier_first_name',
      'p.last_name as dossier_last_name',
      't.code as type_code',
    ])
    .where('d.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type JournalRow = Awaited<ReturnType<typeof rowsByIds>>[number];

export interface JournalPageRows {
  total: number;
  rows: JournalRow[];
  /** Cursors of the first and the last row, to ask for the pages around this one. */
  first?: string;
  last?: string;
}

/**
 * PostgreSQL, no search, the first page or one next to a cursor: the page's place needs no
 * total and its SQL is the same whatever the total (SQLite's index hints are dropped there),
 * so the total is counted on another connection of the pool while the page is read. Null
 * where the page needs the total first.
 */
function pageWithTotal(db: Db, filter: JournalFilter, request: JournalPageRequest) {
  const besideCursor = request.after !== undefined || request.before !== undefined;
  if (!isPostgres(db) || searchTerms(filter.text) || !(besideCursor || request.offset === 0)) {
    return null;
  }
  const unknownTotal: ReadPlan = {
    where: filterPredicates(filter),
    total: Number.MAX_SAFE_INTEGER,
    page: 'walk',
  };
  const page = placePage(db, filter, unknownTotal, request).then(async (placed) => ({
    placed,
    rows: await rowsByIds(
      db,
      placed.map((p) => p.id),
    ),
  }));
  return Promise.all([readPlan(db, filter), page]).then(([plan, read]) => ({ plan, ...read }));
}

export async function queryJournalPage(
  db: Db,
  filter: JournalFilter,
  request: JournalPageRequest,
): Promise<JournalPageRows> {
  const { plan, placed, rows } = await (pageWithTotal(db, filter, request) ??
    (async () => {
      const plan = await readPlan(db, filter);
      const placed = await placePage(db, filter, plan, request);
      const rows = await rowsByIds(
        db,
        placed.map((p) => p.id),
      );
      return { plan, placed, rows };
    })());
  const key = journalOrder(filter.sort).key;
  const [first, last] = [placed[0], placed[placed.length - 1]];
  return {
    total: plan.total,
    rows,
    ...(first && { first: encodeCursor(key, first.values) }),
    ...(last && { last: encodeCursor(key, last.values) }),
  };
}
