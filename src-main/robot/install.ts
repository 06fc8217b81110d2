// Starting the robot with the machine: on Windows a Task Scheduler task at startup
// (schtasks.exe /Create /SC ONSTART), on Linux a systemd unit the administrator installs.
// The command lines and the unit are built here, as pure functions (tested); only the
// Windows commands are run, and only on Windows (service-setup.ts).

export const WINDOWS_TASK_NAME = 'Postier\\Robot';
export const SYSTEMD_UNIT_NAME = 'postier-robot.service';

export interface RobotLaunch {
  /** The Node (or Electron in Node mode) executable, absolute. */
  nodePath: string;
  /** bin/postier.js, absolute. */
  binPath: string;
  /** The data folder, absolute (a UNC path on Windows for a shared folder: no drive letters at startup). */
  dataPath: string;
}

/** A Windows command-line argument, quoted when needed ("…", inner quotes doubled as \"). */
export function windowsQuote(arg: string): string {
  if (arg !== '' && !/[\s"]/.test(arg)) return arg;
  return `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
}

/** What the task runs: `"node" "bin\postier.js" service run --data "DIR"`. */
export function robotCommandLine(launch: RobotLaunch): string {
  return [launch.nodePath, launch.binPath, 'service', 'run', '--data', launch.dataPath]
    .map(windowsQuote)
    .join(' ');
}

export interface TaskAccount {
  /** Run as this Windows account (its saved passwords are the robot's); else SYSTEM. */
  user?: string;
}

/**
 * Arguments of schtasks.exe creating the startup task (replacing one of the same name):
 * at startup, with the highest rights, as SYSTEM or as the given account (schtasks then asks
 * its password: /RP *).
 */
export function schtasksCreateArgs(launch: RobotLaunch, account: TaskAccount = {}): string[] {
  const runAs = account.user ? ['/RU', account.user, '/RP', '*'] : ['/RU', 'SYSTEM'];
  return [
    '/Create',
    '/TN',
    WINDOWS_TASK_NAME,
    '/SC',
    'ONSTART',
    '/TR',
    robotCommandLine(launch),
    ...runAs,
    '/RL',
    'HIGHEST',
    '/F',
  ];
}

export function schtasksDeleteArgs(): string[] {
  return ['/Delete', '/TN', WINDOWS_TASK_NAME, '/F'];
}

/** A systemd ExecStart word: quoted, with \, " and % escaped as systemd wants them. */
function systemdQuote(arg: string): string {
  return `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/%/g, '%%')}"`;
}

export interface UnitOptions extends RobotLaunch {
  /** The account the robot runs as (its credential store holds the passwords). */
  user: string;
  description: string;
  language: string;
}

/** The systemd unit: started after the network and remote file systems, restarted on failure. */
export function systemdUnit(options: UnitOptions): string {
  const exec = [options.nodePath, options.binPath, 'service', 'run', '--data', options.dataPath]
    .map(systemdQuote)
    .join(' ');
  return [
    '[Unit]',
    `Description=${options.description.replace(/%/g, '%%').replace(/\n/g, ' ')}`,
    'Wants=network-online.target',
    'After=network-online.target remote-fs.target',
    '',
    '[Service]',
    'Type=simple',
    `User=${options.user}`,
    `Environment=POSTIER_LANG=${options.language}`,
    `ExecStart=${exec}`,
    'KillSignal=SIGTERM',
    'TimeoutStopSec=120',
    'Restart=on-failure',
    'RestartSec=10',
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ].join('\n');
}
