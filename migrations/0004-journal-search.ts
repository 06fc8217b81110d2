// The journal flat at any depth and a search that ignores accents and case:
// - documents: one covering index per sort key of the journal (sort key, id, then the filter
//   columns), so that any page, its total and a keyset step read an index, never the table;
// - dossiers: `sort_name`, the name folded (lower case, no accents) in pure SQL then as written,
//   for a French order (Bélanger before Boucher) that an index serves, the one every list of
//   dossiers and the journal sorted by name use;
// - two FTS5 tables: dossiers by number, names, postal address and correspondents (names,
//   e-mails), by word (unicode61 remove_diacritics 2); documents by any part of their number
//   (trigram). Triggers keep them in step with every write path; the migration fills them
//   from the existing rows.
// On PostgreSQL (added with issue 16, the SQLite statements unchanged): the same indexes and
// sort_name (stored, in the C collation: the same order as SQLite's), and in place of FTS5
// a dossier_search table of folded words (each after a space, as unicode61 splits them) kept
// by triggers, with pg_trgm indexes (Debian's
// postgresql has it; a trusted extension, so the database's owner may create it).
// Frozen in time: never edit once released; add a new migration instead.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/** Columns every journal filter reads, carried in each sort index (no table lookups). */
const FILTER_COLUMNS = 'structure_id, email_state, type_id, period, dossier_id';

/** Index name → its leading sort expression; each continues with id and the filters. */
const SORT_INDEXES: [string, string][] = [
  ['documents_by_issue_date', 'issue_date'],
  ['documents_by_amount', 'amount_cents'],
  ['documents_by_number', 'number'],
  ['documents_by_period', 'period'],
  // Never sent sorts as '' (keyset comparisons on NULL would drop those rows).
  ['documents_by_last_sent', "coalesce(last_sent_at, '')"],
];

/** Accented letters of French (and a few neighbours) and what they fold to. */
const FOLDS: [string, string][] = [
  ['à', 'a'],
  ['â', 'a'],
  ['ä', 'a'],
  ['á', 'a'],
  ['ã', 'a'],
  ['å', 'a'],
  ['ç', 'c'],
  ['é', 'e'],
  ['è', 'e'],
  ['ê', 'e'],
  ['ë', 'e'],
  ['í', 'i'],
  ['ì', 'i'],
  ['î', 'i'],
  ['ï', 'i'],
  ['ñ', 'n'],
  ['ó', 'o'],
  ['ò', 'o'],
  ['ô', 'o'],
  ['ö', 'o'],
  ['õ', 'o'],
  ['ú', 'u'],
  ['ù', 'u'],
  ['û', 'u'],
  ['ü', 'u'],
  ['ý', 'y'],
  ['ÿ', 'y'],
  ['œ', 'oe'],
  ['æ', 'ae'],
];

/**
 * `expression` in lower case without accents, in plain SQL: a generated column cannot call a
 * function registered by the application (other tools open this file too). lower() folds
 * ASCII only, hence both cases of each accented letter.
 */
function foldSql(expression: string): string {
  let folded = `lower(${expression})`;
  for (const [accented, plain] of FOLDS) {
    folded = `replace(replace(${folded}, '${accented}', '${plain}'), '${accented.toUpperCase()}', '${plain}')`;
  }
  return folded;
}

/**
 * The dossiers' French order in one key: the name folded (Bélanger before Boucher, É with E),
 * then as written (Cote before Côté, the same name always in the same order), char(1) sorting
 * below every letter so that a shorter name comes first (Roy before Royer).
 */
const SORT_NAME = `${foldSql("last_name || ' ' || first_name")} || char(1) || last_name || char(1) || first_name`;

const TOKENIZER = `tokenize = "unicode61 remove_diacritics 2"`;

/** The dossier's searchable text from its row (`p`) and its correspondents. */
const DOSSIER_SEARCH_ROW = `
  select p.id, p.number, trim(coalesce(p.title, '') || ' ' || p.first_name || ' ' || p.last_name),
         p.address,
         coalesce((select group_concat(c.name || ' ' || coalesce(c.email, ''), ' ')
                   from correspondents c where c.dossier_id = p.id), '')
  from dossiers p`;

function refreshDossier(idExpression: string): string[] {
  return [
    `delete from dossier_search where rowid = ${idExpression};`,
    `insert into dossier_search (rowid, number, name, address, contacts) ${DOSSIER_SEARCH_ROW} where p.id = ${idExpression};`,
  ];
}

function trigger(name: string, event: string, body: string[]): string {
  return `create trigger ${name} ${event} for each row begin ${body.join(' ')} end`;
}

const TRIGGERS = [
  trigger('dossier_search_insert', 'after insert on dossiers', refreshDossier('new.id')),
  trigger(
    'dossier_search_update',
    'after update of number, title, first_name, last_name, address on dossiers',
    refreshDossier('new.id'),
  ),
  trigger('dossier_search_delete', 'after delete on dossiers', [
    'delete from dossier_search where rowid = old.id;',
  ]),
  trigger(
    'dossier_search_contact_insert',
    'after insert on correspondents',
    refreshDossier('new.dossier_id'),
  ),
  trigger(
    'dossier_search_contact_update',
    'after update of dossier_id, name, email on correspondents',
    [...refreshDossier('old.dossier_id'), ...refreshDossier('new.dossier_id')],
  ),
  trigger(
    'dossier_search_contact_delete',
    'after delete on correspondents',
    refreshDossier('old.dossier_id'),
  ),
  trigger('document_search_insert', 'after insert on documents', [
    'insert into document_search (rowid, number) values (new.id, new.number);',
  ]),
  trigger('document_search_update', 'after update of number on documents', [
    "insert into document_search (document_search, rowid, number) values ('delete', old.id, old.number);",
    'insert into document_search (rowid, number) values (new.id, new.number);',
  ]),
  trigger('document_search_delete', 'after delete on documents', [
    "insert into document_search (document_search, rowid, number) values ('delete', old.id, old.number);",
  ]),
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await createJournalIndexes(run);
  if (isPostgres(db)) {
    await createPostgresSearch(run);
    return;
  }
  await run(
    `alter table dossiers add column sort_name text generated always as (${SORT_NAME}) virtual`,
  );
  await run('create index dossiers_by_name on dossiers (sort_name, id, structure_id)');

  await run(
    `create virtual table dossier_search using fts5 (number, name, address, contacts, ${TOKENIZER})`,
  );
  // Numbers by any part ("9999" finds F-9999, as the journal always did): trigrams.
  await run(
    `create virtual table document_search using fts5 (number, content = 'documents', content_rowid = 'id', tokenize = "trigram remove_diacritics 1")`,
  );
  for (const statement of TRIGGERS) await run(statement);
  // Existing rows: the triggers only see what comes next.
  await run(
    `insert into dossier_search (rowid, number, name, address, contacts) ${DOSSIER_SEARCH_ROW}`,
  );
  await run(`insert into document_search (document_search) values ('rebuild')`);
}

async function createJournalIndexes(run: (statement: string) => Promise<unknown>): Promise<void> {
  // Superseded: documents_by_issue_date starts with the same two columns.
  await run('drop index if exists documents_issue_date');
  for (const [name, sortExpression] of SORT_INDEXES) {
    await run(`create index ${name} on documents (${sortExpression}, id, ${FILTER_COLUMNS})`);
  }
  // A dossier's documents (the journal opened from a dossier), covering as well.
  await run('drop index if exists documents_dossier');
  await run(
    'create index documents_by_dossier on documents (dossier_id, id, structure_id, email_state, type_id, period)',
  );
  // The total of a state filter (the journal's most common) reads this one alone.
  await run('drop index if exists documents_email_state');
  await run(
    'create index documents_email_state on documents (email_state, structure_id, type_id, period, dossier_id)',
  );
}

/** The dossier's folded words (names, address, correspondents), as dossier_search keeps them. */
const POSTGRES_DOSSIER_WORDS =
  foldSql(`p.first_name || ' ' || p.last_name || ' ' || coalesce(p.title, '') || ' ' || p.address || ' ' ||
  coalesce((select string_agg(c.name || ' ' || coalesce(c.email, ''), ' ') from correspondents c where c.dossier_id = p.id), '')`);

async function createPostgresSearch(run: (statement: string) => Promise<unknown>): Promise<void> {
  await run(
    `alter table dossiers add column sort_name text collate "C" generated always as (${SORT_NAME.replaceAll('char(1)', 'chr(1)')}) stored`,
  );
  await run('create index dossiers_by_name on dossiers (sort_name, id, structure_id)');
  await run('create extension if not exists pg_trgm');
  await run(`create table dossier_search (
    dossier_id integer primary key references dossiers (id) on delete cascade,
    number text not null,
    words text not null)`);
  await run('create index dossier_search_words on dossier_search using gin (words gin_trgm_ops)');
  await run(
    'create index documents_number_part on documents using gin (lower(number) gin_trgm_ops)',
  );
  await run(`create function dossier_search_refresh(dossier integer) returns void
    language sql as $$
      delete from dossier_search where dossier_id = dossier;
      insert into dossier_search (dossier_id, number, words)
        select p.id, lower(p.number), ' ' || regexp_replace(${POSTGRES_DOSSIER_WORDS}, '[^[:alnum:]]+', ' ', 'g')
          from dossiers p where p.id = dossier;
    $$`);
  await run(`create function dossier_search_changed() returns trigger language plpgsql as $$
    begin
      if tg_table_name = 'dossiers' then
        perform dossier_search_refresh(new.id);
        return null;
      end if;
      if tg_op <> 'INSERT' then perform dossier_search_refresh(old.dossier_id); end if;
      if tg_op <> 'DELETE' then perform dossier_search_refresh(new.dossier_id); end if;
      return null;
    end $$`);
  await run(`create trigger dossier_search_dossier
    after insert or update of number, title, first_name, last_name, address on dossiers
    for each row execute function dossier_search_changed()`);
  await run(`create trigger dossier_search_contact
    after insert or delete or update of dossier_id, name, email on correspondents
    for each row execute function dossier_search_changed()`);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see no app types
export async function down(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  if (isPostgres(db)) {
    // What createPostgresSearch made: PostgreSQL's triggers are named on their table (the
    // SQLite statement below is a syntax error there), and its functions go with them.
    await run('drop trigger if exists dossier_search_dossier on dossiers');
    await run('drop trigger if exists dossier_search_contact on correspondents');
    await run('drop function if exists dossier_search_changed()');
    await run('drop function if exists dossier_search_refresh(integer)');
    await run('drop index if exists documents_number_part');
  } else {
    for (const statement of TRIGGERS) {
      await run(`drop trigger if exists ${statement.split(' ')[2]}`);
    }
  }
  await run('drop table if exists document_search');
  await run('drop table if exists dossier_search');
  await run('drop index if exists dossiers_by_name');
  await run('alter table dossiers drop column sort_name');
  for (const [name] of SORT_INDEXES) await run(`drop index if exists ${name}`);
  await run('drop index if exists documents_by_dossier');
  await run('create index documents_dossier on documents (dossier_id)');
  await run('drop index if exists documents_email_state');
  await run('create index documents_email_state on documents (email_state)');
  await run('create index documents_issue_date on documents (issue_date, id)');
}
