// Real plurals from the language's plural rules (Intl.PluralRules): a counted text has a
// `.one` and an `.other` key ("1 document sera…" / "3 documents seront…"), never "document(s)".
// French reads 0 and 1 as singular, English only 1: the rules know it, not the caller.
import { translate, type Language, type MessageKey } from './catalog.js';

/** The keys that have both a `.one` and an `.other` form, without the suffix. */
export type CountedKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

const rules = new Map<Language, Intl.PluralRules>();

export function translateCount(
  language: Language,
  key: CountedKey,
  count: number,
  params: Record<string, string | number> = {},
): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  const form = rule.select(count) === 'one' ? 'one' : 'other';
  return translate(language, `${key}.${form}` as MessageKey, { count, ...params });
}
