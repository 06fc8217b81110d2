// Putting a backup back in place of the office's database. Refused while another
// workstation sends (its messages would be written into a database that no longer has
// them); the replaced file is kept beside it; the backup must be a whole Postier database.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Sqlite from 'better-sqlite3';
import { UserError } from '../../src-shared/errors.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { backupFileName } from './backup.js';
import { DEFAULT_BUSY_TIMEOUT_MS } from './busy.js';
import { NO_LEASE } from './outbox-engine-lease.js';
import {
  beginImmediate,
  openDatabaseWaiting,
  writeTransaction,
  type DatabaseHandle,
} from './connection.js';
import { examineFile, isDamageError } from './integrity.js';
import * as lease from './outbox-engine-lease.js';

export interface RestoreResult {
  source: string;
  /** The replaced database, kept beside it; null when there was none. */
  kept: string | null;
}

/** How long the restore holds the sending lease: longer than any copy takes. */
const RESTORE_LEASE_MS = 10 * 60_000;

export async function restoreDatabase(
  folder: DataFolder,
  sourceFile: string,
  options: { busyTimeoutMs?: number; now?: Date } = {},
): Promise<RestoreResult> {
  const source = path.resolve(sourceFile);
  const live = folder.databaseFile;
  if (source === live) throw new UserError('error.restore.sameFile', { file: source });
  await assertRestorable(source, options.busyTimeoutMs);
  const stamp = backupFileName(options.now ?? new Date()).replace(/^postier-|\.sqlite$/g, '');
  const kept = `${live}.before-restore-${stamp}`;
  const hold = await holdLiveDatabase(live, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
  try {
    const keptFile = await keepLiveFile(hold, live, kept);
    await copyInto(source, live);
    // The backup's lease row said who sent when it was made: nobody sends from it now.
    if (hold) await freeLease(hold.handle, null);
    else await freeLeaseOf(live, options.busyTimeoutMs);
    return { source, kept: keptFile };
  } catch (error) {
    // Nothing replaced: the lease goes back to being free at once, not in ten minutes.
    if (hold) await freeLease(hold.handle, hold.holderId).catch(() => undefined);
    throw error;
  } finally {
    await hold?.handle.close();
  }
}

async function assertRestorable(source: string, busyTimeoutMs?: number): Promise<void> {
  const verdict = await examineFile(source, busyTimeoutMs);
  if (verdict.kind === 'missing') throw new UserError('error.restore.notFound', { file: source });
  if (verdict.kind === 'notPostier')
    throw new UserError('error.restore.notPostier', { file: source });
  if (verdict.kind === 'damaged') {
    throw new UserError(
      'error.restore.damaged',
      { file: source },
      `backup damaged: ${verdict.problems.join(' ; ').slice(0, 300)}`,
    );
  }
}

interface LiveHold {
  handle: DatabaseHandle;
  holderId: string;
}

/**
 * Opens the live database and takes the sending lease, so that no engine starts while it
 * is replaced; refuses, naming the workstation, when one holds it. A database too damaged
 * to say (or none at all) is not held: nobody can be sending from it.
 */
async function holdLiveDatabase(live: string, busyTimeoutMs: number): Promise<LiveHold | null> {
  if (!fs.existsSync(live) || fs.statSync(live).size === 0) return null;
  let handle: DatabaseHandle;
  try {
    handle = await openDatabaseWaiting(live, { busyTimeoutMs });
  } catch (error) {
    if (isDamageError(error)) return null;
    throw error;
  }
  try {
    const holderId = `${os.hostname()}:${process.pid}:restore-${randomUUID()}`;
    const holder = await takeLeaseForRestore(handle, holderId);
    if (holder !== null) throw new UserError('error.restore.leaseHeld', { holder });
    return { handle, holderId };
  } catch (error) {
    await handle.close();
    if (isDamageError(error)) return null;
    throw error;
  }
}

/** Null when the lease is now ours; else who holds it. */
async function takeLeaseForRestore(
  handle: DatabaseHandle,
  holderId: string,
): Promise<string | null> {
  const now = Date.now();
  const stamp: lease.LeaseStamp = {
    holder: holderId,
    label: `${os.hostname()} (restauration)`,
    nowIso: new Date(now).toISOString(),
    expiresIso: new Date(now + RESTORE_LEASE_MS).toISOString(),
  };
  return writeTransaction(handle.db, async (tx) => {
    if (await lease.takeLeaseIfFree(tx, stamp)) return null;
    return (await lease.readLease(tx)).holder_label ?? '?';
  });
}

/**
 * Copies the live file aside byte for byte (a damaged file is kept as it is), under the
 * write lock when it is open, so that no other workstation's commit lands half-copied.
 */
async function keepLiveFile(
  hold: LiveHold | null,
  live: string,
  kept: string,
): Promise<string | null> {
  if (!fs.existsSync(live)) return null;
  if (!hold) {
    fs.copyFileSync(live, kept);
    return kept;
  }
  await hold.handle.db.connection().execute(async (connection) => {
    await beginImmediate(hold.handle.db, connection);
    try {
      fs.copyFileSync(live, kept);
    } finally {
      hold.handle.sqlite.exec('rollback');
    }
  });
  return kept;
}

/**
 * Writes the backup's pages into the live file with SQLite's backup API, which takes the
 * file's locks: a workstation that has it open sees the restored database, not a file
 * swapped under it. A live file SQLite cannot open (damaged) is replaced whole instead.
 */
async function copyInto(source: string, live: string): Promise<void> {
  const backup = new Sqlite(source, { readonly: true, fileMustExist: true });
  try {
    try {
      await backup.backup(live);
    } catch (error) {
      if (!isDamageError(error)) throw error;
      const temporary = `${live}.${process.pid}.restoring`;
      await backup.backup(temporary);
      fs.renameSync(temporary, live);
    }
  } finally {
    backup.close();
  }
}

async function freeLeaseOf(live: string, busyTimeoutMs?: number): Promise<void> {
  const handle = await openDatabaseWaiting(live, busyTimeoutMs ? { busyTimeoutMs } : {});
  try {
    await freeLease(handle, null);
  } finally {
    await handle.close();
  }
}

/** Frees the sending lease: whoever holds it, or only `holderId` when given. */
async function freeLease(handle: DatabaseHandle, holderId: string | null): Promise<void> {
  if (holderId !== null) {
    await lease.releaseLease(handle.db, holderId);
    return;
  }
  await writeTransaction(handle.db, (tx) =>
    tx.updateTable('engine_lease').set(NO_LEASE).where('id', '=', 1).execute(),
  );
}
