// What the journal's search and paging say in SQLite's own words: the FTS5 matches (migration
// 0004), the total counted from them, and the index to walk.
import { sql, type RawBuilder } from 'kysely';
import { escapeLike } from './shared-sql.js';

/** At most this many words count: a pasted paragraph is not a search. */
const MAX_WORDS = 12;
/** Trigrams: a shorter text cannot be looked up in a document number. */
const MIN_NUMBER_PART = 3;

export interface SearchTerms {
  /** The text as typed (NFC, trimmed): what PostgreSQL's search reads (journal-search-postgres.ts). */
  text: string;
  /** Every word a prefix, all required, in any order (dossiers: unicode61 remove_diacritics 2). */
  words: string | null;
  /** The text as a part of a document number (trigram), when long enough. */
  numberPart: string | null;
  /** Shorter than a trigram ("F-", "12"): a LIKE pattern on the number, read row by row. */
  numberLike: string | null;
}

/** The text's words as one FTS5 query, every word a prefix, all required; null if none. */
function wordsQuery(text: string): string | null {
  const words = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, MAX_WORDS);
  return words.length ? words.map((word) => `"${word}"*`).join(' ') : null;
}

/** The user's text as FTS5 queries; null when it has nothing to look for. */
export function searchTerms(text: string | undefined): SearchTerms | null {
  const trimmed = text?.normalize('NFC').trim() ?? '';
  if (!trimmed) return null;
  const long = [...trimmed].length >= MIN_NUMBER_PART;
  return {
    text: trimmed,
    words: wordsQuery(trimmed),
    numberPart: long ? `"${trimmed.replaceAll('"', '""')}"` : null,
    numberLike: long ? null : `%${escapeLike(trimmed)}%`,
  };
}

function matchingDocumentIds({ numberPart }: SearchTerms): RawBuilder<unknown> {
  return numberPart
    ? sql`select rowid from document_search where document_search match ${numberPart}`
    : sql`select null where 0`;
}

function matchingDossierIds({ words }: SearchTerms): RawBuilder<unknown> {
  return words
    ? sql`select rowid from dossier_search where dossier_search match ${words}`
    : sql`select null where 0`;
}

/**
 * Ids of the dossiers whose names, address or correspondents (names, e-mails) hold every word
 * of `text` as a prefix, accents and case aside; null when the text has no word. Not their
 * number: "100%" must not find 1001 (callers look numbers up as typed).
 */
export function dossiersByWords(text: string): RawBuilder<number> | null {
  const words = wordsQuery(text);
  return words
    ? sql<number>`select rowid from dossier_search where dossier_search match ${`{name address contacts} : (${words})`}`
    : null;
}

/**
 * Documents (`d`) whose number contains the text or whose dossier's number, names, address or
 * contacts have every word. `driven`: written as one id list, which SQLite reads first (few
 * matches); else two tests that a walk along an index checks on each row (many matches).
 */
export function documentMatches(terms: SearchTerms, driven: boolean): RawBuilder<boolean> {
  if (driven) {
    return sql<boolean>`d.id in (${matchingDocumentIds(terms)} union all select id from documents where dossier_id in (${matchingDossierIds(terms)}))`;
  }
  const number = terms.numberLike
    ? sql<boolean>`d.number like ${terms.numberLike} escape '\\'`
    : sql<boolean>`d.id in (${matchingDocumentIds(terms)})`;
  return sql<boolean>`(${number} or d.dossier_id in (${matchingDossierIds(terms)}))`;
}

/**
 * The total of a search under the filters (`filters`, on documents `d`): the documents of the
 * matching dossiers, read through documents_by_dossier, plus the documents whose number
 * matches in other dossiers, read by their ids. What it reads grows with the matches, never
 * with the journal, and no row is counted twice.
 */
export function searchCount(
  terms: SearchTerms,
  filters: RawBuilder<boolean>[],
): RawBuilder<{ n: number }> {
  const and = filters.map((filter) => sql`and ${filter}`);
  const ofDossiers = terms.words
    ? sql`(select count(*) from dossier_search s
        join documents d indexed by documents_by_dossier on d.dossier_id = s.rowid
        where dossier_search match ${terms.words} ${sql.join(and, sql` `)})`
    : sql`0`;
  const elsewhere = sql`and d.dossier_id not in (${matchingDossierIds(terms)})`;
  const ofNumbers = terms.numberLike
    ? sql`(select count(*) from documents d indexed by documents_by_number
        where d.number like ${terms.numberLike} escape '\\' ${sql.join(and, sql` `)} ${elsewhere})`
    : sql`(select count(*) from document_search n join documents d on d.id = n.rowid
        where document_search match ${terms.numberPart} ${sql.join(and, sql` `)} ${elsewhere})`;
  return sql<{ n: number }>`select ${ofDossiers} + ${ofNumbers} as n`;
}

/**
 * `table as alias`, told how to read it: an index to walk (SQLite plans without statistics
 * here and would take the structure's unique index, then sort the whole journal for a page),
 * 'rowid' for a list of ids, or null to let SQLite choose.
 */
export function tableRead(
  table: string,
  alias: string,
  index: string | 'rowid' | null,
): RawBuilder<unknown> {
  if (index === null) return sql.raw(`${table} as ${alias}`);
  return sql.raw(
    `${table} as ${alias} ${index === 'rowid' ? 'not indexed' : `indexed by ${index}`}`,
  );
}
