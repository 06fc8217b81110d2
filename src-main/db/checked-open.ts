// Opening the office's database the way every door does: refused when it was lost beside
// its documents, checked whole (quick_check), brought to the current schema, and copied
// once a day into backups/. On PostgreSQL: reached, then brought to the current schema (the
// server checks and backs itself up, with its own tools).
import { lazyCredentialStore, type CredentialStore } from '../credentials/credential-store.js';
import type { DataFolder, DataLocation } from '../data-folder/data-folder.js';
import { refuseLostDatabase } from '../data-folder/lost-database.js';
import { dailyBackup } from './backup.js';
import {
  gateOf,
  openDatabaseWaiting,
  type AnyDatabaseHandle,
  type DatabaseHandle,
} from './connection.js';
import { assertWhole, damagedError, isDamageError, type DamageContext } from './integrity.js';
import { migrateToLatest } from './migrate.js';

export interface CheckedDatabase<Handle = DatabaseHandle> {
  handle: Handle;
  /** Names of the migrations this opening applied (empty when already up to date). */
  appliedMigrations: string[];
}

export async function openCheckedDatabase(
  folder: DataFolder,
  options: { busyTimeoutMs?: number } = {},
): Promise<CheckedDatabase> {
  refuseLostDatabase(folder);
  const context: DamageContext = {
    file: folder.databaseFile,
    backupsFolder: folder.backupsFolder,
  };
  let handle: DatabaseHandle | null = null;
  try {
    handle = await openDatabaseWaiting(folder.databaseFile, options);
    // Before anything is written: a damaged file must not take new messages.
    await assertWhole(handle.sqlite, gateOf(handle.db), context);
    const appliedMigrations = await migrateToLatest(handle.db);
    await backUpForToday(handle, folder);
    return { handle, appliedMigrations };
  } catch (error) {
    await handle?.close();
    if (isDamageError(error)) throw damagedError(context, [(error as Error).message]);
    throw error;
  }
}

/**
 * The day's backup, when no workstation made it yet. A backup that cannot be written (a
 * full disk, a lock) must not keep the office from working: `postier db check` names the
 * latest backup, so a missing one shows.
 */
async function backUpForToday(handle: DatabaseHandle, folder: DataFolder): Promise<void> {
  try {
    await dailyBackup(handle.sqlite, folder.backupsFolder);
  } catch {
    // See above: tomorrow's first opening (or `postier db backup`) tries again.
  }
}

/** The office's database where `location` says: a data folder's file, or a PostgreSQL server. */
export async function openOfficeDatabase(
  location: DataLocation,
  folder: DataFolder,
  options: { busyTimeoutMs?: number; credentials?: () => Promise<CredentialStore> } = {},
): Promise<CheckedDatabase<AnyDatabaseHandle>> {
  if (location.kind === 'folder') return openCheckedDatabase(folder, options);
  // Loaded only here: a data folder's opening never pays for the pg driver.
  const { openPostgresDatabase, postgresServerError } = await import('./postgres-dialect.js');
  const { postgresPassword } = await import('./postgres-password.js');
  const handle = openPostgresDatabase(location.url, {
    password: postgresPassword(location.url, options.credentials ?? lazyCredentialStore()),
  });
  try {
    return { handle, appliedMigrations: await migrateToLatest(handle.db) };
  } catch (error) {
    await handle.close();
    throw postgresServerError(location.url, error);
  }
}
