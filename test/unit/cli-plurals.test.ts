// Real plurals in the command line's own texts (issue 13, point 10): no "attendu(s)" nor
// "document(s) affiché(s)", worded by the catalogs' plural rules in French and English.
import { describe, expect, it } from 'vitest';
import { translateCommanderError } from '../../src-main/cli/commander-texts.js';
import { translate } from '../../src-shared/i18n/catalog.js';

describe('the CLI’s counted texts', () => {
  it('too many arguments: one and several, with and without the command', () => {
    expect(
      translateCommanderError(
        "error: too many arguments for 'list'. Expected 0 arguments but got 1.",
        'fr',
      ),
    ).toBe('Trop d’arguments pour « list » : 0 attendu, 1 reçu.');
    expect(
      translateCommanderError('error: too many arguments. Expected 1 argument but got 3.', 'fr'),
    ).toBe('Trop d’arguments : 1 attendu, 3 reçus.');
    expect(
      translateCommanderError(
        "error: too many arguments for 'pdf'. Expected 2 arguments but got 4.\n(Did you mean pdfs?)",
        'fr',
      ),
    ).toBe('Trop d’arguments pour « pdf » : 2 attendus, 4 reçus.\n(Vouliez-vous dire pdfs ?)');
    // In English, commander's own words stay.
    const english = "error: too many arguments for 'list'. Expected 0 arguments but got 1.";
    expect(translateCommanderError(english, 'en')).toBe(english);
  });

  it('documents list: "1 document affiché", "3 documents affichés", and in English', () => {
    expect(translate('fr', 'documents.cli.shown', { shown: 1, total: 30 })).toBe(
      '1 document affiché sur 30.',
    );
    expect(translate('fr', 'documents.cli.shown', { shown: 3, total: 30 })).toBe(
      '3 documents affichés sur 30.',
    );
    expect(translate('en', 'documents.cli.shown', { shown: 1, total: 2 })).toBe(
      '1 document shown of 2.',
    );
    expect(translate('en', 'documents.cli.shown', { shown: 0, total: 2 })).toBe(
      '0 documents shown of 2.',
    );
    expect(
      translate('en', 'cli.error.tooManyArgumentsFor', { command: 'list', expected: 0, got: 1 }),
    ).toBe('Too many arguments for “list”: 0 expected, 1 received.');
  });
});
