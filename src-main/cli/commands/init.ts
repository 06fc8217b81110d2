// `postier init`: create or migrate the database; `postier start`: what to do next.
import type { Command } from 'commander';
import type { CliContext } from '../program.js';

export function registerInitCommands(program: Command, context: CliContext): void {
  program
    .command('init')
    .description('crée ou met à jour la base de données du dossier de données')
    .option('--structure-name <name>', 'nom du premier établissement')
    .action(async (options: { structureName?: string }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const structure = await postier.records.ensureDefaultStructure(options.structureName);
        const applied = postier.appliedMigrations.length;
        process.stdout.write(
          `Base de données prête : ${postier.folder.databaseFile}\n` +
            `${applied === 0 ? 'Déjà à jour' : `Mises à jour appliquées : ${applied}`}. ` +
            `Établissement : ${structure.name} (n° ${structure.id}).\n`,
        );
      });
    });

  program
    .command('start')
    .description('prépare le dossier de données et résume son contenu')
    .action(async (_options: unknown, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const dossiers = await postier.records.searchDossiers({ limit: 1 });
        const documents = await postier.documents.journal({ limit: 1 });
        process.stdout.write(
          `Postier est prêt. Dossier de données : ${postier.folder.root}\n` +
            `Dossiers : ${dossiers.total}. Documents : ${documents.total}.\n` +
            (dossiers.total === 0
              ? 'Pour essayer avec un établissement de démonstration : npx postier demo\n'
              : 'Liste des documents : npx postier documents list\n'),
        );
      });
    });
}
