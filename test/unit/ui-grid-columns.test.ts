// How a list's columns share its width: every column in view at 1024 px, none scrolled away.
import { describe, expect, it } from 'vitest';
import {
  columnFlex,
  columnsThatFit,
  narrowestWidth,
  type ColumnWidth,
} from '../../src-renderer/logic/grid-columns.js';

// Suivi des envois' columns, as outbox-columns.tsx gives them.
const outbox: (ColumnWidth & { id: string })[] = [
  { id: 'status', width: 62, minWidth: 58 },
  { id: 'dossier', width: 76, minWidth: 66 },
  { id: 'name', width: 200, minWidth: 110, grow: true },
  { id: 'document', width: 112, minWidth: 108 },
  { id: 'to', width: 200, minWidth: 104 },
  { id: 'created', width: 136, optional: true },
  { id: 'sent', width: 136 },
  { id: 'user', width: 100, minWidth: 84, optional: true },
  { id: 'workstation', width: 110, minWidth: 96, optional: true },
  { id: 'observations', width: 220, minWidth: 104 },
];
const ids = (columns: readonly { id: string }[]) => columns.map((c) => c.id);

describe('grid columns', () => {
  it('keeps every column where their narrowest widths fit (1366 px)', () => {
    expect(narrowestWidth(outbox)).toBe(1002);
    expect(columnsThatFit(outbox, 1088)).toHaveLength(10);
  });

  it('leaves out only the optional ones on a narrower list (1024 px), the rest fitting', () => {
    const shown = columnsThatFit(outbox, 752);
    expect(ids(shown)).toEqual([
      'status',
      'dossier',
      'name',
      'document',
      'to',
      'sent',
      'observations',
    ]);
    expect(narrowestWidth(shown)).toBeLessThanOrEqual(752);
  });

  it('counts the check boxes, and shows all columns until the list is measured', () => {
    expect(narrowestWidth(outbox, 34)).toBe(1036);
    expect(columnsThatFit(outbox, 1020, 34)).toHaveLength(7);
    expect(columnsThatFit(outbox, 0)).toHaveLength(10);
  });

  it('grows each column from its narrowest width to its full one; the name grows on', () => {
    expect(columnFlex({ width: 200, minWidth: 104 })).toEqual({
      flex: '96 0 104px',
      maxWidth: '200px',
    });
    expect(columnFlex({ width: 136 })).toEqual({ flex: '0 0 136px', maxWidth: '136px' });
    expect(columnFlex({ width: 200, minWidth: 110, grow: true })).toEqual({ flex: '90 0 110px' });
    expect(columnFlex({ width: 30, grow: true })).toEqual({ flex: '1 0 30px' });
  });
});
