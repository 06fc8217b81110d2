// `postier journal export|export-xlsx`: the send journal as a CSV file or an Excel workbook
// for the office's records.
import type { Command } from 'commander';
import type { CliContext } from '../command-context.js';
import { exportSendJournalXlsx } from '../../outbox/journal-xlsx.js';
import { cliLanguage, printMessage } from '../output.js';

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
        printMessage(language, 'outbox.export.done', { rows: result.rows, file: result.file });
      });
    });

  journal
    .command('export-xlsx')
    .description('exporte le journal des envois en classeur Excel (.xlsx, dates et montants typés)')
    .requiredOption('--out <file.xlsx>', 'classeur à écrire')
    .option('--from <date>', 'depuis ce jour inclus (AAAA-MM-JJ)')
    .option('--to <date>', 'jusqu’à ce jour inclus (AAAA-MM-JJ)')
    .action(async (options: { out: string; from?: string; to?: string }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const language = cliLanguage();
        const result = await exportSendJournalXlsx(postier.db, options.out, {
          ...(options.from && { from: options.from }),
          ...(options.to && { to: options.to }),
          language,
        });
        printMessage(language, 'export.done', { rows: result.rows, file: result.file });
      });
    });
}
