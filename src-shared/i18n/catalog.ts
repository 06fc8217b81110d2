// Message lookup for both languages; `{name}` placeholders are filled from params.
import { en } from './en.js';
import { fr, type MessageKey } from './fr.js';

export type { MessageKey };
export type Language = 'fr' | 'en';

const catalogs: Record<Language, Record<MessageKey, string>> = { fr, en };

export function translate(
  language: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  const template = catalogs[language][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Picks the language from a locale tag such as fr-CA or en_US.UTF-8; French by default. */
export function languageOf(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}
