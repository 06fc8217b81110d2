// Rows the file itself contradicts: the same number on two lines.
import type { RowProblem } from './import-types.js';

/**
 * Rows sharing a key are all left out, each naming the other lines: the file does not say
 * which one is right, so neither is imported.
 */
export function rejectDuplicates<T extends { line: number }>(
  rows: T[],
  keyOf: (row: T) => string,
  labelOf: (row: T) => string = keyOf,
): { kept: T[]; duplicates: RowProblem[] } {
  const linesByKey = new Map<string, number[]>();
  for (const row of rows) {
    const key = keyOf(row);
    linesByKey.set(key, [...(linesByKey.get(key) ?? []), row.line]);
  }
  const kept: T[] = [];
  const duplicates: RowProblem[] = [];
  for (const row of rows) {
    const lines = linesByKey.get(keyOf(row))!;
    if (lines.length === 1) {
      kept.push(row);
      continue;
    }
    duplicates.push({
      line: row.line,
      code: 'import.reason.duplicateInFile',
      params: {
        number: labelOf(row),
        lines: lines.filter((line) => line !== row.line).join(', '),
      },
    });
  }
  return { kept, duplicates };
}
