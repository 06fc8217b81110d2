// Rows of a long list (100,000 documents) fetched page by page as they scroll into view:
// the list knows the total at once, shows placeholders, and asks only for missing pages.

/** A page's first and last rows as the main side names them (keyset paging), when it does. */
export interface PageCursors {
  first?: string;
  last?: string;
}

/** How to ask for a page: after its loaded predecessor, before its successor, else by offset. */
export interface PageRequest {
  offset: number;
  limit: number;
  after?: string;
  before?: string;
}

export class PagedRows<T> {
  private readonly pages = new Map<number, T[]>();
  private readonly requested = new Set<number>();
  private readonly cursors = new Map<number, PageCursors>();

  constructor(
    readonly pageSize: number,
    public total = 0,
  ) {}

  rowAt(index: number): T | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** Pages needed to show rows first..last that are neither loaded nor being loaded. */
  missingPages(first: number, last: number): number[] {
    if (this.total === 0 || last < first) return [];
    const from = Math.floor(Math.max(0, first) / this.pageSize);
    const to = Math.floor(Math.min(last, this.total - 1) / this.pageSize);
    const missing: number[] = [];
    for (let page = from; page <= to; page++) {
      if (!this.pages.has(page) && !this.requested.has(page)) missing.push(page);
    }
    return missing;
  }

  markRequested(page: number): void {
    this.requested.add(page);
  }

  store(page: number, rows: T[], total: number, cursors: PageCursors = {}): void {
    this.requested.delete(page);
    this.pages.set(page, rows);
    this.cursors.set(page, cursors);
    this.total = total;
  }

  /**
   * The request for `page`: scrolling on reads it from a neighbour's edge row (the main side
   * seeks that row in an index instead of counting rows up to the offset).
   */
  requestFor(page: number): PageRequest {
    const request = { offset: page * this.pageSize, limit: this.pageSize };
    const after = this.cursors.get(page - 1)?.last;
    if (after) return { ...request, after };
    const before = this.cursors.get(page + 1)?.first;
    return before ? { ...request, before } : request;
  }

  /** A failed page may be asked for again. */
  forget(page: number): void {
    this.requested.delete(page);
  }

  /** Replaces one loaded row (e.g. after a send changed its state) without reloading. */
  replace(predicate: (row: T) => boolean, next: T): void {
    for (const rows of this.pages.values()) {
      const index = rows.findIndex(predicate);
      if (index >= 0) rows[index] = next;
    }
  }

  /** The pages already loaded, to read them again in place. */
  loadedPages(): number[] {
    return [...this.pages.keys()].sort((a, b) => a - b);
  }

  loadedRows(): T[] {
    return [...this.pages.entries()].sort(([a], [b]) => a - b).flatMap(([, rows]) => rows);
  }
}
