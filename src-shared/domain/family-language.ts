// The language a family reads: each dossier has one (French by default), and a correspondent
// may have its own. Messages, dates, amounts and attachment names follow it; the screen
// language never does. Typed as people write it in a spreadsheet or a command line.
import type { Language } from '../i18n/catalog.js';

export const FAMILY_LANGUAGES: readonly Language[] = ['fr', 'en'];

export const DEFAULT_FAMILY_LANGUAGE: Language = 'fr';

/** Every way a cell or an option may name a language, lower-cased and without accents. */
const LANGUAGE_WORDS: Record<string, Language> = {
  fr: 'fr', fra: 'fr', fre: 'fr', francais: 'fr', french: 'fr', 'fr-ca': 'fr', 'fr-fr': 'fr',
  en: 'en', eng: 'en', anglais: 'en', english: 'en', 'en-ca': 'en', 'en-us': 'en',
  'en-gb': 'en',
}; // prettier-ignore

/** "Français", "anglais", "English", "EN", "en-CA"… → 'fr' | 'en'; null for anything else. */
export function readFamilyLanguage(text: string): Language | null {
  const word = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/_/g, '-');
  return LANGUAGE_WORDS[word] ?? null;
}

export function isFamilyLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

/**
 * The locale a recipient's dates and amounts are written in: the structure's own when it is
 * in that language (fr-CA stays fr-CA), else the language in the structure's country.
 */
export function recipientLocale(language: Language, structureLocale: string): string {
  const [structureLanguage, region] = structureLocale.split(/[-_]/);
  if (structureLanguage?.toLowerCase() === language) return structureLocale;
  return region ? `${language}-${region.toUpperCase()}` : `${language}-CA`;
}
