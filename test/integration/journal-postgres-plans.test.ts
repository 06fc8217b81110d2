// The journal's search on a real PostgreSQL database (issues 15 and 16): its total is counted
// from the matches through the trigram and dossier indexes, never by reading the whole
// journal; without pg_trgm's indexes (a server refusing the extension) the same queries give
// the same answers; migration 0010 succeeds for a login that may not create the extension.
// PostgreSQL only: its half of the matrix, or both when the file is run alone.
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { up as migration0010 } from '../../migrations/0010-journal-search-trigrams.js';
import { openPostier, type Postier } from '../../src-main/app/postier.js';
import { journalSearch, searchTerms } from '../../src-main/db/journal-search.js';
import type { JournalFilter } from '../../src-shared/domain/documents.js';
import { dialects, freshDataPlaceOn } from '../support/dialects.js';
import { hasPostgres } from '../support/postgres-server.js';

const DOSSIERS = 2000;
const DOCUMENTS = 40_000;
const NAMES = ['Lefèvre', 'Côté', 'Tremblay', 'Bélanger', 'Émond', 'Gagnon', 'Roy', 'Morin'];
const STREETS = ['rue des Érables', 'ch. de la Côte', 'rue Principale', 'av. du Parc'];

/** Dossiers and documents written by the server (the triggers fill dossier_search). */
async function fill(postier: Postier, structureId: number): Promise<void> {
  await sql`insert into dossiers (structure_id, number, title, last_name, first_name, address, email_opt_in)
    select ${structureId}, (10000 + i)::text, 'Mme', (${NAMES}::text[])[i % 8 + 1], 'Léa',
           i || ', ' || (${STREETS}::text[])[i % 4 + 1], 1
    from generate_series(1, ${DOSSIERS}::int) as i`.execute(postier.db);
  await sql`insert into documents (structure_id, dossier_id, type_id, number, period, issue_date, currency, amount_cents, email_state)
    select ${structureId}, p.id, i % 5 + 1, 'F-' || i, '2024-' || lpad((i % 12 + 1)::text, 2, '0'),
           '2024-' || lpad((i % 12 + 1)::text, 2, '0') || '-' || lpad((i % 28 + 1)::text, 2, '0'),
           'CAD', 1000 + i % 9000, (array['none', 'sent', 'failed'])[i % 3 + 1]
    from generate_series(1, ${DOCUMENTS}::int) as i
    join dossiers p on p.number = (10000 + i % ${DOSSIERS}::int + 1)::text`.execute(postier.db);
  await sql`vacuum analyze`.execute(postier.db);
}

/** What the journal answers for `filter`: its total and every page's ids, in order. */
async function answers(postier: Postier, filter: JournalFilter) {
  const first = await postier.documents.journal({ ...filter, limit: 500 });
  const last = await postier.documents.journal({
    ...filter,
    limit: 500,
    offset: Math.max(0, first.total - 500),
  });
  return {
    total: first.total,
    first: first.items.map((d) => d.id),
    last: last.items.map((d) => d.id),
  };
}

const SEARCHES: Omit<JournalFilter, 'structureId'>[] = [
  { text: 'lefevre' },
  { text: 'cote' },
  { text: 'erables' },
  { text: 'F-1234' },
  { text: 'f-12' },
  { text: '1234' },
  { text: 'cote', sort: 'dossierName' },
  { text: 'lefevre', emailStates: ['sent'], sort: 'amount' },
  { text: 'F-' },
];

describe.skipIf(!dialects.includes('postgres') || !hasPostgres())(
  'the journal search on PostgreSQL',
  () => {
    let postier: Postier;
    let structureId: number;

    beforeAll(async () => {
      // Opened for the whole file (freshPostier's would close after the first test).
      postier = await openPostier({ dataPath: await freshDataPlaceOn('postgres') });
      structureId = (await postier.records.createStructure({ name: 'Plans' })).id;
      await fill(postier, structureId);
    }, 120_000);

    afterAll(async () => {
      await postier?.close();
    });

    async function plan(text: string): Promise<string> {
      const terms = searchTerms(text)!;
      const query = journalSearch(postier.db)
        .searchCount(terms, [sql<boolean>`d.structure_id = ${structureId}`])
        .compile(postier.db);
      const { rows } = await postier.db.executeQuery<{ 'QUERY PLAN': string }>(
        CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
      );
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    }

    it('counts a search from its matches: indexes, never the whole journal', async () => {
      for (const text of ['F-1234', 'lefevre', 'erables', 'cote']) {
        const counted = await plan(text);
        expect(counted, text).toMatch(/documents_number_part/);
        expect(counted, text).not.toMatch(/Seq Scan on documents/);
      }
      // A rare word: its dossiers through dossier_search_text (a common one, one dossier in
      // 8 here, is read row by row: the planner's choice), their documents through
      // documents_by_dossier.
      const rare = await plan('F-1234');
      expect(rare).toMatch(/dossier_search_text/);
      expect(rare).toMatch(/documents_by_dossier/);
      expect(await plan('lefevre')).toMatch(/documents_by_dossier/);
    });

    it('gives the same answers without the trigram indexes (a server without pg_trgm)', async () => {
      const filters = SEARCHES.map((search) => ({ ...search, structureId }));
      const withIndexes = [];
      for (const filter of filters) withIndexes.push(await answers(postier, filter));
      expect(withIndexes[0]!.total).toBe(DOCUMENTS / 8); // Lefèvre: one dossier in 8
      expect(withIndexes[3]!.total).toBeGreaterThan(0);
      // Dropped, then made again: each statement may take another connection of the pool.
      await sql`drop index documents_number_part, dossier_search_words, dossier_search_text`.execute(
        postier.db,
      );
      try {
        for (const [i, filter] of filters.entries()) {
          expect(await answers(postier, filter), JSON.stringify(filter)).toEqual(withIndexes[i]);
        }
      } finally {
        await sql`create index documents_number_part on documents using gin (lower(number) gin_trgm_ops)`.execute(
          postier.db,
        );
        await sql`create index dossier_search_words on dossier_search using gin (words gin_trgm_ops)`.execute(
          postier.db,
        );
        await sql`create index dossier_search_text on dossier_search using gin ((' ' || number || words) gin_trgm_ops)`.execute(
          postier.db,
        );
      }
    }, 60_000);

    it('migration 0010 succeeds for a login that may not create pg_trgm', async () => {
      const url = await freshDataPlaceOn('postgres');
      const name = new URL(url).pathname.slice(1);
      const role = `plain_${name.slice(-12)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const plain = new Kysely({
        dialect: new PostgresDialect({
          pool: new pg.Pool({ connectionString: url.replace('//postier@', `//${role}@`) }),
        }),
      });
      try {
        await admin.query(`create role ${role} login`);
        await admin.query(`revoke create on database ${name} from public`);
        await admin.query('create table dossier_search (number text, words text)');
        await admin.query(`grant all on dossier_search to ${role}`);
        await migration0010(plain);
        const { rows } = await admin.query(
          `select (select count(*) from pg_extension where extname = 'pg_trgm') as extension,
                  (select count(*) from pg_indexes where indexname = 'dossier_search_text') as index`,
        );
        expect(rows[0]).toEqual({ extension: '0', index: '0' });
        // The same migration where the extension may be created: the index is there.
        const owner = new Kysely({
          dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
        });
        await migration0010(owner);
        await owner.destroy();
        const after = await admin.query(
          `select count(*) as n from pg_indexes where indexname = 'dossier_search_text'`,
        );
        expect(after.rows[0]).toEqual({ n: '1' });
      } finally {
        await plain.destroy();
        await admin.end();
      }
    });
  },
);
