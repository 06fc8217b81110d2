// A long list read page by page from the main side (paging in SQL) as rows scroll into view.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../../src-shared/domain/records.js';
import { api } from '../api.js';
import { PagedRows } from '../logic/paged-rows.js';

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

export function usePagedList<T>(
  fetchPage: (offset: number, limit: number) => Promise<Page<T>>,
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
    fetchRef
      .current(page * target.pageSize, target.pageSize)
      .then((result) => {
        if (current.current !== target) return; // the filters changed meanwhile
        target.store(page, result.items, result.total);
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
      fetchRef
        .current(page * target.pageSize, target.pageSize)
        .then((result) => {
          if (current.current !== target) return;
          target.store(page, result.items, result.total);
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
