// SQL for document types, documents and their attachments (the journal's pages: journal-queries).
import type { Db } from './connection.js';
import type { DocumentTypeRow, NewDocumentRow } from './schema.js';

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

/** Whether the structure already has a document of this type with this number. */
export async function documentNumberTaken(
  db: Db,
  key: { structureId: number; typeId: number; number: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('structure_id', '=', key.structureId)
    .where('type_id', '=', key.typeId)
    .where('number', '=', key.number)
    .executeTakeFirst();
  return row !== undefined;
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
