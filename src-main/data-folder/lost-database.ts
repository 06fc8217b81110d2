// A data folder whose documents are there but whose database is not (deleted, moved, or
// overwritten with nothing): opening it would silently create an empty database, and the
// office would lose its journal without knowing. Refused, with what to do.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';
import type { DataFolder } from './data-folder.js';

/** Throws when the database file is missing or empty while documents/ holds files. */
export function refuseLostDatabase(folder: DataFolder): void {
  const size = fileSize(folder.databaseFile);
  if (size !== null && size > 0) return;
  if (!holdsAFile(folder.documentsFolder)) return;
  throw new UserError(size === null ? 'error.database.missing' : 'error.database.empty', {
    file: folder.databaseFile,
    documents: folder.documentsFolder,
    backups: folder.backupsFolder,
  });
}

function fileSize(file: string): number | null {
  try {
    return fs.statSync(file).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Whether `folder` or one of its subfolders holds at least one file (stops at the first). */
function holdsAFile(folder: string): boolean {
  const pending = [folder];
  for (let folders = 0; pending.length > 0 && folders < 10_000; folders++) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(pending.pop()!, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isFile()) return true;
      if (entry.isDirectory()) pending.push(path.join(entry.parentPath, entry.name));
    }
  }
  return false;
}
