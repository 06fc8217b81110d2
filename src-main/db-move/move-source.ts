// The data folder an office moves from: its SQLite file opened as every door opens it (lost
// beside its documents refused, checked whole), never migrated, backed up or written by the
// move. Its rows are read in one read transaction: a snapshot, and, since SQLite's rollback
// journal lets nobody commit while it is held, no send can start (nor any edit be lost)
// while the office moves; a workstation that tries waits, then says the base is busy.
import fs from 'node:fs';
import { UserError } from '../../src-shared/errors.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { refuseLostDatabase } from '../data-folder/lost-database.js';
import { gateOf, openDatabaseWaiting, type DatabaseHandle } from '../db/connection.js';
import { assertWhole } from '../db/integrity.js';
import { readLease } from '../db/outbox-engine-lease.js';
import { beginSnapshot, countSendingMessages, missingMigrations } from '../db/table-copy.js';

export interface MoveSource {
  handle: DatabaseHandle;
  /** Ends the snapshot (when taken) and closes the file. */
  close(): Promise<void>;
}

export async function openSource(folder: DataFolder, busyTimeoutMs?: number): Promise<MoveSource> {
  refuseLostDatabase(folder);
  const file = folder.databaseFile;
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) {
    throw new UserError('error.dbMove.noSource', { folder: folder.root });
  }
  const handle = await openDatabaseWaiting(file, busyTimeoutMs ? { busyTimeoutMs } : {});
  let endSnapshot: (() => void) | null = null;
  const close = async () => {
    try {
      endSnapshot?.();
    } finally {
      await handle.close();
    }
  };
  try {
    await assertWhole(handle.sqlite, gateOf(handle.db), {
      file,
      backupsFolder: folder.backupsFolder,
    });
    if (missingMigrations(handle.sqlite).length > 0) {
      throw new UserError('error.dbMove.sourceOutdated', { folder: folder.root });
    }
    endSnapshot = beginSnapshot(handle.sqlite);
    await refuseWhileSending(handle);
    return { handle, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Refuses when an engine is sending now (the sending lease held, not expired: a window's run
 * or the robot) or messages are with a server ('sending': a send going on, or stopped
 * mid-way and not yet settled). Read inside the snapshot: nobody can start one after.
 */
async function refuseWhileSending(handle: DatabaseHandle): Promise<void> {
  const lease = await readLease(handle.db);
  if (lease.holder && lease.expires_at && lease.expires_at > new Date().toISOString()) {
    throw new UserError('error.dbMove.leaseHeld', { holder: lease.holder_label ?? '?' });
  }
  const sending = countSendingMessages(handle.sqlite);
  if (sending > 0) throw new UserError('error.dbMove.messagesSending', { count: sending });
}
