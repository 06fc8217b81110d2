// SQL for imports: whole-structure lookups and multi-row inserts, so that ten thousand rows
// go in one short transaction instead of ten thousand round trips.
import type { Db } from './connection.js';
import { nowSql } from './shared-sql.js';
import type {
  DossierUpdate,
  NewCorrespondentRow,
  NewDocumentRow,
  NewDossierRow,
} from './schema.js';

/** Rows per multi-row INSERT: well under SQLite's limit on bound variables. */
const INSERT_CHUNK = 400;

export function listDossiersForImport(db: Db, structureId: number) {
  return db
    .selectFrom('dossiers')
    .select(['id', 'number', 'version', 'email_opt_in', 'extra'])
    .where('structure_id', '=', structureId)
    .execute();
}

export type ImportDossierKey = Awaited<ReturnType<typeof listDossiersForImport>>[number];

export function listCorrespondentsForImport(db: Db, structureId: number) {
  return db
    .selectFrom('correspondents as c')
    .innerJoin('dossiers as d', 'd.id', 'c.dossier_id')
    .select(['c.id', 'c.dossier_id', 'c.email', 'c.receives_documents', 'c.position'])
    .where('d.structure_id', '=', structureId)
    .orderBy('c.dossier_id')
    .orderBy('c.position')
    .execute();
}

export type ImportCorrespondentKey = Awaited<
  ReturnType<typeof listCorrespondentsForImport>
>[number];

/** Inserts dossiers; returns their ids by number. */
export async function insertDossiers(db: Db, rows: NewDossierRow[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted = await db
      .insertInto('dossiers')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .returning(['id', 'number'])
      .execute();
    for (const row of inserted) ids.set(row.number, row.id);
  }
  return ids;
}

export async function updateDossierForImport(
  db: Db,
  id: number,
  patch: DossierUpdate,
): Promise<void> {
  await db
    .updateTable('dossiers')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: nowSql }))
    .where('id', '=', id)
    .execute();
}

export async function insertCorrespondents(db: Db, rows: NewCorrespondentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto('correspondents')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  }
}

/** The file says these addresses receive documents. */
export async function markCorrespondentsReceiving(db: Db, ids: number[]): Promise<void> {
  for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
    await db
      .updateTable('correspondents')
      .set((eb) => ({ receives_documents: 1, version: eb('version', '+', 1) }))
      .where('id', 'in', ids.slice(i, i + INSERT_CHUNK))
      .where('receives_documents', '=', 0)
      .execute();
  }
}

export function listDocumentsForImport(db: Db, structureId: number) {
  return db
    .selectFrom('documents as d')
    .innerJoin('document_types as t', 't.id', 'd.type_id')
    .innerJoin('dossiers as p', 'p.id', 'd.dossier_id')
    .select([
      'd.id',
      'd.number',
      'd.type_id',
      't.code as type_code',
      'd.period',
      'd.email_state',
      'd.pdf_path',
      'd.version',
      'p.number as dossier_number',
    ])
    .where('d.structure_id', '=', structureId)
    .execute();
}

export type ImportDocumentKey = Awaited<ReturnType<typeof listDocumentsForImport>>[number];

export async function insertDocuments(db: Db, rows: NewDocumentRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const inserted = await db
      .insertInto('documents')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Attaches or replaces a document's PDF; false if it changed since `version` was read. */
export async function replaceDocumentPdf(
  db: Db,
  id: number,
  version: number,
  pdfPath: string,
): Promise<boolean> {
  const result = await db
    .updateTable('documents')
    .set({ pdf_path: pdfPath, pdf_source: 'imported', version: version + 1, updated_at: nowSql })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
