// `npm run lint:imports` (part of `npm run lint`) is what keeps the import graph acyclic and
// layered. Run here, as the script runs it, on small trees of our own: it must fail on a
// cycle and on an import from a lower layer to a higher one, and pass on a clean tree.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';
import { tempFolder } from '../support/temp-folder.js';

const DEPCRUISE = path.join(REPO_ROOT, 'node_modules', '.bin', 'depcruise');

/** The lint:imports script's own arguments, so that the test checks the real command. */
function lintImportsArguments(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [binary, ...args] = pkg.scripts['lint:imports']!.split(/\s+/);
  expect(binary).toBe('depcruise');
  return args;
}

/** A project with the repository's rules and `files` (path → source) as its sources. */
function project(files: Record<string, string>): string {
  const root = tempFolder('postier-graph-');
  fs.copyFileSync(
    path.join(REPO_ROOT, '.dependency-cruiser.cjs'),
    path.join(root, '.dependency-cruiser.cjs'),
  );
  const compilerOptions = { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true };
  fs.writeFileSync(path.join(root, 'tsconfig.json'), JSON.stringify({ compilerOptions }));
  const sources = {
    'src-shared/format.ts': 'export const shared = 1;\n',
    'src-renderer/main.ts': "import { shared } from '../src-shared/format.js';\nvoid shared;\n",
    ...files,
  };
  for (const [file, text] of Object.entries(sources)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

function lintImports(root: string) {
  const run = spawnSync(process.execPath, [DEPCRUISE, ...lintImportsArguments()], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('npm run lint:imports', () => {
  it('fails on a cycle and on an import from a lower layer to a higher one, naming both', () => {
    const root = project({
      'src-main/db/a.ts': "import { b } from './b.js';\nexport const a = () => b();\n",
      'src-main/db/b.ts': "import { a } from './a.js';\nexport const b = (): unknown => a;\n",
      'src-main/db/c.ts': "import { x } from '../app/x.js';\nexport const c = x;\n",
      'src-main/app/x.ts': 'export const x = 1;\n',
    });
    const result = lintImports(root);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/no-circular: src-main\/db\/(a|b)\.ts/);
    expect(result.output).toMatch(/layer-db: src-main\/db\/c\.ts → src-main\/app\/x\.ts/);
  }, 60_000);

  it('passes on a tree whose imports all go down the layers', () => {
    const root = project({
      'src-main/db/a.ts':
        "import { shared } from '../../src-shared/format.js';\nexport const a = shared;\n",
      'src-main/app/x.ts': "import { a } from '../db/a.js';\nexport const x = a;\n",
      'src-main/cli/main.ts': "import { x } from '../app/x.js';\nvoid x;\n",
    });
    const result = lintImports(root);
    // All five files were read: a clean result is not an empty cruise.
    expect(result.output).toContain('no dependency violations found (5 modules');
    expect(result.code).toBe(0);
  }, 60_000);
});
