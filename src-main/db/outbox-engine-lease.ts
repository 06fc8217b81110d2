// SQL of the engine lease (engine_lease, row id = 1): one sending engine at a time per
// database. Every change is guarded by the holder, so that a stale engine can never take back
// a lease another engine holds now. On PostgreSQL the holder also keeps a session advisory
// lock named after it for as long as it holds the lease (holdEngineSession): the server lets
// it go the moment the holder's connection ends (process killed, workstation switched off,
// once the server notices), so any workstation sees a dead holder at once (holderSessionGone),
// where SQLite can only tell one that died on this very workstation.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { isPostgres } from '../../migrations/dialect.js';
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

// ---------------------------------------------------------------- PostgreSQL: the holder's session

/** The advisory lock space of lease holders ("LEAS"); the write lock uses a one-key lock. */
const HOLDER_LOCK_SPACE = 0x4c454153;

/** A holder's advisory lock key: 32 bits of its id's SHA-256 (ids are random, collisions moot). */
function holderKey(holder: string): number {
  return createHash('sha256').update(holder).digest().readInt32BE(0);
}

const holderLock =
  (fn: 'pg_advisory_lock' | 'pg_try_advisory_lock' | 'pg_advisory_unlock') => (holder: string) =>
    sql<{ ok: boolean }>`select ${sql.raw(fn)}(cast(${HOLDER_LOCK_SPACE} as integer),
      cast(${holderKey(holder)} as integer)) as ok`;

export interface EngineSession {
  /** Lets the lock go and gives the connection back (no-op on SQLite). */
  release(): Promise<void>;
}

const NO_SESSION: EngineSession = { release: () => Promise.resolve() };

/**
 * PostgreSQL: holds `holder`'s advisory lock on a connection of its own until released, to be
 * taken before the lease row names `holder` and released after it no longer does. SQLite:
 * nothing (a file has no sessions).
 */
export async function holdEngineSession(db: Db, holder: string): Promise<EngineSession> {
  if (!isPostgres(db)) return NO_SESSION;
  let letGo!: () => void;
  const released = new Promise<void>((resolve) => (letGo = resolve));
  let taken!: () => void;
  const held = new Promise<void>((resolve) => (taken = resolve));
  const session = db.connection().execute(async (connection) => {
    await holderLock('pg_advisory_lock')(holder).execute(connection);
    taken();
    await released;
    await holderLock('pg_advisory_unlock')(holder).execute(connection);
  });
  // Failing before the lock was taken fails here; after, the release says nothing (the
  // connection is gone, and with it the lock).
  await Promise.race([held, session]);
  return {
    release: async () => {
      letGo();
      await session.catch(() => undefined);
    },
  };
}

/**
 * Whether `holder`'s session has ended (PostgreSQL: nobody holds its advisory lock, so the
 * process that held the lease is gone). Always false on SQLite.
 */
export async function holderSessionGone(tx: Db, holder: string): Promise<boolean> {
  if (!isPostgres(tx)) return false;
  const { rows } = await holderLock('pg_try_advisory_lock')(holder).execute(tx);
  if (!rows[0]?.ok) return false;
  await holderLock('pg_advisory_unlock')(holder).execute(tx);
  return true;
}
