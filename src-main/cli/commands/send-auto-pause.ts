// `postier send auto-pause show | set <N>`: after how many refusals in a row an account's
// sending pauses (0: never), the same setting as Paramètres > Envoi, checked by the same
// core function (a whole number from 0 to AUTO_PAUSE_MAX, refused with one sentence otherwise).
import type { Command } from 'commander';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson, printMessage } from '../output.js';
import { sendCommand } from './send-group.js';

export function registerSendAutoPauseCommands(program: Command, context: CliContext): void {
  const autoPause = sendCommand(program)
    .command('auto-pause')
    .description(
      'suspension automatique : nombre de refus de suite après lequel l’envoi d’un compte s’arrête (0 : jamais)',
    );

  autoPause
    .command('show')
    .description('affiche le réglage (5 par défaut)')
    .option('--json', 'sortie JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const count = await context.withPostier(command, (postier) =>
        postier.sendEngine.autoPauseAfterFailures(),
      );
      if (options.json) printJson({ autoPauseAfterFailures: count });
      else printCount(count, 'cli.autoPause.shown');
    });

  autoPause
    .command('set')
    .description('enregistre le réglage, pour tous les postes : un nombre entier de 0 à 100')
    .argument('<N>', 'refus de suite avant la suspension ; 0 la désactive')
    .action(async (typed: string, _options: unknown, command: Command) => {
      const count = await context.withPostier(command, (postier) =>
        postier.sendEngine.setAutoPauseAfterFailures(typed),
      );
      printCount(count, 'cli.autoPause.saved');
    });
}

function printCount(count: number, key: 'cli.autoPause.shown' | 'cli.autoPause.saved'): void {
  printMessage(cliLanguage(), count === 0 ? 'cli.autoPause.off' : key, { count });
}
