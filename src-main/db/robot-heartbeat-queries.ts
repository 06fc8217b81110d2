// SQL of the robot's heartbeat (robot_heartbeat, migration 0008): one row per robot, written
// by that robot only, read by every workstation. The table's type lives here rather than in
// schema.ts: nothing else touches it.
import type { Db } from './connection.js';

export interface RobotHeartbeatTable {
  robot_id: string;
  workstation: string;
  pid: number;
  /** 'active' (holds the sending lease), 'waiting' (another engine holds it), 'stopped'. */
  state: string;
  started_at: string;
  beat_at: string;
}

export type RobotHeartbeatRow = RobotHeartbeatTable;

function robotDb(db: Db) {
  return db.withTables<{ robot_heartbeat: RobotHeartbeatTable }>();
}

/** Writes this robot's row (created on its first beat). */
export async function writeBeat(db: Db, row: RobotHeartbeatRow): Promise<void> {
  const updated = await robotDb(db)
    .updateTable('robot_heartbeat')
    .set({ state: row.state, beat_at: row.beat_at, workstation: row.workstation, pid: row.pid })
    .where('robot_id', '=', row.robot_id)
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n)
    await robotDb(db).insertInto('robot_heartbeat').values(row).execute();
}

/** Robots that beat since `sinceIso` and did not say they stopped, the latest beat first. */
export function liveRobots(db: Db, sinceIso: string): Promise<RobotHeartbeatRow[]> {
  return robotDb(db)
    .selectFrom('robot_heartbeat')
    .selectAll()
    .where('beat_at', '>=', sinceIso)
    .where('state', '<>', 'stopped')
    .orderBy('beat_at', 'desc')
    .execute();
}

/** The robot that beat last, whatever its state (for "stopped since …"). */
export function lastRobot(db: Db): Promise<RobotHeartbeatRow | undefined> {
  return robotDb(db)
    .selectFrom('robot_heartbeat')
    .selectAll()
    .orderBy('beat_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Rows of robots gone for long (older than `beforeIso`): a table that stays small. */
export async function forgetOldRobots(db: Db, beforeIso: string): Promise<void> {
  await robotDb(db).deleteFrom('robot_heartbeat').where('beat_at', '<', beforeIso).execute();
}
