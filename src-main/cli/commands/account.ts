// `postier account set|show|test`: the structure's sending account. The password only ever
// comes in on standard input and never goes out.
import { CommanderError, type Command } from 'commander';
import type { MailAccount, MailAccountInput } from '../../../src-shared/domain/mail.js';
import { formatSendingWindow, type SendingWindow } from '../../../src-shared/domain/schedule.js';
import { UserError } from '../../../src-shared/errors.js';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import { methodOf } from '../../accounts/mail-methods.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson } from '../output.js';
import { parseCount } from './arguments.js';
import {
  addMethodOptions,
  methodLines,
  registerAccountMethodCommands,
  checkedMethodOptions,
  type MethodOptions,
} from './account-methods.js';

interface SetOptions {
  window?: string;
  kind?: string;
  preset?: string;
  host?: string;
  port?: number;
  security?: string;
  user?: string;
  passwordStdin?: boolean;
  from?: string;
  fromName?: string;
  replyTo?: string;
  sendAs?: string[];
  archiveBcc?: string;
  ccSender?: boolean;
  readReceipt?: boolean;
  delayMs?: number;
  pauseEvery?: number;
  pauseMs?: number;
  maxPerRun?: number;
  maxPerDay?: number;
  maxAttempts?: number;
  retryBaseMs?: number;
  structure?: string;
}

export function registerAccountCommands(program: Command, context: CliContext): void {
  const account = program
    .command('account')
    .description('compte d’envoi des e-mails de l’établissement');

  addMethodOptions(account.command('set'))
    .description('règle le compte d’envoi ; seules les options données changent')
    .option(
      '--kind <kind>',
      'smtp, smtp-oauth (SMTP avec Microsoft 365 / Google, OAuth2), graph (API Microsoft 365), ' +
        'gmail-api (API Gmail), outlook, thunderbird, eml-draft (brouillon dans la messagerie) ' +
        'ou sandbox (écrit des .eml, n’envoie rien)',
    )
    .option('--preset <preset>', 'microsoft365, gmail ou relay : serveur, port et cadence usuels')
    .option('--host <host>', 'serveur SMTP, ex. smtp.office365.com')
    .option('--port <port>', 'port : 587 (STARTTLS), 465 (TLS), 25', parseCount('--port'))
    .option('--security <mode>', 'none, starttls ou tls')
    .option('--user <name>', 'identifiant de connexion (souvent l’adresse e-mail)')
    .option('--password-stdin', 'lit le mot de passe sur l’entrée standard')
    .option('--from <address>', 'adresse d’expédition')
    .option('--from-name <name>', 'nom affiché de l’expéditeur')
    .option('--reply-to <address>', 'adresse de réponse ("" pour aucune)')
    .option(
      '--send-as <address...>',
      'adresses que le fournisseur autorise ce compte à mettre en expéditeur (remplace la liste ; "" pour aucune)',
    )
    .option('--archive-bcc <address>', 'copie cachée d’archive de chaque envoi ("" pour aucune)')
    .option('--cc-sender', 'envoie une copie à l’expéditeur')
    .option('--no-cc-sender', 'n’envoie pas de copie à l’expéditeur')
    .option('--read-receipt', 'demande un accusé de lecture')
    .option('--no-read-receipt', 'ne demande pas d’accusé de lecture')
    .option('--delay-ms <n>', 'attente entre deux messages (ms)', parseCount('--delay-ms'))
    .option(
      '--pause-every <n>',
      'une pause tous les N messages (0 : jamais)',
      parseCount('--pause-every'),
    )
    .option('--pause-ms <n>', 'durée de cette pause (ms)', parseCount('--pause-ms'))
    .option(
      '--max-per-run <n>',
      'au plus N messages par envoi (0 : sans limite)',
      parseCount('--max-per-run'),
    )
    .option(
      '--max-per-day <n>',
      'au plus N messages par jour (0 : sans limite)',
      parseCount('--max-per-day'),
    )
    .option('--max-attempts <n>', 'essais avant l’échec d’un message', parseCount('--max-attempts'))
    .option(
      '--retry-base-ms <n>',
      'attente avant le premier nouvel essai (ms)',
      parseCount('--retry-base-ms'),
    )
    .option(
      '--window <plage>',
      'plage d’envoi, hors de laquelle rien ne part : ex. "lun-ven 08:00-18:00" ("aucune" pour l’enlever)',
    )
    .option('--structure <id|name>', 'établissement (s’il y en a plusieurs)')
    .action(async (options: SetOptions & MethodOptions, command: Command) => {
      const password = options.passwordStdin ? await readPassword() : undefined;
      await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        const input = accountInput(options, password);
        const saveMethods = await checkedMethodOptions(postier, structure.id, options);
        const saved = await postier.accounts.setAccount(structure.id, input);
        await saveMethods();
        const window =
          options.window === undefined
            ? await postier.accounts.sendingWindow(structure.id)
            : await postier.accounts.setSendingWindow(structure.id, options.window);
        process.stdout.write(
          `Compte d’envoi de « ${structure.name} » enregistré : ${serverLine(saved)}.\n` +
            `Mot de passe : ${passwordLine(saved)}.\n` +
            (await methodLines(postier, saved)) +
            `${windowLine(window, cliLanguage())}\n`,
        );
      });
    });

  account
    .command('show')
    .description('affiche le compte d’envoi (jamais le mot de passe)')
    .option('--json', 'sortie JSON')
    .option('--structure <id|name>', 'établissement')
    .action(async (options: { json?: boolean; structure?: string }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        const shown = await postier.accounts.getAccount(structure.id);
        const window = await postier.accounts.sendingWindow(structure.id);
        if (options.json)
          printJson({ ...shown, sendingWindow: window && formatSendingWindow(window, 'fr') });
        else
          process.stdout.write(
            `${describeAccount(structure.name, shown)}${windowLine(window, cliLanguage())}\n`,
          );
      });
    });

  account
    .command('test')
    .description('essaie de se connecter au serveur avec le compte d’envoi')
    .option('--structure <id|name>', 'établissement')
    .action(async (options: { structure?: string }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        const result = await postier.methods.testConnection(
          await postier.accounts.getAccount(structure.id),
        );
        const sentence = translate(cliLanguage(), result.code, result.params);
        if (result.ok) {
          process.stdout.write(`${sentence}\n`);
          return;
        }
        const reply = result.reply ? `\nRéponse du serveur : ${result.reply}` : '';
        process.stderr.write(`${sentence}${reply}\n`);
        throw new CommanderError(1, 'postier.account.testFailed', sentence);
      });
    });

  registerAccountMethodCommands(account, context);
}

function accountInput(options: SetOptions, password: string | undefined): MailAccountInput {
  const text = (value: string | undefined) => (value === undefined ? undefined : value || null);
  const limit = (value: number | undefined) => (value === undefined ? undefined : value || null);
  return {
    kind: options.kind as MailAccountInput['kind'],
    preset: options.preset as MailAccountInput['preset'],
    host: text(options.host),
    port: options.port,
    security: options.security as MailAccountInput['security'],
    username: text(options.user),
    fromAddress: text(options.from),
    fromName: text(options.fromName),
    replyTo: text(options.replyTo),
    sendAs: options.sendAs?.filter((address) => address.trim() !== ''),
    archiveBcc: text(options.archiveBcc),
    ccSender: options.ccSender,
    readReceipt: options.readReceipt,
    pacing: {
      delayMs: options.delayMs,
      pauseEvery: options.pauseEvery,
      pauseMs: options.pauseMs,
      maxPerRun: limit(options.maxPerRun),
      maxPerDay: limit(options.maxPerDay),
      maxAttempts: options.maxAttempts,
      retryBaseMs: options.retryBaseMs,
    },
    password,
  };
}

/** The whole of standard input, without the final line break `echo` adds. */
export async function readPassword(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (password === '') throw new UserError('error.mailAccount.passwordEmpty');
  return password;
}

function serverLine(account: MailAccount): string {
  if (methodOf(account.kind).sendsNothing) return 'bac à sable (rien n’est envoyé)';
  // Graph, Gmail API, Outlook, Thunderbird and drafts have no SMTP server of their own.
  if (!account.host) return account.kind;
  const security = translate('fr', `mail.security.${account.security}`);
  return `${account.host}, port ${account.port}, ${security}`;
}

function passwordLine(account: MailAccount): string {
  if (account.hasPassword) return 'enregistré sur ce poste';
  if (account.username) return 'non enregistré sur ce poste (à saisir avec --password-stdin)';
  return 'aucun';
}

function describeAccount(structureName: string, a: MailAccount): string {
  const none = '—';
  const p = a.pacing;
  const sender = a.fromAddress ? `${a.fromName ? `${a.fromName} ` : ''}<${a.fromAddress}>` : none;
  const lines = [
    `Établissement : ${structureName}`,
    `Type : ${a.kind}${a.preset ? ` (modèle ${a.preset})` : ''}`,
    `Serveur : ${serverLine(a)}`,
    `Identifiant : ${a.username ?? none}`,
    `Mot de passe : ${passwordLine(a)}`,
    `Expéditeur : ${sender}`,
    `Réponse à : ${a.replyTo ?? none}`,
    `Envoyer en tant que : ${a.sendAs.length ? a.sendAs.join(', ') : none}`,
    `Copie cachée d’archive : ${a.archiveBcc ?? none}`,
    `Copie à l’expéditeur : ${a.ccSender ? 'oui' : 'non'}`,
    `Accusé de lecture : ${a.readReceipt ? 'oui' : 'non'}`,
    `Cadence : ${p.delayMs} ms entre deux messages, ` +
      (p.pauseEvery > 0
        ? `pause de ${p.pauseMs} ms tous les ${p.pauseEvery} messages`
        : 'sans pause'),
    `Limites : ${p.maxPerRun ?? 'aucune'} par envoi, ${p.maxPerDay ?? 'aucune'} par jour`,
    `Essais : ${p.maxAttempts}, premier nouvel essai après ${p.retryBaseMs} ms`,
    `Taille maximale d’un message : ${Math.round(a.maxMessageBytes / (1024 * 1024))} Mo`,
  ];
  return `${lines.join('\n')}\n`;
}

/** "Plage d'envoi du compte : lun-ven 08:00-18:00…", or that there is none. */
function windowLine(window: SendingWindow | null, language: Language): string {
  return window
    ? translate(language, 'schedule.cli.windowSet', {
        window: formatSendingWindow(window, language),
      })
    : translate(language, 'schedule.cli.windowNone');
}
