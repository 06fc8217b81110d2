// Waiting for another workstation's lock on the shared database file. SQLite's busy timeout
// waits inside one synchronous call, during which nothing else in this process runs: no
// notice on the screen, no event to the window. So a long wait is cut into slices with the
// event loop turning between them, and after the first slice (2 s) whoever listens (the
// CLI's stderr, the window's status bar) is told that Postier is waiting, and for whom.
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type Sqlite from 'better-sqlite3';
import { UserError } from '../../src-shared/errors.js';

export const DEFAULT_BUSY_TIMEOUT_MS = 15_000;
/** POSTIER_BUSY_TIMEOUT_MS when it names a positive number of milliseconds, else 15 s. */
export function busyTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = Number(env.POSTIER_BUSY_TIMEOUT_MS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : DEFAULT_BUSY_TIMEOUT_MS;
}

/** A shorter wait goes unannounced: a commit of another workstation takes milliseconds. */
export const WAIT_NOTICE_AFTER_MS = 2_000;
const SLICE_MS = 500;

export interface DatabaseWait {
  waiting: boolean;
  /** The workstation holding the sending lease, when one does: most likely the one locking. */
  holder: string | null;
}

type WaitListener = (wait: DatabaseWait) => void;
const listeners = new Set<WaitListener>();

/** Tells `listener` when this process starts and stops waiting for the database. */
export function onDatabaseWait(listener: WaitListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function tell(wait: DatabaseWait): void {
  for (const listener of listeners) {
    try {
      listener(wait);
    } catch {
      // A notice that cannot be shown must not break the work that waits.
    }
  }
}

/**
 * SQLite's "busy" met by a statement that is not waited through a BusyGate (a read while
 * another workstation commits, say): the user reads the sentence, and whoever retries busy
 * work (the gate, migrations, the engine writing outcomes) still recognises it.
 */
export class DatabaseBusyError extends UserError {}

export function isBusyError(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/** Runs one statement of `sqlite`; its "busy" becomes a DatabaseBusyError naming the holder. */
export function translateBusy<T>(sqlite: Sqlite.Database, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!isBusyError(error) || error instanceof DatabaseBusyError) throw error;
    const holder = sendingWorkstation(sqlite);
    throw holder
      ? new DatabaseBusyError('error.database.busyBy', { holder })
      : new DatabaseBusyError('error.database.busy');
  }
}

/**
 * The busy error the user reads: with the workstation holding the sending lease when one
 * does (the usual reason for a long lock), else the general sentence.
 */
export function busyError(sqlite: Sqlite.Database | null): UserError {
  const holder = sqlite ? sendingWorkstation(sqlite) : null;
  return holder
    ? new UserError('error.database.busyBy', { holder })
    : new UserError('error.database.busy');
}

/**
 * Who holds the sending lease, unless it is this very process or has expired. Read without
 * waiting: while another workstation holds the file exclusively nothing can be read, and
 * then we simply do not know.
 */
export function sendingWorkstation(sqlite: Sqlite.Database): string | null {
  const previous = sqlite.pragma('busy_timeout', { simple: true }) as number;
  try {
    sqlite.pragma('busy_timeout = 0');
    const row = sqlite
      .prepare('select holder, holder_label, expires_at from engine_lease where id = 1')
      .get() as { holder: string | null; holder_label: string | null; expires_at: string | null };
    const ours = row.holder?.startsWith(`${os.hostname()}:${process.pid}:`) ?? false;
    const live = row.expires_at !== null && row.expires_at > new Date().toISOString();
    return row.holder && !ours && live ? (row.holder_label ?? row.holder) : null;
  } catch {
    return null;
  } finally {
    sqlite.pragma(`busy_timeout = ${previous}`);
  }
}

/** One connection's patience: how long it waits for a lock, in slices the user can see. */
export class BusyGate {
  constructor(
    private readonly sqlite: Sqlite.Database,
    readonly timeoutMs: number,
  ) {}

  /**
   * Runs `attempt` (one statement that may meet another workstation's lock: the first read,
   * BEGIN IMMEDIATE), again while the file is busy, until the timeout; then says who holds it.
   * Retrying is safe because a busy statement did nothing.
   */
  async run<T>(attempt: () => T | Promise<T>): Promise<T> {
    const started = Date.now();
    let announced = false;
    let slice = Math.min(WAIT_NOTICE_AFTER_MS, this.timeoutMs);
    try {
      for (;;) {
        this.sqlite.pragma(`busy_timeout = ${slice}`);
        try {
          return await attempt();
        } catch (error) {
          if (!isBusyError(error)) throw error;
          const left = this.timeoutMs - (Date.now() - started);
          if (left <= 0) throw busyError(this.sqlite);
          if (!announced) tell({ waiting: true, holder: sendingWorkstation(this.sqlite) });
          announced = true;
          // The event loop turns: the notice reaches the window before the next slice blocks.
          await sleep(10);
          slice = Math.max(1, Math.min(SLICE_MS, left));
        }
      }
    } finally {
      if (this.sqlite.open) this.sqlite.pragma(`busy_timeout = ${this.timeoutMs}`);
      if (announced) tell({ waiting: false, holder: null });
    }
  }
}
