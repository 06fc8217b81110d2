// The journal's search in PostgreSQL's words, with the same answers as the FTS5 queries of
// journal-search-sqlite.ts: dossier_search (migration 0004's PostgreSQL branch) holds each
// dossier's names, address and correspondents folded (lower case, no accents, one space
// between words), read by word prefix; document numbers by any part through the pg_trgm
// index on lower(number). The planner has statistics: no "driven" or index choices here.
import { sql, type RawBuilder } from 'kysely';
import type { SearchTerms } from './journal-search-sqlite.js';
import { escapeLike } from './shared-sql.js';

const MAX_WORDS = 12;

/** Folded as migration 0004 folds for PostgreSQL: accents off, lower case, œ → oe. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('œ', 'oe')
    .replaceAll('æ', 'ae');
}

function wordsOf(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

/**
 * Every word a prefix of one of the dossier's words (each starts after a space); the
 * dossier's number counts as one of them when `withNumber` (the journal's search does).
 */
function dossierIdsWithWords(words: string[], withNumber: boolean): RawBuilder<number> {
  const text = withNumber ? sql`(' ' || s.number || s.words)` : sql`s.words`;
  const tests = words.map((word) => sql`${text} like ${`% ${word}%`}`);
  return sql<number>`select s.dossier_id from dossier_search s where ${sql.join(tests, sql` and `)}`;
}

function numberContains(text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(d.number) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** See journal-search-sqlite.ts dossiersByWords. */
export function dossiersByWords(text: string): RawBuilder<number> | null {
  const words = wordsOf(text);
  return words.length ? dossierIdsWithWords(words, false) : null;
}

/** See journal-search-sqlite.ts documentMatches (`driven` changes nothing here). */
export function documentMatches(terms: SearchTerms): RawBuilder<boolean> {
  const words = wordsOf(terms.text);
  if (!words.length) return numberContains(terms.text);
  return sql<boolean>`(${numberContains(terms.text)} or d.dossier_id in (${dossierIdsWithWords(words, true)}))`;
}

/** See journal-search-sqlite.ts searchCount. */
export function searchCount(
  terms: SearchTerms,
  filters: RawBuilder<boolean>[],
): RawBuilder<{ n: number }> {
  const where = [...filters, documentMatches(terms)];
  return sql<{
    n: number;
  }>`select count(*) as n from documents d where ${sql.join(where, sql` and `)}`;
}
