// SQL for preparing bulk sends (documents to send, their recipients and files, what is
// already queued or sent) and for the user's actions on queued messages (validate, block,
// reset, fix an address). A document's e-mail state is derived from its messages here.
import { sql } from 'kysely';
import type { MessageStatus } from '../../src-shared/domain/statuses.js';
import type { Db } from './connection.js';
import type { MessageRow, NewMessageRow } from './schema.js';
import { inSlices, nowSql } from './shared-sql.js';

/** Ids per `in (...)` list (see inSlices). */
const IN_LIST_SLICE = 500;

// ---------------------------------------------------------------- documents to prepare

export interface DocumentSelection {
  structureId: number;
  typeCode?: string;
  period?: string;
  documentIds?: number[];
}

/** The chosen documents with everything a message needs: dossier, type, manager, group. */
export function listDocumentsToPrepare(db: Db, selection: DocumentSelection) {
  let query = db
    .selectFrom('documents as d')
    .innerJoin('dossiers as p', 'p.id', 'd.dossier_id')
    .innerJoin('document_types as t', 't.id', 'd.type_id')
    .leftJoin('staff as m', 'm.id', 'p.manager_id')
    .leftJoin('client_groups as g', 'g.id', 'p.group_id')
    .select([
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
    ])
    .where('d.structure_id', '=', selection.structureId);
  if (selection.typeCode) query = query.where('t.code', '=', selection.typeCode);
  if (selection.period) query = query.where('d.period', '=', selection.period);
  if (selection.documentIds) {
    query = query.where(
      'd.id',
      'in',
      selection.documentIds.length > 0 ? selection.documentIds : [-1],
    );
  }
  return query.orderBy('p.number').orderBy('d.id').execute();
}

export type DocumentToPrepareRow = Awaited<ReturnType<typeof listDocumentsToPrepare>>[number];

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
      .select(['id', 'dossier_id', 'name', 'email', 'receives_documents'])
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

/**
 * Derives documents.email_state from the document's messages that still count, i.e. that
 * carry an address (a reset message no longer does): any sent → 'sent', else uncertain,
 * else queued (pending, validated, sending, blocked), else failed, else 'none'.
 * last_sent_at is the latest send ever, reset or not: the journal shows when it last went.
 * Call it in the transaction that changed the messages.
 */
export async function refreshDocumentEmailState(db: Db, documentId: number): Promise<void> {
  await refreshDocumentEmailStates(db, [documentId]);
}

export async function refreshDocumentEmailStates(
  db: Db,
  documentIds: readonly number[],
): Promise<void> {
  const counted = (statuses: MessageStatus[]) => sql<boolean>`exists (
    select 1 from messages m
    where m.document_id = documents.id
      and m.status in (${sql.join(statuses)})
      and exists (select 1 from message_addresses a where a.message_id = m.id))`;
  const unique = [...new Set(documentIds)];
  for (let i = 0; i < unique.length; i += IN_LIST_SLICE) {
    await db
      .updateTable('documents')
      .set({
        email_state: sql<string>`case
          when ${counted(['sent'])} then 'sent'
          when ${counted(['uncertain'])} then 'uncertain'
          when ${counted(['pending', 'validated', 'sending', 'blocked'])} then 'queued'
          when ${counted(['failed'])} then 'failed'
          else 'none' end`,
        last_sent_at: sql<string | null>`coalesce(
          (select max(m.sent_at) from messages m where m.document_id = documents.id and m.status = 'sent'),
          last_sent_at)`,
        updated_at: nowSql,
      })
      .where('id', 'in', unique.slice(i, i + IN_LIST_SLICE))
      .execute();
  }
}

// ---------------------------------------------------------------- user actions

export function findMessages(db: Db, ids: readonly number[]) {
  return inSlices(ids, IN_LIST_SLICE, (slice) =>
    db
      .selectFrom('messages')
      .select([
        'id',
        'document_id',
        'dossier_id',
        'status',
        'version',
        'to_addresses',
        'cc_addresses',
      ])
      .where('id', 'in', slice)
      .orderBy('id')
      .execute(),
  );
}

export type MessageStateRow = Awaited<ReturnType<typeof findMessages>>[number];

export interface MessageScope {
  structureId?: number;
  batchId?: number;
}

/** The ids of every message in one of `statuses`, oldest first: what "all" means. */
export async function listMessageIdsByStatus(
  db: Db,
  statuses: readonly MessageStatus[],
  scope: MessageScope,
): Promise<number[]> {
  let query = db
    .selectFrom('messages')
    .select('id')
    .where('status', 'in', [...statuses]);
  if (scope.structureId !== undefined) query = query.where('structure_id', '=', scope.structureId);
  if (scope.batchId !== undefined) query = query.where('batch_id', '=', scope.batchId);
  return (await query.orderBy('id').execute()).map((r) => r.id);
}

/** Changes a message's status if it is still in `from` at `version`; false otherwise. */
export async function changeMessageStatus(
  db: Db,
  target: { id: number; version: number; from: string },
  to: MessageStatus,
  extra: Partial<
    Pick<MessageRow, 'attempts' | 'next_attempt_at' | 'last_error' | 'last_reply' | 'sending_by'>
  > = {},
): Promise<boolean> {
  const result = await db
    .updateTable('messages')
    .set({
      ...extra,
      status: to,
      version: target.version + 1,
      updated_at: nowSql,
      ...(to === 'validated' && { validated_at: nowSql }),
    })
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .where('status', '=', target.from)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Whether another message than `exceptMessageId` carries this document to this address. */
export async function addressTakenByOther(
  db: Db,
  documentId: number,
  address: string,
  exceptMessageId: number,
): Promise<boolean> {
  const row = await db
    .selectFrom('message_addresses')
    .select('message_id')
    .where('document_id', '=', documentId)
    .where('address', '=', address.toLowerCase())
    .where('message_id', '!=', exceptMessageId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the message was replaced by another one to a corrected address. */
export async function wasReplaced(db: Db, messageId: number): Promise<boolean> {
  const row = await db
    .selectFrom('send_journal')
    .select('id')
    .where('message_id', '=', messageId)
    .where('event', '=', 'address_fixed')
    .executeTakeFirst();
  return row !== undefined;
}

export function countMessageAddresses(db: Db, messageId: number) {
  return db
    .selectFrom('message_addresses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('message_id', '=', messageId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export interface ResetSelection {
  structureId?: number;
  documentIds?: number[];
  messageIds?: number[];
  typeCode?: string;
  period?: string;
}

/** The sent, failed and uncertain messages that still count for their document. */
export async function listResettableMessages(db: Db, selection: ResetSelection) {
  let query = db
    .selectFrom('messages as m')
    .innerJoin('documents as d', 'd.id', 'm.document_id')
    .innerJoin('document_types as t', 't.id', 'd.type_id')
    .select(['m.id', 'm.document_id', 'm.status'])
    .where('m.status', 'in', ['sent', 'failed', 'uncertain'])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('message_addresses as a')
          .select('a.message_id')
          .whereRef('a.message_id', '=', 'm.id'),
      ),
    );
  if (selection.structureId !== undefined)
    query = query.where('d.structure_id', '=', selection.structureId);
  if (selection.typeCode) query = query.where('t.code', '=', selection.typeCode);
  if (selection.period) query = query.where('d.period', '=', selection.period);
  if (selection.documentIds)
    query = query.where(
      'm.document_id',
      'in',
      selection.documentIds.length ? selection.documentIds : [-1],
    );
  if (selection.messageIds)
    query = query.where('m.id', 'in', selection.messageIds.length ? selection.messageIds : [-1]);
  return query.orderBy('m.id').execute();
}

export async function deleteMessageAddresses(db: Db, messageIds: readonly number[]): Promise<void> {
  for (let i = 0; i < messageIds.length; i += IN_LIST_SLICE) {
    await db
      .deleteFrom('message_addresses')
      .where('message_id', 'in', messageIds.slice(i, i + IN_LIST_SLICE))
      .execute();
  }
}

export function findMessageRowById(db: Db, id: number): Promise<MessageRow | undefined> {
  return db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The dossier's correspondents whose address is `address` (any case). */
export function findCorrespondentsByAddress(db: Db, dossierId: number, address: string) {
  return db
    .selectFrom('correspondents')
    .select(['id', 'version'])
    .where('dossier_id', '=', dossierId)
    .where(sql<string>`lower(trim(email))`, '=', address.trim().toLowerCase())
    .execute();
}

export async function replaceCorrespondentAddress(
  db: Db,
  correspondent: { id: number; version: number },
  email: string,
): Promise<boolean> {
  const result = await db
    .updateTable('correspondents')
    .set({ email, version: correspondent.version + 1 })
    .where('id', '=', correspondent.id)
    .where('version', '=', correspondent.version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
