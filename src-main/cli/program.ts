// The `postier` command line: every command takes --data DIR; lists take --json.
// This file only assembles the commands; what they share is in command-context.ts.
import { Command, CommanderError } from 'commander';
import { createCliContext } from './command-context.js';
import { speakCommander } from './commander-texts.js';
import { cliLanguage, describeError } from './output.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerDocumentCommands } from './commands/documents.js';
import { registerDossierCommands } from './commands/dossiers.js';
import { registerInitCommands } from './commands/init.js';
import { registerAccountCommands } from './commands/account.js';
import { registerBouncesCommands } from './commands/bounces.js';
import { registerHostCommands } from './commands/host.js';
import { registerSendPrepareCommands } from './commands/send-prepare.js';
import { registerSendRunCommands } from './commands/send-run.js';
import { registerSendAutoPauseCommands } from './commands/send-auto-pause.js';
import { registerTemplatesCommands } from './commands/templates.js';
import { registerJournalCommands } from './commands/journal.js';
import { registerWatchCommand } from './commands/watch.js';
import { registerDatabaseCommands } from './commands/db.js';

export function buildProgram(): Command {
  const program = speakCommander(new Command('postier'), cliLanguage())
    .description('Postier : envoie à chacun son document par e-mail.')
    .option('--data <dir>', 'dossier de données (sinon POSTIER_DATA, sinon le dossier par défaut)')
    .exitOverride();
  const context = createCliContext();
  registerInitCommands(program, context);
  registerDemoCommand(program, context);
  registerDossierCommands(program, context);
  registerDocumentCommands(program, context);
  registerAccountCommands(program, context);
  registerBouncesCommands(program, context);
  registerHostCommands(program, context);
  registerSendPrepareCommands(program, context);
  registerSendRunCommands(program, context);
  registerSendAutoPauseCommands(program, context);
  registerTemplatesCommands(program, context);
  registerJournalCommands(program, context);
  registerWatchCommand(program, context);
  registerDatabaseCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (usage errors, --help, --version).
      return error.exitCode;
    }
    process.stderr.write(`${describeError(error, cliLanguage())}\n`);
    if (process.env.POSTIER_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
