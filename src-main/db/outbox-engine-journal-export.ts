// SQL of the journal export: the journal read in short chunks, each row with the document
// and dossier it concerns.
import { sql } from 'kysely';
import type { Db } from './connection.js';

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
