// The sentences of Paramètres > Modèles: a failure (from the main side, or a plain-words
// check made here), the notice of keywords converted from a former product.
import type { LegacyResult } from '../../../src-shared/domain/legacy-keywords.js';
import { fieldToken } from '../../../src-shared/domain/template-words.js';
import { bothLabels } from '../../../src-shared/domain/template-words.js';
import { isUserError } from '../../../src-shared/errors.js';
import type { Language } from '../../../src-shared/i18n/catalog.js';
import { translateCount } from '../../../src-shared/i18n/plural.js';
import { ApiFailure } from '../../api.js';
import type { Translate } from '../../app/app-context.js';

export interface Notice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

/** The sentence of a failure, in the screen's language. */
export function failureText(error: unknown, t: Translate): string {
  if (error instanceof ApiFailure) return error.error.message;
  if (isUserError(error)) return t(error.code, error.params);
  return t('ui.error.unexpected');
}

/** What a paste brought from a former product: each conversion, each keyword left over. */
export function legacyNotices(result: LegacyResult, language: Language, t: Translate): Notice[] {
  const notices: Notice[] = [];
  if (result.conversions.length > 0) {
    const list = result.conversions
      .map((c) => `${c.keyword} → ${fieldToken(language, c.field)}`)
      .join(', ');
    notices.push({
      intent: 'success',
      text: translateCount(language, 'template.legacy.converted', result.conversions.length, {
        list,
      }),
    });
  }
  for (const unknown of result.unknown) {
    notices.push({
      intent: 'warning',
      text: unknown.suggestion
        ? t('template.legacy.unknownNear', {
            keyword: unknown.keyword,
            ...bothLabels(unknown.suggestion),
          })
        : t('template.legacy.unknown', { keyword: unknown.keyword }),
    });
  }
  return notices;
}
