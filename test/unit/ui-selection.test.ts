// The Windows list selection: what Ctrl, Shift and the arrows do, as users expect from Explorer.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  clickRow,
  contextClickRow,
  moveFocus,
  selectAll,
  selectedIndexes,
  toggleFocused,
} from '../../src-renderer/logic/selection.js';

describe('list selection', () => {
  it('click selects one row; Ctrl+click adds and removes; Shift+click selects the range from the anchor', () => {
    let s = clickRow(EMPTY_SELECTION, 3);
    expect(selectedIndexes(s)).toEqual([3]);
    s = clickRow(s, 7, { ctrl: true });
    expect(selectedIndexes(s)).toEqual([3, 7]);
    s = clickRow(s, 3, { ctrl: true });
    expect(selectedIndexes(s)).toEqual([7]);
    // As in Explorer, the last Ctrl+clicked row is the anchor, even when it was unselected.
    s = clickRow(s, 5, { shift: true });
    expect(selectedIndexes(s)).toEqual([3, 4, 5]);
    s = clickRow(clickRow(s, 7), 4, { shift: true });
    expect(selectedIndexes(s)).toEqual([4, 5, 6, 7]);
    s = clickRow(s, 9, { shift: true });
    expect(selectedIndexes(s)).toEqual([7, 8, 9]);
    expect(s.anchor).toBe(7);
  });

  it('Ctrl+Shift+click adds a range to what is selected', () => {
    let s = clickRow(EMPTY_SELECTION, 1);
    s = clickRow(s, 5, { ctrl: true });
    s = clickRow(s, 7, { ctrl: true, shift: true });
    expect(selectedIndexes(s)).toEqual([1, 5, 6, 7]);
  });

  it('a plain click after a multiple selection keeps only that row', () => {
    const s = clickRow(selectAll(10), 4);
    expect(selectedIndexes(s)).toEqual([4]);
  });

  it('right-click keeps a selection that contains the row, else selects the row', () => {
    const many = clickRow(clickRow(EMPTY_SELECTION, 2), 5, { shift: true });
    expect(selectedIndexes(contextClickRow(many, 4))).toEqual([2, 3, 4, 5]);
    expect(selectedIndexes(contextClickRow(many, 9))).toEqual([9]);
  });

  it('arrows move the selection, Shift+arrows extend it, Ctrl+arrows move only the focus', () => {
    let s = clickRow(EMPTY_SELECTION, 2);
    s = moveFocus(s, 'down', 10, 5);
    expect(selectedIndexes(s)).toEqual([3]);
    s = moveFocus(s, 'down', 10, 5, { shift: true });
    s = moveFocus(s, 'down', 10, 5, { shift: true });
    expect(selectedIndexes(s)).toEqual([3, 4, 5]);
    s = moveFocus(s, 'down', 10, 5, { ctrl: true });
    expect(s.focus).toBe(6);
    expect(selectedIndexes(s)).toEqual([3, 4, 5]);
    s = toggleFocused(s);
    expect(selectedIndexes(s)).toEqual([3, 4, 5, 6]);
  });

  it('Home, End and Page keys stay inside the list', () => {
    let s = moveFocus(EMPTY_SELECTION, 'down', 3, 10);
    expect(selectedIndexes(s)).toEqual([0]);
    s = moveFocus(s, 'pageDown', 3, 10);
    expect(s.focus).toBe(2);
    s = moveFocus(s, 'end', 3, 10);
    expect(s.focus).toBe(2);
    s = moveFocus(s, 'home', 3, 10, { shift: true });
    expect(selectedIndexes(s)).toEqual([0, 1, 2]);
    expect(moveFocus(EMPTY_SELECTION, 'down', 0, 10)).toBe(EMPTY_SELECTION);
  });
});
