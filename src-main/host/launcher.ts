// What `npm start` does: the Electron window where the Electron runtime is installed;
// otherwise the headless host in the default browser. Builds what is missing first.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RENDERER_INDEX = path.join(REPO_ROOT, 'dist', 'renderer', 'index.html');
export const ELECTRON_MAIN = path.join(REPO_ROOT, 'dist', 'electron', 'main.js');

/**
 * The Electron executable, when its binary was downloaded at install time (the `electron`
 * package writes dist/ and path.txt then); null when only its types are installed.
 */
export function electronBinary(root = REPO_ROOT): string | null {
  const packageFolder = path.join(root, 'node_modules', 'electron');
  try {
    const relative = fs.readFileSync(path.join(packageFolder, 'path.txt'), 'utf8').trim();
    const binary = path.join(packageFolder, 'dist', relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

/** True when `output` is missing or older than any file of `sources`. */
export function isStale(output: string, sources: string[]): boolean {
  let builtAt: number;
  try {
    builtAt = fs.statSync(output).mtimeMs;
  } catch {
    return true;
  }
  const newer = (entry: string): boolean => {
    const stat = fs.statSync(entry, { throwIfNoEntry: false });
    if (!stat) return false;
    if (!stat.isDirectory()) return stat.mtimeMs > builtAt;
    return fs.readdirSync(entry).some((name) => newer(path.join(entry, name)));
  };
  return sources.some(newer);
}

function run(script: string, args: string[]): void {
  const result = spawnSync(process.execPath, [path.join(REPO_ROOT, script), ...args], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error(`${script} ${args.join(' ')} failed (exit ${result.status})`);
}

/** Builds dist/renderer with vite when it is missing or older than its sources. */
export function ensureRendererBuilt(log: (line: string) => void): void {
  const sources = ['src-renderer', 'src-shared', 'vite.config.ts'].map((p) =>
    path.join(REPO_ROOT, p),
  );
  if (!isStale(RENDERER_INDEX, sources)) return;
  log('Construction de l’interface (vite build)…');
  run('node_modules/vite/bin/vite.js', ['build', '--logLevel', 'warn']);
}

/** Builds dist/electron (main and preload bundles) when missing or older than its sources. */
export function ensureElectronBuilt(log: (line: string) => void): void {
  const sources = ['src-main', 'src-shared', 'migrations'].map((p) => path.join(REPO_ROOT, p));
  if (!isStale(ELECTRON_MAIN, sources)) return;
  log('Construction de la fenêtre Electron (esbuild)…');
  run('scripts/build-electron.mjs', []);
}

/** Starts Electron on the built main bundle; resolves with its exit code. */
export function runElectron(binary: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, [ELECTRON_MAIN, ...args], { cwd: REPO_ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/** Opens the address in the default browser; a failure only means the user opens it by hand. */
export function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true, windowsHide: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no browser launcher on this machine: the address is printed anyway
  }
}
