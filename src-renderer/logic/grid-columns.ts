// How a list's columns share its width (DataGrid): each starts at its narrowest width and
// takes a share of the room left in proportion to what it lacks of its full width; the
// growing column (the name) takes what is left beyond. When even the narrowest widths do
// not fit, the columns marked optional (said elsewhere too) are left out. Pure, so tested.

export interface ColumnWidth {
  width: number;
  minWidth?: number;
  grow?: boolean;
  optional?: boolean;
}

/** The width under which the list would scroll sideways (`extra`: the check boxes). */
export function narrowestWidth(columns: readonly ColumnWidth[], extra = 0): number {
  return columns.reduce((sum, c) => sum + (c.minWidth ?? c.width), extra);
}

/** The columns shown in `room` px (0: not measured yet, all of them). */
export function columnsThatFit<C extends ColumnWidth>(
  columns: readonly C[],
  room: number,
  extra = 0,
): readonly C[] {
  return room > 0 && room < narrowestWidth(columns, extra)
    ? columns.filter((c) => !c.optional)
    : columns;
}

/** The column's flex box: from its narrowest width up to its full one (no limit if it grows). */
export function columnFlex(column: ColumnWidth): { flex: string; maxWidth?: string } {
  const min = column.minWidth ?? column.width;
  const lacking = column.width - min;
  return column.grow
    ? { flex: `${Math.max(1, lacking)} 0 ${min}px` }
    : { flex: `${lacking} 0 ${min}px`, maxWidth: `${column.width}px` };
}
