// Commander's own words (help titles, the help option and command, usage errors) in the
// CLI's language: Commander writes them in English, the rest of the CLI speaks French.
import type { Command } from 'commander';
import { Help, type Argument, type Option } from 'commander';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';

interface CommanderWords {
  /** Help section titles, keyed by Commander's English title. */
  titles: Record<string, string>;
  /** Words of the usage line (`postier [options] [command]`). */
  usage: Record<string, string>;
  /** The "(choices: …, default: …)" labels after an option's description. */
  extras: Record<string, string>;
  helpFlags: string;
  helpDescription: string;
  helpCommand: string;
  afterError: string;
}

const WORDS: Record<Language, CommanderWords> = {
  fr: {
    titles: {
      'Usage:': 'Utilisation :',
      'Arguments:': 'Arguments :',
      'Options:': 'Options :',
      'Global Options:': 'Options générales :',
      'Commands:': 'Commandes :',
    },
    usage: { '[command]': '[commande]' },
    extras: { choices: 'choix', default: 'par défaut', preset: 'sans valeur', env: 'variable' },
    helpFlags: '-h, --help',
    helpDescription: 'affiche l’aide de la commande',
    helpCommand: 'help [commande]',
    afterError: '(postier --help pour l’aide)',
  },
  en: {
    titles: {},
    usage: {},
    extras: {},
    helpFlags: '-h, --help',
    helpDescription: 'display help for command',
    helpCommand: 'help [command]',
    afterError: '(postier --help for help)',
  },
};

/**
 * Sets Commander's texts on `program` before any command is added: commands created with
 * `.command()` copy these settings from their parent, so every sub-command inherits them.
 */
export function speakCommander(program: Command, language: Language): Command {
  const words = WORDS[language];
  return program
    .configureHelp(localizedHelp(words))
    .helpOption(words.helpFlags, words.helpDescription)
    .helpCommand(words.helpCommand, words.helpDescription)
    .showHelpAfterError(words.afterError)
    .configureOutput({
      outputError: (text, write) => write(translateCommanderError(text, language)),
    });
}

function localizedHelp(words: CommanderWords): Partial<Help> {
  const base = Help.prototype;
  return {
    styleTitle: (title) => words.titles[title] ?? title,
    commandUsage(this: Help, command: Command) {
      return base.commandUsage
        .call(this, command)
        .split(' ')
        .map((word) => words.usage[word] ?? word)
        .join(' ');
    },
    optionDescription(this: Help, option: Option) {
      return localizedExtras(base.optionDescription.call(this, option), option, words);
    },
    argumentDescription(this: Help, argument: Argument) {
      return localizedExtras(base.argumentDescription.call(this, argument), argument, words);
    },
  };
}

/** Commander appends "(choices: …, default: …)" after the description: only that part is its. */
function localizedExtras(text: string, item: Option | Argument, words: CommanderWords): string {
  const description = item.description ?? '';
  if (!text.startsWith(description) || text.length === description.length) return text;
  const extras = text
    .slice(description.length)
    .replace(/(\(|, )(choices|default|preset|env): /g, (whole, before: string, label: string) =>
      words.extras[label] ? `${before}${words.extras[label]} : ` : whole,
    );
  return description + extras;
}

// Commander words its usage errors in English; French users get them in French.
const COMMANDER_ERRORS_FR: [RegExp, string][] = [
  [/^error: required option '(.+?)' not specified/, 'Il manque l’option obligatoire $1.'],
  [
    /^error: option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+?)\.?$/m,
    'Valeur « $2 » refusée pour $1 : choix possibles : $3.',
  ],
  [/^error: option '(.+?)' argument '(.*?)' is invalid\. (.+)$/m, 'Option $1 : $3'],
  [
    /^error: command-argument value '(.*?)' is invalid for argument '(.+?)'\. Allowed choices are (.+?)\.?$/m,
    'Valeur « $1 » refusée pour $2 : choix possibles : $3.',
  ],
  [
    /^error: command-argument value '(.*?)' is invalid for argument '(.+?)'\. (.+)$/m,
    'Argument $2 : $3',
  ],
  [/^error: option '(.+?)' argument missing/, 'L’option $1 attend une valeur.'],
  [
    /^error: option '(.+?)' cannot be used with option '(.+?)'/,
    'L’option $1 ne peut pas être utilisée avec l’option $2.',
  ],
  [/^error: unknown option '(.+?)'/, 'Option inconnue : $1.'],
  [/^error: missing required argument '(.+?)'/, 'Il manque l’argument $1.'],
  [/^error: unknown command '(.+?)'/, 'Commande inconnue : $1.'],
];

/** "too many arguments": counted, so worded by the catalog with its plural forms. */
const TOO_MANY_ARGUMENTS =
  /^error: too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./m;

function tooManyArguments(text: string, language: Language): string | null {
  const match = TOO_MANY_ARGUMENTS.exec(text);
  if (!match) return null;
  const [whole, command, expected, got] = match;
  const counts = { expected: Number(expected), got: Number(got) };
  const worded = command
    ? translate(language, 'cli.error.tooManyArgumentsFor', { command, ...counts })
    : translate(language, 'cli.error.tooManyArguments', counts);
  return text.replace(whole, worded);
}

// Commander's "did you mean" line, added after an unknown option or command.
const SUGGESTIONS_FR: [RegExp, string][] = [
  [/^\(Did you mean one of (.+)\?\)$/m, '(Vouliez-vous dire l’un de ceux-ci : $1 ?)'],
  [/^\(Did you mean (.+)\?\)$/m, '(Vouliez-vous dire $1 ?)'],
];

export function translateCommanderError(text: string, language: Language): string {
  if (language !== 'fr') return text;
  const counted = tooManyArguments(text, language);
  if (counted !== null) return replaceFirst(counted, SUGGESTIONS_FR);
  return replaceFirst(replaceFirst(text, COMMANDER_ERRORS_FR), SUGGESTIONS_FR);
}

/** Rewrites the first pattern that matches, leaving the rest of the text as it is. */
function replaceFirst(text: string, patterns: [RegExp, string][]): string {
  for (const [pattern, replacement] of patterns) {
    const match = pattern.exec(text);
    if (match) return text.replace(match[0], match[0].replace(pattern, replacement));
  }
  return text;
}
