// Real plurals from the language's plural rules (Intl.PluralRules): a counted text has a
// `.one` and an `.other` key ("1 document sera…" / "3 documents seront…"), never "document(s)".
// French reads 0 and 1 as singular, English only 1: the rules know it, not the caller.
// A message with several counts uses plural blocks inside one key instead (plural-forms.ts).
import { translate, type Language, type MessageKey } from './catalog.js';
import { pluralCategory } from './plural-forms.js';

/** The keys that have both a `.one` and an `.other` form, without the suffix. */
export type CountedKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

export function translateCount(
  language: Language,
  key: CountedKey,
  count: number,
  params: Record<string, string | number> = {},
): string {
  const form = pluralCategory(language, count);
  return translate(language, `${key}.${form}` as MessageKey, { count, ...params });
}
