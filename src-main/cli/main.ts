// Entry point of the `postier` command (bin/postier.js loads it).
import { runCli } from './program.js';

process.exitCode = await runCli(process.argv.slice(2));
