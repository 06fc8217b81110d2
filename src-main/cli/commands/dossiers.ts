// `postier dossiers add|list`, then set and import from their own files.
import type { Command } from 'commander';
import type { Dossier } from '../../../src-shared/domain/records.js';
import type { Language } from '../../../src-shared/i18n/catalog.js';
import { splitAddressList } from '../../../src-shared/validation/address-list.js';
import type { CliContext } from '../command-context.js';
import {
  cliLanguage,
  MAX_CELL_WIDTH,
  printJson,
  printMessage,
  printTable,
  type Column,
} from '../output.js';
import { collect, parseCount } from './arguments.js';
import {
  LANGUAGE_OPTION_HELP,
  parseLanguageOption,
  sinOption,
  warnIfSinDoubtful,
} from './dossier-options.js';
import { registerDossierImportCommand } from './dossiers-import.js';
import { registerDossierSetCommand } from './dossiers-set.js';

interface AddOptions {
  number: string;
  lastName: string;
  firstName: string;
  title?: string;
  email: string[];
  sin?: string;
  sinStdin?: boolean;
  emailOptIn: boolean;
  language?: Language;
  structure?: string;
}

interface ListOptions {
  search?: string;
  limit: number;
  offset: number;
  json?: boolean;
  structure?: string;
}

export function registerDossierCommands(program: Command, context: CliContext): void {
  const dossiers = program
    .command('dossiers')
    .description('dossiers (clients, résidents, enfants)');

  dossiers
    .command('add')
    .description(
      'ajoute un dossier ; chaque --email devient un correspondant qui reçoit les documents',
    )
    .requiredOption('--number <n>', 'numéro du dossier (unique dans l’établissement)')
    .requiredOption('--last-name <name>', 'nom')
    .requiredOption('--first-name <name>', 'prénom')
    .option('--title <title>', 'civilité (M., Mme, ...)')
    .option('--email <address>', 'adresse e-mail d’un correspondant (répétable)', collect, [])
    .option('--sin <nas>', 'numéro d’assurance sociale (9 chiffres)')
    .option(
      '--sin-stdin',
      'lit le NAS sur l’entrée standard (il n’apparaît ni dans la liste des processus ni dans l’historique)',
    )
    .option('--no-email-opt-in', 'ne pas inscrire le dossier à l’envoi des documents par e-mail')
    .option('--language <langue>', `${LANGUAGE_OPTION_HELP} ; fr par défaut`, parseLanguageOption)
    .option('--structure <id|name>', 'établissement (s’il y en a plusieurs)')
    .action(async (options: AddOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const sin = await sinOption(options);
        const emails = options.email.flatMap(splitAddressList);
        const structure = await postier.records.chooseStructure(options.structure);
        const dossier = await postier.records.createDossier(structure.id, {
          number: options.number,
          lastName: options.lastName,
          firstName: options.firstName,
          title: options.title ?? null,
          sin,
          emailOptIn: emails.length > 0 && options.emailOptIn,
          ...(options.language && { language: options.language }),
          correspondents: emails.map((email) => ({ email, receivesDocuments: true })),
        });
        process.stdout.write(
          `Dossier n° ${dossier.number} ajouté : ${dossier.displayName} (id ${dossier.id}).\n`,
        );
        warnIfSinDoubtful(sin, dossier.number);
      });
    });

  registerDossierSetCommand(dossiers, context);

  dossiers
    .command('list')
    .description('liste les dossiers')
    .option('--search <text>', 'numéro, nom ou adresse e-mail')
    .option('--limit <n>', 'nombre de lignes', parseCount('--limit'), 500)
    .option('--offset <n>', 'lignes à sauter', parseCount('--offset'), 0)
    .option('--json', 'sortie JSON')
    .option('--structure <id|name>', 'établissement')
    .action(async (options: ListOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const structure = options.structure
          ? await postier.records.getStructure(options.structure)
          : undefined;
        const page = await postier.records.searchDossiers({
          ...(structure && { structureId: structure.id }),
          ...(options.search !== undefined && { text: options.search }),
          limit: options.limit,
          offset: options.offset,
        });
        if (options.json) printJson(page.items.map(dossierJson));
        else printDossiers(page.items, page.total);
      });
    });

  registerDossierImportCommand(dossiers, context);
}

function dossierJson(d: Dossier) {
  return {
    id: d.id,
    number: d.number,
    title: d.title,
    lastName: d.lastName,
    firstName: d.firstName,
    emailOptIn: d.emailOptIn,
    language: d.language,
    sin: d.sinMasked,
    emails: d.correspondents.filter((c) => c.email).map((c) => c.email),
    correspondents: d.correspondents.map((c) => ({
      id: c.id,
      name: c.name,
      relation: c.relation,
      email: c.email,
      receivesDocuments: c.receivesDocuments,
      language: c.language,
    })),
  };
}

function printDossiers(items: Dossier[], total: number): void {
  const columns: Column<Dossier>[] = [
    { header: 'N°', value: (d) => d.number },
    { header: 'Nom', value: (d) => d.displayName },
    { header: 'Par e-mail', value: (d) => (d.emailOptIn ? 'oui' : 'non') },
    { header: 'Langue', value: (d) => d.language },
    {
      header: 'Adresses',
      value: (d) =>
        d.correspondents
          .filter((c) => c.email)
          .map((c) => c.email)
          .join(', ') || '—',
    },
  ];
  printTable(items, columns);
  printMessage(cliLanguage(), 'records.cli.shown', { shown: items.length, total });
  const cut = items.some((d) => columns.some((c) => c.value(d).length > MAX_CELL_WIDTH));
  if (cut) printMessage(cliLanguage(), 'records.cli.cutNotice');
}
