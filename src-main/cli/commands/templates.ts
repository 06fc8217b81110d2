// `postier templates show | set | reset`: the office's own e-mail template for a type of
// document, the one Paramètres > Modèles edits. Every send without --subject/--body-file
// uses it (the window, `send prepare`, `watch --queue`); a template is checked as a send
// checks it, so an unknown field is refused when it is saved, not when a batch goes. One
// template per type and families' language (--language): without it, the office's own
// language, as before the families had one.
import { Option, type Command } from 'commander';
import {
  DOCUMENT_TYPE_CODES,
  type DocumentTypeCode,
} from '../../../src-shared/domain/document-types.js';
import { languageOf, type Language } from '../../../src-shared/i18n/catalog.js';
import type { Postier } from '../../app/postier.js';
import type { StoredTemplate } from '../../email-templates/template-settings.js';
import type { CliContext } from '../command-context.js';
import { printJson } from '../output.js';
import { parseLanguageOption } from './dossier-options.js';
import { readTemplateFile } from './send-prepare.js';
import { conversionNotice, registerSignatureCommands } from './templates-signature.js';

interface TemplateOptions {
  type: DocumentTypeCode;
  structure?: string;
  language?: Language;
}

interface ShowOptions extends TemplateOptions {
  json?: boolean;
}

interface SetOptions extends TemplateOptions {
  subject: string;
  bodyFile: string;
  htmlFile?: string;
}

export function registerTemplatesCommands(program: Command, context: CliContext): void {
  const templates = program
    .command('templates')
    .description(
      'modèles d’e-mail de l’établissement, un par type de document : utilisés par chaque envoi sans --subject ni --body-file',
    );

  withTypeAndStructure(templates.command('show'))
    .description(
      'affiche le modèle utilisé pour un type (celui de l’établissement, sinon celui de Postier)',
    )
    .option('--json', 'sortie JSON')
    .action(async (options: ShowOptions, command: Command) => {
      const shown = await context.withPostier(command, (postier) => readFor(postier, options));
      if (options.json) printJson({ type: options.type, ...shown });
      else process.stdout.write(templateText(options.type, shown));
    });

  withTypeAndStructure(templates.command('set'))
    .description(
      'enregistre le modèle de l’établissement pour un type ; vérifié comme un envoi (un champ inconnu est refusé)',
    )
    .requiredOption('--subject <text>', 'objet du message')
    .requiredOption('--body-file <file>', 'texte du message (modèle, UTF-8)')
    .option('--html-file <file>', 'message HTML (modèle, UTF-8) ; sinon le texte, en paragraphes')
    .action(async (options: SetOptions, command: Command) => {
      const template = {
        subject: options.subject,
        text: readTemplateFile(options.bodyFile),
        html: options.htmlFile ? readTemplateFile(options.htmlFile) : null,
      };
      const { structure, language, conversions } = await context.withPostier(
        command,
        async (postier) => {
          const chosen = await postier.records.chooseStructure(options.structure);
          const language = options.language ?? languageOf(chosen.locale);
          const saved = await postier.templates.save(chosen.id, options.type, template, language);
          return { structure: chosen, language, conversions: saved.conversions };
        },
      );
      process.stdout.write(
        `${conversionNotice(conversions)}Modèle « ${options.type} » (${languageWords(language)}) de « ${structure.name} » enregistré : chaque envoi de ce type sans --subject ni --body-file l’utilise pour les familles ${familiesWords(language)}.\n`,
      );
    });

  withTypeAndStructure(templates.command('reset'))
    .description('revient au modèle de Postier pour un type')
    .action(async (options: TemplateOptions, command: Command) => {
      const { structure, language } = await context.withPostier(command, async (postier) => {
        const chosen = await postier.records.chooseStructure(options.structure);
        const language = options.language ?? languageOf(chosen.locale);
        await postier.templates.reset(chosen.id, options.type, language);
        return { structure: chosen, language };
      });
      process.stdout.write(
        `Modèle « ${options.type} » (${languageWords(language)}) de « ${structure.name} » : retour au modèle de Postier.\n`,
      );
    });

  registerSignatureCommands(templates, context);
}

function withTypeAndStructure(command: Command): Command {
  return command
    .addOption(
      new Option('--type <type>', 'type de document')
        .choices(DOCUMENT_TYPE_CODES)
        .makeOptionMandatory(),
    )
    .option('--structure <id|name>', 'établissement')
    .option(
      '--language <langue>',
      'langue des familles à qui le modèle écrit : fr (français) ou en (anglais) ; celle de l’établissement par défaut',
      parseLanguageOption,
    );
}

const languageWords = (language: Language) => (language === 'en' ? 'anglais' : 'français');
const familiesWords = (language: Language) => (language === 'en' ? 'anglophones' : 'francophones');

/** The template a send would use for families of the language (the structure's by default). */
async function readFor(postier: Postier, options: TemplateOptions) {
  const structure = await postier.records.chooseStructure(options.structure);
  const language = options.language ?? languageOf(structure.locale);
  const template = await postier.templates.read(structure.id, options.type, language);
  return { structure: structure.name, language, ...template };
}

function templateText(
  type: string,
  shown: StoredTemplate & { structure: string; language: Language },
): string {
  const origin = shown.isDefault ? 'modèle de Postier' : 'modèle de l’établissement';
  const lines = [
    `Modèle « ${type} » (${languageWords(shown.language)}) de « ${shown.structure} » (${origin})`,
    `Objet : ${shown.subject}`,
    '',
    shown.text,
  ];
  if (shown.html) lines.push('', '--- HTML ---', shown.html);
  return `${lines.join('\n')}\n`;
}
