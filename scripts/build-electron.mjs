// Bundles the Electron shell: dist/electron/main.js (ESM; npm packages stay in node_modules,
// native addons included) and dist/electron/preload.cjs (one self-contained CommonJS file:
// a sandboxed preload can load nothing but electron).
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

process.stdout.write('dist/electron/main.js, dist/electron/preload.cjs\n');
