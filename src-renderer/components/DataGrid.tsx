// A Windows list view for long lists: virtualized rows (only what is on screen exists),
// click / Ctrl+click / Shift+click selection, arrows with Shift and Ctrl, Enter or
// double-click to open, right-click or Shift+F10 for the context menu, optional check boxes.
import { Checkbox, mergeClasses } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular } from '@fluentui/react-icons';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import {
  clickRow,
  contextClickRow,
  moveFocus,
  toggleFocused,
  type Move,
  type Selection,
} from '../logic/selection.js';
import { columnFlex, columnsThatFit, narrowestWidth } from '../logic/grid-columns.js';
import { CHECK_WIDTH, useDataGridStyles } from './data-grid-styles.js';
import { useListRowStyles } from './list-row-styles.js';

export interface GridColumn<T> {
  id: string;
  header: ReactNode;
  /** The column's width when the list has room (the growing column takes more). */
  width: number;
  /**
   * How narrow it may get when the list has less room (its header must still fit): the
   * columns start at this and share the room there is in proportion to what each lacks, so
   * that every column stays in view without scrolling sideways. Without it, it keeps `width`.
   */
  minWidth?: number;
  /** Never shortened with "…" (a date, an amount): its narrowest width shows it whole. */
  whole?: boolean;
  /**
   * Left out when the list is too narrow for every column at its narrowest, so that the
   * others stay whole; only for what is said elsewhere too (the details, the preview).
   */
  optional?: boolean;
  /** Takes the width left over (one column, usually the name). */
  grow?: boolean;
  align?: 'start' | 'end' | 'center';
  sortKey?: string;
  cell: (row: T, index: number) => ReactNode;
  /** Text shown when the mouse rests on the cell. */
  title?: (row: T) => string | undefined;
}

export interface GridHandle {
  focus(): void;
  scrollToIndex(index: number): void;
}

export interface DataGridProps<T> {
  label: string;
  columns: GridColumn<T>[];
  rowCount: number;
  row: (index: number) => T | undefined;
  selection: Selection;
  onSelectionChange: (selection: Selection) => void;
  onOpen?: (index: number) => void;
  onContextMenu?: (index: number, point: { x: number; y: number }) => void;
  /** Rows first..last are on screen (to load their page). */
  onRangeChange?: (first: number, last: number) => void;
  checkbox?: {
    isChecked: (index: number) => boolean;
    onToggle: (index: number) => void;
    allChecked: boolean | 'mixed';
    onToggleAll: () => void;
    label: string;
  };
  sort?: { key: string; descending: boolean };
  onSort?: (key: string) => void;
  emptyText?: string;
  rowHeight?: number;
  rowClassName?: (row: T) => string | undefined;
  handleRef?: Ref<GridHandle>;
  testId?: string;
}

export function DataGrid<T>(props: DataGridProps<T>) {
  const styles = useDataGridStyles();
  const rowStyles = useListRowStyles();
  const rowHeight = props.rowHeight ?? 26;
  const scrollerRef = useRef<HTMLDivElement>(null);
  /** Each row's check box is named after its row: the name column (the one that grows). */
  const nameColumn = props.columns.find((c) => c.grow) ?? props.columns[0];
  const checkLabel = (label: string, row: T | undefined, index: number) => {
    const name = row === undefined ? undefined : nameColumn?.cell(row, index);
    return typeof name === 'string' || typeof name === 'number' ? `${label} — ${name}` : label;
  };
  const headerRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: props.rowCount,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const { onRangeChange } = props;
  useEffect(() => {
    onRangeChange?.(first, last);
  }, [first, last, props.rowCount, onRangeChange]);

  useImperativeHandle(
    props.handleRef,
    () => ({
      focus: () => scrollerRef.current?.focus(),
      scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    }),
    [virtualizer],
  );

  // The header lays its columns out in the rows' width: the rows' box loses the vertical
  // scrollbar's width, so the header leaves the same gutter on its right.
  const [room, setRoom] = useState({ gutter: 0, width: 0 });
  useEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return undefined;
    const measure = () =>
      setRoom({ gutter: scroller.offsetWidth - scroller.clientWidth, width: scroller.clientWidth });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    if (scroller.firstElementChild) observer.observe(scroller.firstElementChild);
    return () => observer.disconnect();
  }, []);
  const columns = columnsThatFit(props.columns, room.width, props.checkbox ? CHECK_WIDTH : 0);
  // Below the sum of the narrowest widths, and only then, the list scrolls sideways.
  const fixedWidth = narrowestWidth(columns, props.checkbox ? CHECK_WIDTH : 0);

  const select = useCallback(
    (next: Selection) => {
      props.onSelectionChange(next);
      if (next.focus !== null) virtualizer.scrollToIndex(next.focus, { align: 'auto' });
    },
    [props, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const moves: Record<string, Move> = {
      ArrowUp: 'up',
      ArrowDown: 'down',
      PageUp: 'pageUp',
      PageDown: 'pageDown',
      Home: 'home',
      End: 'end',
    };
    const move = moves[event.key];
    const modifiers = { ctrl: event.ctrlKey || event.metaKey, shift: event.shiftKey };
    const pageSize = Math.max(
      1,
      Math.floor((scrollerRef.current?.clientHeight ?? 300) / rowHeight) - 1,
    );
    if (move) {
      event.preventDefault();
      select(moveFocus(props.selection, move, props.rowCount, pageSize, modifiers));
    } else if (event.key === 'Enter' && props.selection.focus !== null) {
      event.preventDefault();
      props.onOpen?.(props.selection.focus);
    } else if (event.key === ' ' && props.selection.focus !== null) {
      event.preventDefault();
      if (props.checkbox && !modifiers.ctrl) props.checkbox.onToggle(props.selection.focus);
      else select(toggleFocused(props.selection));
    } else if ((event.key === 'F10' && event.shiftKey) || event.key === 'ContextMenu') {
      const focus = props.selection.focus;
      if (focus === null || !props.onContextMenu) return;
      event.preventDefault();
      const rowElement = scrollerRef.current?.querySelector<HTMLElement>(`[data-index="${focus}"]`);
      const box =
        rowElement?.getBoundingClientRect() ?? scrollerRef.current?.getBoundingClientRect();
      props.onContextMenu(focus, { x: (box?.left ?? 0) + 40, y: (box?.bottom ?? 0) - 4 });
    }
  };

  const onRowMouseDown = (event: MouseEvent, index: number) => {
    if (event.button !== 0) return;
    if (event.shiftKey) event.preventDefault(); // no text selection on Shift+click
    props.onSelectionChange(
      clickRow(props.selection, index, {
        ctrl: event.ctrlKey || event.metaKey,
        shift: event.shiftKey,
      }),
    );
    scrollerRef.current?.focus({ preventScroll: true });
  };

  const onRowContextMenu = (event: MouseEvent, index: number) => {
    if (!props.onContextMenu) return;
    event.preventDefault();
    props.onSelectionChange(contextClickRow(props.selection, index));
    scrollerRef.current?.focus({ preventScroll: true });
    props.onContextMenu(index, { x: event.clientX, y: event.clientY });
  };

  return (
    <div
      className={styles.root}
      role="grid"
      aria-label={props.label}
      aria-rowcount={props.rowCount + 1}
      aria-multiselectable
      data-testid={props.testId}
    >
      <div
        className={styles.headerClip}
        ref={headerRef}
        style={{ paddingRight: `${room.gutter}px` }}
      >
        <div
          className={styles.header}
          role="row"
          aria-rowindex={1}
          style={{ minWidth: `${fixedWidth}px` }}
        >
          {props.checkbox && (
            <div className={styles.checkCell} role="columnheader">
              <Checkbox
                size="medium"
                aria-label={props.checkbox.label}
                checked={props.checkbox.allChecked}
                onChange={() => props.checkbox?.onToggleAll()}
              />
            </div>
          )}
          {columns.map((column) => {
            const sorted = props.sort && column.sortKey === props.sort.key;
            return (
              <div
                key={column.id}
                role="columnheader"
                aria-sort={
                  sorted ? (props.sort?.descending ? 'descending' : 'ascending') : undefined
                }
                className={mergeClasses(
                  styles.headerCell,
                  column.align === 'end' && styles.end,
                  column.align === 'center' && styles.center,
                  column.sortKey && props.onSort && styles.sortable,
                )}
                style={columnFlex(column)}
                onClick={
                  column.sortKey && props.onSort ? () => props.onSort?.(column.sortKey!) : undefined
                }
              >
                {column.header}
                {sorted && (props.sort?.descending ? <ArrowDownRegular /> : <ArrowUpRegular />)}
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scrollerRef}
        className={styles.scroller}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          const header = headerRef.current?.firstElementChild as HTMLElement | null;
          if (header) header.style.transform = `translateX(${-event.currentTarget.scrollLeft}px)`;
        }}
      >
        <div
          style={{
            height: `${virtualizer.getTotalSize()}px`,
            position: 'relative',
            minWidth: `${fixedWidth}px`,
          }}
        >
          {items.map((item) => {
            const row = props.row(item.index);
            const selected = props.selection.selected.has(item.index);
            return (
              <div
                key={item.key}
                data-index={item.index}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={mergeClasses(
                  styles.row,
                  selected && rowStyles.selected,
                  props.selection.focus === item.index && rowStyles.focused,
                  row === undefined && styles.placeholder,
                  row !== undefined && props.rowClassName?.(row),
                )}
                style={{
                  top: 0,
                  transform: `translateY(${item.start}px)`,
                  height: `${rowHeight}px`,
                  width: '100%',
                  minWidth: `${fixedWidth}px`,
                }}
                onMouseDown={(event) => onRowMouseDown(event, item.index)}
                onDoubleClick={() => props.onOpen?.(item.index)}
                onContextMenu={(event) => onRowContextMenu(event, item.index)}
              >
                {props.checkbox && (
                  <div
                    className={styles.checkCell}
                    role="gridcell"
                    onMouseDown={(e) => e.stopPropagation()}
                    onDoubleClick={(e) => e.stopPropagation()}
                  >
                    <Checkbox
                      aria-label={checkLabel(props.checkbox.label, row, item.index)}
                      checked={props.checkbox.isChecked(item.index)}
                      onChange={() => props.checkbox?.onToggle(item.index)}
                      tabIndex={-1}
                    />
                  </div>
                )}
                {columns.map((column) => (
                  <div
                    key={column.id}
                    role="gridcell"
                    className={mergeClasses(
                      styles.cell,
                      column.align === 'end' && styles.end,
                      column.align === 'center' && styles.center,
                    )}
                    style={columnFlex(column)}
                    title={row ? titleOf(column, row, item.index) : undefined}
                  >
                    {row === undefined
                      ? '…'
                      : column.whole
                        ? column.cell(row, item.index)
                        : cellContent(column.cell(row, item.index), styles)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {props.rowCount === 0 && props.emptyText && (
          <div className={styles.empty}>{props.emptyText}</div>
        )}
      </div>
    </div>
  );
}

/** The text a cell shows when the mouse rests on it: its own, or its whole text (cut by "…"). */
function titleOf<T>(column: GridColumn<T>, row: T, index: number): string | undefined {
  if (column.title) return column.title(row);
  const content = column.cell(row, index);
  return typeof content === 'string' && content !== '' ? content : undefined;
}

/** A text ends in "…" when its column is narrower than it (a flex box cannot do it itself). */
function cellContent(content: ReactNode, styles: { text: string }): ReactNode {
  return typeof content === 'string' || typeof content === 'number' ? (
    <span className={styles.text}>{content}</span>
  ) : (
    content
  );
}
