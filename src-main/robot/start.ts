// Wires a robot over a data folder or a PostgreSQL URL, for `postier service run`: its log in
// the data folder (echoed on the console), this workstation as the actor, the real openPostier.
import type { Language } from '../../src-shared/i18n/catalog.js';
import { openPostier } from '../app/postier.js';
import { resolveDataLocation } from '../data-folder/data-folder.js';
import { placeOf } from '../db/data-place.js';
import { currentActor } from '../workstation/identity.js';
import { beatMsFromEnv } from './heartbeat.js';
import { runRobot } from './robot.js';
import { RobotLog } from './robot-log.js';

export interface StartRobotOptions {
  dataPath: string | undefined;
  language: Language;
  signal: AbortSignal;
  echo: NodeJS.WritableStream;
}

/**
 * Logs the robot's lines as the given stop signal is received (the caller aborts). With a
 * PostgreSQL URL the log is this workstation's: in its per-user folder for that server.
 */
export function robotLogFor(dataPath: string | undefined, echo: NodeJS.WritableStream): RobotLog {
  return new RobotLog({ dataRoot: resolveDataLocation(dataPath).folder, echo });
}

export async function startRobot(options: StartRobotOptions, log: RobotLog): Promise<void> {
  // A folder made absolute, or the URL as given (path.resolve would turn it into a folder).
  const dataPath = placeOf(resolveDataLocation(options.dataPath));
  const pollMs = Number(process.env.POSTIER_ROBOT_POLL_MS);
  const endIdleRunMs = Number(process.env.POSTIER_ROBOT_BATCH_IDLE_MS);
  await runRobot({
    dataPath,
    open: (folder) => openPostier({ dataPath: folder }),
    actor: currentActor(),
    log,
    language: options.language,
    signal: options.signal,
    beatMs: beatMsFromEnv(),
    // Tests only: how often to look again, and when a batch is over.
    ...(Number.isInteger(pollMs) && pollMs >= 50 && { pollMs }),
    ...(Number.isInteger(endIdleRunMs) && endIdleRunMs >= 50 && { endIdleRunMs }),
  });
}
