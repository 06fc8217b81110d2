// Other processes on one database, for the db-* tests: a second workstation holding a lock
// (db-locker.ts) or the sending lease (lease-holder.ts), and the real `postier` command
// watched while it runs.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { closeAfterTest } from './close-after-test.js';
import { POSTIER_BIN, REPO_ROOT, type CliResult } from './cli.js';

const TSX = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const LOCKER = path.join(REPO_ROOT, 'test', 'support', 'db-locker.ts');
const LEASE_HOLDER = path.join(REPO_ROOT, 'test', 'support', 'lease-holder.ts');

export interface Locker {
  release(): void;
  exited: Promise<number>;
}

/** Starts another "workstation" holding `mode` on `file`; resolves once it holds it. */
export async function holdDatabase(
  file: string,
  mode: 'exclusive' | 'reserved' | 'lease',
  holdMs = 60_000,
): Promise<Locker> {
  const { child, exited } = await startHolding(LOCKER, [file, mode, String(holdMs)]);
  return { release: () => child.stdin!.write('release\n'), exited };
}

/** Runs `tsx script ARGS`; resolves once it printed that it holds what it was asked to. */
function startHolding(
  script: string,
  args: string[],
  runner: { command: string; before: string[] } = { command: TSX, before: [] },
): Promise<{ child: ChildProcess; exited: Promise<number> }> {
  const child = spawn(runner.command, [...runner.before, script, ...args], { cwd: REPO_ROOT });
  closeAfterTest({ close: () => void child.kill('SIGKILL') });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve({ child, exited }));
    void exited.then((code) =>
      reject(new Error(`${path.basename(script)} exited ${code}: ${err}`)),
    );
  });
}

export interface LeaseHolder {
  /** Kills it with SIGKILL, as a workstation switched off mid-send. */
  kill(): void;
  exited: Promise<number>;
}

/**
 * Starts another workstation's engine holding the sending lease as `holder` on `dataPath` (a
 * folder or a postgres:// URL); resolves once it holds it.
 */
export async function holdLeaseElsewhere(dataPath: string, holder: string): Promise<LeaseHolder> {
  // Node itself with tsx's loader, not the tsx command: SIGKILL must reach the process that
  // holds the lease, not a launcher whose child would live on.
  const { child, exited } = await startHolding(LEASE_HOLDER, [dataPath, holder], {
    command: process.execPath,
    before: ['--import', 'tsx'],
  });
  return { kill: () => void child.kill('SIGKILL'), exited };
}

export interface WatchedCli {
  child: ChildProcess;
  /** Resolves when stderr first contains `text` (rejects when the command ends first). */
  stderrShows(text: string): Promise<void>;
  done: Promise<CliResult & { elapsedMs: number }>;
}

/** Runs `postier ARGS` (French) and lets the test watch its stderr while it runs. */
export function runPostier(args: string[], env: NodeJS.ProcessEnv = {}): WatchedCli {
  const { POSTIER_DATA: _ignored, ...inherited } = process.env;
  const started = Date.now();
  const child = spawn(process.execPath, [POSTIER_BIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...inherited, POSTIER_LANG: 'fr', ...env },
  });
  closeAfterTest({ close: () => void child.kill('SIGKILL') });
  let stdout = '';
  let stderr = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    for (const waiter of waiters.filter((w) => stderr.includes(w.text))) waiter.resolve();
  });
  const done = new Promise<CliResult & { elapsedMs: number }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout, stderr, elapsedMs: Date.now() - started }),
    );
  });
  child.stdin.end();
  return {
    child,
    done,
    stderrShows: (text) =>
      new Promise((resolve, reject) => {
        if (stderr.includes(text)) return resolve();
        waiters.push({ text, resolve });
        void done.then(() => reject(new Error(`ended without “${text}”: ${stderr}`)));
      }),
  };
}
