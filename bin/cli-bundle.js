// Finds the `postier` command's bundle (dist/cli/main.js, built by scripts/build-cli.mjs) and
// builds it first when it is missing or older than one of its sources, so that a checkout
// where a source just changed runs that change, as it did when the CLI ran through tsx.
//
// The check reads the stamp the build wrote (dist/cli/inputs.json: when it started and every
// file that went in) and compares each file's time with it: a few milliseconds. Several
// processes that find the bundle stale at once (tests in parallel) build it once: the first
// takes dist/cli/.build.lock, the others wait for it to go and check again.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.join(root, 'dist', 'cli');
const stampFile = path.join(folder, 'inputs.json');
const lockFile = path.join(folder, '.build.lock');
/** A lock older than this was left by a build that died: taken over. */
const STALE_LOCK_MS = 120_000;

/** The URL of dist/cli/main.js, up to date with the sources. */
export async function cliBundle() {
  if (!isStale()) return mainUrl();
  for (;;) {
    if (takeLock()) {
      try {
        if (isStale()) await build();
      } finally {
        fs.rmSync(lockFile, { force: true });
      }
      return mainUrl();
    }
    await waitForLock();
    if (!isStale()) return mainUrl();
  }
}

function mainUrl() {
  return pathToFileURL(path.join(folder, 'main.js')).href;
}

/** True when the bundle is missing or a file it was built from changed since (or is gone). */
export function isStale() {
  let stamp;
  try {
    stamp = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return true;
  }
  if (!fs.existsSync(path.join(folder, 'main.js'))) return true;
  return stamp.inputs.some((input) => {
    const stat = fs.statSync(path.join(root, input), { throwIfNoEntry: false });
    return !stat || stat.mtimeMs > stamp.builtAt;
  });
}

async function build() {
  let buildCli;
  try {
    ({ buildCli } = await import('../scripts/build-cli.mjs'));
    await import('esbuild');
  } catch {
    // An installation without the build tools: run the bundle it came with, if any.
    if (fs.existsSync(path.join(folder, 'main.js'))) return;
    throw new Error(
      'dist/cli/main.js manque et esbuild n’est pas installé : lancez `npm ci`. / ' +
        'dist/cli/main.js is missing and esbuild is not installed: run `npm ci`.',
    );
  }
  await buildCli();
}

function takeLock() {
  fs.mkdirSync(folder, { recursive: true });
  try {
    fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return true;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    if (lockIsLeftOver()) fs.rmSync(lockFile, { force: true });
    return false;
  }
}

async function waitForLock() {
  while (fs.existsSync(lockFile) && !lockIsLeftOver()) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A lock whose builder is gone: its process ended (killed mid-build), or it is too old. */
function lockIsLeftOver() {
  try {
    const stat = fs.statSync(lockFile);
    if (Date.now() - stat.mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(fs.readFileSync(lockFile, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === 'ESRCH';
  }
}
