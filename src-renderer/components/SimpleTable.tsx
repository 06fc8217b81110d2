// A short read-only table (a preview, the excluded dossiers, a message's journal): every row
// is drawn, unlike DataGrid, which is for long lists.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { Key, ReactNode } from 'react';

export interface TableColumn<T> {
  header: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  /** Amounts line up on the right, header included. */
  align?: 'end';
  /** Extra class for this column's cells, not its header (monospace, no wrapping…). */
  className?: string;
}

const useStyles = makeStyles({
  table: { width: '100%', borderCollapse: 'collapse', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'start',
    padding: '4px 6px',
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    top: 0,
  },
  td: {
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  end: { textAlign: 'end' },
  wide: { paddingLeft: '8px', paddingRight: '8px' },
});

export function SimpleTable<T>({
  columns,
  rows,
  rowKey,
  className,
  testId,
  wide = false,
}: {
  columns: TableColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  className?: string;
  testId?: string;
  /** More room between the columns, for a table that has its pane to itself. */
  wide?: boolean;
}) {
  const styles = useStyles();
  return (
    <table className={mergeClasses(styles.table, className)} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column, index) => (
            <th
              key={index}
              className={mergeClasses(styles.th, wide && styles.wide, column.align && styles.end)}
            >
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)}>
            {columns.map((column, c) => (
              <td
                key={c}
                className={mergeClasses(
                  styles.td,
                  wide && styles.wide,
                  column.align && styles.end,
                  column.className,
                )}
              >
                {column.cell(row, index)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
