// SQL for the user's actions on queued messages (validate, block, unblock, reset, fix an
// address, decide about an uncertain one): finding them, changing their status at the
// version the user saw, and the addresses a message carries.
import { sql } from 'kysely';
import type { MessageStatus } from '../../src-shared/domain/statuses.js';
import type { Db } from './connection.js';
import type { MessageRow } from './schema.js';
import { inSlices, nowSql } from './shared-sql.js';

/** Ids per `in (...)` list (see inSlices). */
const IN_LIST_SLICE = 500;

export function findMessages(db: Db, ids: readonly number[]) {
  return inSlices(ids, IN_LIST_SLICE, (slice) =>
    db
      .selectFrom('messages')
      .select([
        'id',
        'document_id',
        'dossier_id',
        'status',
        'scheduled_at',
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
    Pick<
      MessageRow,
      'attempts' | 'next_attempt_at' | 'last_error' | 'last_reply' | 'sending_by' | 'scheduled_at'
    >
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
