// SQL for mail accounts: one per structure. Passwords are never here, only a reference into
// the credential store (credential_ref).
import type { Db } from './connection.js';
import { nowSql } from './shared-sql.js';
import type { MailAccountRow, NewMailAccountRow } from './schema.js';

export function findMailAccountByStructure(
  db: Db,
  structureId: number,
): Promise<MailAccountRow | undefined> {
  return db
    .selectFrom('mail_accounts')
    .selectAll()
    .where('structure_id', '=', structureId)
    .executeTakeFirst();
}

export function findMailAccountById(db: Db, id: number): Promise<MailAccountRow | undefined> {
  return db.selectFrom('mail_accounts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Creates the structure's account with the table's defaults (a sandbox) unless it exists. */
export async function ensureMailAccount(db: Db, structureId: number): Promise<MailAccountRow> {
  await db
    .insertInto('mail_accounts')
    .values({ structure_id: structureId })
    .onConflict((oc) => oc.column('structure_id').doNothing())
    .execute();
  return db
    .selectFrom('mail_accounts')
    .selectAll()
    .where('structure_id', '=', structureId)
    .executeTakeFirstOrThrow();
}

export type MailAccountValues = Omit<
  NewMailAccountRow,
  'id' | 'structure_id' | 'version' | 'created_at' | 'updated_at'
>;

/** Inserts or replaces the structure's account; the version goes up at each change. */
export async function saveMailAccount(
  db: Db,
  structureId: number,
  values: MailAccountValues,
): Promise<MailAccountRow> {
  return db
    .insertInto('mail_accounts')
    .values({ ...values, structure_id: structureId })
    .onConflict((oc) =>
      oc.column('structure_id').doUpdateSet((eb) => ({
        ...values,
        version: eb('mail_accounts.version', '+', 1),
        updated_at: nowSql,
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
