// A database the process cannot reach for a while: the data folder renamed or moved away, a
// network drive gone, the file locked by another program or workstation; on PostgreSQL the
// server restarting, the network down, the database taken offline. Writes then fail with one
// of these errors; they succeed again (a new connection on PostgreSQL) once it is back.
import { isUserError } from '../../src-shared/errors.js';

/** SQLite's errors of a file out of reach (not of a query that is wrong). */
const UNREACHABLE_CODES = [
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_READONLY_DBMOVED',
  'SQLITE_BUSY',
];

/**
 * PostgreSQL's SQLSTATEs of a server or database out of reach: class 08 (connection lost or
 * refused), 57P01-57P03 (terminated by the administrator, the server stopping or starting),
 * 3D000 (the database renamed or not there yet: a connection never creates one).
 */
const POSTGRES_UNREACHABLE = /^(08|57P0[123]$|3D000$)/;

/** Node's errors of a server out of reach on the network (PostgreSQL's socket). */
const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
];

/** The pg driver's own words when the server closes the socket under it (no SQLSTATE). */
const POSTGRES_CONNECTION_LOST =
  /^Connection terminated|not queryable|not currently accepting connections/;

/** Whether `error` says the database is out of reach for now (worth trying again later). */
export function isUnreachableError(error: unknown): boolean {
  if (isUserError(error)) {
    return (
      error.code.startsWith('error.database.busy') || error.code === 'error.postgres.unreachable'
    );
  }
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (UNREACHABLE_CODES.some((c) => code.startsWith(c))) return true;
    if (NETWORK_CODES.includes(code) || POSTGRES_UNREACHABLE.test(code)) return true;
  }
  return typeof message === 'string' && POSTGRES_CONNECTION_LOST.test(message);
}
