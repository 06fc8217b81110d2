#!/usr/bin/env node
// `npm test`: every suite (vitest: unit + integration; Playwright: the UI end to end), then
// one closing line "tests: N passed, N failed, N skipped" for the whole run.
//
// keytar needs a Secret Service on D-Bus. A desktop session has one; CI and servers don't.
// When none answers and dbus-run-session + gnome-keyring are installed, the run moves into
// a private D-Bus session with an unlocked throw-away keyring, so the credential-store
// tests exercise the real thing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

if (
  !process.env.DBUS_SESSION_BUS_ADDRESS &&
  !process.env.POSTIER_TEST_IN_DBUS &&
  has('dbus-run-session') &&
  has('gnome-keyring-daemon')
) {
  // A throw-away keyring folder: a developer's own login keyring (and its password) is
  // never touched, and the unlock never waits for a prompt.
  const keyrings = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-test-keyring-'));
  const inner =
    `eval "$(printf postier-tests | XDG_DATA_HOME='${keyrings}' gnome-keyring-daemon --unlock --components=secrets)" >/dev/null; ` +
    `exec "${process.execPath}" "${fileURLToPath(import.meta.url)}" "$@"`;
  const result = spawnSync(
    'dbus-run-session',
    ['--', 'sh', '-c', inner, 'sh', ...process.argv.slice(2)],
    {
      stdio: 'inherit',
      env: { ...process.env, POSTIER_TEST_IN_DBUS: '1' },
    },
  );
  fs.rmSync(keyrings, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

const summaryFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-test-summary-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let exitCode = 0;

function run(label, command, args, summaryFile, extraEnv = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...extraEnv },
  });
  if (result.status !== 0) exitCode = result.status ?? 1;
  if (fs.existsSync(summaryFile)) {
    const counts = JSON.parse(fs.readFileSync(summaryFile, 'utf8'));
    for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
  } else if (result.status !== 0) {
    totals.failed += 1; // the suite could not even report: count it as a failure
  }
}

/** As test/support/postgres-server.ts finds them: Debian's folder, POSTIER_TEST_PG_BIN, PATH. */
function postgresBinaries() {
  const chosen = process.env.POSTIER_TEST_PG_BIN;
  if (chosen) return fs.existsSync(path.join(chosen, 'initdb'));
  const debian = '/usr/lib/postgresql';
  const installed =
    fs.existsSync(debian) &&
    fs.readdirSync(debian).some((v) => fs.existsSync(path.join(debian, v, 'bin', 'initdb')));
  return installed || has('initdb');
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const vitestSummary = path.join(summaryFolder, 'vitest.json');
// `npm test -- FILTER…` runs only the matching vitest files (and no end-to-end tests).
const filters = process.argv.slice(2);
run(
  'Unit and integration tests, on SQLite (vitest)',
  bin('vitest'),
  ['run', ...filters],
  vitestSummary,
  { POSTIER_TEST_SUMMARY_FILE: vitestSummary, POSTIER_TEST_DIALECT: 'sqlite' },
);

// The database matrix: the integration suite again, on a throw-away PostgreSQL server (the
// files about one database only are listed, with why, in test/dialect-matrix.mjs).
if (postgresBinaries()) {
  const postgresSummary = path.join(summaryFolder, 'vitest-postgres.json');
  // On PostgreSQL a workstation's own files go to the per-user folder: a throw-away one here.
  const perUser = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-test-per-user-'));
  run(
    'Integration tests, on PostgreSQL (vitest)',
    bin('vitest'),
    ['run', ...filters],
    postgresSummary,
    {
      POSTIER_TEST_SUMMARY_FILE: postgresSummary,
      POSTIER_TEST_DIALECT: 'postgres',
      XDG_CONFIG_HOME: perUser,
    },
  );
  fs.rmSync(perUser, { recursive: true, force: true });
} else {
  process.stdout.write(
    '\n=== Integration tests, on PostgreSQL: not run, PostgreSQL is not installed ' +
      '(Debian package postgresql; .ci/run installs it) ===\n',
  );
  totals.skipped += 1;
}

const scripts = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).scripts ?? {};
if (scripts['test:e2e'] && filters.length === 0) {
  const e2eSummary = path.join(summaryFolder, 'e2e.json');
  run(
    'User interface, end to end (Playwright, Chromium)',
    'npm',
    ['run', '--silent', 'test:e2e'],
    e2eSummary,
    {
      POSTIER_TEST_SUMMARY_FILE: e2eSummary,
    },
  );
}

fs.rmSync(summaryFolder, { recursive: true, force: true });
process.stdout.write(
  `\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`,
);
process.exit(exitCode !== 0 || totals.failed > 0 ? exitCode || 1 : 0);
