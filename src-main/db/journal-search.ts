// The journal's search on either database: the same questions, asked in each one's words.
import { isPostgres } from '../../migrations/dialect.js';
import type { Db } from './connection.js';
import * as postgres from './journal-search-postgres.js';
import * as sqlite from './journal-search-sqlite.js';

export { searchTerms, tableRead, type SearchTerms } from './journal-search-sqlite.js';

type Search = Pick<typeof sqlite, 'documentMatches' | 'searchCount' | 'dossiersByWords'>;

export function journalSearch(db: Db): Search {
  return isPostgres(db) ? postgres : sqlite;
}
