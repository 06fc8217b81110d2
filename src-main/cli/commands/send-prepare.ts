// `postier send prepare | validate | block | unblock | reset | fix-address`: preparing a bulk
// send into the outbox, and the user's decisions on queued messages (the Winpass seed's
// E / V / B buttons, the tax-slip seed's "uncheck the send status").
import fs from 'node:fs';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DOCUMENT_TYPE_CODES } from '../../../src-shared/domain/document-types.js';
import { formatLocalDateTime } from '../../../src-shared/domain/schedule.js';
import { WARNINGS_SAID_BY_NAME } from '../../../src-shared/domain/bulk-warnings.js';
import type { OutboxMessage } from '../../../src-shared/domain/outbox.js';
import { bulkWarningLines } from '../../../src-shared/format/bulk-warnings-text.js';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import { UserError } from '../../../src-shared/errors.js';
import type { Postier } from '../../app/postier.js';
import type { ActionOutcome, MessageSelection } from '../../outbox/message-actions.js';
import type { PrepareInput, PrepareResult } from '../../prepare/prepare.js';
import { prepareAndSend } from '../../send/prepare-and-send.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson } from '../output.js';
import { collect, parseId } from './arguments.js';
import { sendCommand } from './send-group.js';
import { registerSendScheduleCommands, testCopyCommand } from './send-schedule.js';
import { runWithProgress, stopIfStopped, summaryText } from './send-run.js';

interface PrepareOptions {
  type?: string;
  period?: string;
  ids?: number[];
  subject?: string;
  bodyFile?: string;
  htmlFile?: string;
  attachAll: string[];
  attach: string[];
  ccSender?: boolean;
  validate?: boolean;
  send?: boolean;
  dryRun?: boolean;
  json?: boolean;
  structure?: string;
  notBefore?: string;
  testTo?: string;
  dossier?: string;
  recipient?: string;
}

interface ActionOptions {
  all?: boolean;
  json?: boolean;
}

interface ResetOptions extends ActionOptions {
  messages?: boolean;
  type?: string;
  period?: string;
  structure?: string;
}

export function registerSendPrepareCommands(program: Command, context: CliContext): void {
  const send = sendCommand(program);
  registerSendScheduleCommands(program, context);

  send
    .command('prepare')
    .description(
      'prépare l’envoi des documents choisis : un message par document et par adresse, mis en file d’envoi',
    )
    .addOption(new Option('--type <type>', 'type de document').choices(DOCUMENT_TYPE_CODES))
    .option('--period <p>', 'période AAAA-MM ou AAAA')
    .option('--ids <list>', 'numéros (id) des documents, séparés par des virgules', parseIdList)
    .option('--subject <text>', 'objet du message (sinon celui du modèle du type)')
    .option('--body-file <file>', 'texte du message (modèle, UTF-8)')
    .option('--html-file <file>', 'message HTML (modèle, UTF-8) ; demande aussi --body-file')
    .option('--attach-all <file>', 'pièce jointe pour tous les messages (répétable)', collect, [])
    .option(
      '--attach <id=file>',
      'pièce jointe pour les destinataires d’un document (répétable)',
      collect,
      [],
    )
    .option('--cc-sender', 'met l’expéditeur en copie')
    .option(
      '--validate',
      'valide les messages tout de suite (sinon selon le réglage de validation)',
    )
    .addOption(
      new Option(
        '--send',
        'valide et envoie tout de suite : l’envoi commence dès les premiers messages prêts',
      ).conflicts('dryRun'),
    )
    .option('--dry-run', 'montre ce qui serait préparé, sans rien mettre en file')
    .option(
      '--not-before <heure>',
      'programme l’envoi : pas avant "AAAA-MM-JJ HH:MM" (heure de ce poste) ou ISO',
    )
    .option(
      '--test-to <adresse>',
      'm’envoie un exemplaire du message d’un destinataire (objet « [TEST] »), rien en file',
    )
    .option('--dossier <n>', 'avec --test-to : le dossier dont le message est copié')
    .option('--recipient <adresse>', 'avec --test-to : l’adresse du dossier, s’il en a deux')
    .option('--json', 'sortie JSON')
    .option('--structure <id|name>', 'établissement')
    .action(async (options: PrepareOptions, command: Command) => {
      const language = cliLanguage();
      if (options.testTo)
        return testCopyCommand(context, command, prepareInput(options), {
          ...options,
          testTo: options.testTo,
        });
      if (options.send) return prepareAndSendCommand(options, command, language);
      await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        const result = await postier.prepare.prepare({
          ...prepareInput(options),
          structureId: structure.id,
        });
        if (options.json) printJson(prepareJson(result, language, options.dryRun ?? false));
        else process.stdout.write(prepareText(result, language, options.dryRun ?? false));
      });
    });

  /** --send: prepared on its own thread, each chunk sent as soon as it is queued. */
  async function prepareAndSendCommand(
    options: PrepareOptions,
    command: Command,
    language: Language,
  ): Promise<void> {
    const { prepared, summary } = await context.withPostier(command, async (postier) => {
      const structure = await postier.records.chooseStructure(options.structure);
      const parts = { thread: postier.prepareThread(), engine: postier.sendEngine };
      const input = { ...prepareInput(options), structureId: structure.id };
      return runWithProgress((run) => prepareAndSend(parts, input, run), options, language);
    });
    if (options.json) printJson({ ...prepareJson(prepared, language, false), run: summary });
    else {
      process.stdout.write(prepareText(prepared, language, false, true));
      process.stdout.write(summaryText(summary, language));
    }
    stopIfStopped(summary);
  }

  const actions = [
    [
      'validate',
      'valide les messages (E → V) ; valide de nouveau un message bloqué ou en échec',
      'toutes les attentes de validation (E)',
    ],
    [
      'block',
      'bloque les messages (→ B) : ils ne partiront pas',
      'tous les messages en attente ou validés',
    ],
    ['unblock', 'débloque les messages bloqués (B → V)', 'tous les messages bloqués'],
  ] as const;
  for (const [name, description, all] of actions) {
    send
      .command(name)
      .description(description)
      .argument('[ids...]', 'numéros des messages (postier send status)')
      .option('--all', all)
      .option('--json', 'sortie JSON')
      .action(async (ids: string[], options: ActionOptions, command: Command) => {
        const selection = chooseMessages(ids, options.all);
        const outcome = await context.withPostier(command, (postier) =>
          postier.messageActions[name](selection),
        );
        if (options.json) printJson(outcome);
        else process.stdout.write(actionText(name, outcome, cliLanguage()));
      });
  }

  send
    .command('reset')
    .description(
      'remet à zéro l’état d’envoi de documents (envoyés, en échec, incertains) : la prochaine préparation les enverra de nouveau',
    )
    .argument('[ids...]', 'numéros (id) des documents, ou des messages avec --messages')
    .option('--messages', 'les numéros donnés sont ceux de messages')
    .option('--all', 'tous les documents du type et/ou de la période donnés')
    .addOption(
      new Option('--type <type>', 'type de document (avec --all)').choices(DOCUMENT_TYPE_CODES),
    )
    .option('--period <p>', 'période (avec --all)')
    .option('--json', 'sortie JSON')
    .option('--structure <id|name>', 'établissement')
    .action(async (ids: string[], options: ResetOptions, command: Command) => {
      const numbers = ids.map((id) => parseId(id));
      const outcome = await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        return postier.messageActions.reset({
          structureId: structure.id,
          ...(options.messages ? { messageIds: numbers } : { documentIds: numbers }),
          ...(options.all && { all: true }),
          ...(options.type && { type: options.type }),
          ...(options.period && { period: options.period }),
        });
      });
      const language = cliLanguage();
      if (options.json) printJson(outcome);
      else if (outcome.messages.length === 0)
        process.stdout.write(`${translate(language, 'sending.cli.resetNothing')}\n`);
      else {
        const counts = { documents: outcome.documents.length, messages: outcome.messages.length };
        process.stdout.write(`${translate(language, 'sending.cli.reset', counts)}\n`);
      }
    });

  send
    .command('fix-address')
    .description(
      'corrige l’adresse d’un message en attente, bloqué, en échec ou incertain : un nouveau message part à la bonne adresse',
    )
    .argument('<id>', 'numéro du message', parseId)
    .argument('<address>', 'adresse e-mail corrigée')
    .option('--json', 'sortie JSON')
    .action(async (id: number, address: string, options: { json?: boolean }, command: Command) => {
      const message = await context.withPostier(command, (postier: Postier) =>
        postier.messageActions.fixAddress(id, address),
      );
      const language = cliLanguage();
      if (options.json) printJson(messageJson(message));
      else {
        const status = translate(language, `messageStatus.${message.status}`);
        process.stdout.write(
          `${translate(language, 'sending.cli.addressFixed', { id: message.id, email: address, old: id, status })}\n`,
        );
      }
    });
}

function prepareInput(options: PrepareOptions): PrepareInput {
  const recipientAttachments: Record<number, string[]> = {};
  for (const value of options.attach) {
    const match = /^([1-9]\d*)=(.+)$/.exec(value);
    if (!match) throw new UserError('error.send.attachArgument', { value });
    (recipientAttachments[Number(match[1])] ??= []).push(match[2]!);
  }
  return {
    ...(options.type && { type: options.type }),
    ...(options.period && { period: options.period }),
    ...(options.ids && { documentIds: options.ids }),
    ...(options.subject !== undefined && { subject: options.subject }),
    ...(options.bodyFile && { textBody: readTemplateFile(options.bodyFile) }),
    ...(options.htmlFile && { htmlBody: readTemplateFile(options.htmlFile) }),
    generalAttachments: options.attachAll,
    recipientAttachments,
    ...(options.ccSender && { ccSender: true }),
    ...(options.validate && { validate: true }),
    ...(options.dryRun && { dryRun: true }),
    ...(options.notBefore !== undefined && { notBefore: options.notBefore }),
  };
}

/** A template typed in Notepad: UTF-8, perhaps with a byte-order mark. */
export function readTemplateFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    throw new UserError('error.send.templateFile', { file });
  }
}

function parseIdList(value: string): number[] {
  const parts = value.split(/[\s,;]+/).filter((part) => part !== '');
  if (parts.length === 0)
    throw new InvalidArgumentError(
      '--ids attend des numéros séparés par des virgules (ex. 1,2,3).',
    );
  return parts.map((part) => parseId(part));
}

function chooseMessages(ids: string[], all: boolean | undefined): MessageSelection {
  if (all && ids.length === 0) return 'all';
  if (!all && ids.length > 0) return ids.map((id) => parseId(id));
  throw new UserError('error.send.selectionNeeded');
}

// --- Output ---------------------------------------------------------------------------------

function messageJson(m: OutboxMessage, dryRun = false) {
  return {
    id: dryRun ? null : m.id,
    document: m.documentId,
    documentNumber: m.documentNumber,
    dossier: m.dossierNumber,
    to: m.to,
    cc: m.cc,
    from: m.fromAddress,
    status: m.status,
    subject: m.subject,
    attachments: m.attachments.map((a) => a.fileName),
    passwordProtected: m.passwordProtected,
  };
}

function prepareJson(result: PrepareResult, language: Language, dryRun: boolean) {
  return {
    batch: result.batchId,
    dryRun,
    queued: result.queued.map((m) => messageJson(m, dryRun)),
    excluded: result.excluded.map((e) => ({
      dossier: e.dossierNumber,
      name: e.dossierName,
      document: e.documentId,
      documentNumber: e.documentNumber,
      reason: e.reason,
      detail: e.detail,
      message: translate(language, `exclusion.${e.reason}`),
    })),
    warnings: result.warnings.map((w) => ({
      ...w,
      message: translate(language, w.code, w.params),
    })),
    notices: result.notices ?? null,
  };
}

function prepareText(
  result: PrepareResult,
  language: Language,
  dryRun: boolean,
  sentNow = false,
): string {
  const lines: string[] = [];
  const count = result.queued.length;
  const documents = new Set(result.queued.map((m) => m.documentId)).size;
  if (dryRun) lines.push(translate(language, 'sending.cli.preview', { count, documents }));
  else if (count === 0) lines.push(translate(language, 'sending.cli.nothingQueued'));
  else {
    const status = translate(language, `messageStatus.${result.queued[0]!.status}`);
    lines.push(
      translate(language, 'sending.cli.prepared', {
        count,
        batch: result.batchId ?? '',
        documents,
        status,
      }),
    );
    const pending = result.queued.some((m) => m.status === 'pending');
    const at = result.queued[0]!.scheduledAt;
    if (at)
      lines.push(
        translate(language, 'schedule.cli.scheduled', { count, at: formatLocalDateTime(at) }),
      );
    if (!sentNow) {
      lines.push(
        translate(language, pending ? 'sending.cli.nextPending' : 'sending.cli.nextValidated'),
      );
    }
  }
  if (result.excluded.length > 0) {
    lines.push('', translate(language, 'sending.cli.excluded', { count: result.excluded.length }));
    for (const e of result.excluded) {
      const detail = e.detail && e.reason !== 'precondition' ? ` (${e.detail})` : '';
      lines.push(
        `  ${e.dossierNumber}  ${e.dossierName} — ${e.documentNumber} : ${translate(language, `exclusion.${e.reason}`)}${detail}`,
      );
    }
  }
  // The warnings said by name replace their one-line versions (same facts, with the dossiers).
  const named = result.notices ? bulkWarningLines(result.notices, language) : [];
  const warnings = result.notices
    ? result.warnings.filter((w) => !WARNINGS_SAID_BY_NAME.includes(w.code))
    : result.warnings;
  if (named.length > 0) lines.push('', translate(language, 'ui.bulkWarnings.cli.title'), ...named);
  if (warnings.length > 0) {
    lines.push('', translate(language, 'sending.cli.warnings'));
    for (const w of warnings) lines.push(`  - ${translate(language, w.code, w.params)}`);
  }
  return `${lines.join('\n')}\n`;
}

function actionText(
  action: 'validate' | 'block' | 'unblock',
  outcome: ActionOutcome,
  language: Language,
): string {
  const key = (
    {
      validate: 'sending.cli.validated',
      block: 'sending.cli.blocked',
      unblock: 'sending.cli.unblocked',
    } as const
  )[action];
  const lines = [translate(language, key, { count: outcome.changed.length })];
  for (const skipped of outcome.skipped) {
    const status = skipped.status
      ? ` — ${translate(language, `messageStatus.${skipped.status}`)}`
      : '';
    const reason = `${translate(language, `action.skipped.${skipped.reason}`)}${status}`;
    lines.push(translate(language, 'sending.cli.skipped', { id: skipped.id, reason }));
  }
  return `${lines.join('\n')}\n`;
}
