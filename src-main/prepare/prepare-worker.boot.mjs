// Starts prepare-worker.ts from the TypeScript sources (the CLI, the headless host and the
// tests run through tsx); the bundled app starts the bundled prepare-worker.js instead.
import { tsImport } from 'tsx/esm/api';

await tsImport('./prepare-worker.ts', import.meta.url);
