// Runs the real `postier` command in a child process, as a user would.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const POSTIER_BIN = path.join(REPO_ROOT, 'bin', 'postier.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const { POSTIER_DATA: _ignored, ...inheritedEnv } = process.env;
const baseEnv = { ...inheritedEnv, POSTIER_LANG: 'fr' };

/** Runs `postier ARGS`; `stdin`, when given, is typed into the command (e.g. a password). */
export function postier(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  stdin?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [POSTIER_BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...baseEnv, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
