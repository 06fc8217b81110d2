// The journal's search on PostgreSQL reads its matching dossiers through an index (issue 16):
// the search tests (' ' || number || words) like '% word%' (src-main/db/journal-search-postgres.ts),
// which 0004's index on `words` alone does not serve, so every search read all of
// dossier_search. A pg_trgm GIN index on that very expression serves it.
// pg_trgm: 0004 already asks for it. An office's server may lack the contrib package or
// refuse CREATE EXTENSION to this login: then this migration still succeeds without the
// index (the queries never need it: the same LIKE tests, read row by row, give the same
// answers, only slower). Each step is in a block of its own (a failed step would else spoil
// the migration's transaction). SQLite: nothing (its FTS5 tables do this work).
// Frozen in time: never edit once released; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql
    .raw(
      `do $$ begin
        create extension if not exists pg_trgm;
      exception when others then
        raise notice 'pg_trgm unavailable (%): the journal search reads dossier_search row by row', sqlerrm;
      end $$`,
    )
    .execute(db);
  await sql
    .raw(
      `do $$ begin
        if exists (select 1 from pg_extension where extname = 'pg_trgm') then
          create index if not exists dossier_search_text on dossier_search
            using gin ((' ' || number || words) gin_trgm_ops);
        end if;
      end $$`,
    )
    .execute(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) return;
  await sql.raw('drop index if exists dossier_search_text').execute(db);
}
