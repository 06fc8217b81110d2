// The line under a list: how many rows it holds and, past `selectedFrom`, how many are selected.
import { useApp } from '../app/app-context.js';
import { useScreenStyles } from './screen-styles.js';

export function RowCount({
  text,
  selected = 0,
  selectedFrom = 1,
}: {
  /** The count of rows, in the screen's own words. */
  text: string;
  selected?: number;
  selectedFrom?: number;
}) {
  const styles = useScreenStyles();
  const { t } = useApp();
  return (
    <div className={styles.count}>
      {text}
      {selected >= selectedFrom && ` — ${t('ui.common.selected', { count: selected })}`}
    </div>
  );
}
