// The family's language, the SIN check digit and periods as typed, English.
import type { familyLanguageFr } from './family-language.fr.js';

export const familyLanguageEn: Record<keyof typeof familyLanguageFr, string> = {
  'error.language.unknown':
    'The language “{value}” is not known: choose fr (French) or en (English).',
  'import.reason.invalidLanguage':
    'Record {number}: unknown language “{value}” (column “{column}”); write fr or en (French, English).',
  'import.warning.sinCheckDigit':
    'Record {number}: the SIN (column “{column}”) fails the check-digit test. Check it against the original document; the file is imported as written.',
  'warning.sin.checkDigit':
    'The SIN entered fails the check-digit test: check it against the original document. It is saved as written.',
  'warning.sin.checkDigitDossier':
    'Record {number}: the SIN entered fails the check-digit test. Check it against the original document; it is saved as written.',
  'ui.language.fr': 'French',
  'ui.language.en': 'English',
  'ui.dossier.language': 'Correspondence language',
  'ui.dossier.language.hint': 'Messages, dates, amounts and attachments follow this language.',
  'ui.dossiers.corr.language': 'Language',
  'ui.dossiers.corr.language.dossier': 'Record’s',
  'ui.import.field.language': 'Correspondence language',
  'ui.import.warnings': 'To check ({count})',
  'records.cli.shown': '{shown, plural, one {# record shown} other {# records shown}} of {total}.',
  'documents.cli.shown':
    '{shown, plural, one {# document shown} other {# documents shown}} of {total}.',
  'cli.error.tooManyArguments': 'Too many arguments: {expected} expected, {got} received.',
  'cli.error.tooManyArgumentsFor':
    'Too many arguments for “{command}”: {expected} expected, {got} received.',
};
