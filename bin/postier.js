#!/usr/bin/env node
// The `postier` command. Runs the bundle built from the TypeScript sources (dist/cli/main.js,
// scripts/build-cli.mjs): one small file to read rather than ~300 sources to compile at each
// call. `npm ci` builds it; bin/cli-bundle.js rebuilds it first when a source is newer.
import { cliBundle } from './cli-bundle.js';

await import(await cliBundle());
