// `postier send withdraw`: takes messages still pending, validated or blocked out of the
// queue (a whole batch with --batch, or the messages named): they will not go, their
// documents are "not sent" again, and the journal keeps the withdrawal. A message being sent
// is never withdrawn: the answer says so.
import type { Command } from 'commander';
import { translate } from '../../../src-shared/i18n/catalog.js';
import { UserError } from '../../../src-shared/errors.js';
import { withdrawOutcomeText } from '../../../src-shared/format/withdraw-outcome.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson } from '../output.js';
import { parseId } from './arguments.js';
import { sendCommand } from './send-group.js';

interface WithdrawOptions {
  batch?: number;
  json?: boolean;
}

export function registerSendWithdrawCommand(program: Command, context: CliContext): void {
  sendCommand(program)
    .command('withdraw')
    .description(
      'retire de la file des messages en attente, validés ou bloqués (→ R) : ils ne partiront pas, leurs documents redeviennent « Non envoyé »',
    )
    .argument('[ids...]', 'numéros des messages (postier send status)')
    .option('--batch <n>', 'tous les messages encore dans la file de ce lot', parseId)
    .option('--json', 'sortie JSON')
    .action(async (ids: string[], options: WithdrawOptions, command: Command) => {
      const language = cliLanguage();
      if ((options.batch === undefined) === (ids.length === 0)) {
        throw new UserError('queueTruth.withdraw.target');
      }
      const outcome = await context.withPostier(command, (postier) =>
        options.batch !== undefined
          ? postier.messageActions.withdraw('all', { batchId: options.batch })
          : postier.messageActions.withdraw(ids.map((id) => parseId(id))),
      );
      if (options.json) return printJson(outcome);
      const lines = withdrawOutcomeText(language, outcome);
      for (const skipped of outcome.skipped) {
        const status = skipped.status
          ? ` — ${translate(language, `messageStatus.${skipped.status}`)}`
          : '';
        const reason = `${translate(language, `action.skipped.${skipped.reason}`)}${status}`;
        lines.push(translate(language, 'sending.cli.skipped', { id: skipped.id, reason }));
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}
