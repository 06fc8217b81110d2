// Message lookup for both languages; `{name}` placeholders are filled from params, and
// `{count, plural, one {…} other {…}}` blocks take the form the language's rules give.
import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';
import { expandPlurals } from './plural-forms.js';

export type { MessageKey };
export type Language = 'fr' | 'en';

const catalogs: Record<Language, Record<MessageKey, string>> = { fr, en };

export function translate(
  language: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = expandPlurals(language, catalogs[language][key], params);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? written(language, params[name]!) : whole,
  );
}

/**
 * A parameter as the language writes it: a fraction with its own decimal mark ("0,5 s" in
 * French, "0.5 s" in English); whole numbers as they are (message and document numbers).
 */
function written(language: Language, value: string | number): string {
  if (typeof value === 'number' && !Number.isInteger(value) && Number.isFinite(value))
    return value.toLocaleString(language === 'fr' ? 'fr-CA' : 'en-CA');
  return String(value);
}

/** Picks the language from a locale tag such as fr-CA or en_US.UTF-8; French by default. */
export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
