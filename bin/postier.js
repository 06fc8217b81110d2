#!/usr/bin/env node
// The `postier` command. Runs the TypeScript sources through tsx so that a fresh clone
// works after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src-main/cli/main.ts');
