// The journal's rows in the window: a page is asked for after its loaded predecessor's last row
// or before its successor's first row (keyset), by offset only when no neighbour is loaded.
import { describe, expect, it } from 'vitest';
import { PagedRows } from '../../src-renderer/logic/paged-rows.js';

const rowsOf = (page: number) => Array.from({ length: 50 }, (_, i) => `r${page * 50 + i}`);

describe('paged rows by keyset', () => {
  it('asks for a page after the page above it, before the page below it, else at its offset', () => {
    const rows = new PagedRows<string>(50, 1000);
    expect(rows.requestFor(0)).toEqual({ offset: 0, limit: 50 });
    rows.store(0, rowsOf(0), 1000, { first: 'c0-first', last: 'c0-last' });
    // Scrolling down: the next page follows the last row seen.
    expect(rows.requestFor(1)).toEqual({ offset: 50, limit: 50, after: 'c0-last' });
    // A jump to the middle has no neighbour: by offset.
    expect(rows.requestFor(10)).toEqual({ offset: 500, limit: 50 });
    rows.store(10, rowsOf(10), 1000, { first: 'c10-first', last: 'c10-last' });
    // Scrolling up from there: the page above ends just before its first row.
    expect(rows.requestFor(9)).toEqual({ offset: 450, limit: 50, before: 'c10-first' });
    // Between two loaded pages the one above decides.
    rows.store(8, rowsOf(8), 1000, { first: 'c8-first', last: 'c8-last' });
    expect(rows.requestFor(9)).toEqual({ offset: 450, limit: 50, after: 'c8-last' });
  });

  it('pages read by offset (lists without cursors) keep asking by offset', () => {
    const rows = new PagedRows<string>(50, 1000);
    rows.store(0, rowsOf(0), 1000);
    expect(rows.requestFor(1)).toEqual({ offset: 50, limit: 50 });
    expect(rows.loadedRows()).toHaveLength(50);
  });
});
