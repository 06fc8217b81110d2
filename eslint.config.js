// Lint rules, including which runtime each folder may use (docs/ARCHITECTURE.md). The layer
// order between src-main folders and the no-cycle rule are in .dependency-cruiser.cjs.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'http',
  'https',
  'net',
  'tls',
  'stream',
  'events',
  'util',
  'worker_threads',
];
const mainOnlyPackages = [
  'better-sqlite3',
  'kysely',
  'nodemailer',
  'muhammara',
  'pdfkit',
  'keytar',
  'conf',
  'pdfjs-dist',
  'pdfjs-dist/*',
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'out/', 'coverage/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    // Pure code: no Node, no DOM, no Electron, no main-side package.
    files: ['src-shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', ...mainOnlyPackages],
              message: 'src-shared is pure TypeScript: no Node, Electron or main-side packages.',
            },
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'src-shared imports nothing from the other layers.',
            },
          ],
        },
      ],
    },
  },
  {
    // Node services: everything but Electron.
    files: ['src-main/**/*.ts', 'migrations/**/*.ts'],
    ignores: ['src-main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message: 'Only src-main/electron/ may import electron.',
            },
            {
              group: ['**/src-renderer/**'],
              message: 'The main side never imports renderer code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen in time: no application code.
    files: ['migrations/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-*/**', 'electron'],
              message: 'Migrations never import application code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...nodeBuiltins, 'electron', ...mainOnlyPackages],
              message: 'The renderer reaches the main side only through the typed api.',
            },
            { group: ['**/src-main/**'], message: 'The renderer never imports main-side code.' },
          ],
        },
      ],
    },
  },
);
