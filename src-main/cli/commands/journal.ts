// `postier journal export`: the send journal as a CSV file for the office's records.
import type { Command } from 'commander';
import { translate } from '../../../src-shared/i18n/catalog.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage } from '../output.js';

interface ExportOptions {
  out: string;
  from?: string;
  to?: string;
}

export function registerJournalCommands(program: Command, context: CliContext): void {
  const journal =
    program.commands.find((command) => command.name() === 'journal') ??
    program.command('journal').description('journal des envois');
  journal
    .command('export')
    .description('exporte le journal des envois en CSV (Excel : UTF-8, séparateur « ; »)')
    .requiredOption('--out <file.csv>', 'fichier CSV à écrire')
    .option('--from <date>', 'depuis ce jour inclus (AAAA-MM-JJ)')
    .option('--to <date>', 'jusqu’à ce jour inclus (AAAA-MM-JJ)')
    .action(async (options: ExportOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const language = cliLanguage();
        const result = await postier.sendEngine.exportJournal(options.out, {
          ...(options.from && { from: options.from }),
          ...(options.to && { to: options.to }),
          language,
        });
        process.stdout.write(
          `${translate(language, 'outbox.export.done', { rows: result.rows, file: result.file })}\n`,
        );
      });
    });
}
