// `postier documents split`: one merged PDF cut into one PDF per document.
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
} from '../../../src-shared/domain/document-types.js';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import type { ErrorParams } from '../../../src-shared/errors.js';
import { pageRange } from '../../imports/pdf-split.js';
import type { SplitPart } from '../../imports/import-types.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson, printMessage } from '../output.js';

interface SplitOptions {
  key: string;
  keyIs: 'auto' | 'document' | 'dossier';
  type?: DocumentTypeCode;
  period?: string;
  issueDate?: string;
  numberKey?: string;
  amountKey?: string;
  dryRun?: boolean;
  json?: boolean;
  structure?: string;
}

export function registerDocumentSplitCommand(documents: Command, context: CliContext): void {
  documents
    .command('split')
    .description(
      'découpe un PDF regroupant tous les documents : un PDF par document, reconnu à son numéro',
    )
    .argument('<merged.pdf>', 'le PDF fusionné')
    .requiredOption(
      '--key <regex>',
      'expression dont le premier groupe est le numéro, ex. "Facture n° (\\d+)"',
    )
    .addOption(
      new Option('--key-is <kind>', 'ce que la clé désigne')
        .choices(['auto', 'document', 'dossier'])
        .default('auto'),
    )
    .addOption(
      new Option('--type <type>', 'type des documents (créés ou cherchés)').choices(
        DOCUMENT_TYPE_CODES,
      ),
    )
    .option(
      '--period <p>',
      'période des documents créés : AAAA-MM ou AAAA (mois de --issue-date par défaut)',
    )
    .option(
      '--issue-date <date>',
      'date d’émission des documents créés, AAAA-MM-JJ (aujourd’hui par défaut)',
    )
    .option('--number-key <regex>', 'expression dont le premier groupe est le n° du document créé')
    .option(
      '--amount-key <regex>',
      'expression dont le premier groupe est le montant du document créé',
    )
    .option('--dry-run', 'montre le découpage sans rien importer')
    .option('--json', 'sortie JSON')
    .option('--structure <id|name>', 'établissement')
    .action(async (file: string, options: SplitOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const language = cliLanguage();
        const structure = await postier.records.chooseStructure(options.structure);
        const result = await postier.imports.splitPdf(path.resolve(file), {
          structureId: structure.id,
          key: options.key,
          keyKind: options.keyIs,
          ...(options.type && { type: options.type }),
          ...(options.period && { period: options.period }),
          ...(options.issueDate && { issueDate: options.issueDate }),
          ...(options.numberKey && { numberKey: options.numberKey }),
          ...(options.amountKey && { amountKey: options.amountKey }),
          dryRun: options.dryRun === true,
        });
        if (options.json) {
          printJson({
            ...result,
            unmatchedKeys: result.unmatchedKeys.map((part) => ({
              ...part,
              reason: translate(language, part.problem!.code, part.problem!.params),
            })),
          });
          return;
        }
        printMessage(language, result.dryRun ? 'import.cli.splitPreview' : 'import.cli.splitDone', {
          pages: result.pageCount,
          documents: result.documents.length,
          unmatched: result.unmatchedKeys.length,
        });
        for (const part of result.documents)
          printMessage(language, 'import.cli.splitPart', splitPartParams(part, language));
        for (const part of result.unmatchedKeys) {
          process.stdout.write(
            `${translate(language, part.problem!.code, part.problem!.params)}\n`,
          );
        }
        if (result.pagesBeforeFirstKey.length > 0) {
          printMessage(language, 'import.cli.pagesBeforeFirstKey', {
            pages: result.pagesBeforeFirstKey.join(', '),
          });
        }
      });
    });
}

function splitPartParams(part: SplitPart, language: Language): ErrorParams {
  return {
    pages: pageRange(part.pages),
    action: translate(language, `import.cli.splitAction.${part.action}`),
    number: part.documentNumber ?? part.key,
    dossier: part.dossierNumber ?? '—',
  };
}
