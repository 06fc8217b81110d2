// SQL for staff notifications: the staff with their language, the one-notification-per-run
// claim, and the messages a notification names (with the dossier's SIN, only to take it out).
import type { Db } from './connection.js';
import { inSlices } from './shared-sql.js';

export function listStaffWithLanguage(db: Db, structureId: number) {
  return db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'language'])
    .where('structure_id', '=', structureId)
    .orderBy('name')
    .execute();
}

/** Adds the staff member, or changes the one of that name (case-insensitive); returns the row. */
export async function saveStaff(
  db: Db,
  structureId: number,
  member: { name: string; email?: string | null; language?: string },
) {
  const existing = (await listStaffWithLanguage(db, structureId)).find(
    (s) => s.name.toLocaleLowerCase('fr') === member.name.toLocaleLowerCase('fr'),
  );
  if (!existing) {
    return db
      .insertInto('staff')
      .values({
        structure_id: structureId,
        name: member.name,
        email: member.email ?? null,
        ...(member.language && { language: member.language }),
      })
      .returning(['id', 'name', 'email', 'language'])
      .executeTakeFirstOrThrow();
  }
  return db
    .updateTable('staff')
    .set((eb) => ({
      ...(member.email !== undefined && { email: member.email }),
      ...(member.language !== undefined && { language: member.language }),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', existing.id)
    .returning(['id', 'name', 'email', 'language'])
    .executeTakeFirstOrThrow();
}

/**
 * Takes the right to send the notification of `event` for this run and structure: true the
 * first time, false ever after (the primary key refuses the second, whichever process asks).
 */
export async function claimNotification(
  db: Db,
  claim: { runKey: string; event: string; structureId: number; at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('notifications_sent')
    .values({
      run_key: claim.runKey,
      event: claim.event,
      structure_id: claim.structureId,
      at: claim.at,
    })
    .onConflict((oc) => oc.columns(['run_key', 'event', 'structure_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** What a notification says of each message: who it was for, and why it did not go. */
export async function messagesToName(db: Db, ids: readonly number[]) {
  return inSlices(ids, 500, (slice) =>
    db
      .selectFrom('messages as m')
      .innerJoin('dossiers as d', 'd.id', 'm.dossier_id')
      .select([
        'm.id',
        'm.structure_id',
        'm.account_id',
        'm.to_addresses',
        'm.last_error',
        'm.last_reply',
        'd.number as dossier_number',
        'd.title as dossier_title',
        'd.first_name as dossier_first_name',
        'd.last_name as dossier_last_name',
        'd.sin',
      ])
      .where('m.id', 'in', slice)
      .orderBy('m.id')
      .execute(),
  );
}

/** The send journal's last event: what a run writes after it is its own. */
export async function lastJournalId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('send_journal')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Messages marked uncertain after the journal event `afterId` (and still uncertain). */
export async function uncertainSince(db: Db, afterId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('send_journal as j')
    .innerJoin('messages as m', 'm.id', 'j.message_id')
    .select('m.id')
    .distinct()
    .where('j.id', '>', afterId)
    .where('j.event', '=', 'uncertain')
    .where('m.status', '=', 'uncertain')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => r.id);
}
