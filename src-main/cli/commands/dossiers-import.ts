// `postier dossiers import`: dossiers from the billing software's CSV or Excel file.
import type { Command } from 'commander';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson, printMessage } from '../output.js';
import { collect } from './arguments.js';
import {
  prepareTable,
  printProblems,
  rejectedJson,
  saveMappingIfAsked,
  withTableOptions,
  type TableOptions,
} from './import-table.js';

interface DossierImportOptions extends TableOptions {
  extra: string[];
}

export function registerDossierImportCommand(dossiers: Command, context: CliContext): void {
  withTableOptions(
    dossiers
      .command('import')
      .description('importe ou met à jour des dossiers depuis un fichier CSV ou Excel (.xlsx)')
      .argument('<file>', 'fichier CSV, TXT ou XLSX exporté du logiciel de facturation')
      .option(
        '--extra <column>',
        'colonne à garder comme champ libre des modèles (répétable)',
        collect,
        [],
      ),
  ).action(async (file: string, options: DossierImportOptions, command: Command) => {
    await context.withPostier(command, async (postier) => {
      const language = cliLanguage();
      const { table, mapping, structureId } = await prepareTable(
        postier,
        'dossiers',
        file,
        options,
        language,
      );
      if (options.extra.length > 0) mapping.extraColumns = options.extra;
      if (options.dryRun) {
        const preview = await postier.imports.previewDossiers(table, mapping, { structureId });
        if (options.json) {
          printJson({
            dryRun: true,
            toCreate: preview.toCreate,
            toUpdate: preview.toUpdate,
            rows: preview.rows,
            rejected: rejectedJson(preview.rejected, language),
            warnings: rejectedJson(preview.warnings, language),
          });
        } else {
          printMessage(language, 'import.cli.dossiersPreview', {
            create: preview.toCreate,
            update: preview.toUpdate,
            rejected: preview.rejected.length,
          });
          printProblems(preview.rejected, language);
          printProblems(preview.warnings, language);
        }
        return;
      }
      const result = await postier.imports.importDossiers(table, mapping, { structureId });
      await saveMappingIfAsked(postier, 'dossiers', mapping, options, language);
      if (options.json) {
        printJson({
          ...result,
          rejected: rejectedJson(result.rejected, language),
          warnings: rejectedJson(result.warnings, language),
        });
      } else {
        printMessage(language, 'import.cli.dossiersDone', {
          imported: result.imported,
          updated: result.updated,
          rejected: result.rejected.length,
        });
        printProblems(result.rejected, language);
        printProblems(result.warnings, language);
      }
    });
  });
}
