// The robot's heartbeat: every few seconds the robot writes who it is (workstation, process),
// whether it holds the sending lease, and when it beat (robot_heartbeat). Every workstation
// reads it: `postier service status`, and the window, which hands its sends to an active robot.
import os from 'node:os';
import { NO_ROBOT, type RobotState, type RobotStatus } from '../../src-shared/domain/robot.js';
import type { Db } from '../db/connection.js';
import { readLease } from '../db/outbox-engine-lease.js';
import {
  forgetOldRobots,
  lastRobot,
  liveRobots,
  writeBeat,
  type RobotHeartbeatRow,
} from '../db/robot-heartbeat-queries.js';

export const DEFAULT_BEAT_MS = 10_000;
/** A robot silent for this many beats is taken as gone (machine off, process killed). */
const STALE_BEATS = 4;
/** Rows of robots silent for a month are forgotten. */
const FORGET_AFTER_MS = 30 * 24 * 3_600_000;

/** Beat interval: POSTIER_ROBOT_BEAT_MS (tests), else 10 s. */
export function beatMsFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.POSTIER_ROBOT_BEAT_MS);
  return Number.isInteger(value) && value >= 50 ? value : DEFAULT_BEAT_MS;
}

/** Whether the lease is held by this very process (its holder id starts with host:pid:). */
export function leaseIsOurs(holder: string | null): boolean {
  return holder !== null && holder.startsWith(`${os.hostname()}:${process.pid}:`);
}

export interface HeartbeatOptions {
  robotId: string;
  workstation: string;
  beatMs: number;
  now: () => number;
}

/** This robot's beating heart over one connection: start() once connected, stop() before closing. */
export class RobotHeartbeat {
  private timer: NodeJS.Timeout | null = null;
  private readonly startedAt: string;

  constructor(
    private readonly db: Db,
    private readonly options: HeartbeatOptions,
    startedAt: number,
  ) {
    this.startedAt = new Date(startedAt).toISOString();
  }

  async start(): Promise<void> {
    await this.beat();
    await forgetOldRobots(this.db, new Date(this.options.now() - FORGET_AFTER_MS).toISOString());
    this.timer = setInterval(() => void this.beat().catch(() => undefined), this.options.beatMs);
  }

  /** Writes the beat now: active when the sending lease is this process's, else waiting. */
  async beat(state?: RobotState): Promise<void> {
    const lease = await readLease(this.db);
    await writeBeat(this.db, this.row(state ?? (leaseIsOurs(lease.holder) ? 'active' : 'waiting')));
  }

  /** Stops beating without a word (the connection is lost: the row goes stale by itself). */
  pause(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Stops beating and says so (a stopped robot is shown stopped at once, not after the stale delay). */
  async stop(): Promise<void> {
    this.pause();
    await writeBeat(this.db, this.row('stopped'));
  }

  private row(state: RobotState): RobotHeartbeatRow {
    return {
      robot_id: this.options.robotId,
      workstation: this.options.workstation,
      pid: process.pid,
      state,
      started_at: this.startedAt,
      beat_at: new Date(this.options.now()).toISOString(),
    };
  }
}

/**
 * The robot as the other workstations see it: the active one first (it holds the lease),
 * else one waiting for the lease, else the last one that ran (stopped, or silent too long).
 */
export async function readRobotStatus(
  db: Db,
  now: number = Date.now(),
  beatMs: number = beatMsFromEnv(),
): Promise<RobotStatus> {
  const since = new Date(now - STALE_BEATS * beatMs).toISOString();
  const live = await liveRobots(db, since);
  const chosen = live.find((r) => r.state === 'active') ?? live[0];
  if (chosen) return status(chosen, true);
  const last = await lastRobot(db);
  return last ? status(last, false) : NO_ROBOT;
}

function status(row: RobotHeartbeatRow, running: boolean): RobotStatus {
  return {
    running,
    active: running && row.state === 'active',
    workstation: row.workstation,
    pid: row.pid,
    startedAt: row.started_at,
    lastBeatAt: row.beat_at,
  };
}
