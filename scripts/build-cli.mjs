// Bundles the `postier` command: dist/cli/main.js (the CLI) and dist/cli/prepare-worker.js
// (the preparation thread, which prepare-thread.ts starts from beside the bundle), the chunks
// they share, and dist/cli/inputs.json, the build's stamp that bin/cli-bundle.js checks
// before each run.
//
// Why a bundle: run through tsx, one `postier dossiers list` compiled and resolved ~300 files
// and loaded every package at start (4.8 s, 360 MiB). The bundle reads a few files instead.
// - Light pure-JS packages (commander, kysely, zod, handlebars, csv-parse...) are bundled:
//   resolving and reading their many small files costs more than running them.
// - Native addons and heavy packages stay in node_modules (EXTERNAL): the services import the
//   heavy ones with import() where they are used, so a command that does not need them never
//   loads them. test/integration/cli-start-path.test.ts keeps it so.
// - Code splitting, as in the sources: each command's module (and the services behind it) is
//   its own chunk, loaded when that command runs, so `postier --help` reads one small file.
//   The chunks sit beside main.js, two folders below the root like the sources, so that the
//   paths the services find from their own module (templates/, dist/renderer, package.json,
//   prepare-worker.js) stay right.
// - Safe while others run: a chunk is named by its content's hash, every file is written
//   beside and renamed into place, chunks before the entries that import them and the stamp
//   last. A process started on the previous main.js still finds the chunks it imports: those
//   no build uses any more are removed an hour after the last build that wrote them (a
//   `postier host` left open longer while the sources change is restarted to see them anyway).
//
// Run by `npm ci` (the `prepare` script), `npm run build:cli`, and by bin/postier.js (through
// bin/cli-bundle.js) whenever a source file is newer than the bundle.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_FOLDER = path.join(root, 'dist', 'cli');

/** Packages loaded from node_modules at run time: native addons, then the heavy ones. */
export const EXTERNAL = [
  'better-sqlite3',
  'keytar',
  'muhammara',
  'electron',
  'pdfjs-dist',
  'exceljs',
  'pdfkit',
  'imapflow',
  'mailparser',
  'openid-client',
  'nodemailer',
  // Loads its encodings' tables lazily from its own files: bundled, they would all be parsed.
  'iconv-lite',
];

const ENTRIES = {
  main: 'src-main/cli/main.ts',
  'prepare-worker': 'src-main/prepare/prepare-worker.ts',
};

/** Files besides the sources whose change must rebuild the bundle. */
const ALSO_WATCHED = ['package.json', 'node_modules/.package-lock.json', 'scripts/build-cli.mjs'];

/** Builds dist/cli; returns the metafile (which inputs went into which output). */
export async function buildCli() {
  const { build } = await import('esbuild');
  const startedAt = Date.now();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ENTRIES,
    outdir: CLI_FOLDER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: EXTERNAL,
    splitting: true,
    entryNames: '[name]',
    chunkNames: '[name]-[hash]',
    // Bundled CommonJS packages (commander, iconv-lite...) still call require().
    banner: {
      js: "import { createRequire as __postierRequire } from 'node:module'; const require = __postierRequire(import.meta.url);",
    },
    metafile: true,
    write: false,
    logLevel: 'warning',
  });
  // The worker first, the stamp last: a stamp always describes files already in place.
  const outputs = [...result.outputFiles].sort((a, b) => rank(a.path) - rank(b.path));
  for (const output of outputs) writeAtomic(output.path, output.contents);
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
  // Only those there: npm writes node_modules/.package-lock.json, other installers do not.
  const watched = ALSO_WATCHED.filter((file) => fs.existsSync(path.join(root, file)));
  const stamp = { builtAt: startedAt, inputs: [...sources, ...watched].sort() };
  writeAtomic(path.join(CLI_FOLDER, 'inputs.json'), JSON.stringify(stamp));
  writeAtomic(path.join(CLI_FOLDER, 'meta.json'), JSON.stringify(result.metafile));
  removeOldChunks(new Set(outputs.map((output) => path.basename(output.path))));
  return result.metafile;
}

/** Chunks first, then the worker, then main.js: nothing is written before what it imports. */
function rank(file) {
  const name = path.basename(file);
  return name === 'main.js' ? 2 : name === 'prepare-worker.js' ? 1 : 0;
}

const HOUR_MS = 60 * 60 * 1000;

/** Chunks of earlier builds, an hour after the last build that used them. */
function removeOldChunks(current) {
  for (const name of fs.readdirSync(CLI_FOLDER)) {
    if (current.has(name) || !/-[A-Z0-9]{8}\.js$/.test(name)) continue;
    const file = path.join(CLI_FOLDER, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && Date.now() - stat.mtimeMs > HOUR_MS) fs.rmSync(file, { force: true });
  }
}

function writeAtomic(file, contents) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildCli();
  process.stdout.write('dist/cli/main.js, dist/cli/prepare-worker.js\n');
}
