// The `postier` command line: every command takes --data DIR; lists take --json.
// This file only assembles the commands; what they share is in command-context.ts.
//
// Billing software and scheduled tasks call `postier` once per document: its start must cost
// little more than Node's own. So a command's module, and the services and packages it
// imports, load only when that command runs: `postier dossiers list` loads the dossiers
// commands and nothing else. `postier --help` (or an unknown command) lists every command
// from the table below without loading any; test/unit/cli-program.test.ts checks that each
// line is the one its module registers, and that every module is listed.
import { Command, CommanderError, Help } from 'commander';
import { createCliContext, type CliContext } from './command-context.js';
import { speakCommander } from './commander-texts.js';
import { cliLanguage, describeError } from './output.js';

export type RegisterCommands = (program: Command, context: CliContext) => void;

export interface TopCommand {
  /** As `postier --help` lists it: the name, then `[options]` and the arguments, if any. */
  term: string;
  description: string;
  /** The module that registers it (host and start share one; send is made of four). */
  load: () => Promise<RegisterCommands>;
}

const hostCommands = async () => (await import('./commands/host.js')).registerHostCommands;

/** Every top-level command, in the order `postier --help` lists them. */
export const TOP_COMMANDS: Record<string, TopCommand> = {
  init: {
    term: 'init [options]',
    description: 'crée ou met à jour la base de données du dossier de données',
    load: async () => (await import('./commands/init.js')).registerInitCommands,
  },
  demo: {
    term: 'demo',
    description:
      'crée l’établissement de démonstration « Résidence Les Érables » : résidents, familles, factures du mois, relevés fiscaux',
    load: async () => (await import('./commands/demo.js')).registerDemoCommand,
  },
  dossiers: {
    term: 'dossiers',
    description: 'dossiers (clients, résidents, enfants)',
    load: async () => (await import('./commands/dossiers.js')).registerDossierCommands,
  },
  documents: {
    term: 'documents',
    description: 'journal des documents',
    load: async () => (await import('./commands/documents.js')).registerDocumentCommands,
  },
  account: {
    term: 'account',
    description: 'compte d’envoi des e-mails de l’établissement',
    load: async () => (await import('./commands/account.js')).registerAccountCommands,
  },
  bounces: {
    term: 'bounces',
    description: 'retours des messages non remis',
    load: async () => (await import('./commands/bounces.js')).registerBouncesCommands,
  },
  host: {
    term: 'host [options]',
    description: 'sert Postier dans le navigateur, sur 127.0.0.1 seulement (sans Electron)',
    load: hostCommands,
  },
  start: {
    term: 'start [options]',
    description: 'ouvre Postier : la fenêtre Electron si elle est installée, sinon le navigateur',
    load: hostCommands,
  },
  send: {
    term: 'send',
    description: 'préparation, validation et envoi des documents par e-mail',
    load: async () => {
      const [prepare, run, withdraw, autoPause] = await Promise.all([
        import('./commands/send-prepare.js'),
        import('./commands/send-run.js'),
        import('./commands/send-withdraw.js'),
        import('./commands/send-auto-pause.js'),
      ]);
      return (program, context) => {
        prepare.registerSendPrepareCommands(program, context);
        run.registerSendRunCommands(program, context);
        withdraw.registerSendWithdrawCommand(program, context);
        autoPause.registerSendAutoPauseCommands(program, context);
      };
    },
  },
  templates: {
    term: 'templates',
    description:
      'modèles d’e-mail de l’établissement, un par type de document : utilisés par chaque envoi sans --subject ni --body-file',
    load: async () => (await import('./commands/templates.js')).registerTemplatesCommands,
  },
  notify: {
    term: 'notify',
    description:
      'qui reçoit les notifications : fin d’envoi, échecs, incertains, retours, compte à reconnecter',
    load: async () => (await import('./commands/notify.js')).registerNotifyCommands,
  },
  journal: {
    term: 'journal',
    description: 'journal des envois',
    load: async () => (await import('./commands/journal.js')).registerJournalCommands,
  },
  watch: {
    term: 'watch [options] <dir>',
    description:
      'surveille un dossier d’échange : importe chaque dépôt (CSV/Excel + PDF), le range dans done/ ou error/ avec un rapport',
    load: async () => (await import('./commands/watch.js')).registerWatchCommand,
  },
  service: {
    term: 'service',
    description: 'le robot d’envoi : envoie sans fenêtre ouverte ce que les postes ont validé',
    load: async () => (await import('./commands/service.js')).registerServiceCommands,
  },
  db: {
    term: 'db',
    description: 'la base de données : sauvegarder, vérifier, restaurer une sauvegarde',
    load: async () => (await import('./commands/db.js')).registerDatabaseCommands,
  },
};

/** The top-level command `argv` runs (`help X` runs X's help), or null for none or unknown. */
export function commandNamed(argv: readonly string[]): string | null {
  const operands = argv.filter((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--data');
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return name !== undefined && Object.hasOwn(TOP_COMMANDS, name) ? name : null;
}

function emptyProgram(): Command {
  return speakCommander(new Command('postier'), cliLanguage())
    .description('Postier : envoie à chacun son document par e-mail.')
    .option('--data <dir>', 'dossier de données (sinon POSTIER_DATA, sinon le dossier par défaut)')
    .exitOverride();
}

/**
 * The program for `argv`: the command it runs, registered by its module; or, when it names
 * none, every command as a line of help (enough for `--help` and "unknown command").
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = emptyProgram();
  const name = commandNamed(argv);
  if (name) {
    const register = await TOP_COMMANDS[name]!.load();
    register(program, createCliContext());
    return program;
  }
  const terms = new Map<Command, string>();
  for (const [commandName, { term, description }] of Object.entries(TOP_COMMANDS)) {
    terms.set(program.command(commandName).description(description), term);
  }
  const help = program.configureHelp();
  return program.configureHelp({
    ...help,
    subcommandTerm(this: Help, command: Command) {
      return terms.get(command) ?? Help.prototype.subcommandTerm.call(this, command);
    },
  });
}

/** Every command registered by its module: what the help lines above must match (tests). */
export async function buildFullProgram(): Promise<Command> {
  const program = emptyProgram();
  const context = createCliContext();
  const registers = new Set(await Promise.all(Object.values(TOP_COMMANDS).map((c) => c.load())));
  for (const register of registers) register(program, context);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    const program = await buildProgram(argv);
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (usage errors, --help, --version).
      return error.exitCode;
    }
    process.stderr.write(`${describeError(error, cliLanguage())}\n`);
    if (process.env.POSTIER_DEBUG && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
