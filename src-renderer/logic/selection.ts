// The selection of a Windows list: click selects one row, Ctrl+click adds or removes one,
// Shift+click selects the range from the anchor, arrows move with or without Shift/Ctrl.
// Rows are indexes of the list as shown; the list clears the selection when it reloads.

export interface Selection {
  readonly selected: ReadonlySet<number>;
  /** Where a Shift range starts. */
  readonly anchor: number | null;
  /** The row with the keyboard focus (the dotted outline). */
  readonly focus: number | null;
}

export interface Modifiers {
  ctrl?: boolean;
  shift?: boolean;
}

export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null, focus: null };

export function clickRow(state: Selection, index: number, modifiers: Modifiers = {}): Selection {
  if (modifiers.shift && state.anchor !== null) {
    const range = rangeOf(state.anchor, index);
    const selected = modifiers.ctrl ? new Set([...state.selected, ...range]) : new Set(range);
    return { selected, anchor: state.anchor, focus: index };
  }
  if (modifiers.ctrl) {
    const selected = new Set(state.selected);
    if (selected.has(index)) selected.delete(index);
    else selected.add(index);
    return { selected, anchor: index, focus: index };
  }
  return { selected: new Set([index]), anchor: index, focus: index };
}

/** A right-click keeps a multiple selection that contains the row, else selects the row. */
export function contextClickRow(state: Selection, index: number): Selection {
  return state.selected.has(index) ? { ...state, focus: index } : clickRow(state, index);
}

export type Move = 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end';

/** Arrow keys: plain moves the selection, Shift extends it from the anchor, Ctrl moves focus only. */
export function moveFocus(
  state: Selection,
  move: Move,
  rowCount: number,
  pageSize: number,
  modifiers: Modifiers = {},
): Selection {
  if (rowCount === 0) return state;
  const from = state.focus ?? -1;
  const target = clamp(
    {
      up: from - 1,
      down: from + 1,
      pageUp: from - pageSize,
      pageDown: from + pageSize,
      home: 0,
      end: rowCount - 1,
    }[move],
    0,
    rowCount - 1,
  );
  if (modifiers.ctrl && !modifiers.shift) return { ...state, focus: target };
  if (modifiers.shift)
    return clickRow(
      state.anchor === null ? { ...state, anchor: Math.max(from, 0) } : state,
      target,
      { shift: true },
    );
  return clickRow(state, target);
}

/** Ctrl+Space: toggles the focused row. */
export function toggleFocused(state: Selection): Selection {
  return state.focus === null ? state : clickRow(state, state.focus, { ctrl: true });
}

export function selectAll(rowCount: number, state: Selection = EMPTY_SELECTION): Selection {
  return {
    selected: new Set(Array.from({ length: rowCount }, (_, i) => i)),
    anchor: state.anchor ?? (rowCount > 0 ? 0 : null),
    focus: state.focus ?? (rowCount > 0 ? 0 : null),
  };
}

export function selectOnly(index: number): Selection {
  return { selected: new Set([index]), anchor: index, focus: index };
}

/** The selected rows in list order. */
export function selectedIndexes(state: Selection): number[] {
  return [...state.selected].sort((a, b) => a - b);
}

function rangeOf(a: number, b: number): number[] {
  const [from, to] = a <= b ? [a, b] : [b, a];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
