// Bundles the `postier` command: dist/cli/main.js (the CLI) and dist/cli/prepare-worker.js
// (the preparation thread, which prepare-thread.ts starts from beside the bundle), plus
// dist/cli/inputs.json, the build's stamp that bin/cli-bundle.js checks before each run.
//
// Why a bundle: run through tsx, one `postier dossiers list` compiled and resolved ~300 files
// and loaded every package at start (4.8 s, 360 MiB). One file starts in a few tens of ms.
// - Light pure-JS packages (commander, kysely, zod, ...) are bundled: resolving hundreds of
//   small ESM files costs more than running them.
// - Native addons and heavy packages stay in node_modules (EXTERNAL): the services import the
//   heavy ones with import() where they are used, so a command that does not need them never
//   loads them. test/integration/cli-start-path.test.ts keeps it so.
// - One file, no code splitting: each file is replaced atomically (written beside, then
//   renamed), so several processes that rebuild at once (tests in parallel) never run a
//   half-written bundle.
//
// Run by `npm ci` (the `prepare` script), `npm run build:cli`, and by bin/postier.js itself
// whenever a source file is newer than the bundle.
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
  'handlebars',
  'iconv-lite',
  'csv-parse',
];

/** What a command must never load before it needs it (the start-path test checks these). */
export const HEAVY = [
  'pdfjs-dist',
  'exceljs',
  'muhammara',
  'imapflow',
  'openid-client',
  'mailparser',
  'pdfkit',
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
    chunkNames: 'chunks/[name]-[hash]',
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
  const stamp = { builtAt: startedAt, inputs: [...sources, ...ALSO_WATCHED].sort() };
  writeAtomic(path.join(CLI_FOLDER, 'inputs.json'), JSON.stringify(stamp));
  writeAtomic(path.join(CLI_FOLDER, 'meta.json'), JSON.stringify(result.metafile));
  return result.metafile;
}

function rank(file) {
  return file.endsWith('main.js') ? 1 : 0;
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
