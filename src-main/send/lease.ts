// One sending engine at a time per database, across processes and workstations: a lease row
// (engine_lease, id = 1) taken in a write transaction, renewed by a heartbeat, released on
// stop, and taken over once it expires, or at once from a holder known to be dead: its
// process is gone on this workstation, or (PostgreSQL) its session on the server is
// (outbox-engine-lease.ts, holdEngineSession).
//
// Time: every timestamp here comes from this process's clock (Date.now(), injectable for
// tests), written as ISO-8601 UTC text and compared as text. SQLite has no clock of its own
// (it runs inside each process), so strftime('now') would read the same local clock: the
// file server's clock is out of reach. Workstation clocks may differ by a few seconds;
// the lease tolerates a skew smaller than ttl − heartbeat interval (2/3 of the TTL: 20 s
// with the default 30 s), which Windows time synchronisation keeps well within. A crashed
// engine on the same workstation is recognised at once (its process is gone), so a restart
// there never waits for the TTL.
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { UserError } from '../../src-shared/errors.js';
import { writeTransaction, type Db } from '../db/connection.js';
import * as q from '../db/outbox-engine-lease.js';
import type { Actor } from '../workstation/identity.js';

export const DEFAULT_LEASE_TTL_MS = 30_000;

export type LeaseResult =
  | { held: true; holderId: string; expiresAt: string; tookOverFrom: string | null }
  | { held: false; holderLabel: string; acquiredAt: string; expiresAt: string };

/**
 * A holder id names this process on this workstation (so that a dead holder here can be
 * recognised) plus a random part (two runs in one process are two holders).
 */
export function newHolderId(): string {
  return `${os.hostname()}:${process.pid}:${randomUUID()}`;
}

export function leaseLabel(actor: Actor): string {
  return `${actor.workstation} (${actor.user})`;
}

/**
 * Takes the lease when free, expired, already ours, or held by a dead holder: a process of
 * this workstation that no longer exists, or (PostgreSQL) a holder whose session ended.
 */
export async function acquireLease(
  db: Db,
  holderId: string,
  label: string,
  ttlMs: number,
  now: number = Date.now(),
): Promise<LeaseResult> {
  const stamp: q.LeaseStamp = {
    holder: holderId,
    label,
    nowIso: new Date(now).toISOString(),
    expiresIso: new Date(now + ttlMs).toISOString(),
  };
  return writeTransaction(db, async (tx) => {
    if (await q.takeLeaseIfFree(tx, stamp)) {
      return { held: true, holderId, expiresAt: stamp.expiresIso, tookOverFrom: null };
    }
    const current = await q.readLease(tx);
    if (
      current.holder &&
      (holderIsDeadHere(current.holder) || (await q.holderSessionGone(tx, current.holder))) &&
      (await q.takeLeaseFrom(tx, current.holder, stamp))
    ) {
      return { held: true, holderId, expiresAt: stamp.expiresIso, tookOverFrom: current.holder };
    }
    return {
      held: false,
      holderLabel: current.holder_label ?? '?',
      acquiredAt: current.acquired_at ?? stamp.nowIso,
      expiresAt: current.expires_at ?? stamp.nowIso,
    };
  });
}

/** True only when the holder ran on this very machine and its process no longer exists. */
export function holderIsDeadHere(holderId: string): boolean {
  const [host, pidText] = holderId.split(':');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid)
    return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface HoldLeaseOptions {
  holderId: string;
  actor: Actor;
  ttlMs: number;
  now: () => number;
  /** Wait for the other engine to finish instead of failing with who holds the lease. */
  waitForLease: boolean;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  onWaiting?: (holderLabel: string) => void;
}

/** A lease being held: renewed every ttl/3 until released. */
export class HeldLease {
  private timer: NodeJS.Timeout | null = null;
  private lostTo: string | null = null;
  /** When the run last saw the lease ours in the database (a claim or a check). */
  private confirmedAt = 0;

  constructor(
    private readonly db: Db,
    readonly holderId: string,
    readonly tookOverFrom: string | null,
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly session: q.EngineSession,
  ) {
    this.timer = setInterval(() => void this.heartbeat(), Math.max(50, Math.floor(ttlMs / 3)));
    // A forgotten lease must not keep a process alive; release() stops the timer anyway.
    this.timer.unref();
  }

  /** Who took the lease from us, when we lost it (null while we hold it). */
  get lost(): string | null {
    return this.lostTo;
  }

  /** Renews inside a caller's transaction; false (and `lost` set) when another engine has it. */
  async renew(tx: Db): Promise<boolean> {
    const ok = await this.extend(tx);
    if (ok) this.confirmedAt = this.now();
    return ok;
  }

  /**
   * Whether the lease is still ours before a message goes: another engine may have taken
   * over (this one froze past its lease, say). Read again when last confirmed longer ago
   * than `checkMs`.
   */
  async stillOurs(checkMs: number): Promise<boolean> {
    if (this.lostTo) return false;
    if (this.now() - this.confirmedAt < checkMs) return true;
    return this.confirm();
  }

  private async extend(tx: Db): Promise<boolean> {
    const now = this.now();
    const ok = await q.renewLease(
      tx,
      this.holderId,
      new Date(now).toISOString(),
      new Date(now + this.ttlMs).toISOString(),
    );
    if (!ok && !this.lostTo) this.lostTo = (await q.readLease(tx)).holder_label ?? '?';
    return ok;
  }

  /** Reads who holds the lease now; false (and `lost` set) when it is no longer us. */
  async confirm(): Promise<boolean> {
    const current = await q.readLease(this.db);
    if (current.holder === this.holderId) {
      this.confirmedAt = this.now();
      return true;
    }
    this.lostTo ??= current.holder_label ?? '?';
    return false;
  }

  /** Gives the lease row back (when still ours), then the session that vouched for it. */
  async release(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    try {
      await q.releaseLease(this.db, this.holderId);
    } finally {
      await this.session.release();
    }
  }

  private async heartbeat(): Promise<void> {
    try {
      await this.extend(this.db);
    } catch {
      // Busy database: the next beat (or the next message) renews; the TTL leaves room for it.
    }
  }
}

/**
 * Takes the lease, waiting for another engine when asked to; else says who holds it.
 * Null when the signal aborted the wait.
 */
export async function holdLease(db: Db, options: HoldLeaseOptions): Promise<HeldLease | null> {
  // Held before the row can name us, so that nobody ever sees us holding it and our session gone.
  const session = await q.holdEngineSession(db, options.holderId);
  try {
    const lease = await waitForLease(db, options, session);
    if (!lease) await session.release();
    return lease;
  } catch (error) {
    await session.release();
    throw error;
  }
}

async function waitForLease(
  db: Db,
  options: HoldLeaseOptions,
  session: q.EngineSession,
): Promise<HeldLease | null> {
  const label = leaseLabel(options.actor);
  let announced = false;
  for (;;) {
    const now = options.now();
    const result = await acquireLease(db, options.holderId, label, options.ttlMs, now);
    if (result.held) {
      const { holderId, ttlMs } = options;
      return new HeldLease(db, holderId, result.tookOverFrom, ttlMs, options.now, session);
    }
    if (!options.waitForLease) {
      throw new UserError('outbox.error.leaseHeld', {
        holder: result.holderLabel,
        since: formatSince(result.acquiredAt, now),
        expires: formatClockShort(result.expiresAt),
      });
    }
    if (!announced) options.onWaiting?.(result.holderLabel);
    announced = true;
    await options.sleep(waitBeforeRetryMs(result.expiresAt, now), options.signal);
    if (options.signal?.aborted) return null;
  }
}

/**
 * Waiting for another engine's lease: look again when it expires, but at least every second
 * (it may be released sooner) and never in a busy loop.
 */
export function waitBeforeRetryMs(expiresAt: string, now: number): number {
  const untilExpiry = Date.parse(expiresAt) - now;
  return Math.min(Math.max(untilExpiry, 100), 1_000);
}

/** "10 h 42", or "23/11, 10 h 42" when it was not today. */
export function formatSince(iso: string, now: number): string {
  const at = new Date(iso);
  const clock = formatClockShort(iso);
  if (at.toDateString() === new Date(now).toDateString()) return clock;
  const day = `${String(at.getDate()).padStart(2, '0')}/${String(at.getMonth() + 1).padStart(2, '0')}`;
  return `${day}, ${clock}`;
}

function formatClockShort(iso: string): string {
  const at = new Date(iso);
  return `${at.getHours()} h ${String(at.getMinutes()).padStart(2, '0')}`;
}
