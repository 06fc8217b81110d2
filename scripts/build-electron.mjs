// Bundles the Electron shell: dist/electron/main.js (ESM; npm packages stay in node_modules,
// native addons included), dist/electron/prepare-worker.js (the preparation thread) and
// dist/electron/preload.cjs (one self-contained CommonJS file: a sandboxed preload can load
// nothing but electron).
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: ['src-main/electron/main.ts'],
  outfile: 'dist/electron/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

// The bulk-send preparation thread (src-main/prepare/prepare-thread.ts starts it from beside
// main.js). Electron cannot start a worker from inside the asar archive, so this file is
// unpacked (electron-builder.yml): it carries its npm packages, all but the native addons,
// which are unpacked too and found from app.asar.unpacked/node_modules.
await build({
  absWorkingDir: root,
  entryPoints: ['src-main/prepare/prepare-worker.ts'],
  outfile: 'dist/electron/prepare-worker.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  external: ['better-sqlite3', 'muhammara', 'keytar'],
  // Bundled CommonJS packages (handlebars...) still call require(). The import is renamed: a
  // bundled module importing createRequire itself (pdf/muhammara-addon.ts) keeps its own.
  banner: {
    js: "import { createRequire as bannerCreateRequire } from 'node:module'; const require = bannerCreateRequire(import.meta.url);",
  },
  sourcemap: true,
  logLevel: 'warning',
});

await build({
  absWorkingDir: root,
  entryPoints: ['src-main/electron/preload.ts'],
  outfile: 'dist/electron/preload.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'chrome140',
  external: ['electron'],
  sourcemap: false,
  minify: true,
  logLevel: 'warning',
});

process.stdout.write(
  'dist/electron/main.js, dist/electron/prepare-worker.js, dist/electron/preload.cjs\n',
);
