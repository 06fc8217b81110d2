// The document journal on a real SQLite file, as the journal screen reads it: pages by offset
// and by keyset (the cursors of a page's first and last rows), any sort, with filters; the
// search that ignores accents and case on names, numbers and addresses; the plans SQLite
// picks (an index walks each order, no sort of the whole journal); dossiers in French order.
import Sqlite from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Postier } from '../../src-main/app/postier.js';
import type { Database } from '../../src-main/db/schema.js';
import { queryJournalPage } from '../../src-main/db/journal-queries.js';
import { exportDocumentJournal } from '../../src-main/exports/document-journal-export.js';
import type {
  JournalDocument,
  JournalFilter,
  JournalSortKey,
} from '../../src-shared/domain/documents.js';
import { onPostgres } from '../support/dialects.js';
import { freshPostier } from '../support/postier-fixture.js';
import { tempFolder } from '../support/temp-folder.js';

interface DossierSeed {
  number: string;
  lastName: string;
  firstName: string;
  address?: string;
  email?: string;
}

const DOSSIERS: DossierSeed[] = [
  { number: '1001', lastName: 'Lefèvre', firstName: 'Hélène', address: '12, rue des Érables' },
  { number: '1002', lastName: 'Côté', firstName: 'Gérard', email: 'gerard.cote@example.com' },
  { number: '1003', lastName: 'Tremblay', firstName: 'Zoé', address: '4, ch. de la Côte' },
  { number: '1004', lastName: 'Boucher', firstName: 'Rémi' },
  { number: '1005', lastName: 'Bélanger', firstName: 'Léa' },
];

async function structureId(postier: Postier): Promise<number> {
  return (await postier.records.chooseStructure()).id;
}

async function addDossiers(postier: Postier): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const seed of DOSSIERS) {
    const dossier = await postier.records.createDossier(await structureId(postier), {
      number: seed.number,
      lastName: seed.lastName,
      firstName: seed.firstName,
      ...(seed.address && { address: seed.address }),
      ...(seed.email && {
        correspondents: [{ name: `${seed.firstName} ${seed.lastName}`, email: seed.email }],
      }),
    });
    ids.set(seed.number, dossier.id);
  }
  return ids;
}

let nextNumber = 1;
beforeEach(() => {
  nextNumber = 1;
});

/** Documents straight into the table (the journal reads them; PDFs are not its business). */
async function addDocuments(
  postier: Postier,
  dossiers: Map<string, number>,
  count: number,
  at: (i: number) => { issueDate: string; amountCents: number; state?: string } = (i) => ({
    issueDate: `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 5) + 1).padStart(2, '0')}`,
    amountCents: 1000 * (i % 7),
  }),
): Promise<void> {
  const structure = await structureId(postier);
  const dossierIds = [...dossiers.values()];
  for (let i = 0; i < count; i++) {
    const n = nextNumber++;
    const { issueDate, amountCents, state } = at(n);
    await postier.db
      .insertInto('documents')
      .values({
        structure_id: structure,
        dossier_id: dossierIds[n % dossierIds.length]!,
        type_id: 1,
        number: `F-2026-${String(n).padStart(4, '0')}`,
        period: issueDate.slice(0, 7),
        issue_date: issueDate,
        currency: 'CAD',
        amount_cents: amountCents,
        email_state: state ?? (n % 3 ? 'none' : 'sent'),
        last_sent_at: n % 3 ? null : `${issueDate}T10:00:00Z`,
      })
      .execute();
  }
}

/** The whole filtered journal in the order the sort names, as the user expects to read it. */
async function expectedOrder(postier: Postier, filter: JournalFilter): Promise<string[]> {
  const all = await postier.documents.journal({ ...filter, limit: 500 });
  expect(all.total).toBeLessThan(500);
  const descending = filter.descending !== false;
  const rows = all.items.map((d) => ({ d, key: sortKey(d, filter.sort ?? 'issueDate') }));
  rows.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const [x, y] = [a.key[i]!, b.key[i]!];
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
    }
    return 0;
  });
  return rows.map((r) => r.d.number);
}

/** What a user sees the rows sorted by (names compared without accents or case), then the id. */
function sortKey(d: JournalDocument, sort: JournalSortKey): (string | number)[] {
  const folded = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  switch (sort) {
    case 'issueDate':
      return [d.issueDate, d.id];
    case 'amount':
      return [d.amountCents, d.id];
    case 'number':
      return [d.number, d.id];
    case 'period':
      return [d.period, d.id];
    case 'lastSentAt':
      return [d.lastSentAt ?? '', d.id];
    case 'dossierName': {
      const seed = DOSSIERS.find((s) => s.number === d.dossierNumber)!;
      return [folded(`${seed.lastName} ${seed.firstName}`), d.dossierId, d.id];
    }
  }
}

const numbers = (page: { items: JournalDocument[] }) => page.items.map((d) => d.number);

/** A journal long enough (10,000 documents) that a page walks an index rather than sorting. */
async function longJournal(): Promise<Postier> {
  const postier = await freshPostier();
  const dossiers = [...(await addDossiers(postier)).values()];
  // SQL both databases run: no printf, no number taken for a boolean.
  await sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 10000)
    insert into documents (structure_id, dossier_id, type_id, number, period, issue_date, currency,
      amount_cents, email_state, last_sent_at)
    select ${await structureId(postier)}, ${dossiers[0]!} + i % ${dossiers.length}, 1 + i % 3,
      'G-' || i, '2026-' || case when i % 12 < 9 then '0' else '' end || (1 + i % 12),
      '2026-01-01', 'CAD', i * 7 % 1000,
      case when i % 3 <> 0 then 'none' else 'sent' end,
      case when i % 3 <> 0 then null else '2026-02-01T10:00:00Z' end
    from n`.execute(postier.db);
  return postier;
}

describe('journal pages', () => {
  const sorts: JournalSortKey[] = [
    'issueDate',
    'amount',
    'number',
    'period',
    'lastSentAt',
    'dossierName',
  ];

  it.each(sorts.flatMap((sort) => [true, false].map((descending) => [sort, descending] as const)))(
    'sorted by %s (descending %s): first, middle and last page by offset, and every page by cursor, give the rows in order',
    async (sort, descending) => {
      const postier = await freshPostier();
      const dossiers = await addDossiers(postier);
      await addDocuments(postier, dossiers, 47);
      const filter: JournalFilter = {
        structureId: await structureId(postier),
        emailStates: ['none'],
        sort,
        descending,
      };
      const expected = await expectedOrder(postier, filter);
      expect(expected.length).toBeGreaterThan(25);
      const limit = 7;
      const page = (offset: number) => postier.documents.journal({ ...filter, limit, offset });

      const first = await page(0);
      expect(first.total).toBe(expected.length);
      expect(numbers(first)).toEqual(expected.slice(0, limit));
      const middleOffset = 2 * limit;
      expect(numbers(await page(middleOffset))).toEqual(
        expected.slice(middleOffset, middleOffset + limit),
      );
      const lastOffset = Math.floor((expected.length - 1) / limit) * limit;
      const last = await page(lastOffset);
      expect(numbers(last)).toEqual(expected.slice(lastOffset));
      // A page near the end read from the end (as the service does past the middle).
      expect(numbers(await page(expected.length - limit))).toEqual(expected.slice(-limit));

      // Scrolling down from the first page by its last row's cursor reads every row once.
      const forward: string[] = [];
      let current = first;
      while (current.items.length > 0) {
        forward.push(...numbers(current));
        current = await postier.documents.journal({ ...filter, limit, after: current.last! });
      }
      expect(forward).toEqual(expected);
      // And up from the last page by its first row's cursor.
      const backward: string[] = [];
      current = last;
      while (current.items.length > 0) {
        backward.unshift(...numbers(current));
        current = await postier.documents.journal({ ...filter, limit, before: current.first! });
      }
      expect(backward).toEqual(expected);
    },
  );

  it('the next page after a cursor continues where the user was when documents are added meanwhile', async () => {
    const postier = await freshPostier();
    const dossiers = await addDossiers(postier);
    await addDocuments(postier, dossiers, 30, (i) => ({
      issueDate: `2026-10-${String(i).padStart(2, '0')}`,
      amountCents: 100 * i,
      state: 'none',
    }));
    const filter: JournalFilter = { structureId: await structureId(postier), limit: 10 };
    const first = await postier.documents.journal(filter);
    expect(numbers(first)).toEqual(
      Array.from({ length: 10 }, (_, i) => `F-2026-${String(30 - i).padStart(4, '0')}`),
    );
    // Newer documents arrive at the top while the user reads the first page.
    await addDocuments(postier, dossiers, 3, (i) => ({
      issueDate: `2026-11-${String(i - 30).padStart(2, '0')}`,
      amountCents: 1,
      state: 'none',
    }));
    const second = await postier.documents.journal({ ...filter, after: first.last! });
    expect(second.total).toBe(33);
    expect(numbers(second)).toEqual(
      Array.from({ length: 10 }, (_, i) => `F-2026-${String(20 - i).padStart(4, '0')}`),
    );
    // By offset the same page would repeat three rows the user has just read.
    const byOffset = await postier.documents.journal({ ...filter, offset: 10 });
    expect(numbers(byOffset).slice(0, 3)).toEqual(numbers(first).slice(-3));
    // Going back up from the second page gives the rows above it, the new ones included.
    const back = await postier.documents.journal({ ...filter, before: second.first! });
    expect(numbers(back)).toEqual(
      Array.from({ length: 10 }, (_, i) => `F-2026-${String(30 - i).padStart(4, '0')}`),
    );
    const top = await postier.documents.journal({ ...filter, before: back.first! });
    expect(numbers(top)).toEqual(['F-2026-0033', 'F-2026-0032', 'F-2026-0031']);
    // A document deleted between pages leaves no hole and no repeat either.
    await postier.db.deleteFrom('documents').where('number', '=', 'F-2026-0010').execute();
    const third = await postier.documents.journal({ ...filter, after: second.last! });
    expect(numbers(third)).toEqual([
      'F-2026-0009',
      'F-2026-0008',
      'F-2026-0007',
      'F-2026-0006',
      'F-2026-0005',
      'F-2026-0004',
      'F-2026-0003',
      'F-2026-0002',
      'F-2026-0001',
    ]);
  });

  it('a cursor made for another sort is ignored and the offset places the page', async () => {
    const postier = await freshPostier();
    const dossiers = await addDossiers(postier);
    await addDocuments(postier, dossiers, 12);
    const filter: JournalFilter = { structureId: await structureId(postier), limit: 5 };
    const byDate = await postier.documents.journal(filter);
    const byAmount = await postier.documents.journal({ ...filter, sort: 'amount', offset: 5 });
    const mixed = await postier.documents.journal({
      ...filter,
      sort: 'amount',
      offset: 5,
      after: byDate.last!,
    });
    expect(numbers(mixed)).toEqual(numbers(byAmount));
  });
});

describe('journal pages of a long list (walked along an index)', () => {
  it.each([
    ['amount', 'd.amount_cents desc, d.id desc'],
    ['issueDate', 'd.issue_date desc, d.id desc'],
    ['dossierName', 'p.sort_name desc, p.id desc, d.id desc'],
  ] as const)(
    'sorted by %s: first, middle and last page, and a step each way from the middle',
    async (sort, orderBy) => {
      const postier = await longJournal();
      const structure = await structureId(postier);
      const { rows } = await sql<{ number: string }>`select d.number from documents d
        join dossiers p on p.id = d.dossier_id
        where d.email_state = 'none' order by ${sql.raw(orderBy)}`.execute(postier.db);
      const expected = rows.map((r) => r.number);
      expect(expected.length).toBeGreaterThan(6000);
      const filter: JournalFilter = { structureId: structure, emailStates: ['none'], sort };
      const limit = 200;
      const at = (offset: number) => postier.documents.journal({ ...filter, limit, offset });
      const first = await at(0);
      expect(first.total).toBe(expected.length);
      expect(numbers(first)).toEqual(expected.slice(0, limit));
      const middleOffset = Math.floor(expected.length / 2);
      const middle = await at(middleOffset);
      expect(numbers(middle)).toEqual(expected.slice(middleOffset, middleOffset + limit));
      expect(numbers(await at(expected.length - 50))).toEqual(expected.slice(-50));
      const next = await postier.documents.journal({ ...filter, limit, after: middle.last! });
      expect(numbers(next)).toEqual(expected.slice(middleOffset + limit, middleOffset + 2 * limit));
      const previous = await postier.documents.journal({ ...filter, limit, before: middle.first! });
      expect(numbers(previous)).toEqual(expected.slice(middleOffset - limit, middleOffset));
    },
  );
});

describe('journal export of a long journal', () => {
  it('writes every document once, in order, page after page', async () => {
    const postier = await longJournal();
    const file = path.join(tempFolder(), 'journal.csv');
    const result = await exportDocumentJournal(postier.db, file, { emailStates: ['sent'] });
    const lines = fs.readFileSync(file, 'utf8').split('\r\n').slice(1, -1);
    expect(result.rows).toBe(3333);
    expect(lines).toHaveLength(3333);
    // Oldest first, all of one date: by id, every third document (the sent ones).
    expect(lines.map((line) => line.split(';')[2])).toEqual(
      Array.from({ length: 3333 }, (_, i) => `G-${3 * (i + 1)}`),
    );
  });
});

describe('journal search, blind to accents and case', () => {
  async function searched(postier: Postier, text: string, filter: JournalFilter = {}) {
    const page = await postier.documents.journal({ ...filter, text, limit: 500 });
    return [...new Set(page.items.map((d) => d.dossierNumber))].sort();
  }

  it('finds names, addresses, e-mail addresses, dossier and document numbers', async () => {
    const postier = await freshPostier();
    const dossiers = await addDossiers(postier);
    await addDocuments(postier, dossiers, 20);
    expect(await searched(postier, 'lefevre')).toEqual(['1001']);
    expect(await searched(postier, 'LEFÈVRE')).toEqual(['1001']);
    expect(await searched(postier, 'Lefèvre Hélène')).toEqual(['1001']);
    expect(await searched(postier, 'helene lefev')).toEqual(['1001']);
    // "cote": Côté by name, and the dossier living on the ch. de la Côte (an address).
    expect(await searched(postier, 'cote')).toEqual(['1002', '1003']);
    expect(await searched(postier, 'erables')).toEqual(['1001']);
    expect(await searched(postier, 'gerard.cote@example')).toEqual(['1002']);
    expect(await searched(postier, '1004')).toEqual(['1004']);
    expect(await searched(postier, 'belanger')).toEqual(['1005']);
    expect(await searched(postier, 'nobody')).toEqual([]);
    // A part of a document number, anywhere in it.
    const byNumber = await postier.documents.journal({ text: '2026-0007' });
    expect(byNumber.items.map((d) => d.number)).toEqual(['F-2026-0007']);
    expect((await postier.documents.journal({ text: '0007' })).total).toBe(1);
    // With the other filters: the total is the filtered one.
    const sentOnly = await postier.documents.journal({ text: 'lefevre', emailStates: ['sent'] });
    const sentOfLefevre = await postier.db
      .selectFrom('documents')
      .select('number')
      .where('dossier_id', '=', dossiers.get('1001')!)
      .where('email_state', '=', 'sent')
      .orderBy('issue_date', 'desc')
      .orderBy('id', 'desc')
      .execute();
    expect(sentOfLefevre.length).toBeGreaterThan(0);
    expect(numbers(sentOnly)).toEqual(sentOfLefevre.map((d) => d.number));
    expect(sentOnly.total).toBe(sentOfLefevre.length);
  });

  it('follows renamed dossiers, new correspondents and deleted documents', async () => {
    const postier = await freshPostier();
    const dossiers = await addDossiers(postier);
    await addDocuments(postier, dossiers, 10);
    const tremblay = await postier.records.getDossier(dossiers.get('1003')!);
    await postier.records.updateDossier(tremblay.id, tremblay.version, { lastName: 'Émond' });
    expect(await searched(postier, 'emond')).toEqual(['1003']);
    expect(await searched(postier, 'tremblay')).toEqual([]);
    await postier.db
      .insertInto('correspondents')
      .values({ dossier_id: dossiers.get('1004')!, name: 'Chloé Désilets', email: null })
      .execute();
    expect(await searched(postier, 'desilets')).toEqual(['1004']);
    await postier.db.deleteFrom('documents').where('number', '=', 'F-2026-0003').execute();
    expect((await postier.documents.journal({ text: '2026-0003' })).total).toBe(0);
  });

  it('pages through a search by cursor as through the whole journal', async () => {
    const postier = await freshPostier();
    const dossiers = await addDossiers(postier);
    await addDocuments(postier, dossiers, 60);
    const filter: JournalFilter = { text: 'cote', sort: 'amount' };
    const expected = await expectedOrder(postier, filter);
    expect(expected.length).toBe(24);
    const seen: string[] = [];
    let page = await postier.documents.journal({ ...filter, limit: 5 });
    while (page.items.length > 0) {
      seen.push(...numbers(page));
      page = await postier.documents.journal({ ...filter, limit: 5, after: page.last! });
    }
    expect(seen).toEqual(expected);
    const last = await postier.documents.journal({ ...filter, limit: 5, offset: 20 });
    expect(numbers(last)).toEqual(expected.slice(20));
  });
});

// SQLite's own plans (EXPLAIN QUERY PLAN on the file, its covering indexes and FTS table):
// PostgreSQL picks its plans by itself, from its statistics; the bench times its pages.
describe.skipIf(onPostgres)('journal query plans', () => {
  /** The statements one journal page runs, each with its plan (EXPLAIN QUERY PLAN). */
  async function plans(postier: Postier, filter: JournalFilter, offset = 0): Promise<string[]> {
    const sqlite = new Sqlite(postier.folder.databaseFile, { readonly: true });
    const statements: { sql: string; parameters: readonly unknown[] }[] = [];
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: sqlite }),
      log: (event) => {
        if (event.level === 'query') statements.push(event.query);
      },
    });
    try {
      await queryJournalPage(db, filter, { limit: 20, offset });
      return statements.map(({ sql, parameters }) => {
        const rows = sqlite.prepare(`explain query plan ${sql}`).all(...parameters) as {
          detail: string;
        }[];
        return `${sql.replace(/\s+/g, ' ').slice(0, 60)}… → ${rows.map((r) => r.detail).join(' | ')}`;
      });
    } finally {
      await db.destroy();
    }
  }

  it.each([
    ['amount', 'documents_by_amount'],
    ['issueDate', 'documents_by_issue_date'],
    ['number', 'documents_by_number'],
    ['lastSentAt', 'documents_by_last_sent'],
    ['period', 'documents_by_period'],
  ] as const)(
    'sorted by %s, a page walks %s and nothing sorts the journal',
    async (sort, index) => {
      const postier = await longJournal();
      const structure = await structureId(postier);
      for (const filter of [
        { structureId: structure, sort },
        { structureId: structure, sort, emailStates: ['sent' as const], descending: false },
      ]) {
        const seek = (await plans(postier, filter, 10)).find((p) => / as k0/.test(p));
        expect(seek).toMatch(new RegExp(`USING COVERING INDEX ${index}\\b`));
        expect(seek).not.toMatch(/TEMP B-TREE/);
      }
    },
  );

  it('sorted by name, a page walks the dossiers in their French order, then each one’s documents', async () => {
    const postier = await longJournal();
    const all = await plans(postier, {
      structureId: await structureId(postier),
      sort: 'dossierName',
      emailStates: ['none'],
    });
    const seek = all.find((p) => / as k0/.test(p));
    expect(seek).toMatch(/SCAN p USING INDEX dossiers_by_name/);
    expect(seek).toMatch(/SEARCH d USING COVERING INDEX documents_by_dossier \(dossier_id=\?\)/);
    expect(seek).not.toMatch(/TEMP B-TREE/);
  });

  it('a short list (one period of one type) is read by its filter and sorted, not walked', async () => {
    const postier = await longJournal();
    const all = await plans(postier, {
      structureId: await structureId(postier),
      types: ['notice'],
      period: '2026-02',
      sort: 'amount',
    });
    expect(all.find((p) => p.includes('count('))).toMatch(/SEARCH d USING/);
    const seek = all.find((p) => / as k0/.test(p));
    expect(seek).toMatch(/SEARCH d USING (COVERING )?INDEX/);
    expect(seek).not.toMatch(/SCAN d/);
  });

  it('a search counts from its matches: no statement scans the documents', async () => {
    const postier = await longJournal();
    const all = await plans(postier, { structureId: await structureId(postier), text: 'cote' });
    for (const plan of all) {
      expect(plan).not.toMatch(/SCAN d\b(?! USING COVERING INDEX documents_by_)/);
      expect(plan).not.toMatch(/SCAN documents\b/);
    }
    const count = all.find((p) => p.includes('count('));
    expect(count).toMatch(/SCAN s VIRTUAL TABLE/);
    expect(count).toMatch(/SEARCH d USING COVERING INDEX documents_by_dossier/);
  });
});

describe('dossiers in French order', () => {
  it('sorts names without regard to accents or case (Bélanger before Boucher, É with E)', async () => {
    const postier = await freshPostier();
    const structure = await structureId(postier);
    const names = [
      'Boucher',
      'Émond',
      'Cyr',
      'bédard',
      'Côté',
      'Bélanger',
      'Ethier',
      'Cote',
      'Eddy',
    ];
    for (const [i, lastName] of names.entries()) {
      await postier.records.createDossier(structure, { number: String(100 + i), lastName });
    }
    const page = await postier.records.searchDossiers({ structureId: structure, limit: 50 });
    expect(page.items.map((d) => d.lastName)).toEqual([
      'bédard',
      'Bélanger',
      'Boucher',
      'Cote',
      'Côté',
      'Cyr',
      'Eddy',
      'Émond',
      'Ethier',
    ]);
    // The journal sorted by name follows the same order.
    const dossierIds = new Map(page.items.map((d) => [d.number, d.id]));
    await addDocuments(postier, dossierIds, 9);
    const journal = await postier.documents.journal({
      structureId: structure,
      sort: 'dossierName',
      descending: false,
    });
    const order = [...new Set(journal.items.map((d) => d.dossierName))];
    expect(order).toEqual(page.items.map((d) => d.lastName));
  });
});
