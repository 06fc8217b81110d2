// The sending methods in `postier account`: their options on `account set` (OAuth2 provider and
// app registration, Outlook mode, Thunderbird program, the IMAP mailbox for the Sent copy and
// bounces), and `account connect | disconnect` for Microsoft 365 / Google sign-in.
import { Option, type Command } from 'commander';
import type { MailAccount } from '../../../src-shared/domain/mail.js';
import {
  OAUTH_PROVIDER_IDS,
  OUTLOOK_MODES,
  type MethodSettingsInput,
} from '../../../src-shared/domain/sending-methods.js';
import { UserError } from '../../../src-shared/errors.js';
import type { Postier } from '../../app/postier.js';
import { methodOf } from '../../accounts/mail-methods.js';
import type { MethodStatus } from '../../accounts/sending-methods.js';
import type { CliContext } from '../command-context.js';
import { parseCount } from './arguments.js';

export interface MethodOptions {
  provider?: string;
  clientId?: string;
  tenant?: string;
  authority?: string;
  outlookMode?: string;
  thunderbirdPath?: string;
  sentCopy?: boolean;
  sentFolder?: string;
  imapHost?: string;
  imapPort?: number;
  imapSecurity?: string;
  imapUser?: string;
  bounces?: boolean;
  bounceFolder?: string;
}

/** The methods' options, added to `account set`. */
export function addMethodOptions(set: Command): Command {
  return set
    .addOption(
      new Option('--provider <name>', 'OAuth2 : microsoft (Microsoft 365) ou google').choices(
        OAUTH_PROVIDER_IDS,
      ),
    )
    .option(
      '--client-id <id>',
      'OAuth2 : identifiant d’application (client id) enregistré par le bureau',
    )
    .option(
      '--tenant <tenant>',
      'Microsoft 365 : domaine ou identifiant du locataire ("" : organizations)',
    )
    .option(
      '--authority <url>',
      'adresse de connexion du fournisseur, si ce n’est pas l’adresse habituelle',
    )
    .addOption(
      new Option(
        '--outlook-mode <mode>',
        'Outlook : send (envoie aussitôt) ou review (ouvre pour relecture)',
      ).choices(OUTLOOK_MODES),
    )
    .option(
      '--thunderbird-path <file>',
      'Thunderbird : programme à lancer ("" : emplacement habituel)',
    )
    .option(
      '--sent-copy',
      'SMTP : copie chaque message envoyé dans le dossier des éléments envoyés (IMAP)',
    )
    .option('--no-sent-copy', 'SMTP : pas de copie dans les éléments envoyés')
    .option(
      '--sent-folder <name>',
      'dossier IMAP des éléments envoyés ("" : celui que le serveur indique)',
    )
    .option('--imap-host <host>', 'serveur IMAP de la boîte du compte, ex. outlook.office365.com')
    .option(
      '--imap-port <port>',
      'port IMAP : 993 (TLS) ou 143 (STARTTLS)',
      parseCount('--imap-port'),
    )
    .option('--imap-security <mode>', 'chiffrement IMAP : tls, starttls ou none')
    .option('--imap-user <name>', 'identifiant IMAP, s’il diffère de celui du compte')
    .option('--bounces', 'lit la boîte du compte pour y trouver les retours (messages non remis)')
    .option('--no-bounces', 'ne lit pas les retours')
    .option(
      '--bounce-folder <name>',
      'dossier où ranger nos retours traités ("" : les laisser dans la boîte)',
    );
}

export function methodSettingsInput(options: MethodOptions): MethodSettingsInput {
  const text = (value: string | undefined) => (value === undefined ? undefined : value || null);
  return {
    provider: options.provider as MethodSettingsInput['provider'],
    clientId: text(options.clientId),
    tenant: text(options.tenant),
    authority: text(options.authority),
    outlookMode: options.outlookMode as MethodSettingsInput['outlookMode'],
    thunderbirdPath: text(options.thunderbirdPath),
    sentCopy: options.sentCopy,
    sentFolder: text(options.sentFolder),
    bounces: options.bounces,
    bounceFolder: text(options.bounceFolder),
    imap: {
      host: text(options.imapHost),
      port: options.imapPort,
      security: options.imapSecurity as NonNullable<MethodSettingsInput['imap']>['security'],
      username: text(options.imapUser),
    },
  };
}

/**
 * Checks the methods' options given and says how to save them once the account itself is
 * saved: a refused option, or a refused account, changes nothing.
 */
export async function checkedMethodOptions(
  postier: Postier,
  structureId: number,
  options: MethodOptions,
): Promise<() => Promise<void>> {
  const account = await postier.accounts.getAccount(structureId);
  const input = methodSettingsInput(options);
  await postier.methods.checkSettings(account, input);
  return async () => {
    await postier.methods.saveSettings(account, input);
  };
}

/** What to say after `account set` about the method chosen. */
export async function methodLines(postier: Postier, account: MailAccount): Promise<string> {
  const status = await postier.methods.status(account);
  const lines: string[] = [];
  if (status.connection !== null) lines.push(`Connexion ${connectionText(status)}.`);
  if (!status.canPace) {
    lines.push(
      'Cette méthode ouvre une fenêtre par message : elle convient à un document ou à un petit envoi, pas à un envoi en nombre.',
    );
  }
  if (!methodOf(account.kind).sendsNothing) lines.push('Pour le vérifier : postier account test');
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function connectionText(status: MethodStatus): string {
  if (status.connection === 'connected')
    return `établie sur ce poste${status.connectedAs ? ` (${status.connectedAs})` : ''}`;
  if (status.connection === 'reconnect')
    return 'à refaire : reconnectez le compte avec « postier account connect »';
  return 'pas encore faite sur ce poste : tapez « postier account connect »';
}

export function registerAccountMethodCommands(account: Command, context: CliContext): void {
  account
    .command('connect')
    .description('connecte le compte Microsoft 365 ou Google dans le navigateur (OAuth2)')
    .option('--structure <id|name>', 'établissement')
    .option('--no-browser', 'n’ouvre pas le navigateur : affiche seulement l’adresse à ouvrir')
    .option(
      '--client-secret-stdin',
      'Google : lit le secret du client « application de bureau » sur l’entrée standard',
    )
    .option(
      '--timeout <seconds>',
      'temps laissé pour se connecter dans le navigateur',
      parseCount('--timeout'),
      300,
    )
    .action(
      async (
        options: {
          structure?: string;
          browser: boolean;
          clientSecretStdin?: boolean;
          timeout: number;
        },
        command: Command,
      ) => {
        const clientSecret = options.clientSecretStdin ? await readStdin() : undefined;
        await context.withPostier(command, async (postier) => {
          const structure = await postier.records.chooseStructure(options.structure);
          const status = await postier.methods.connect(
            await postier.accounts.getAccount(structure.id),
            {
              ...(clientSecret !== undefined && { clientSecret }),
              timeoutMs: options.timeout * 1000,
              ...(!options.browser && { openBrowser: async () => undefined }),
              onAuthorizationUrl: (url) =>
                process.stdout.write(
                  `Connexion au compte de « ${structure.name} » : si le navigateur ne s’ouvre pas, ouvrez cette adresse :\n${url}\n`,
                ),
            },
          );
          process.stdout.write(
            `Compte connecté sur ce poste${status.connectedAs ? ` (${status.connectedAs})` : ''}. Pour le vérifier : postier account test\n`,
          );
        });
      },
    );

  account
    .command('disconnect')
    .description('oublie sur ce poste l’autorisation Microsoft 365 ou Google du compte')
    .option('--structure <id|name>', 'établissement')
    .action(async (options: { structure?: string }, command: Command) => {
      await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        await postier.methods.disconnect(await postier.accounts.getAccount(structure.id));
        process.stdout.write(
          `Autorisation du compte de « ${structure.name} » oubliée sur ce poste.\n`,
        );
      });
    });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const secret = Buffer.concat(chunks).toString('utf8').trim();
  if (secret === '') throw new UserError('methods.error.secretEmpty');
  return secret;
}
