// Counted words inside a message, chosen by the language's plural rules (Intl.PluralRules):
// "{count, plural, one {# dossier créé} other {# dossiers créés}}" — the ICU message form,
// limited to `plural` with `=N`, `one` and `other` (French and English need no more). `#` is
// the count. A message with several counts says each with its own block; never "dossier(s)".
// French reads 0 and 1 as singular, English only 1: the rules know it, not the caller.

const rules = new Map<string, Intl.PluralRules>();

/** 'one' or 'other' (the only categories French and English use) for `count` in `language`. */
export function pluralCategory(language: string, count: number): 'one' | 'other' {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  return rule.select(count) === 'one' ? 'one' : 'other';
}

const BLOCK_START = /\{(\w+),\s*plural,/y;

/** The message with each plural block replaced by the form its count takes. */
export function expandPlurals(
  language: string,
  template: string,
  params: Record<string, string | number>,
): string {
  if (!template.includes(', plural,')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    BLOCK_START.lastIndex = i;
    const start = template[i] === '{' ? BLOCK_START.exec(template) : null;
    if (!start) {
      out += template[i];
      i += 1;
      continue;
    }
    const block = readForms(template, BLOCK_START.lastIndex);
    const count = Number(params[start[1]!]);
    const chosen = Number.isFinite(count)
      ? (block.forms.get(`=${count}`) ?? block.forms.get(pluralCategory(language, count)))
      : undefined;
    const form = chosen ?? block.forms.get('other') ?? '';
    out += expandPlurals(language, form, params).replace(/#/g, String(params[start[1]!] ?? '#'));
    i = block.end;
  }
  return out;
}

/** The `selector {text}` pairs of one block, and where the block ends (after its `}`). */
function readForms(text: string, from: number): { forms: Map<string, string>; end: number } {
  const forms = new Map<string, string>();
  let i = from;
  for (;;) {
    while (/\s/.test(text[i] ?? '')) i += 1;
    if (text[i] === '}' || i >= text.length) return { forms, end: i + 1 };
    const selector = /^[=\w]+/.exec(text.slice(i))?.[0] ?? '';
    i += selector.length;
    while (/\s/.test(text[i] ?? '')) i += 1;
    if (text[i] !== '{' || selector === '') throw new Error(`Bad plural form in: ${text}`);
    let depth = 1;
    const start = i + 1;
    for (i = start; i < text.length && depth > 0; i += 1) {
      if (text[i] === '{') depth += 1;
      else if (text[i] === '}') depth -= 1;
    }
    forms.set(selector, text.slice(start, i - 1));
  }
}

/** Every plural block's count name and selectors: for the catalogs' tests. */
export function pluralBlocks(template: string): { count: string; selectors: string[] }[] {
  const blocks: { count: string; selectors: string[] }[] = [];
  for (let i = 0; i < template.length; i += 1) {
    BLOCK_START.lastIndex = i;
    const start = template[i] === '{' ? BLOCK_START.exec(template) : null;
    if (!start) continue;
    const block = readForms(template, BLOCK_START.lastIndex);
    blocks.push({ count: start[1]!, selectors: [...block.forms.keys()] });
    i = block.end - 1;
  }
  return blocks;
}
