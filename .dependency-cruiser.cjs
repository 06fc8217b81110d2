// The import graph's rules, checked by `npm run lint` (docs/ARCHITECTURE.md explains the
// layers). dependency-cruiser is the tool made for this: it resolves TypeScript imports
// like the compiler does and reports cycles and forbidden edges with the whole path.
//
// src-main's folders, lowest first: a folder may import from the folders before it in this
// list (and from src-shared), never from one after it.
const MAIN_LAYERS = [
  'workstation',
  'data-folder',
  'credentials',
  'db',
  'pdf',
  'records',
  'email-templates',
  'documents',
  'db-move',
  'exports',
  'oauth',
  'mail',
  'accounts',
  'bounces',
  'outbox',
  'prepare',
  'send',
  'notifications',
  'imports',
  'app',
  'demo',
  'robot',
  'ipc',
  'host',
  'cli',
  'electron',
];

const upward = MAIN_LAYERS.map((folder, index) => ({
  name: `layer-${folder}`,
  comment: `src-main/${folder} may only import from the layers below it: ${MAIN_LAYERS.slice(0, index).join(', ') || 'none'}.`,
  severity: 'error',
  from: { path: `^src-main/${folder}/` },
  to: { path: `^src-main/(${MAIN_LAYERS.slice(index + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No cycles anywhere: each module sits above what it imports.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'main-folder-declared',
      comment: 'Every src-main folder has a place in MAIN_LAYERS (.dependency-cruiser.cjs).',
      severity: 'error',
      from: { path: '^src-main/', pathNot: `^src-main/(${MAIN_LAYERS.join('|')})/` },
      to: {},
    },
    ...upward,
    {
      name: 'shared-is-pure',
      comment: 'src-shared imports nothing from the other layers.',
      severity: 'error',
      from: { path: '^src-shared/' },
      to: { path: '^(src-main|src-renderer)/' },
    },
    {
      name: 'renderer-through-api',
      comment: 'The renderer reaches the main side only through the typed api.',
      severity: 'error',
      from: { path: '^src-renderer/' },
      to: { path: '^src-main/' },
    },
    {
      name: 'main-never-renderer',
      severity: 'error',
      from: { path: '^src-main/' },
      to: { path: '^src-renderer/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs'] },
  },
};
