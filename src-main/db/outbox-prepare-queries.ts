// SQL for preparing bulk sends (documents to send, their recipients and files, what is
// already queued or sent) and queuing their messages. A document's e-mail state is derived
// from its messages here. The user's actions on queued messages: message-action-queries.ts.
import { sql } from 'kysely';
import { isPostgres } from '../../migrations/dialect.js';
import type { Db } from './connection.js';
import type { MessageRow, NewMessageRow } from './schema.js';
import { refreshDocumentEmailStates } from './document-send-state-queries.js';
import { inSlices } from './shared-sql.js';

export { refreshDocumentEmailStates };

/** Ids per `in (...)` list (see inSlices). */
const IN_LIST_SLICE = 500;

// ---------------------------------------------------------------- documents to prepare

export interface DocumentSelection {
  structureId: number;
  typeCode?: string;
  period?: string;
  documentIds?: number[];
}

/**
 * The chosen documents with everything a message needs: dossier, type, manager, group, in
 * dossier number order. On SQLite each row comes as one JSON array (json_array) made into a
 * plain object here: better-sqlite3 builds rows of this many columns as dictionaries (about
 * 1.5 KB each, slow to build and to read), and reading 5,000 of them that way took 40-50 ms
 * of the bulk-send dialog's opening, against about 12 ms as JSON; every row also gets one
 * shape, a fifth of the size, which matters to a batch of 10,000 documents being written.
 */
export async function listDocumentsToPrepare(
  db: Db,
  selection: DocumentSelection,
): Promise<DocumentToPrepareRow[]> {
  let query = documentsQuery(db).where('d.structure_id', '=', selection.structureId);
  if (selection.typeCode) query = query.where('t.code', '=', selection.typeCode);
  if (selection.period) query = query.where('d.period', '=', selection.period);
  if (selection.documentIds) {
    query = query.where(
      'd.id',
      'in',
      selection.documentIds.length > 0 ? selection.documentIds : [-1],
    );
  }
  if (isPostgres(db)) {
    const rows = await query.orderBy('p.number').orderBy('d.id').execute();
    return rows.map((row) => ({ ...row }));
  }
  const names = DOCUMENT_COLUMNS.map((column) => column.split(' as ').pop()!.split('.').pop()!);
  const rows = await db
    .selectFrom(query.as('x'))
    .select(sql<string>`json_array(${sql.join(names.map((name) => sql.ref(`x.${name}`)))})`.as('r'))
    .orderBy('x.dossier_number')
    .orderBy('x.id')
    .execute();
  return rows.map(({ r }) => {
    const values = JSON.parse(r) as unknown[];
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    return row as DocumentToPrepareRow;
  });
}

/** What listDocumentsToPrepare reads, in this order. */
const DOCUMENT_COLUMNS = [
  'd.id',
  'd.dossier_id',
  'd.number',
  'd.period',
  'd.due_date',
  'd.currency',
  'd.amount_cents',
  'd.summary_number',
  'd.pdf_path',
  'd.email_state',
  'd.last_sent_at',
  'p.number as dossier_number',
  'p.title as dossier_title',
  'p.first_name as dossier_first_name',
  'p.last_name as dossier_last_name',
  'p.email_opt_in as dossier_email_opt_in',
  'p.sin as dossier_sin',
  'p.extra as dossier_extra',
  'p.language as dossier_language',
  't.code as type_code',
  't.name_fr as type_name_fr',
  't.name_en as type_name_en',
  't.password_rule as type_password_rule',
  't.password_fallback as type_password_fallback',
  't.requires_summary_number as type_requires_summary_number',
  'm.name as manager_name',
  'm.email as manager_email',
  'g.name as group_name',
  'g.email as group_email',
] as const;

function documentsQuery(db: Db) {
  return db
    .selectFrom('documents as d')
    .innerJoin('dossiers as p', 'p.id', 'd.dossier_id')
    .innerJoin('document_types as t', 't.id', 'd.type_id')
    .leftJoin('staff as m', 'm.id', 'p.manager_id')
    .leftJoin('client_groups as g', 'g.id', 'p.group_id')
    .select(DOCUMENT_COLUMNS);
}

export type DocumentToPrepareRow = Awaited<
  ReturnType<ReturnType<typeof documentsQuery>['execute']>
>[number];

export function listDocumentFiles(db: Db, documentIds: readonly number[]) {
  return inSlices(documentIds, IN_LIST_SLICE, (slice) =>
    db
      .selectFrom('document_attachments')
      .select(['document_id', 'file_name', 'file_path', 'size_bytes'])
      .where('document_id', 'in', slice)
      .orderBy('document_id')
      .orderBy('id')
      .execute(),
  );
}

export function listReceivingCorrespondents(db: Db, dossierIds: readonly number[]) {
  return inSlices(dossierIds, IN_LIST_SLICE, (slice) =>
    db
      .selectFrom('correspondents')
      .select(['id', 'dossier_id', 'name', 'email', 'receives_documents', 'language'])
      .where('dossier_id', 'in', slice)
      .orderBy('dossier_id')
      .orderBy('position')
      .orderBy('id')
      .execute(),
  );
}

export type ReceivingCorrespondentRow = Awaited<
  ReturnType<typeof listReceivingCorrespondents>
>[number];

export interface AddressInUse {
  document_id: number;
  address: string;
  message_id: number;
  status: string;
}

/** The (document, address) pairs some message already carries: queued, sent, failed... */
export function listAddressesInUse(
  db: Db,
  documentIds: readonly number[],
): Promise<AddressInUse[]> {
  return inSlices(documentIds, IN_LIST_SLICE, (slice) =>
    db
      .selectFrom('message_addresses as a')
      .innerJoin('messages as m', 'm.id', 'a.message_id')
      .select(['a.document_id', 'a.address', 'a.message_id', 'm.status'])
      .where('a.document_id', 'in', slice)
      .execute(),
  );
}

// ---------------------------------------------------------------- queuing

export async function insertBatch(
  db: Db,
  row: { structure_id: number; description: string; created_by: string; workstation: string },
): Promise<number> {
  const { id } = await db
    .insertInto('send_batches')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteBatchIfEmpty(db: Db, batchId: number): Promise<void> {
  await db
    .deleteFrom('send_batches')
    .where('id', '=', batchId)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('messages').select('id').where('batch_id', '=', batchId))),
    )
    .execute();
}

export async function insertMessage(db: Db, row: NewMessageRow): Promise<MessageRow> {
  return db.insertInto('messages').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Rows per multi-row insert (a message row has about 30 parameters; see inSlices). */
const INSERT_SLICE = 100;

/**
 * Inserts messages a slice at a time (one statement each, not one per message: a bulk send
 * writes thousands); returns them in the order given. Every row has its own Message-ID.
 */
export async function insertMessages(
  db: Db,
  rows: readonly NewMessageRow[],
): Promise<MessageRow[]> {
  const returned = await inSlices(rows, INSERT_SLICE, (slice) =>
    db.insertInto('messages').values(slice).returningAll().execute(),
  );
  // SQLite does not promise RETURNING's order: the Message-ID puts each row back in place.
  const inserted = new Map(returned.map((row) => [row.message_id_header, row]));
  return rows.map((row) => inserted.get(row.message_id_header)!);
}

export async function insertMessageAddresses(
  db: Db,
  messageId: number,
  documentId: number,
  addresses: readonly string[],
): Promise<void> {
  await insertAddressesOfMessages(db, [{ messageId, documentId, addresses }]);
}

/** The addresses each message carries (lower case, once each), a slice at a time. */
export async function insertAddressesOfMessages(
  db: Db,
  messages: readonly { messageId: number; documentId: number; addresses: readonly string[] }[],
): Promise<void> {
  const rows = messages.flatMap(({ messageId, documentId, addresses }) =>
    [...new Set(addresses.map((a) => a.toLowerCase()))].map((address) => ({
      message_id: messageId,
      document_id: documentId,
      address,
    })),
  );
  await inSlices(rows, INSERT_SLICE, async (slice) => {
    await db
      .insertInto('message_addresses')
      .values(slice)
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}

// ---------------------------------------------------------------- the document's e-mail state

/** The document's e-mail state, from documentSendState: see document-send-state-queries.ts. */
export async function refreshDocumentEmailState(db: Db, documentId: number): Promise<void> {
  await refreshDocumentEmailStates(db, [documentId]);
}
