// `postier send run | status | uncertain resolve`: the sending engine from the command line.
import { CommanderError, Option, type Command } from 'commander';
import { MESSAGE_STATUSES, type MessageStatus } from '../../../src-shared/domain/statuses.js';
import { scheduleNote } from '../../../src-shared/format/schedule-text.js';
import { translate, type Language, type MessageKey } from '../../../src-shared/i18n/catalog.js';
import type { EngineProgress, EngineRunSummary, SendEngineRunOptions } from '../../send/engine.js';
import { clockText } from '../../send/outcome.js';
import type { UncertainDecision } from '../../outbox/uncertain.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson, printTable } from '../output.js';
import { parseCount, parseId } from './arguments.js';
import { sendCommand } from './send-group.js';
import { sayRead } from '../../../src-shared/i18n/said.js';

/** Exit code of `send run` when an account problem stopped it (0: ended normally). */
export const EXIT_STOPPED_BY_ACCOUNT = 2;

interface RunOptions {
  json?: boolean;
  wait?: boolean;
}

interface StatusOptions {
  json?: boolean;
  status?: MessageStatus[];
  email?: string;
  search?: string;
  dossier?: string;
  limit: number;
  offset: number;
}

export function registerSendRunCommands(program: Command, context: CliContext): void {
  const send = sendCommand(program);

  send
    .command('run')
    .description(
      'envoie les messages validés dont l’heure est venue, au rythme réglé dans le compte d’envoi',
    )
    .option('--json', 'affiche le bilan en JSON')
    .option(
      '--wait',
      'attend la fin d’un envoi en cours sur un autre poste, puis les nouveaux essais prévus, jusqu’à ce que tout soit parti',
    )
    .action(async (options: RunOptions, command: Command) => {
      const language = cliLanguage();
      const summary = await context.withPostier(command, (postier) =>
        runWithProgress(
          (run) =>
            postier.sendEngine.run({
              ...run,
              untilDone: options.wait ?? false,
              waitForLease: options.wait ?? false,
            }),
          options,
          language,
        ),
      );
      if (options.json) printJson(summary);
      else process.stdout.write(summaryText(summary, language));
      stopIfStopped(summary);
    });

  send
    .command('status')
    .description('compte les messages par statut et liste les derniers (« Suivi des envois »)')
    .option('--json', 'sortie JSON')
    .addOption(
      new Option('--status <status...>', 'seulement ces statuts').choices(
        MESSAGE_STATUSES as unknown as string[],
      ),
    )
    .option('--email <text>', 'adresse (ou partie d’adresse) d’un destinataire')
    .option(
      '--search <text>',
      'destinataire (nom, adresse) ou numéro de document, sans égard aux accents',
    )
    .option('--dossier <n>', 'numéro de dossier')
    .option('--limit <n>', 'nombre de messages listés', parseCount('--limit'), 100)
    .option('--offset <n>', 'messages à sauter', parseCount('--offset'), 0)
    .action(async (options: StatusOptions, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const { counts, page } = await postier.sendEngine.status({
          ...(options.status && { statuses: options.status }),
          ...(options.email && { email: options.email }),
          ...(options.search && { text: options.search }),
          ...(options.dossier && { dossierNumber: options.dossier }),
          limit: options.limit,
          offset: options.offset,
        });
        const language = cliLanguage();
        if (options.json) {
          const messages = page.items.map((m) => ({
            id: m.id,
            document: m.documentNumber,
            documentId: m.documentId,
            dossier: m.dossierNumber,
            to: m.to,
            status: m.status,
            // The status as Suivi des envois says it, in the CLI's language (POSTIER_LANG).
            statusText: translate(language, `ui.status.${m.status}`),
            attempts: m.attempts,
            // The server's own reply when there was one; else what went wrong, in the CLI's
            // language (stored as a sentence in no language).
            lastError: m.lastReply ?? sayRead(language, m.lastError, m.lastErrorSaid),
            nextAttemptAt: m.nextAttemptAt,
            scheduledAt: m.scheduledAt,
            sentAt: m.sentAt,
          }));
          return printJson({ counts, total: page.total, messages });
        }
        const t = (key: MessageKey) => translate(language, key);
        // Statuses as Suivi des envois says them, in the CLI's language, not their codes.
        const said = (s: (typeof MESSAGE_STATUSES)[number]) => t(`ui.status.${s}`);
        process.stdout.write(
          `${MESSAGE_STATUSES.map((s) => `${said(s)} — ${counts[s]}`).join(' · ')}\n\n`,
        );
        printTable(page.items, [
          { header: t('outbox.table.id'), value: (m) => String(m.id) },
          { header: t('outbox.table.document'), value: (m) => m.documentNumber },
          { header: t('outbox.table.dossier'), value: (m) => m.dossierNumber },
          { header: t('outbox.table.status'), value: (m) => said(m.status) },
          { header: t('outbox.table.attempts'), value: (m) => String(m.attempts) },
          { header: t('outbox.table.recipients'), value: (m) => m.to.join(', ') },
          // Not sent yet and scheduled: when it will leave ("Programmé : 2026-12-05 08:00").
          {
            header: t('outbox.table.sentAt'),
            value: (m) => m.sentAt ?? scheduleNote(m, language) ?? '',
          },
          // A sent message's reply is no error: the server's words and what went wrong apart.
          { header: t('outbox.table.serverReply'), value: (m) => m.lastReply ?? '' },
          // Why it failed, in the CLI's language (stored as a sentence in no language).
          {
            header: t('outbox.table.lastError'),
            value: (m) => sayRead(language, m.lastError, m.lastErrorSaid) ?? '',
          },
        ]);
      });
    });

  const uncertain = send
    .command('uncertain')
    .description('messages incertains : l’envoi a été interrompu pendant leur envoi');
  uncertain
    .command('resolve')
    .description('décide ce qu’est devenu un message incertain')
    .argument('<id>', 'numéro du message', parseId)
    .addOption(
      new Option('--as <decision>', 'envoyé, à renvoyer, ou en échec')
        .choices(['sent', 'resend', 'failed'])
        .makeOptionMandatory(),
    )
    .action(async (id: number, options: { as: UncertainDecision }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        await postier.sendEngine.resolveUncertain(id, options.as);
        const language = cliLanguage();
        const decision = translate(language, `outbox.decision.${options.as}`);
        process.stdout.write(`${translate(language, 'outbox.resolved', { id, decision })}\n`);
      });
    });
}

/** Ends the command with its own exit code when an account problem stopped the run. */
export function stopIfStopped(summary: EngineRunSummary): void {
  if (!summary.stoppedBy) return;
  // Not a usage error: the reason alone on stderr, and an exit code scripts can test.
  process.stderr.write(`${summary.stoppedBy.message}\n`);
  throw new CommanderError(
    EXIT_STOPPED_BY_ACCOUNT,
    'postier.send.stopped',
    summary.stoppedBy.message,
  );
}

/** A run of the engine with Ctrl+C handled and, unless JSON is asked, its progress printed. */
export async function runWithProgress<T>(
  run: (options: SendEngineRunOptions) => Promise<T>,
  options: { json?: boolean },
  language: Language,
): Promise<T> {
  // Ctrl+C: finish the message being sent, then stop; a second Ctrl+C ends at once.
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  try {
    return await run({
      signal: controller.signal,
      language,
      ...(!options.json && {
        onProgress: (progress: EngineProgress) =>
          process.stdout.write(`${progressLine(progress, language)}\n`),
        onWaitingForLease: (holder: string) =>
          process.stdout.write(
            `${translate(language, 'outbox.progress.waitingLease', { holder })}\n`,
          ),
      }),
    });
  } finally {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  }
}

/** "3/120 envoyé(s) — prochain envoi à 10:42:07". */
export function progressLine(progress: EngineProgress, language: Language): string {
  const parts = [
    translate(language, 'outbox.progress.line', { done: progress.sent, total: progress.total }),
  ];
  if (progress.failed > 0)
    parts.push(translate(language, 'outbox.progress.failed', { failed: progress.failed }));
  let line = parts.join(', ');
  if (progress.nextSendAt) {
    line += ` — ${translate(language, 'outbox.progress.next', { time: clockText(Date.parse(progress.nextSendAt)) })}`;
  }
  return line;
}

export function summaryText(summary: EngineRunSummary, language: Language): string {
  const { sent, failed, retrying, uncertain, remaining } = summary;
  const lines = [
    translate(language, 'outbox.summary.done', { sent, failed, retrying, uncertain, remaining }),
  ];
  if (summary.cancelled) lines.push(translate(language, 'outbox.summary.cancelled'));
  if (summary.limitReached === 'run') lines.push(translate(language, 'outbox.summary.limitRun'));
  if (summary.limitReached === 'day') lines.push(translate(language, 'outbox.summary.limitDay'));
  if (summary.retrying > 0 && summary.nextSendAt && summary.limitReached !== 'day') {
    lines.push(
      translate(language, 'outbox.summary.nextRetry', {
        time: clockText(Date.parse(summary.nextSendAt)),
      }),
    );
  }
  if (summary.uncertain > 0) lines.push(translate(language, 'outbox.summary.uncertainHint'));
  return `${lines.join('\n')}\n`;
}
