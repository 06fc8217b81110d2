// The sending robot (`postier service run`) as every workstation sees it: read from its
// heartbeat in the database, so that a window knows a robot sends for it.

export type RobotState = 'active' | 'waiting' | 'stopped';

export interface RobotStatus {
  /** A robot beat recently and did not say it stopped. */
  running: boolean;
  /** It holds the sending lease: the windows hand their sends to it. */
  active: boolean;
  /** The machine it runs on (the workstation name), null when no robot ever ran. */
  workstation: string | null;
  pid: number | null;
  /** When it started, and when it last beat (ISO), null when no robot ever ran. */
  startedAt: string | null;
  lastBeatAt: string | null;
}

export const NO_ROBOT: RobotStatus = {
  running: false,
  active: false,
  workstation: null,
  pid: null,
  startedAt: null,
  lastBeatAt: null,
};
