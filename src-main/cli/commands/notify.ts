// `postier notify show | set | staff`: who receives each staff notification — the same
// settings as Paramètres > Notifications, through the same core (notifications/). This file
// parses, calls one service function and prints.
import type { Command } from 'commander';
import {
  NOTIFICATION_EVENTS,
  type NotificationChoice,
  type NotificationRecipient,
  type NotificationSettings,
} from '../../../src-shared/domain/notifications.js';
import { UserError } from '../../../src-shared/errors.js';
import { translate, type Language, type MessageKey } from '../../../src-shared/i18n/catalog.js';
import { notificationEvent } from '../../notifications/notification-settings.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson, printMessage } from '../output.js';

interface StructureOption {
  structure?: string;
}

interface SetOptions extends StructureOption {
  event: string;
  to?: string[];
  staff?: string[];
  cascade?: boolean;
  off?: boolean;
}

export function registerNotifyCommands(program: Command, context: CliContext): void {
  const language = cliLanguage();
  const t = (key: MessageKey, params: Record<string, string | number> = {}) =>
    translate(language, key, params);
  const notify = program
    .command('notify')
    .description(
      'qui reçoit les notifications : fin d’envoi, échecs, incertains, retours, compte à reconnecter',
    );

  notify
    .command('show')
    .description(t('notify.cli.show'))
    .option('--structure <id|name>', 'établissement')
    .option('--json', 'sortie JSON')
    .action(async (options: StructureOption & { json?: boolean }, command: Command) => {
      const settings = await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        return postier.notifications.settings(structure.id);
      });
      if (options.json) printJson(settings);
      else process.stdout.write(showText(language, settings));
    });

  notify
    .command('set')
    .description(t('notify.cli.set'))
    .requiredOption(
      '--event <event>',
      t('notify.cli.event', { events: NOTIFICATION_EVENTS.join(', ') }),
    )
    .option('--to <address...>', t('notify.cli.to'))
    .option('--staff <name...>', t('notify.cli.staffNames'))
    .option('--cascade', t('notify.cli.cascade'))
    .option('--off', t('notify.cli.off'))
    .option('--structure <id|name>', 'établissement')
    .option('--json', 'sortie JSON')
    .action(async (options: SetOptions & { json?: boolean }, command: Command) => {
      const event = notificationEvent(options.event);
      const chosen = (options.to?.length ?? 0) + (options.staff?.length ?? 0) > 0;
      const modes = [chosen, !!options.cascade, !!options.off].filter(Boolean).length;
      if (modes > 1) throw new UserError('notify.error.oneChoice');
      if (modes === 0) throw new UserError('notify.error.noChoice', { event });
      const choice = await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        const store = postier.notifications;
        if (!chosen)
          return store.setChoice(structure.id, event, { mode: options.off ? 'off' : 'cascade' });
        const staffIds = await store.staffIdsByName(structure.id, options.staff ?? []);
        return store.setChoice(structure.id, event, {
          mode: 'chosen',
          staffIds,
          addresses: options.to ?? [],
        });
      });
      if (options.json) return printJson({ event, choice });
      printMessage(language, 'notify.cli.saved', {
        event: t(`notify.event.${event}`),
        choice: choiceText(language, choice),
      });
    });

  notify
    .command('staff')
    .description(t('notify.cli.staff'))
    .argument('<name>', t('ui.notify.staffName'))
    .option('--email <address>', t('notify.cli.email'))
    .option('--language <fr|en>', t('notify.cli.language'))
    .option('--manager', t('notify.cli.manager'))
    .option('--structure <id|name>', 'établissement')
    .action(
      async (
        name: string,
        options: StructureOption & { email?: string; language?: string; manager?: boolean },
        command: Command,
      ) => {
        const member = await context.withPostier(command, async (postier) => {
          const structure = await postier.records.chooseStructure(options.structure);
          return postier.notifications.saveStaff(structure.id, {
            name,
            ...(options.email !== undefined && { email: options.email }),
            ...(options.language !== undefined && { language: options.language }),
            ...(options.manager && { manager: true }),
          });
        });
        printMessage(language, 'notify.cli.staffSaved', {
          name: member.name,
          email: member.email ?? '—',
          language: member.language,
        });
      },
    );
}

function choiceText(language: Language, choice: NotificationChoice): string {
  return translate(language, `notify.mode.${choice.mode}`);
}

function recipientText(language: Language, r: NotificationRecipient): string {
  const who = r.name ? `${r.name} <${r.address}>` : r.address;
  return `${who} (${translate(language, `notify.step.${r.source}`)}, ${r.language})`;
}

/** One block per event: its choice, then who receives it. */
export function showText(language: Language, settings: NotificationSettings): string {
  const manager = settings.staff.find((s) => s.id === settings.managerId);
  const lines = [
    manager
      ? translate(language, 'notify.cli.manager.line', { name: manager.name })
      : translate(language, 'notify.cli.manager.none'),
    '',
  ];
  for (const { event, choice, recipients } of settings.events) {
    lines.push(
      `${translate(language, `notify.event.${event}`)} [${event}] — ${choiceText(language, choice)}`,
    );
    if (recipients.length === 0) lines.push(`  ${translate(language, 'notify.cli.nobody')}`);
    for (const r of recipients) lines.push(`  ${recipientText(language, r)}`);
  }
  return `${lines.join('\n')}\n`;
}
