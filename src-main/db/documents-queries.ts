// SQL for document types, documents and their attachments: the journal.
import { sql, type SelectQueryBuilder } from 'kysely';
import type { JournalFilter, JournalSortKey } from '../../src-shared/domain/documents.js';
import type { Db } from './connection.js';
import { escapeLike } from './records-queries.js';
import type { Database, DocumentTypeRow, NewDocumentRow } from './schema.js';

export function listDocumentTypes(db: Db): Promise<DocumentTypeRow[]> {
  return db.selectFrom('document_types').selectAll().orderBy('id').execute();
}

export function findDocumentType(db: Db, code: string): Promise<DocumentTypeRow | undefined> {
  return db.selectFrom('document_types').selectAll().where('code', '=', code).executeTakeFirst();
}

/** Changes a type's password rule, fallback or watermark; false when `version` is stale. */
export async function updateDocumentTypeSettings(
  db: Db,
  code: string,
  version: number,
  patch: Partial<Pick<DocumentTypeRow, 'password_rule' | 'password_fallback' | 'watermark'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('document_types')
    .set({ ...patch, version: version + 1 })
    .where('code', '=', code)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The free fields of every dossier (JSON objects), once each: what a rule may also use. */
export async function listDossierExtras(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('dossiers').select('extra').distinct().execute();
  return rows.map((r) => r.extra);
}

export async function insertDocument(db: Db, row: NewDocumentRow): Promise<number> {
  const { id } = await db
    .insertInto('documents')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertAttachment(
  db: Db,
  row: { document_id: number; file_name: string; file_path: string; size_bytes: number },
): Promise<number> {
  const { id } = await db
    .insertInto('document_attachments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function listAttachments(db: Db, documentId: number) {
  return db
    .selectFrom('document_attachments')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
}

/** Everything needed to show, render or send one document. */
export function findDocumentDetail(db: Db, id: number) {
  return db
    .selectFrom('documents as d')
    .innerJoin('dossiers as p', 'p.id', 'd.dossier_id')
    .innerJoin('document_types as t', 't.id', 'd.type_id')
    .innerJoin('structures as s', 's.id', 'd.structure_id')
    .selectAll('d')
    .select([
      'p.number as dossier_number',
      'p.title as dossier_title',
      'p.first_name as dossier_first_name',
      'p.last_name as dossier_last_name',
      'p.address as dossier_address',
      't.code as type_code',
      't.watermark as type_watermark',
      's.name as structure_name',
      's.address as structure_address',
      's.phone as structure_phone',
      's.communication_email as structure_email',
      's.locale as structure_locale',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export type DocumentDetailRow = NonNullable<Awaited<ReturnType<typeof findDocumentDetail>>>;

const SORT_COLUMNS: Record<JournalSortKey, string> = {
  issueDate: 'd.issue_date',
  number: 'd.number',
  dossierName: 'p.last_name',
  amount: 'd.amount_cents',
  period: 'd.period',
  lastSentAt: 'd.last_sent_at',
};

type DocumentsQuery = SelectQueryBuilder<Database & { d: Database['documents'] }, 'd', object>;

/**
 * The journal's filters, on the documents table alone: the count needs no join, and type
 * and text filters go through small subqueries so that the indexes serve them.
 */
function filteredDocuments(db: Db, filter: JournalFilter): DocumentsQuery {
  let query = db.selectFrom('documents as d') as unknown as DocumentsQuery;
  if (filter.structureId !== undefined)
    query = query.where('d.structure_id', '=', filter.structureId);
  const types = filter.types;
  if (types?.length) {
    query = query.where('d.type_id', 'in', (eb) =>
      eb.selectFrom('document_types').select('id').where('code', 'in', types),
    );
  }
  if (filter.period) query = query.where('d.period', '=', filter.period);
  if (filter.periodFrom) query = query.where('d.period', '>=', filter.periodFrom);
  if (filter.periodTo) query = query.where('d.period', '<=', filter.periodTo);
  if (filter.emailStates?.length) query = query.where('d.email_state', 'in', filter.emailStates);
  if (filter.dossierId !== undefined) query = query.where('d.dossier_id', '=', filter.dossierId);
  if (filter.documentIds)
    query = query.where('d.id', 'in', filter.documentIds.length ? filter.documentIds : [-1]);
  const text = filter.text?.trim();
  if (text) {
    const like = sql<string>`${`%${escapeLike(text)}%`} escape '\\'`;
    query = query.where((eb) =>
      eb.or([
        eb('d.number', 'like', like),
        eb('d.dossier_id', 'in', (sub) =>
          sub
            .selectFrom('dossiers as p')
            .select('p.id')
            .where((w) =>
              w.or([
                w('p.number', 'like', like),
                w(sql<string>`p.last_name || ' ' || p.first_name`, 'like', like),
                w(sql<string>`p.first_name || ' ' || p.last_name`, 'like', like),
              ]),
            ),
        ),
      ]),
    );
  }
  return query;
}

export async function queryJournal(db: Db, filter: JournalFilter, limit: number, offset: number) {
  const base = filteredDocuments(db, filter);
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const direction = filter.descending === false ? 'asc' : 'desc';
  const sortColumn = SORT_COLUMNS[filter.sort ?? 'issueDate'];
  const rows = await base
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
    .orderBy(sql.ref(sortColumn), direction)
    .orderBy('d.id', direction)
    .limit(limit)
    .offset(offset)
    .execute();
  return { total: Number(total), rows };
}

export async function countAttachments(
  db: Db,
  documentIds: number[],
): Promise<Map<number, number>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('document_attachments')
    .select(['document_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('document_id', 'in', documentIds)
    .groupBy('document_id')
    .execute();
  return new Map(rows.map((r) => [r.document_id, Number(r.n)]));
}
