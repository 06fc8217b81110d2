// A DataGrid over a list read page by page (usePagedList): its rows, its count, the pages to
// read as rows scroll into view, and "Chargement…" until the first page arrives.
import type { PagedList } from '../app/use-paged-list.js';
import { useApp } from '../app/app-context.js';
import { DataGrid, type DataGridProps } from './DataGrid.js';

export function PagedDataGrid<T>({
  list,
  emptyText,
  ...grid
}: Omit<DataGridProps<T>, 'rowCount' | 'row' | 'onRangeChange'> & {
  list: PagedList<T>;
  /** What an empty list says once loaded. */
  emptyText: string;
}) {
  const { t } = useApp();
  return (
    <DataGrid
      {...grid}
      rowCount={list.total}
      row={(index) => list.rows.rowAt(index)}
      onRangeChange={list.onRangeChange}
      emptyText={list.loading ? t('ui.common.loading') : emptyText}
    />
  );
}
