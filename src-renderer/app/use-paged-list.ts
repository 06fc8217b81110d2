// A long list read page by page from the main side (paging in SQL) as rows scroll into view.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../src-shared/domain/records.js';
import { api } from '../api.js';
import { PagedRows, type PageCursors } from '../logic/paged-rows.js';

export interface PagedList<T> {
  rows: PagedRows<T>;
  total: number;
  loading: boolean;
  /** Give to DataGrid.onRangeChange. */
  onRangeChange: (first: number, last: number) => void;
  reload: () => void;
  /**
   * Reads the loaded pages again in place (statuses changed elsewhere): the rows keep their
   * places, so the user's selection stays.
   */
  refresh: () => void;
  /** Changes whenever rows arrive, so that the grid re-renders. */
  revision: number;
}

/** A page, with the cursors of its edge rows when the list pages by keyset (the journal). */
export type KeysetPage<T> = Page<T> & PageCursors;

/**
 * `fetchPage` gets the page's offset and size, and the neighbour's cursor when one is loaded
 * (`keyset`); a list that ignores it pages by offset.
 */
export function usePagedList<T>(
  fetchPage: (
    offset: number,
    limit: number,
    keyset: { after?: string; before?: string },
  ) => Promise<KeysetPage<T>>,
  key: string,
  onError: (error: unknown) => void,
  pageSize = 200,
): PagedList<T> {
  const [rows, setRows] = useState(() => new PagedRows<T>(pageSize));
  const [revision, setRevision] = useState(0);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const current = useRef(rows);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const errorRef = useRef(onError);
  errorRef.current = onError;

  const load = useCallback((target: PagedRows<T>, page: number) => {
    target.markRequested(page);
    fetchFor(fetchRef.current, target, page)
      .then((result) => {
        if (current.current !== target) return; // the filters changed meanwhile
        target.store(page, result.items, result.total, result);
        setLoading(false);
        setRevision((r) => r + 1);
      })
      .catch((error: unknown) => {
        target.forget(page);
        if (current.current === target) {
          setLoading(false);
          errorRef.current(error);
        }
      });
  }, []);

  useEffect(() => {
    const fresh = new PagedRows<T>(pageSize);
    current.current = fresh;
    setRows(fresh);
    setLoading(true);
    load(fresh, 0);
  }, [key, reloads, pageSize, load]);

  const onRangeChange = useCallback(
    (first: number, last: number) => {
      const target = current.current;
      for (const page of target.missingPages(first, last)) load(target, page);
    },
    [load],
  );

  const refresh = useCallback(() => {
    const target = current.current;
    for (const page of target.loadedPages()) {
      fetchFor(fetchRef.current, target, page)
        .then((result) => {
          if (current.current !== target) return;
          target.store(page, result.items, result.total, result);
          setRevision((r) => r + 1);
        })
        .catch(() => undefined); // the next refresh or a reload tries again
    }
  }, []);

  return {
    rows,
    total: rows.total,
    refresh,
    loading,
    onRangeChange,
    reload: useCallback(() => setReloads((n) => n + 1), []),
    revision,
  };
}

function fetchFor<T>(
  fetchPage: Parameters<typeof usePagedList<T>>[0],
  target: PagedRows<T>,
  page: number,
): Promise<KeysetPage<T>> {
  const { offset, limit, ...keyset } = target.requestFor(page);
  return fetchPage(offset, limit, keyset);
}

/** Calls `update` after sending progress or outbox changes, at most every two seconds. */
export function useThrottledEvents(update: () => void): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      timer ??= setTimeout(() => {
        timer = null;
        update();
      }, 2000);
    };
    const stops = [
      api.on('outbox.changed', later),
      api.on('sending.progress', later),
      api.on('sending.finished', later),
    ];
    return () => {
      stops.forEach((stop) => stop());
      if (timer) clearTimeout(timer);
    };
  }, [update]);
}
