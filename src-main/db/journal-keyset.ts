// The journal's sort keys as keyset paging sees them: the columns of each order (always ending
// with the document id, so that every row has one place), the comparison that starts a page
// after or before a row, and the cursor naming that row.
import { sql, type RawBuilder } from 'kysely';
import type { JournalSortKey } from '../../src-shared/domain/documents.js';

export interface JournalOrder {
  key: JournalSortKey;
  /** The order's expressions, most significant first, the document id last. */
  columns: RawBuilder<unknown>[];
  /** Sorting by name walks the dossiers in name order, then each dossier's documents. */
  byDossier: boolean;
  /** The covering index that serves this order (documents_by_…). */
  index: string;
}

const DOCUMENT_ORDERS: Record<Exclude<JournalSortKey, 'dossierName'>, [string, string]> = {
  issueDate: ['d.issue_date', 'documents_by_issue_date'],
  amount: ['d.amount_cents', 'documents_by_amount'],
  number: ['d.number', 'documents_by_number'],
  period: ['d.period', 'documents_by_period'],
  // The index's expression exactly: never sent sorts as '' and keeps its place in a keyset.
  lastSentAt: ["coalesce(d.last_sent_at, '')", 'documents_by_last_sent'],
};

export function journalOrder(key: JournalSortKey = 'issueDate'): JournalOrder {
  if (key === 'dossierName') {
    return {
      key,
      columns: [sql.raw('p.sort_name'), sql.raw('p.id'), sql.raw('d.id')],
      byDossier: true,
      index: 'dossiers_by_name',
    };
  }
  const [expression, index] = DOCUMENT_ORDERS[key];
  return { key, columns: [sql.raw(expression), sql.raw('d.id')], byDossier: false, index };
}

/** A row's place in an order: the values of the order's columns. */
export type KeyValues = (string | number)[];

/** What the page hands back: opaque to the window, which returns it to ask for a neighbour. */
export function encodeCursor(key: JournalSortKey, values: KeyValues): string {
  return JSON.stringify([key, ...values]);
}

/** The values of a cursor made for this order; null when it is not one (then paging by offset). */
export function decodeCursor(order: JournalOrder, cursor: string | undefined): KeyValues | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(cursor);
    if (!Array.isArray(parsed) || parsed[0] !== order.key) return null;
    const values = parsed.slice(1) as unknown[];
    if (values.length !== order.columns.length) return null;
    if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) return null;
    return values as KeyValues;
  } catch {
    return null;
  }
}

/**
 * Rows strictly past `values` in this direction: (a, b) < (x, y) written as
 * a <= x and (a < x or b < y), so that the first column bounds an index range (row values
 * on an expression do not, in SQLite).
 */
export function pastKey(
  columns: RawBuilder<unknown>[],
  values: KeyValues,
  descending: boolean,
): RawBuilder<boolean> {
  const [column, ...rest] = columns;
  const [value, ...restValues] = values;
  const strict = descending ? sql`<` : sql`>`;
  if (rest.length === 0) return sql<boolean>`${column} ${strict} ${value}`;
  const loose = descending ? sql`<=` : sql`>=`;
  return sql<boolean>`(${column} ${loose} ${value} and (${column} ${strict} ${value} or ${pastKey(rest, restValues, descending)}))`;
}
