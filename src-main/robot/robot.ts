// The sending robot (`postier service run`): one long-running sender for a data folder or a
// PostgreSQL database (a server-room PC sending for a multi-site office). It sends what any
// workstation validated as it falls due, at each account's pace, through the engine
// (send/engine.ts) in one run that never ends by itself: with nothing due it looks
// again every few seconds, holding the sending lease all along, so that the windows hand
// their sends to it. It beats (heartbeat.ts) so that every workstation sees it, waits out a
// database out of reach (writes insist, then it reconnects with back-off, and never opens a
// data folder that is not there: it would create an empty one), and stops cleanly on its
// signal (the message at the server finishes, those taken ahead go back to the queue).
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { isUserError, UserError } from '../../src-shared/errors.js';
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { Postier } from '../app/postier.js';
import { DataFolder, isPostgresUrl } from '../data-folder/data-folder.js';
import { abortableSleep } from '../send/engine.js';
import type { EngineRunSummary } from '../send/engine.js';
import type { Actor } from '../workstation/identity.js';
import { RobotHeartbeat } from './heartbeat.js';
import type { RobotLog } from './robot-log.js';

export interface RobotOptions {
  /** The data folder, or the PostgreSQL database's URL. */
  dataPath: string;
  /** Opens the data place (openPostier); called again after each outage. */
  open: (dataPath: string) => Promise<Postier>;
  actor: Actor;
  log: RobotLog;
  language: Language;
  /** Aborted on Ctrl+C / SIGTERM / service stop. */
  signal: AbortSignal;
  /** With nothing due, look again this often. */
  pollMs?: number;
  beatMs: number;
  /** A run that sent something ends after this long with nothing due (default 1 min). */
  endIdleRunMs?: number;
  /** Reconnecting: first wait, doubled up to the last. */
  backoffMs?: { first: number; max: number };
  /** A write waits this long for the database before the run gives up and reconnects. */
  outagePatienceMs?: number;
  now?: () => number;
}

const DEFAULT_POLL_MS = 2_000;
const DEFAULT_BACKOFF = { first: 1_000, max: 30_000 };
const DEFAULT_OUTAGE_PATIENCE_MS = 5 * 60_000;
/** A run stopped by an account (refused, limit of the day): start again after this. */
const REST_AFTER_STOP_MS = 60_000;
/**
 * A run that sent something ends once nothing was due for this long (its batch is over:
 * journal and staff notifications follow), and any run after this long (the limits per
 * run and per day are read again); the robot starts the next at once.
 */
const END_IDLE_RUN_MS = 60_000;
const RUN_SLICE_MS = 3_600_000;

/** Runs until the signal aborts; resolves once the lease is released and the robot said it stopped. */
export async function runRobot(options: RobotOptions): Promise<void> {
  const robot = new Robot(options);
  await robot.run();
}

class Robot {
  private readonly robotId = `${os.hostname()}:${process.pid}:${randomUUID()}`;
  private readonly now: () => number;
  private readonly startedAt: number;
  private outageSince: number | null = null;
  private backoff: number;

  constructor(private readonly options: RobotOptions) {
    this.now = options.now ?? Date.now;
    this.startedAt = this.now();
    this.backoff = (options.backoffMs ?? DEFAULT_BACKOFF).first;
  }

  async run(): Promise<void> {
    const { signal, actor, dataPath } = this.options;
    this.say(isPostgresUrl(dataPath) ? 'robot.log.startedServer' : 'robot.log.started', {
      workstation: actor.workstation,
      pid: process.pid,
      folder: dataPath,
    });
    while (!signal.aborted) {
      const postier = await this.connect();
      if (!postier) continue;
      try {
        await this.sendWith(postier);
      } catch (error) {
        this.outage(error);
      } finally {
        await postier.close().catch(() => undefined);
      }
      if (!signal.aborted && this.outageSince !== null) await this.waitBeforeRetry();
    }
    this.say('robot.log.stopped', {});
  }

  /** Opens the data folder when it is there; null (after a wait) when it is out of reach. */
  private async connect(): Promise<Postier | null> {
    try {
      assertDatabaseThere(this.options.dataPath);
      const postier = await this.options.open(this.options.dataPath);
      if (this.outageSince !== null) {
        const seconds = Math.round((this.now() - this.outageSince) / 1000);
        this.say('robot.log.reconnected', { seconds });
      }
      this.outageSince = null;
      this.backoff = (this.options.backoffMs ?? DEFAULT_BACKOFF).first;
      return postier;
    } catch (error) {
      this.outage(error);
      await this.waitBeforeRetry();
      return null;
    }
  }

  /** One connection: beats, and sends in one endless run (again after a run an account stopped). */
  private async sendWith(postier: Postier): Promise<void> {
    const { signal } = this.options;
    const heartbeat = new RobotHeartbeat(
      postier.db,
      {
        robotId: this.robotId,
        workstation: this.options.actor.workstation,
        beatMs: this.options.beatMs,
        now: this.now,
      },
      this.startedAt,
    );
    await heartbeat.start();
    try {
      while (!signal.aborted) {
        this.current = { startedAt: this.now(), didSomething: false, idleSince: null };
        const summary = await postier.sendEngine.run({
          actor: this.options.actor,
          language: this.options.language,
          signal,
          untilDone: true,
          waitForLease: true,
          more: () => this.lookAgain(),
          outagePatienceMs: this.options.outagePatienceMs ?? DEFAULT_OUTAGE_PATIENCE_MS,
          onWaitingForLease: (holder) => this.say('robot.log.waitingLease', { holder }),
          onProgress: (progress) => this.progress(progress),
        });
        if (signal.aborted || !summary.stoppedBy) continue;
        this.ended(summary);
        await abortableSleep(REST_AFTER_STOP_MS, signal);
      }
    } finally {
      // Said stopped only when stopping: after an outage the row simply goes stale.
      if (signal.aborted) await heartbeat.stop().catch(() => undefined);
      else heartbeat.pause();
    }
  }

  /** The engine run under way: when it started, whether it sent anything, since when idle. */
  private current = { startedAt: 0, didSomething: false, idleSince: null as number | null };

  /**
   * With nothing due: wait a little, then the engine reads the queue again (true); false
   * ends the run (a batch over, or a run long enough), and the robot starts the next.
   */
  private async lookAgain(): Promise<boolean> {
    const { signal } = this.options;
    const now = this.now();
    this.current.idleSince ??= now;
    const batchOver =
      this.current.didSomething &&
      now - this.current.idleSince >= (this.options.endIdleRunMs ?? END_IDLE_RUN_MS);
    if (batchOver || now - this.current.startedAt >= RUN_SLICE_MS) return false;
    await abortableSleep(this.options.pollMs ?? DEFAULT_POLL_MS, signal);
    return !signal.aborted;
  }

  private lastLogged = '';

  /** One line each time the counts change (counts only: no name, no address, no text). */
  private progress(p: {
    sent: number;
    failed: number;
    retrying: number;
    uncertain: number;
    remaining: number;
  }): void {
    const counts = {
      sent: p.sent,
      failed: p.failed,
      retrying: p.retrying,
      uncertain: p.uncertain,
      remaining: p.remaining,
    };
    if (p.sent + p.failed + p.retrying + p.uncertain > 0) this.current.didSomething = true;
    this.current.idleSince = null;
    const key = JSON.stringify(counts);
    if (key === this.lastLogged) return;
    this.lastLogged = key;
    this.say('robot.log.progress', counts);
  }

  private ended(summary: EngineRunSummary): void {
    const reason = summary.stoppedBy?.message ?? '';
    this.say('robot.log.runStopped', { reason, minutes: REST_AFTER_STOP_MS / 60_000 });
  }

  private outage(error: unknown): void {
    if (this.outageSince === null) this.outageSince = this.now();
    this.say('robot.log.unreachable', {
      reason: this.describe(error),
      seconds: Math.round(this.backoff / 1000),
    });
  }

  private async waitBeforeRetry(): Promise<void> {
    await abortableSleep(this.backoff, this.options.signal);
    const { max } = this.options.backoffMs ?? DEFAULT_BACKOFF;
    this.backoff = Math.min(this.backoff * 2, max);
  }

  private describe(error: unknown): string {
    if (isUserError(error)) return translate(this.options.language, error.code, error.params);
    const code = (error as { code?: unknown } | null)?.code;
    const text = error instanceof Error ? error.message : String(error);
    return typeof code === 'string' ? `${code}: ${text}` : text;
  }

  private say(key: MessageKey, params: Record<string, string | number>): void {
    this.options.log.write(translate(this.options.language, key, params));
  }
}

/**
 * The database file must be there and not empty: opening a missing one would create an empty
 * data folder in its place (a renamed folder, a drive not mounted yet). A PostgreSQL URL needs
 * no check: connecting never creates a database, a missing one fails the open (3D000).
 */
function assertDatabaseThere(dataPath: string): void {
  if (isPostgresUrl(dataPath)) return;
  const file = new DataFolder(dataPath).databaseFile;
  let size = 0;
  try {
    size = fs.statSync(file).size;
  } catch {
    size = 0;
  }
  if (size === 0) throw new UserError('robot.error.noDatabase', { file });
}
