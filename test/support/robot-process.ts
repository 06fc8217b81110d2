// The sending robot (`postier service run`) in a child process, as the office's server runs
// it: its console watched, stopped by a signal like a service manager stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeAfterTest } from './close-after-test.js';
import { POSTIER_BIN, REPO_ROOT } from './cli.js';

export interface RobotProcess {
  child: ChildProcess;
  /** Everything it printed (its log lines). */
  readonly output: string;
  /** Resolves once its console shows `text`. */
  shows(text: string, timeoutMs?: number): Promise<void>;
  /** Sends `signal` and resolves with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number>;
  exited: Promise<number>;
}

/** Fast beats and polls, so that a test sees in a second what the office sees in ten. */
export const FAST_ROBOT_ENV = {
  POSTIER_ROBOT_BEAT_MS: '200',
  POSTIER_ROBOT_POLL_MS: '200',
  POSTIER_WORKSTATION: 'SERVEUR-01',
  POSTIER_USER: 'robot',
};

export function startRobot(dataPath: string, env: NodeJS.ProcessEnv = {}): RobotProcess {
  const { POSTIER_DATA: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [POSTIER_BIN, 'service', 'run', '--data', dataPath], {
    cwd: REPO_ROOT,
    env: { ...inherited, POSTIER_LANG: 'fr', ...FAST_ROBOT_ENV, ...env },
  });
  closeAfterTest({ close: () => void child.kill('SIGKILL') });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : -1))),
  );
  return {
    child,
    get output() {
      return output;
    },
    exited,
    shows: (text, timeoutMs = 20_000) =>
      waitFor(
        () => output.includes(text),
        timeoutMs,
        () => `robot never printed “${text}”:\n${output}`,
      ),
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

/** Polls `condition` every 50 ms; rejects with `describe()` after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  describe: () => string = () => 'condition never met',
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > until) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
