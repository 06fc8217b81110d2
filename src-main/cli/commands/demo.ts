// `postier demo`: fill the data folder with the demo nursing home.
import type { Command } from 'commander';
import { createDemoOffice, DEMO_STRUCTURE_NAME } from '../../demo/demo-office.js';
import type { CliContext } from '../command-context.js';

export function registerDemoCommand(program: Command, context: CliContext): void {
  program
    .command('demo')
    .description(
      `crée l’établissement de démonstration « ${DEMO_STRUCTURE_NAME} » : résidents, familles, factures du mois, relevés fiscaux`,
    )
    .action(async (_options: unknown, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const existing = (await postier.records.listStructures()).find(
          (s) => s.name === DEMO_STRUCTURE_NAME,
        );
        if (existing) {
          process.stdout.write(
            `L’établissement de démonstration existe déjà (n° ${existing.id}) : rien n’a été ajouté.\n`,
          );
          return;
        }
        process.stdout.write('Création de l’établissement de démonstration…\n');
        const summary = await createDemoOffice(postier);
        process.stdout.write(
          `${summary.structure.name} : ${summary.dossiers} résidents, ${summary.invoices} factures de ${summary.period}` +
            ` et ${summary.taxSlips} relevés fiscaux, PDF compris.\n` +
            `Dossier de données : ${postier.folder.root}\n`,
        );
      });
    });
}
