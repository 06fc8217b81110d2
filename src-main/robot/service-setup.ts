// `postier service install | uninstall | status`, the service side: what to run at startup
// (install.ts builds it), run on Windows only; and the robot's state read from the database.
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { RobotStatus } from '../../src-shared/domain/robot.js';
import { UserError } from '../../src-shared/errors.js';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import { isPostgresUrl } from '../data-folder/data-folder.js';
import type { Db } from '../db/connection.js';
import { queueCounts, type QueueCounts } from '../db/outbox-engine-queue.js';
import { readRobotStatus } from './heartbeat.js';
import {
  SYSTEMD_UNIT_NAME,
  WINDOWS_TASK_NAME,
  schtasksCreateArgs,
  schtasksDeleteArgs,
  systemdUnit,
  type RobotLaunch,
} from './install.js';

export type SetupResult =
  | { kind: 'windows'; task: string }
  | { kind: 'systemd'; unit: string; unitName: string }
  | { kind: 'unsupported' };

/**
 * This very command, as the robot will be started: this Node, this bin, that data folder made
 * absolute, or that PostgreSQL URL as it is.
 */
export function currentLaunch(dataPath: string): RobotLaunch {
  return {
    nodePath: process.execPath,
    binPath: path.resolve(process.argv[1] ?? 'postier'),
    dataPath: isPostgresUrl(dataPath) ? dataPath : path.resolve(dataPath),
  };
}

export async function installRobot(
  launch: RobotLaunch,
  options: { user?: string; language: Language; platform?: NodeJS.Platform },
): Promise<SetupResult> {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32') {
    await schtasks(schtasksCreateArgs(launch, options.user ? { user: options.user } : {}));
    return { kind: 'windows', task: WINDOWS_TASK_NAME };
  }
  if (platform === 'linux') {
    const unit = systemdUnit({
      ...launch,
      user: options.user ?? os.userInfo().username,
      language: options.language,
      description: translate(options.language, 'robot.unit.description', {
        folder: launch.dataPath,
      }),
    });
    return { kind: 'systemd', unit, unitName: SYSTEMD_UNIT_NAME };
  }
  return { kind: 'unsupported' };
}

export async function uninstallRobot(
  platform: NodeJS.Platform = process.platform,
): Promise<SetupResult> {
  if (platform === 'win32') {
    await schtasks(schtasksDeleteArgs());
    return { kind: 'windows', task: WINDOWS_TASK_NAME };
  }
  if (platform === 'linux') return { kind: 'systemd', unit: '', unitName: SYSTEMD_UNIT_NAME };
  return { kind: 'unsupported' };
}

/** Runs schtasks.exe in this console (with /RP * it asks the account's password itself). */
function schtasks(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('schtasks.exe', args, { stdio: 'inherit', windowsHide: true });
    child.on('error', (error) =>
      reject(new UserError('robot.install.windowsFailed', { code: '?', output: error.message })),
    );
    child.on('close', (code) => {
      if (code === 0) return resolve();
      reject(new UserError('robot.install.windowsFailed', { code: code ?? '?', output: '' }));
    });
  });
}

export interface RobotReport {
  robot: RobotStatus;
  queue: QueueCounts;
}

/** What `service status` shows: the robot as its heartbeat says, and the queue. */
export async function robotReport(db: Db, now: number = Date.now()): Promise<RobotReport> {
  const robot = await readRobotStatus(db, now);
  const queue = await queueCounts(db, new Date(now).toISOString());
  return { robot, queue };
}
