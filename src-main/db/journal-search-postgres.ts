// The journal's search in PostgreSQL's words, with the same answers as the FTS5 queries of
// journal-search-sqlite.ts: dossier_search (migration 0004's PostgreSQL branch) holds each
// dossier's names, address and correspondents folded (lower case, no accents, one space
// between words), read by word prefix; document numbers by any part. The pg_trgm indexes
// (documents_number_part on lower(number), 0004; dossier_search_text on the dossier's number
// and words, 0010) serve these LIKE tests; the SQL never names them nor needs them: on a
// server without pg_trgm the same queries give the same answers, only slower.
// As on SQLite, a search is never one OR over the whole journal for its total: the matching
// dossiers' documents are counted through documents_by_dossier, the documents matched by
// number through the trigram index, each row once.
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

/** Documents (alias `alias`) whose number contains the text, case aside. */
function numberContains(text: string, alias = 'd'): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(`${alias}.number`)}) like ${`%${escapeLike(text.toLowerCase())}%`} escape '\\'`;
}

/** The dossiers the journal's search finds by their number, names, address or contacts. */
function matchingDossierIds(terms: SearchTerms): RawBuilder<number> | null {
  const words = wordsOf(terms.text);
  return words.length ? dossierIdsWithWords(words, true) : null;
}

/** See journal-search-sqlite.ts dossiersByWords. */
export function dossiersByWords(text: string): RawBuilder<number> | null {
  const words = wordsOf(text);
  return words.length ? dossierIdsWithWords(words, false) : null;
}

/**
 * See journal-search-sqlite.ts documentMatches. `driven` (few matches): one id list, the
 * matching dossiers' documents and those matched by number, which the planner reads first;
 * else two tests that a walk along the order's index checks on each row.
 */
export function documentMatches(terms: SearchTerms, driven: boolean): RawBuilder<boolean> {
  const dossiers = matchingDossierIds(terms);
  if (!dossiers) return numberContains(terms.text);
  if (driven) {
    return sql<boolean>`d.id in (select id from documents where dossier_id in (${dossiers})
      union all select n.id from documents n where ${numberContains(terms.text, 'n')})`;
  }
  return sql<boolean>`(${numberContains(terms.text)} or d.dossier_id in (${dossiers}))`;
}

/**
 * See journal-search-sqlite.ts searchCount: the matching dossiers' documents (read through
 * documents_by_dossier) plus the documents matched by number in other dossiers (read through
 * the trigram index); what it reads grows with the matches, never with the journal.
 */
export function searchCount(
  terms: SearchTerms,
  filters: RawBuilder<boolean>[],
): RawBuilder<{ n: number }> {
  const and = filters.map((filter) => sql`and ${filter}`);
  const byNumber = numberContains(terms.text);
  const dossiers = matchingDossierIds(terms);
  if (!dossiers) {
    return sql<{ n: number }>`select count(*) as n from documents d
      where ${byNumber} ${sql.join(and, sql` `)}`;
  }
  return sql<{ n: number }>`with m as materialized (${dossiers})
    select (select count(*) from documents d
        where d.dossier_id in (select dossier_id from m) ${sql.join(and, sql` `)})
      + (select count(*) from documents d
        where ${byNumber} ${sql.join(and, sql` `)} and d.dossier_id not in (select dossier_id from m)) as n`;
}
