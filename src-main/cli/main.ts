// Entry point of the `postier` command: bundled into dist/cli/main.js (scripts/build-cli.mjs),
// which bin/postier.js runs.
import { runCli } from './program.js';
import { noticeDatabaseWaits } from './database-waits.js';

// `postier documents list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// A command waiting for another workstation's lock says so on stderr (after 2 s).
noticeDatabaseWaits();
process.exitCode = await runCli(process.argv.slice(2));
