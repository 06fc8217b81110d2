// `postier dossiers set --number N`: changes a dossier's names, SIN or correspondence
// language (the language its family's messages are written in), through the records
// service like the window's form.
import type { Command } from 'commander';
import type { DossierPatch } from '../../../src-shared/domain/records.js';
import type { Language } from '../../../src-shared/i18n/catalog.js';
import type { CliContext } from '../command-context.js';
import {
  LANGUAGE_OPTION_HELP,
  parseLanguageOption,
  sinOption,
  warnIfSinDoubtful,
} from './dossier-options.js';

interface SetOptions {
  number: string;
  lastName?: string;
  firstName?: string;
  title?: string;
  sin?: string;
  sinStdin?: boolean;
  language?: Language;
  structure?: string;
}

export function registerDossierSetCommand(dossiers: Command, context: CliContext): void {
  dossiers
    .command('set')
    .description('modifie un dossier : nom, prénom, civilité, NAS, langue de correspondance')
    .requiredOption('--number <n>', 'numéro du dossier')
    .option('--last-name <name>', 'nom')
    .option('--first-name <name>', 'prénom')
    .option('--title <title>', 'civilité (M., Mme, ...)')
    .option('--sin <nas>', 'numéro d’assurance sociale (9 chiffres)')
    .option('--sin-stdin', 'lit le NAS sur l’entrée standard')
    .option('--language <langue>', LANGUAGE_OPTION_HELP, parseLanguageOption)
    .option('--structure <id|name>', 'établissement (s’il y en a plusieurs)')
    .action(async (options: SetOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const sin = await sinOption(options);
        const structure = await postier.records.chooseStructure(options.structure);
        const current = await postier.records.getDossierByNumber(structure.id, options.number);
        const patch: DossierPatch = {
          ...(options.lastName !== undefined && { lastName: options.lastName }),
          ...(options.firstName !== undefined && { firstName: options.firstName }),
          ...(options.title !== undefined && { title: options.title }),
          ...(sin !== null && { sin }),
          ...(options.language && { language: options.language }),
        };
        const dossier = await postier.records.updateDossier(current.id, current.version, patch);
        process.stdout.write(
          `Dossier n° ${dossier.number} modifié : ${dossier.displayName}, langue de correspondance ${dossier.language}.\n`,
        );
        warnIfSinDoubtful(sin, dossier.number);
      });
    });
}
