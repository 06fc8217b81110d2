// `postier bounces check`: reads the account's mailbox for bounces of our messages, marks them
// failed with the reason, and says how to fix the address and send again.
import type { Command } from 'commander';
import { translate } from '../../../src-shared/i18n/catalog.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson } from '../output.js';

export function registerBouncesCommands(program: Command, context: CliContext): void {
  const bounces = program.command('bounces').description('retours des messages non remis');
  bounces
    .command('check')
    .description('lit la boîte du compte d’envoi et marque en échec nos messages revenus')
    .option('--structure <id|name>', 'établissement')
    .option('--json', 'sortie JSON : nos messages revenus')
    .action(async (options: { structure?: string; json?: boolean }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        const summary = await postier.bounces.check(structure.id);
        if (options.json) {
          printJson(
            summary.ours.map((o) => ({
              id: o.messageId,
              documentId: o.documentId,
              address: o.address,
              status: o.status,
              reason: o.reason,
              reasonText: o.reasonText,
              diagnostic: o.diagnostic,
              change: o.change,
            })),
          );
          return;
        }
        const language = cliLanguage();
        const lines = [
          translate(language, 'bounces.cli.summary', {
            examined: summary.examined,
            bounces: summary.bounces,
            ours: summary.ours.length,
            unknown: summary.unknown,
          }),
          ...summary.ours.map((o) =>
            translate(
              language,
              o.change === 'failed' ? 'bounces.cli.failed' : 'bounces.cli.already',
              {
                id: o.messageId,
                address: o.address,
                reason: translate(language, `bounces.reason.${o.reason}`),
                status: o.status || '?',
              },
            ),
          ),
          ...(summary.movedTo
            ? [
                translate(language, 'bounces.cli.moved', {
                  moved: summary.moved,
                  folder: summary.movedTo,
                }),
              ]
            : []),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}
