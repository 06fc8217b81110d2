// Copies of the database made with SQLite's online backup API: consistent even while other
// workstations write (the copy starts again when the file changes under it). One a day,
// at the day's first opening by any workstation, the last BACKUPS_KEPT kept; more on demand.
import fs from 'node:fs';
import path from 'node:path';
import type Sqlite from 'better-sqlite3';

export const BACKUPS_KEPT = 7;
const BACKUP_NAME = /^postier-(\d{4}-\d{2}-\d{2})-\d{6}\.sqlite$/;

/** The office's local date and time, as the file name says them: postier-2026-12-04-083015.sqlite. */
export function backupFileName(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  return `postier-${localDate(now)}-${time}.sqlite`;
}

export function localDate(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * Writes a copy of the open database to `target`, under a temporary name first so that a
 * half-written copy (a crash, a full disk) is never taken for a backup.
 */
export async function writeBackup(sqlite: Sqlite.Database, target: string): Promise<string> {
  const absolute = path.resolve(target);
  fs.mkdirSync(path.dirname(absolute), { recursive: true });
  const temporary = `${absolute}.${process.pid}.tmp`;
  try {
    await sqlite.backup(temporary);
    fs.renameSync(temporary, absolute);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
  return absolute;
}

/** The automatic backups in `folder`, oldest first (names sort as their dates do). */
export function listBackups(folder: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter((name) => BACKUP_NAME.test(name)).sort();
}

/** Removes the oldest automatic backups beyond `keep`; other files are left alone. */
export function pruneBackups(folder: string, keep: number = BACKUPS_KEPT): void {
  const names = listBackups(folder);
  for (const name of names.slice(0, Math.max(0, names.length - keep))) {
    fs.rmSync(path.join(folder, name), { force: true });
  }
}

/** Makes the day's backup unless one exists already; the path written, or null. */
export async function dailyBackup(
  sqlite: Sqlite.Database,
  folder: string,
  now: Date = new Date(),
  keep: number = BACKUPS_KEPT,
): Promise<string | null> {
  const today = localDate(now);
  if (listBackups(folder).some((name) => BACKUP_NAME.exec(name)?.[1] === today)) return null;
  const written = await writeBackup(sqlite, path.join(folder, backupFileName(now)));
  pruneBackups(folder, keep);
  return written;
}
