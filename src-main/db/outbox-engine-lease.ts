// SQL of the engine lease (engine_lease, row id = 1): one sending engine at a time per
// database file. Every change is guarded by the holder, so that a stale engine can never
// take back a lease another engine holds now.
import { sql } from 'kysely';
import type { Db } from './connection.js';

export interface LeaseStamp {
  holder: string;
  label: string;
  nowIso: string;
  expiresIso: string;
}

/** Takes the lease when it is free, expired or already ours. True when taken. */
export async function takeLeaseIfFree(db: Db, stamp: LeaseStamp): Promise<boolean> {
  const result = await db
    .updateTable('engine_lease')
    .set({
      holder: stamp.holder,
      holder_label: stamp.label,
      // Renewing our own lease keeps the time the run started.
      acquired_at: sql<string>`case when holder = ${stamp.holder} then acquired_at else ${stamp.nowIso} end`,
      heartbeat_at: stamp.nowIso,
      expires_at: stamp.expiresIso,
    })
    .where('id', '=', 1)
    .where((eb) =>
      eb.or([
        eb('holder', 'is', null),
        eb('holder', '=', stamp.holder),
        eb('expires_at', 'is', null),
        eb('expires_at', '<=', stamp.nowIso),
      ]),
    )
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Takes the lease from one given holder (known to be dead), and from nobody else. */
export async function takeLeaseFrom(
  db: Db,
  previousHolder: string,
  stamp: LeaseStamp,
): Promise<boolean> {
  const result = await db
    .updateTable('engine_lease')
    .set({
      holder: stamp.holder,
      holder_label: stamp.label,
      acquired_at: stamp.nowIso,
      heartbeat_at: stamp.nowIso,
      expires_at: stamp.expiresIso,
    })
    .where('id', '=', 1)
    .where('holder', '=', previousHolder)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export function readLease(db: Db) {
  return db.selectFrom('engine_lease').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Extends our lease; false when another engine holds it now. */
export async function renewLease(
  db: Db,
  holder: string,
  nowIso: string,
  expiresIso: string,
): Promise<boolean> {
  const result = await db
    .updateTable('engine_lease')
    .set({ heartbeat_at: nowIso, expires_at: expiresIso })
    .where('id', '=', 1)
    .where('holder', '=', holder)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** The lease row with nobody holding it. */
export const NO_LEASE = {
  holder: null,
  holder_label: null,
  acquired_at: null,
  heartbeat_at: null,
  expires_at: null,
} as const;

export async function releaseLease(db: Db, holder: string): Promise<void> {
  await db
    .updateTable('engine_lease')
    .set(NO_LEASE)
    .where('id', '=', 1)
    .where('holder', '=', holder)
    .execute();
}
