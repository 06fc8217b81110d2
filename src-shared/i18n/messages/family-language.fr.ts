// The family's language (a dossier's, a correspondent's), the SIN check digit and periods as
// typed (issue 13, points 6 and 12), French: the reference.
export const familyLanguageFr = {
  'error.language.unknown':
    'La langue « {value} » n’est pas connue : choisissez fr (français) ou en (anglais).',
  'import.reason.invalidLanguage':
    'Dossier {number} : langue « {value} » inconnue (colonne « {column} ») ; écrivez fr ou en (français, anglais).',
  'import.warning.sinCheckDigit':
    'Dossier {number} : le NAS (colonne « {column} ») ne passe pas le contrôle du chiffre de contrôle. Vérifiez-le sur le document d’origine ; le dossier est importé tel quel.',
  'warning.sin.checkDigit':
    'Le NAS saisi ne passe pas le contrôle du chiffre de contrôle : vérifiez-le sur le document d’origine. Il est enregistré tel quel.',
  'warning.sin.checkDigitDossier':
    'Dossier {number} : le NAS saisi ne passe pas le contrôle du chiffre de contrôle. Vérifiez-le sur le document d’origine ; il est enregistré tel quel.',
  'ui.language.fr': 'Français',
  'ui.language.en': 'Anglais',
  'ui.dossier.language': 'Langue de correspondance',
  'ui.dossier.language.hint':
    'Les messages, dates, montants et pièces jointes suivent cette langue.',
  'ui.dossiers.corr.language': 'Langue',
  'ui.dossiers.corr.language.dossier': 'Du dossier',
  'ui.import.field.language': 'Langue de correspondance',
  'ui.import.warnings': 'À vérifier ({count})',
  'records.cli.shown':
    '{shown, plural, one {# dossier affiché} other {# dossiers affichés}} sur {total}.',
  'documents.cli.shown':
    '{shown, plural, one {# document affiché} other {# documents affichés}} sur {total}.',
  'cli.error.tooManyArguments':
    'Trop d’arguments : {expected, plural, one {# attendu} other {# attendus}}, {got, plural, one {# reçu} other {# reçus}}.',
  'cli.error.tooManyArgumentsFor':
    'Trop d’arguments pour « {command} » : {expected, plural, one {# attendu} other {# attendus}}, {got, plural, one {# reçu} other {# reçus}}.',
} as const;
