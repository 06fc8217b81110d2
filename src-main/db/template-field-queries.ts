// SQL for the fields an e-mail template may use beyond the standard ones: the free fields
// of a structure's dossiers (kept as JSON in dossiers.extra).
import type { Db } from './connection.js';

/** The distinct `extra` JSON texts of a structure's dossiers (one per shape, not per dossier). */
export async function listDossierExtras(db: Db, structureId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('dossiers')
    .select('extra')
    .distinct()
    .where('structure_id', '=', structureId)
    .execute();
  return rows.map((r) => r.extra);
}
