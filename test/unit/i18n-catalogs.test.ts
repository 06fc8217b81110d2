// The catalogs as a reader meets them: every message in both languages, real plurals from the
// language's rules (never "message(s)"), each counted message with its singular and plural,
// and numbers written the way each language writes them.
import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { en } from '../../src-shared/i18n/en.js';
import { fr } from '../../src-shared/i18n/fr.js';
import { pluralBlocks } from '../../src-shared/i18n/plural-forms.js';
import { translateCount } from '../../src-shared/i18n/plural.js';

const catalogs = { fr, en } as Record<'fr' | 'en', Record<string, string>>;
const keys = Object.keys(fr) as MessageKey[];

describe('the catalogs', () => {
  it('have every key in both languages, none of them empty', () => {
    expect(Object.keys(en).sort()).toEqual([...keys].sort());
    for (const language of ['fr', 'en'] as const) {
      const empty = keys.filter((key) => catalogs[language][key]!.trim() === '');
      expect(empty, language).toEqual([]);
    }
  });

  it('never write a plural as "(s)": no "message(s)", "envoyé(s)", "row(s)"', () => {
    for (const language of ['fr', 'en'] as const) {
      const guessed = keys.filter((key) => /\p{L}\((s|e|es|x)\)/u.test(catalogs[language][key]!));
      expect(guessed, language).toEqual([]);
    }
  });

  it('give every counted message its singular and plural', () => {
    for (const key of keys) {
      const counts = { fr: pluralBlocks(fr[key]), en: pluralBlocks(en[key as keyof typeof en]) };
      for (const language of ['fr', 'en'] as const) {
        for (const block of counts[language]) {
          expect(block.selectors, `${language} ${key}`).toContain('other');
          expect(
            block.selectors.some((s) => s === 'one' || s === '=1'),
            `${language} ${key}`,
          ).toBe(true);
        }
      }
    }
    // Keys counted by translateCount come in pairs (a lone ".other" may be a category name).
    for (const key of keys.filter((k) => k.endsWith('.one')))
      expect(keys, key).toContain(key.replace(/\.one$/, '.other'));
  });

  it('follow each language’s plural rules: French 0 and 1 singular, English 1 only', () => {
    const key = 'ui.journal.total' as MessageKey;
    expect(translate('fr', key, { count: 0 })).toBe('0 document');
    expect(translate('fr', key, { count: 1 })).toBe('1 document');
    expect(translate('fr', key, { count: 2 })).toBe('2 documents');
    expect(translate('en', key, { count: 0 })).toBe('0 documents');
    expect(translate('en', key, { count: 1 })).toBe('1 document');
    expect(translate('en', key, { count: 25 })).toBe('25 documents');
    expect(
      translate('fr', 'import.report.dossiers', { imported: 1, updated: 3, rejected: 2 }),
    ).toBe('1 dossier créé, 3 mis à jour, 2 lignes rejetées.');
    expect(
      translate('en', 'import.report.dossiers', { imported: 1, updated: 3, rejected: 1 }),
    ).toBe('1 record created, 3 updated, 1 row rejected.');
    expect(translateCount('fr', 'queueTruth.reset.done', 1)).not.toMatch(/\(s\)/);
  });

  it('write a fraction with the language’s decimal mark', () => {
    expect(translate('fr', 'ui.pacing.delay', { seconds: 0.5 })).toBe('0,5 s entre deux messages');
    expect(translate('en', 'ui.pacing.delay', { seconds: 0.5 })).toBe('0.5 s between two messages');
    // Whole numbers (message and document numbers) stay as they are.
    expect(translate('fr', 'error.dossier.notFound', { number: 12345 })).toContain('12345');
  });
});
