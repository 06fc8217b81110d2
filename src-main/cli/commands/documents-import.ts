// `postier documents import`: documents from a CSV or Excel file, with their PDF files.
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
} from '../../../src-shared/domain/document-types.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson, printMessage } from '../output.js';
import {
  prepareTable,
  printProblems,
  printUnmatched,
  rejectedJson,
  saveMappingIfAsked,
  withTableOptions,
  type TableOptions,
} from './import-table.js';

interface DocumentImportOptions extends TableOptions {
  pdfDir?: string;
  pdfPattern?: string;
  type?: DocumentTypeCode;
  generateMissing?: boolean;
}

export function registerDocumentImportCommand(documents: Command, context: CliContext): void {
  withTableOptions(
    documents
      .command('import')
      .description('importe des documents depuis un fichier CSV ou Excel, avec leurs PDF')
      .argument('<file>', 'fichier CSV, TXT ou XLSX : une ligne par document')
      .option('--pdf-dir <dir>', 'dossier des PDF (un PDF par document, reconnu à son nom)')
      .option(
        '--pdf-pattern <pattern>',
        'modèle de nom des PDF : facture_{numero}, {dossier}-*, ou une expression régulière',
      )
      .addOption(
        new Option('--type <type>', 'type des lignes sans colonne Type').choices(
          DOCUMENT_TYPE_CODES,
        ),
      )
      .option('--generate-missing', 'génère le PDF des lignes qui n’en ont pas'),
  ).action(async (file: string, options: DocumentImportOptions, command: Command) => {
    await context.withPostier(command, async (postier) => {
      const language = cliLanguage();
      const { table, mapping, structureId } = await prepareTable(
        postier,
        'documents',
        file,
        options,
        language,
      );
      const importOptions = {
        structureId,
        ...(options.pdfDir && { pdfDir: path.resolve(options.pdfDir) }),
        ...(options.pdfPattern && { pdfPattern: options.pdfPattern }),
        ...(options.type && { defaultType: options.type }),
        generateMissing: options.generateMissing === true,
      };
      if (options.dryRun) {
        const preview = await postier.imports.previewDocuments(table, mapping, importOptions);
        if (options.json) {
          printJson({
            dryRun: true,
            ...preview,
            rejected: rejectedJson(preview.rejected, language),
          });
        } else {
          printMessage(language, 'import.cli.documentsPreview', {
            count: preview.toImport,
            rejected: preview.rejected.length,
            unmatchedRows: preview.unmatchedRows.length,
            unmatchedFiles: preview.unmatchedFiles.length,
          });
          printProblems(preview.rejected, language);
          printUnmatched(preview.unmatchedRows, preview.unmatchedFiles, language);
        }
        return;
      }
      const result = await postier.imports.importDocuments(table, mapping, importOptions);
      await saveMappingIfAsked(postier, 'documents', mapping, options, language);
      if (options.json) {
        printJson({ ...result, rejected: rejectedJson(result.rejected, language) });
      } else {
        printMessage(language, 'import.cli.documentsDone', {
          imported: result.imported,
          withPdf: result.withPdf,
          generated: result.generated,
          withoutPdf: result.withoutPdf,
          attached: result.attached,
          rejected: result.rejected.length,
        });
        printProblems(result.rejected, language);
        printUnmatched(result.unmatchedRows, result.unmatchedFiles, language);
      }
    });
  });
}
