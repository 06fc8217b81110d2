// Amounts, periods, dates, addresses and SINs as users type and read them.
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatPeriod,
  parseIsoDate,
  parsePeriod,
} from '../../src-shared/format/dates.js';
import { formatMoney, parseAmount } from '../../src-shared/format/money.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import { en } from '../../src-shared/i18n/en.js';
import { fr } from '../../src-shared/i18n/fr.js';
import { isValidEmail, maskSin, normalizeSin } from '../../src-shared/validation/identity.js';
import { sinCheckDigitValid, sinNeedsWarning } from '../../src-shared/validation/sin-check.js';

const spaces = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('amounts', () => {
  it.each([
    ['1234.56', 123456],
    ['1234,56', 123456],
    ['1 234,56', 123456],
    ['1\u00a0234,5', 123450],
    ['12', 1200],
    ['-7,05', -705],
  ])('reads %s as %i cents', (input, cents) => expect(parseAmount(input)).toBe(cents));

  it.each(['abc', '12,345', '1.2.3', '', '12 €', '1e5'])('refuses %j naming the value', (input) => {
    expect(() => parseAmount(input)).toThrow(
      expect.objectContaining({ code: 'error.amount.invalid', params: { value: input } }),
    );
  });

  it('formats for fr-CA, fr-FR and en-CA', () => {
    expect(spaces(formatMoney(123456, 'CAD', 'fr-CA'))).toBe('1 234,56 $');
    expect(spaces(formatMoney(123456, 'EUR', 'fr-FR'))).toBe('1 234,56 €');
    expect(formatMoney(123456, 'CAD', 'en-CA')).toBe('$1,234.56');
  });
});

describe('periods and dates', () => {
  it('accepts months and years, refuses the rest', () => {
    expect(parsePeriod('2026-10')).toBe('2026-10');
    expect(parsePeriod('2025')).toBe('2025');
    // Issue 13, point 12: a month typed the way a clerk writes it is understood.
    expect(parsePeriod('11/2026')).toBe('2026-11');
    expect(parsePeriod('10/2026')).toBe('2026-10');
    expect(parsePeriod(' novembre 2026 ')).toBe('2026-11');
    expect(parsePeriod('Nov. 2026')).toBe('2026-11');
    expect(parsePeriod('août 2026')).toBe('2026-08');
    expect(parsePeriod('202611')).toBe('2026-11');
    for (const bad of ['2026-13', '13/2026', 'octobre', '11/26', 'novembr 2026', '2026-11-05']) {
      expect(() => parsePeriod(bad)).toThrow(
        expect.objectContaining({ code: 'error.period.invalid', params: { value: bad } }),
      );
    }
  });

  it('refuses a period naming the forms expected, in French and English', () => {
    const refusal = (() => {
      try {
        parsePeriod('13/2026');
      } catch (error) {
        return error as { code: 'error.period.invalid'; params: Record<string, string> };
      }
      throw new Error('13/2026 was accepted');
    })();
    expect(translate('fr', refusal.code, refusal.params)).toBe(
      'La période « 13/2026 » n’est pas comprise : écrivez le mois comme 11/2026, 2026-11 ou novembre 2026, ou l’année seule (2026).',
    );
    expect(translate('en', refusal.code, refusal.params)).toContain(
      '11/2026, 2026-11 or November 2026',
    );
  });

  it('labels periods and dates in French and English', () => {
    expect(formatPeriod('2026-10', 'fr-CA')).toBe('octobre 2026');
    expect(formatPeriod('2026-10', 'en-CA')).toBe('October 2026');
    expect(formatPeriod('2025', 'fr-CA')).toBe('2025');
    expect(formatDate('2026-10-31', 'fr-FR')).toBe('31 octobre 2026');
    expect(formatDate('2026-10-31', 'en-CA')).toBe('October 31, 2026');
  });

  it('refuses impossible dates', () => {
    expect(parseIsoDate('2024-02-29')).toBe('2024-02-29');
    expect(() => parseIsoDate('2026-02-30')).toThrow(
      expect.objectContaining({ code: 'error.date.invalid' }),
    );
  });
});

describe('identity fields', () => {
  it('validates e-mail addresses and refuses header injection', () => {
    expect(isValidEmail('hélène.côté@example.com')).toBe(true);
    expect(isValidEmail('a.b+factures@sous.domaine.example.org')).toBe(true);
    for (const bad of ['a@b', 'a@@b.com', 'a@b.com\nBcc: x@y.com', 'a b@c.com', '<a@b.com>', '']) {
      expect(isValidEmail(bad), bad).toBe(false);
    }
  });

  it('normalizes and masks SINs', () => {
    expect(normalizeSin('046 454 286')).toBe('046454286');
    expect(normalizeSin('046-454-286')).toBe('046454286');
    expect(maskSin('046454286')).toBe('••• ••• 286');
    expect(() => normalizeSin('04645428')).toThrow(
      expect.objectContaining({ code: 'error.sin.invalid' }),
    );
  });

  it('warns on a SIN failing its check digit, not on a good one or an incomplete one', () => {
    // 046 454 286 is the Government of Canada's own example of a valid SIN.
    expect(sinCheckDigitValid('046 454 286')).toBe(true);
    expect(sinNeedsWarning('046-454-286')).toBe(false);
    expect(sinNeedsWarning('046 454 287')).toBe(true); // last digit mistyped
    expect(sinNeedsWarning('064 454 286')).toBe(true); // two digits swapped
    expect(sinNeedsWarning('04645428')).toBe(false); // eight digits: the "9 digits" error
    expect(sinNeedsWarning(null)).toBe(false);
  });
});

describe('catalogs', () => {
  it('have the same keys in French and English, and fill placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
    expect(translate('fr', 'error.dossier.notFound', { number: '42' })).toContain(
      'Aucun dossier n° 42',
    );
    expect(translate('en', 'error.dossier.notFound', { number: '42' })).toContain(
      'No record no. 42',
    );
  });
});
