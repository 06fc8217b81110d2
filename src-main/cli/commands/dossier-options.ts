// What `dossiers add` and `dossiers set` read the same way: the family's language as people
// write it ("fr", "anglais", "English"…), the SIN from --sin or standard input, and the
// warning for a SIN whose check digit fails (saved as typed, never printed).
import { InvalidArgumentError } from 'commander';
import { readFamilyLanguage } from '../../../src-shared/domain/family-language.js';
import { RECORD_LIMITS } from '../../../src-shared/domain/records.js';
import { UserError } from '../../../src-shared/errors.js';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import { sinNeedsWarning } from '../../../src-shared/validation/sin-check.js';
import { cliLanguage } from '../output.js';

export const LANGUAGE_OPTION_HELP =
  'langue de correspondance de la famille : fr (français) ou en (anglais)';

/** commander's parser for --language: refused naming what to write. */
export function parseLanguageOption(value: string): Language {
  const language = readFamilyLanguage(value);
  if (!language) {
    throw new InvalidArgumentError(translate(cliLanguage(), 'error.language.unknown', { value }));
  }
  return language;
}

export interface SinOptions {
  sin?: string;
  sinStdin?: boolean;
}

/** The SIN from --sin, or read from standard input with --sin-stdin; never both. */
export async function sinOption(options: SinOptions): Promise<string | null> {
  if (options.sinStdin && options.sin !== undefined) throw new UserError('records.error.sinTwice');
  if (!options.sinStdin) return options.sin ?? null;
  const sin = await readBoundedStdin(RECORD_LIMITS.sin * 4);
  if (sin.trim() === '') throw new UserError('records.error.sinStdinEmpty');
  return sin.trim();
}

/** On standard error, naming the dossier, never the number itself. */
export function warnIfSinDoubtful(sin: string | null, dossierNumber: string): void {
  if (sinNeedsWarning(sin)) {
    process.stderr.write(
      `${translate(cliLanguage(), 'warning.sin.checkDigitDossier', { number: dossierNumber })}\n`,
    );
  }
}

/**
 * Standard input, up to `max` characters and one more: a SIN is short, and a stream that
 * never ends must neither fill the memory nor hang the command. The extra character makes
 * the field's own length check refuse it (without quoting it).
 */
async function readBoundedStdin(max: number): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += (chunk as Buffer).toString('utf8');
    if (text.length > max) break; // leaving the loop closes the stream
  }
  return text.slice(0, max + 1);
}
