// What `postier db backup` and `postier db check` do: they work on the file itself, without
// migrating it, so that they still answer when the database is damaged.
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';
import type { DataFolder } from '../data-folder/data-folder.js';
import { refuseLostDatabase } from '../data-folder/lost-database.js';
import { backupFileName, listBackups, pruneBackups, writeBackup } from './backup.js';
import { gateOf, openDatabaseWaiting, type DatabaseHandle } from './connection.js';
import { assertWhole, damagedError, examineFile, isDamageError } from './integrity.js';

export interface CareOptions {
  busyTimeoutMs?: number;
  now?: Date;
}

/** Copies the database (checked whole first) to `out`, else into backups/; the path written. */
export async function backUpNow(
  folder: DataFolder,
  out: string | undefined,
  options: CareOptions = {},
): Promise<string> {
  refuseLostDatabase(folder);
  const context = { file: folder.databaseFile, backupsFolder: folder.backupsFolder };
  let handle: DatabaseHandle | null = null;
  try {
    handle = await openDatabaseWaiting(folder.databaseFile, options);
    // A copy of a damaged file would be taken for a good one on the day it is needed.
    await assertWhole(handle.sqlite, gateOf(handle.db), context);
    const target =
      out ?? path.join(folder.backupsFolder, backupFileName(options.now ?? new Date()));
    const written = await writeBackup(handle.sqlite, target);
    if (out === undefined) pruneBackups(folder.backupsFolder);
    return written;
  } catch (error) {
    if (isDamageError(error)) throw damagedError(context, [(error as Error).message]);
    throw error;
  } finally {
    await handle?.close();
  }
}

export interface CheckReport {
  file: string;
  /** The newest backup in backups/, or null when there is none. */
  latestBackup: string | null;
}

/** Reads the whole file (quick_check); throws the plain message naming what to do when damaged. */
export async function checkDatabase(
  folder: DataFolder,
  options: CareOptions = {},
): Promise<CheckReport> {
  refuseLostDatabase(folder);
  const file = folder.databaseFile;
  const verdict = await examineFile(file, options.busyTimeoutMs);
  if (verdict.kind === 'missing') {
    // Beside documents, refuseLostDatabase said so already: here the folder is simply wrong.
    throw new UserError('error.restore.notFound', { file });
  }
  if (verdict.kind !== 'whole') {
    const problems = verdict.kind === 'damaged' ? verdict.problems : ['not a database'];
    throw damagedError({ file, backupsFolder: folder.backupsFolder }, problems);
  }
  const latest = listBackups(folder.backupsFolder).at(-1);
  return { file, latestBackup: latest ? path.join(folder.backupsFolder, latest) : null };
}
