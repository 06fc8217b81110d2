// Scheduled sends and the test copy at the command line (issue 17, points 2 and 4):
// `send reschedule --batch N --not-before … | --now`, `send schedule-limit [show | set H]`,
// and what `send prepare --test-to ADDR [--dossier N]` does instead of queueing. Each parses,
// calls one service (outbox/schedule.ts, send/test-copy.ts) and says the result.
import { Option, type Command } from 'commander';
import { formatLocalDateTime } from '../../../src-shared/domain/schedule.js';
import { translate } from '../../../src-shared/i18n/catalog.js';
import { UserError } from '../../../src-shared/errors.js';
import type { PrepareInput } from '../../prepare/prepare.js';
import { sendTestCopy } from '../../send/test-copy.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson, printMessage } from '../output.js';
import { parseId } from './arguments.js';
import { sendCommand } from './send-group.js';

interface RescheduleOptions {
  batch?: number;
  notBefore?: string;
  now?: boolean;
  json?: boolean;
}

export function registerSendScheduleCommands(program: Command, context: CliContext): void {
  const send = sendCommand(program);

  send
    .command('reschedule')
    .description(
      'déplace l’envoi programmé d’un lot (ou de messages) à une autre heure, ou l’envoie dès maintenant',
    )
    .argument('[ids...]', 'numéros des messages (sinon --batch)')
    .option('--batch <n>', 'numéro du lot (postier send status)', parseId)
    .addOption(
      new Option(
        '--not-before <heure>',
        'nouvelle heure d’envoi : "AAAA-MM-JJ HH:MM" (heure de ce poste) ou ISO',
      ).conflicts('now'),
    )
    .option('--now', 'lève la programmation : les messages partent au prochain envoi')
    .option('--json', 'sortie JSON')
    .action(async (ids: string[], options: RescheduleOptions, command: Command) => {
      const target =
        options.batch !== undefined && ids.length === 0
          ? { batchId: options.batch }
          : options.batch === undefined && ids.length > 0
            ? { messageIds: ids.map((id) => parseId(id)) }
            : null;
      if (!target) throw new UserError('error.send.selectionNeeded');
      if (!options.now && options.notBefore === undefined)
        throw new UserError('schedule.error.malformed', { value: '' });
      const outcome = await context.withPostier(command, (postier) =>
        postier.sendEngine.reschedule(target, options.now ? null : options.notBefore!),
      );
      if (options.json) printJson(outcome);
      else if (outcome.at === null)
        printMessage(cliLanguage(), 'schedule.cli.sendNow', { count: outcome.changed.length });
      else
        printMessage(cliLanguage(), 'schedule.cli.rescheduled', {
          count: outcome.changed.length,
          at: formatLocalDateTime(outcome.at),
        });
    });

  const limit = send
    .command('schedule-limit')
    .description(
      'délai (heures) après lequel un envoi programmé manqué (poste éteint) attend votre décision au lieu de partir',
    );
  limit
    .command('show')
    .description('affiche le délai (24 h par défaut)')
    .option('--json', 'sortie JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const hours = await context.withPostier(command, (postier) =>
        postier.sendEngine.scheduleLimitHours(),
      );
      if (options.json) printJson({ scheduleLimitHours: hours });
      else printMessage(cliLanguage(), 'schedule.cli.limit', { hours });
    });
  limit
    .command('set')
    .description('enregistre le délai, pour tous les postes : un nombre entier d’heures')
    .argument('<heures>', 'heures, de 1 à 8760')
    .action(async (typed: string, _options: unknown, command: Command) => {
      const hours = await context.withPostier(command, (postier) =>
        postier.sendEngine.setScheduleLimitHours(typed),
      );
      printMessage(cliLanguage(), 'schedule.cli.limit', { hours });
    });
}

/** `send prepare … --test-to ADDR [--dossier N]`: one copy to ADDR, nothing queued. */
export async function testCopyCommand(
  context: CliContext,
  command: Command,
  input: PrepareInput,
  options: {
    testTo: string;
    dossier?: string;
    recipient?: string;
    json?: boolean;
    structure?: string;
  },
): Promise<void> {
  const sent = await context.withPostier(command, async (postier) => {
    const structure = await postier.records.chooseStructure(options.structure);
    return sendTestCopy(
      { prepare: postier.prepare, engine: postier.sendEngine },
      { ...input, structureId: structure.id },
      {
        ...(options.dossier !== undefined && { dossierNumber: options.dossier }),
        ...(options.recipient !== undefined && { recipient: options.recipient }),
      },
      options.testTo,
    );
  });
  if (options.json) printJson({ testCopy: sent });
  else
    process.stdout.write(
      `${translate(cliLanguage(), 'testCopy.cli.sent', {
        to: sent.to,
        recipient: sent.recipient,
        dossier: sent.dossierNumber,
        document: sent.documentNumber,
        subject: sent.subject,
      })}\n`,
    );
}
