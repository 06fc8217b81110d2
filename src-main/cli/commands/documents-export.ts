// `postier documents export`: the document journal as a CSV or .xlsx file.
import type { Command } from 'commander';
import { Option } from 'commander';
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
} from '../../../src-shared/domain/document-types.js';
import {
  DOCUMENT_EMAIL_STATES,
  type DocumentEmailState,
} from '../../../src-shared/domain/statuses.js';
import { exportDocumentJournal } from '../../exports/document-journal-export.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printMessage } from '../output.js';
import { PERIOD_HELP, parsePeriodOption } from './period-option.js';

export function registerDocumentExportCommand(documents: Command, context: CliContext): void {
  documents
    .command('export')
    .description('exporte le journal des documents en CSV (Excel français) ou en classeur .xlsx')
    .requiredOption('--out <file>', 'fichier .csv ou .xlsx à écrire')
    .addOption(new Option('--type <type>', 'type de document').choices(DOCUMENT_TYPE_CODES))
    .option('--period <p>', PERIOD_HELP, parsePeriodOption)
    .option('--from-period <p>', 'depuis cette période incluse', parsePeriodOption)
    .option('--to-period <p>', 'jusqu’à cette période incluse', parsePeriodOption)
    .addOption(new Option('--status <state>', 'état de l’envoi').choices(DOCUMENT_EMAIL_STATES))
    .option('--search <text>', 'numéro de document ou de dossier, nom')
    .option('--structure <id|name>', 'établissement')
    .action(
      async (
        options: {
          out: string;
          type?: DocumentTypeCode;
          period?: string;
          fromPeriod?: string;
          toPeriod?: string;
          status?: DocumentEmailState;
          search?: string;
          structure?: string;
        },
        command: Command,
      ) => {
        await context.withPostier(command, async (postier) => {
          const language = cliLanguage();
          const structure = options.structure
            ? await postier.records.getStructure(options.structure)
            : undefined;
          const result = await exportDocumentJournal(
            postier.db,
            options.out,
            {
              ...(structure && { structureId: structure.id }),
              ...(options.type && { types: [options.type] }),
              ...(options.period && { period: options.period }),
              ...(options.fromPeriod && { periodFrom: options.fromPeriod }),
              ...(options.toPeriod && { periodTo: options.toPeriod }),
              ...(options.status && { emailStates: [options.status] }),
              ...(options.search && { text: options.search }),
            },
            language,
          );
          printMessage(language, 'export.done', { rows: result.rows, file: result.file });
        });
      },
    );
}
