// The `postier` command's start path: billing software calls it once per document, so a
// command loads the heavy packages only when it uses them. Each command runs as users run it
// (the bin, in its own process) with a watch preloaded that writes down every file the
// process resolves, by import (a module hook) or by require (the CommonJS resolver):
// `postier --help` and `postier dossiers list` must run the bundle, never tsx, and resolve
// none of the heavy packages; `postier demo`, which makes PDFs, shows the watch sees them.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postier, REPO_ROOT } from '../support/cli.js';
import { freshDataPlace, onPostgres } from '../support/dialects.js';
import { tempFolder } from '../support/temp-folder.js';

const HEAVY = [
  'pdfjs-dist',
  'exceljs',
  'muhammara',
  'imapflow',
  'openid-client',
  'mailparser',
  'pdfkit',
];

/** Preloaded with --import: CommonJS resolutions here, imports through the hook below. */
const PRELOAD = `
import fs from 'node:fs';
import Module from 'node:module';
const log = process.env.POSTIER_LOAD_LOG;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (...args) {
  const file = resolveFilename.apply(this, args);
  fs.appendFileSync(log, file + '\\n');
  return file;
};
Module.register(new URL('./hooks.mjs', import.meta.url), { data: { log } });
`;
const HOOKS = `
import fs from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  fs.appendFileSync(log, result.url + '\\n');
  return result;
}
`;

/** Runs `postier ARGS` under the watch: its result, and every file it resolved (repo-relative). */
async function watched(args: string[]) {
  const folder = tempFolder('postier-start-path-');
  fs.writeFileSync(path.join(folder, 'preload.mjs'), PRELOAD);
  fs.writeFileSync(path.join(folder, 'hooks.mjs'), HOOKS);
  const log = path.join(folder, 'loads.txt');
  fs.writeFileSync(log, '');
  const result = await postier(args, {
    NODE_OPTIONS: `--import ${pathToFileURL(path.join(folder, 'preload.mjs')).href}`,
    POSTIER_LOAD_LOG: log,
  });
  expect(result.code, result.stderr).toBe(0);
  const files = fs
    .readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('file:') || path.isAbsolute(line))
    .map((line) => (line.startsWith('file:') ? fileURLToPath(line) : line))
    .map((file) => path.relative(REPO_ROOT, file).split(path.sep).join('/'));
  return { ...result, files };
}

/** A data place: a folder the command makes, or on PostgreSQL a fresh database's URL. */
async function dataPlaceFor(prefix: string): Promise<string> {
  return onPostgres ? freshDataPlace() : path.join(tempFolder(prefix), 'data');
}

/** The heavy packages among the files, by name. */
function heavyIn(files: string[]): string[] {
  return HEAVY.filter((name) => files.some((file) => file.startsWith(`node_modules/${name}/`)));
}

describe('the postier command’s start path', () => {
  it('postier --help runs the bundle, not tsx, and loads no heavy package', async () => {
    const { stdout, files } = await watched(['--help']);
    expect(stdout).toMatch(/dossiers/);
    expect(files).toContain('dist/cli/main.js');
    expect(files.filter((file) => file.startsWith('node_modules/tsx/'))).toEqual([]);
    expect(files.filter((file) => file.startsWith('src-main/'))).toEqual([]);
    expect(heavyIn(files)).toEqual([]);
  });

  it('postier dossiers list opens the data folder and loads no heavy package', async () => {
    const data = await dataPlaceFor('postier-start-path-data-');
    const added = await postier([
      '--data',
      data,
      'dossiers',
      'add',
      '--number',
      '1001',
      '--last-name',
      'Côté',
      '--first-name',
      'Hélène',
      '--email',
      'helene@example.com',
    ]);
    expect(added.code, added.stderr).toBe(0);

    for (const args of [[], ['--json']]) {
      const { stdout, files } = await watched(['--data', data, 'dossiers', 'list', ...args]);
      expect(stdout).toMatch(/helene@example\.com/);
      // The database was opened: better-sqlite3 is on the path, the heavy ones are not. On
      // PostgreSQL its driver, pg, is bundled into the CLI (scripts/build-cli.mjs leaves out
      // only native and heavy packages): no file of its own shows, the address printed above
      // (read from the database) is the sign.
      if (!onPostgres) {
        expect(files.some((file) => file.startsWith('node_modules/better-sqlite3/'))).toBe(true);
      }
      expect(heavyIn(files)).toEqual([]);
    }
    // Four commands, each its own process: past 30 s on a loaded machine.
  }, 60_000);

  it('sees a heavy package when a command uses it: postier demo makes its PDFs with pdfkit', async () => {
    const data = await dataPlaceFor('postier-start-path-demo-');
    const { files } = await watched(['--data', data, 'demo']);
    expect(heavyIn(files)).toContain('pdfkit');
  }, 60_000);
});
