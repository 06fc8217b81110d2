// SQL for structures, staff, client groups, dossiers and correspondents.
import { sql } from 'kysely';
import type { Db } from './connection.js';
import { journalSearch } from './journal-search.js';
import { escapeLike, nowSql } from './shared-sql.js';
import type {
  CorrespondentRow,
  DossierRow,
  DossierUpdate,
  NewCorrespondentRow,
  NewDossierRow,
  NewStructureRow,
  StructureRow,
  StructureUpdate,
} from './schema.js';

export function listStructures(db: Db): Promise<StructureRow[]> {
  return db.selectFrom('structures').selectAll().orderBy('id').execute();
}

export function findStructure(
  db: Db,
  idOrName: string | number,
): Promise<StructureRow | undefined> {
  const query = db.selectFrom('structures').selectAll();
  return typeof idOrName === 'number' || /^\d+$/.test(idOrName)
    ? query.where('id', '=', Number(idOrName)).executeTakeFirst()
    : query.where('name', '=', idOrName).executeTakeFirst();
}

export async function insertStructure(db: Db, row: NewStructureRow): Promise<number> {
  const { id } = await db
    .insertInto('structures')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Returns false when the row changed since `version` was read (a stale write). */
export async function updateStructure(
  db: Db,
  id: number,
  version: number,
  patch: StructureUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('structures')
    .set({ ...patch, version: version + 1, updated_at: nowSql })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertStaff(db: Db, structureId: number, name: string, email: string | null) {
  const row = await db
    .insertInto('staff')
    .values({ structure_id: structureId, name, email })
    .returningAll()
    .executeTakeFirstOrThrow();
  return row;
}

export function listStaff(db: Db, structureId: number) {
  return db
    .selectFrom('staff')
    .selectAll()
    .where('structure_id', '=', structureId)
    .orderBy('name')
    .execute();
}

export async function insertClientGroup(
  db: Db,
  structureId: number,
  name: string,
  email: string | null,
) {
  return db
    .insertInto('client_groups')
    .values({ structure_id: structureId, name, email })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function listClientGroups(db: Db, structureId: number) {
  return db
    .selectFrom('client_groups')
    .selectAll()
    .where('structure_id', '=', structureId)
    .orderBy('name')
    .execute();
}

export async function insertDossier(db: Db, row: NewDossierRow): Promise<number> {
  const { id } = await db
    .insertInto('dossiers')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateDossier(
  db: Db,
  id: number,
  version: number,
  patch: DossierUpdate,
): Promise<boolean> {
  const result = await db
    .updateTable('dossiers')
    .set({ ...patch, version: version + 1, updated_at: nowSql })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export function findDossierById(db: Db, id: number): Promise<DossierRow | undefined> {
  return db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDossierByNumber(
  db: Db,
  structureId: number,
  number: string,
): Promise<DossierRow | undefined> {
  return db
    .selectFrom('dossiers')
    .selectAll()
    .where('structure_id', '=', structureId)
    .where('number', '=', number)
    .executeTakeFirst();
}

export interface DossierSearchQuery {
  structureId?: number;
  text?: string;
  limit: number;
  offset: number;
}

/** Dossiers matching number, names or a correspondent's address, sorted by name. */
export async function searchDossiers(
  db: Db,
  query: DossierSearchQuery,
): Promise<{ total: number; rows: DossierRow[] }> {
  let base = db.selectFrom('dossiers');
  if (query.structureId !== undefined) base = base.where('structure_id', '=', query.structureId);
  const text = query.text?.trim();
  if (text) {
    // The number by any part, as typed; names, address and correspondents (names, e-mails) by
    // word, accents and case aside ("lefevre" finds Lefèvre): dossier_search of migration 0004.
    // ASCII lower case on both sides: PostgreSQL's LIKE minds the case, SQLite's does not
    // for ASCII (and SQLite's lower() folds ASCII only).
    const asciiLower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
    const like = sql<string>`${`%${escapeLike(asciiLower)}%`} escape '\\'`;
    const byWords = journalSearch(db).dossiersByWords(text);
    base = base.where((eb) =>
      eb.or([
        eb(eb.fn<string>('lower', ['number']), 'like', like),
        ...(byWords ? [sql<boolean>`dossiers.id in (${byWords})`] : []),
      ]),
    );
  }
  const { total } = await base
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  // French order (Bélanger before Boucher, É with E): sort_name of migration 0004, the one key
  // every list of dossiers and the journal sorted by name use; the id only between equals.
  const rows = await base
    .selectAll('dossiers')
    .orderBy(sql`sort_name`)
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute();
  return { total: Number(total), rows };
}

export function listCorrespondents(db: Db, dossierIds: number[]): Promise<CorrespondentRow[]> {
  if (dossierIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('correspondents')
    .selectAll()
    .where('dossier_id', 'in', dossierIds)
    .orderBy('dossier_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function insertCorrespondent(db: Db, row: NewCorrespondentRow): Promise<number> {
  const { id } = await db
    .insertInto('correspondents')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateCorrespondent(
  db: Db,
  id: number,
  version: number,
  patch: Partial<
    Pick<CorrespondentRow, 'name' | 'relation' | 'email' | 'receives_documents' | 'language'>
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('correspondents')
    .set({ ...patch, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function deleteCorrespondent(db: Db, id: number, version: number): Promise<boolean> {
  const result = await db
    .deleteFrom('correspondents')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numDeletedRows === 1n;
}
