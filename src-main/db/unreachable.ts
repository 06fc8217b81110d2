// A database the process cannot reach for a while: the data folder renamed or moved away, a
// network drive gone, the file locked by another program or workstation. Writes then fail
// with one of these errors; the same connection works again once the file is back.
import { isUserError } from '../../src-shared/errors.js';

/** SQLite's errors of a file out of reach (not of a query that is wrong). */
const UNREACHABLE_CODES = [
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_BUSY',
];

/** Whether `error` says the database is out of reach for now (worth trying again later). */
export function isUnreachableError(error: unknown): boolean {
  if (isUserError(error)) return error.code.startsWith('error.database.busy');
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNREACHABLE_CODES.some((c) => code.startsWith(c));
}
