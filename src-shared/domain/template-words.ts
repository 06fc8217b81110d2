// A template in plain words, for the editor: `{{personne}}` is shown as [Nom de la personne],
// `{{#if echeance}}…{{/if}}` as [Si : Date d’échéance]…[Fin si], in the screen's language;
// what is saved is always Handlebars with Postier's field names. A name the user typed with
// braces is left as it is (the service checks it and names it); a bracketed text close to a
// label but not one is refused naming the label meant.
import { translate, type Language, type MessageKey } from '../i18n/catalog.js';
import { UserError } from '../errors.js';
import { closestName, isStandardField, normalizeWords, SIN_FIELD } from './template-fields.js';

/**
 * The label of a field in a language: the standard fields' and the SIN's (password rules
 * only) from the catalog, else the name.
 */
export function fieldLabel(language: Language, name: string): string {
  return isStandardField(name) || name === SIN_FIELD
    ? translate(language, `template.field.${name}` as MessageKey)
    : name;
}

/** The field's example value ("Mme Germaine Allard"), or null for the dossiers' own fields. */
export function fieldExample(language: Language, name: string): string | null {
  return isStandardField(name)
    ? translate(language, `template.field.${name}.example` as MessageKey)
    : null;
}

type Word = 'if' | 'unless' | 'else' | 'end';

const WORD_KEYS: Record<Word, MessageKey> = {
  if: 'template.words.if',
  unless: 'template.words.unless',
  else: 'template.words.else',
  end: 'template.words.end',
};

const word = (language: Language, which: Word) => translate(language, WORD_KEYS[which]);

/** `[Nom de la personne]`, `[Si : Date d’échéance]`: what the editor shows for one token. */
export function fieldToken(language: Language, name: string): string {
  return `[${fieldLabel(language, name)}]`;
}

export function conditionTokens(
  language: Language,
  name: string,
  kind: 'if' | 'unless' = 'if',
): { open: string; close: string } {
  return {
    open: `[${word(language, kind)} ${fieldLabel(language, name)}]`,
    close: `[${word(language, 'end')}]`,
  };
}

const HANDLEBARS_TOKEN = /\{\{(?!\{)\s*([#/]?)(\w+|\[[^\]]+\])?\s*(\w+|\[[^\]]+\])?\s*\}\}/g;

/** Handlebars → plain words, for the fields in `known`; anything else is left as written. */
export function toPlainWords(source: string, known: readonly string[], language: Language): string {
  const fields = new Set(known);
  const bare = (token: string | undefined) => token?.replace(/^\[|\]$/g, '');
  return source.replace(
    HANDLEBARS_TOKEN,
    (whole, sigil: string, first: string | undefined, second: string | undefined) => {
      const head = bare(first);
      const argument = bare(second);
      if (sigil === '#' && (head === 'if' || head === 'unless') && argument && fields.has(argument))
        return conditionTokens(language, argument, head).open;
      if (sigil === '/' && (head === 'if' || head === 'unless') && !argument)
        return `[${word(language, 'end')}]`;
      if (sigil === '' && head === 'else' && !argument) return `[${word(language, 'else')}]`;
      if (sigil === '' && head && !argument && fields.has(head)) return fieldToken(language, head);
      return whole;
    },
  );
}

/** A text in plain words said again in `language` (as it is if it cannot be read). */
export function rewordPlain(text: string, known: readonly string[], language: Language): string {
  try {
    return toPlainWords(fromPlainWords(text, known), known, language);
  } catch {
    return text;
  }
}

const BRACKETED = /\[([^[\]\n]{1,80})\]/g;

/**
 * Plain words → Handlebars. Both languages' words are understood, whatever the screen's.
 * Throws a UserError naming a bracketed label that is almost a field's, or a condition
 * whose field is not known, or an end without its beginning.
 */
export function fromPlainWords(text: string, known: readonly string[]): string {
  const labels = new Map<string, string>();
  for (const name of known) {
    for (const language of ['fr', 'en'] as const)
      labels.set(normalizeWords(fieldLabel(language, name)), name);
  }
  const words = (which: Word) =>
    (['fr', 'en'] as const).map((language) => normalizeWords(word(language, which)));
  const open: string[] = [];
  const asField = (name: string) => (/^\w+$/.test(name) ? name : `[${name}]`);
  const result = text.replace(BRACKETED, (whole, inside: string) => {
    const said = normalizeWords(inside);
    const field = labels.get(said);
    if (field) return `{{${asField(field)}}}`;
    for (const kind of ['unless', 'if'] as const) {
      const prefix = words(kind).find((w) => said.startsWith(`${w} `));
      if (prefix === undefined) continue;
      const label = said.slice(prefix.length + 1).trim();
      const name = labels.get(label);
      if (!name) throw unknownLabel(inside.slice(inside.length - label.length), labels);
      open.push(kind);
      return `{{#${kind} ${asField(name)}}}`;
    }
    if (words('else').includes(said)) return '{{else}}';
    if (words('end').includes(said)) {
      const kind = open.pop();
      if (!kind) throw new UserError('error.template.words.endAlone', { token: whole });
      return `{{/${kind}}}`;
    }
    const near = closestName(said, labels.keys());
    if (near) throw unknownLabel(inside, labels);
    return whole;
  });
  if (open.length > 0)
    throw new UserError('error.template.words.notClosed', { end: `[${word('fr', 'end')}]` });
  return result;
}

function unknownLabel(label: string, labels: ReadonlyMap<string, string>): UserError {
  const near = closestName(label, labels.keys());
  const name = near ? labels.get(near)! : null;
  return name
    ? new UserError('error.template.words.unknownNear', { label, ...bothLabels(name) })
    : new UserError('error.template.words.unknown', { label });
}

/** A field's label in both languages, as error parameters: each catalog says its own. */
export function bothLabels(name: string): { fr: string; en: string } {
  return { fr: fieldLabel('fr', name), en: fieldLabel('en', name) };
}
