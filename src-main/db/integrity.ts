// Whether a database file is whole: SQLite's quick_check (every page and record readable,
// about 0.2 s for 100 MB on a local disk), and the damage errors SQLite raises on the way.
import fs from 'node:fs';
import Sqlite from 'better-sqlite3';
import { UserError } from '../../src-shared/errors.js';
import { BusyGate, DEFAULT_BUSY_TIMEOUT_MS, isBusyError } from './busy.js';

/** SQLite's codes for a file that is not (or no longer) a readable database. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

/** SQLite's own words for what is wrong. */
function describeDamage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The problems quick_check finds, read through `gate` (it waits for a lock); [] when whole. */
export async function quickCheck(sqlite: Sqlite.Database, gate?: BusyGate): Promise<string[]> {
  const run = () => sqlite.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  try {
    const rows = gate ? await gate.run(run) : run();
    const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
    return problems.slice(0, 3);
  } catch (error) {
    if (isDamageError(error)) return [describeDamage(error)];
    throw error;
  }
}

export interface DamageContext {
  file: string;
  backupsFolder: string;
}

export function damagedError(context: DamageContext, problems: string[]): UserError {
  // SQLite's own words stay out of the sentence (English, technical), in the error for POSTIER_DEBUG.
  return new UserError(
    'error.database.damaged',
    { file: context.file, backups: context.backupsFolder },
    `database damaged: ${problems.join(' ; ').slice(0, 300)}`,
  );
}

/** Checks an open connection; throws the plain message naming what to do when damaged. */
export async function assertWhole(
  sqlite: Sqlite.Database,
  gate: BusyGate | undefined,
  context: DamageContext,
): Promise<void> {
  const problems = await quickCheck(sqlite, gate);
  if (problems.length > 0) throw damagedError(context, problems);
}

/** The tables every Postier database has, whatever its version. */
const POSTIER_TABLES = ['kysely_migration', 'engine_lease', 'messages'];

export type FileVerdict =
  | { kind: 'whole' }
  | { kind: 'missing' }
  | { kind: 'notPostier' }
  | { kind: 'damaged'; problems: string[] };

/**
 * Examines a database file without changing it (read-only): is it there, is it a Postier
 * database, does it pass quick_check. Waits for a lock like the app does.
 */
export async function examineFile(
  file: string,
  busyTimeoutMs = DEFAULT_BUSY_TIMEOUT_MS,
): Promise<FileVerdict> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { kind: 'missing' };
  let sqlite: Sqlite.Database;
  try {
    sqlite = new Sqlite(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  } catch (error) {
    if (isDamageError(error)) return verdictOnDamage(file, error);
    throw error;
  }
  try {
    const gate = new BusyGate(sqlite, busyTimeoutMs);
    const names = await gate.run(() => tableNames(sqlite));
    if (!POSTIER_TABLES.every((name) => names.includes(name))) return { kind: 'notPostier' };
    const problems = await quickCheck(sqlite, gate);
    return problems.length > 0 ? { kind: 'damaged', problems } : { kind: 'whole' };
  } catch (error) {
    if (isBusyError(error)) throw error;
    if (isDamageError(error)) return verdictOnDamage(file, error);
    throw error;
  } finally {
    sqlite.close();
  }
}

/** A file starting as SQLite's do is a damaged database; anything else is not one. */
function verdictOnDamage(file: string, error: unknown): FileVerdict {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header.equals(SQLITE_HEADER)
    ? { kind: 'damaged', problems: [describeDamage(error)] }
    : { kind: 'notPostier' };
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function tableNames(sqlite: Sqlite.Database): string[] {
  const rows = sqlite.prepare("select name from sqlite_master where type = 'table'").all() as {
    name: string;
  }[];
  return rows.map((row) => row.name);
}
