// Texts pasted from the products offices come from: the keywords of Gestion des ressources
// (`&personne`, `&periode`) and Winpass's merge fields between single braces (`{Adr_Nom}`)
// become Postier's fields (`{{personne}}`, `{{nom}}`), each conversion listed for a notice;
// a keyword Postier does not know is reported with the field to use instead.
import { closestName, normalizeWords } from './template-fields.js';

export type LegacyProduct = 'gestion-ressources' | 'winpass';

/** Winpass's fields of the client's card (the "Adr_" fields of its templates). */
const WINPASS_FIELDS: Readonly<Record<string, string>> = {
  adr_nom: 'nom',
  adr_prenom: 'prenom',
  adr_titre: 'titre',
};

/** Gestion des ressources's keywords, written without accents in its manual. */
const RESSOURCES_KEYWORDS: Readonly<Record<string, string>> = {
  personne: 'personne',
  periode: 'periode',
};

export interface LegacyConversion {
  /** As written in the pasted text: "&personne", "{Adr_Nom}". */
  keyword: string;
  field: string;
  product: LegacyProduct;
}

export interface LegacyUnknown {
  keyword: string;
  product: LegacyProduct;
  /** The known field closest to it, when one is. */
  suggestion: string | null;
}

export interface LegacyResult {
  /** The text with every known keyword written as a Postier field. */
  source: string;
  conversions: LegacyConversion[];
  /** Left as they were: Postier has no such field. */
  unknown: LegacyUnknown[];
}

// `&mot` at the start of a word, not an HTML entity (`&eacute;`) nor "R&D".
const AMPERSAND_KEYWORD = /(^|[^\p{L}\p{N}&])&([\p{L}_][\p{L}\p{N}_]*)(?![\p{L}\p{N}_;])/gu;
// `{Adr_Nom}` between single braces, never Postier's own `{{nom}}`.
const BRACE_FIELD = /(?<!\{)\{([A-Za-z][A-Za-z0-9_]*)\}(?!\})/g;

/**
 * Converts the keywords of Gestion des ressources and Winpass in `source`. `known` is the
 * list of Postier's fields for this structure (a keyword naming one of them exactly, like
 * `&montant`, is taken as that field).
 */
export function convertLegacyKeywords(source: string, known: readonly string[]): LegacyResult {
  const conversions: LegacyConversion[] = [];
  const unknown: LegacyUnknown[] = [];
  const byName = new Map(known.map((name) => [normalizeWords(name), name]));
  const note = (keyword: string, product: LegacyProduct, field: string | undefined) => {
    if (field) conversions.push({ keyword, field, product });
    else unknown.push({ keyword, product, suggestion: suggest(keyword, known) });
    return field;
  };
  const withRessources = source.replace(
    AMPERSAND_KEYWORD,
    (whole, before: string, word: string) => {
      const name = normalizeWords(word);
      const field = note(
        `&${word}`,
        'gestion-ressources',
        RESSOURCES_KEYWORDS[name] ?? byName.get(name),
      );
      return field ? `${before}{{${field}}}` : whole;
    },
  );
  const converted = withRessources.replace(BRACE_FIELD, (whole, word: string) => {
    const name = word.toLowerCase();
    const field = note(`{${word}}`, 'winpass', WINPASS_FIELDS[name] ?? byName.get(name));
    return field ? `{{${field}}}` : whole;
  });
  return { source: converted, conversions, unknown };
}

function suggest(keyword: string, known: readonly string[]): string | null {
  const bare = keyword.replace(/^&|^\{|\}$/g, '').replace(/^adr_/i, '');
  return (
    closestName(bare, known) ?? known.find((name) => normalizeWords(bare).includes(name)) ?? null
  );
}
