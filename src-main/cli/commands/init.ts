// `postier init`: create or migrate the database.
import type { Command } from 'commander';
import { withoutPassword } from '../../data-folder/data-folder.js';
import type { Postier } from '../../app/postier.js';
import type { CliContext } from '../command-context.js';

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
          `Base de données prête : ${databaseName(postier)}\n` +
            `${applied === 0 ? 'Déjà à jour' : `Mises à jour appliquées : ${applied}`}. ` +
            `Établissement : ${structure.name} (n° ${structure.id}).\n`,
        );
      });
    });
}

/** The data folder's file, or the server's URL (never a password). */
function databaseName({ location, folder }: Postier): string {
  return location.kind === 'postgres' ? withoutPassword(location.url) : folder.databaseFile;
}
