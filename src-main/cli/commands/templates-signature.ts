// `postier templates signature show | set`: the structure's signature (a few lines of text)
// and its logo (PNG or JPEG, bounded), ending every message it sends; the same settings as
// Paramètres > Modèles. And the notice of the keywords of former products converted on save.
import type { Command } from 'commander';
import type { LegacyConversion } from '../../../src-shared/domain/legacy-keywords.js';
import { fieldLabel } from '../../../src-shared/domain/template-words.js';
import { translateCount } from '../../../src-shared/i18n/plural.js';
import type { SignatureView } from '../../email-templates/signature-settings.js';
import type { CliContext } from '../command-context.js';
import { cliLanguage, printJson } from '../output.js';
import { readTemplateFile } from './send-prepare.js';

interface SignatureOptions {
  structure?: string;
  json?: boolean;
  text?: string;
  textFile?: string;
  /** A file, or false for --no-logo. */
  logo?: string | false;
}

export function registerSignatureCommands(templates: Command, context: CliContext): void {
  const signature = templates
    .command('signature')
    .description(
      'signature de l’établissement (texte et logo PNG/JPEG) placée à la fin de chaque message',
    );

  signature
    .command('show')
    .description('affiche la signature et le logo de l’établissement')
    .option('--structure <id|name>', 'établissement')
    .option('--json', 'sortie JSON')
    .action(async (options: SignatureOptions, command: Command) => {
      const shown = await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        return { structure: structure.name, ...(await postier.signatures.get(structure.id)) };
      });
      if (options.json) printJson(withoutImage(shown));
      else process.stdout.write(signatureText(shown));
    });

  signature
    .command('set')
    .description('enregistre le texte de la signature et, au choix, son logo')
    .option('--structure <id|name>', 'établissement')
    .option('--text <text>', 'texte de la signature')
    .option('--text-file <file>', 'texte de la signature (fichier UTF-8)')
    .option('--logo <file>', 'logo : image PNG ou JPEG de 50 Ko au plus')
    .option('--no-logo', 'retire le logo')
    .action(async (options: SignatureOptions, command: Command) => {
      const text = options.textFile ? readTemplateFile(options.textFile) : options.text;
      const shown = await context.withPostier(command, async (postier) => {
        const structure = await postier.records.chooseStructure(options.structure);
        const { signatures } = postier;
        if (text !== undefined) await signatures.setText(structure.id, text);
        if (typeof options.logo === 'string') await signatures.setLogo(structure.id, options.logo);
        if (options.logo === false) await signatures.removeLogo(structure.id);
        return { structure: structure.name, ...(await signatures.get(structure.id)) };
      });
      process.stdout.write(`Signature enregistrée.\n${signatureText(shown)}`);
    });
}

/** One line per keyword of a former product converted when a template was saved. */
export function conversionNotice(conversions: readonly LegacyConversion[]): string {
  if (conversions.length === 0) return '';
  const language = cliLanguage();
  const list = conversions
    .map((c) => `${c.keyword} → {{${c.field}}} (${fieldLabel(language, c.field)})`)
    .join(', ');
  return `${translateCount(language, 'template.legacy.converted', conversions.length, { list })}\n`;
}

function withoutImage(shown: SignatureView & { structure: string }) {
  const logo = shown.logo && { ...shown.logo, dataUrl: undefined };
  return { ...shown, logo };
}

function signatureText(shown: SignatureView & { structure: string }): string {
  const logo = shown.logo
    ? `${shown.logo.file} (${shown.logo.contentType}, ${Math.ceil(shown.logo.size / 1024)} Ko)`
    : 'aucun';
  return [
    `Signature de « ${shown.structure} »`,
    `Logo : ${logo}`,
    '',
    shown.text || '(aucun texte)',
    '',
  ].join('\n');
}
