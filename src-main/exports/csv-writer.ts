// CSV as Excel in French opens it with a double click: UTF-8 with a BOM (else accents break),
// `;` between fields (the French list separator), CRLF line ends. Shared by every CSV export.
import { writeFileAtomic } from '../data-folder/atomic-write.js';

export const CSV_BOM = '\ufeff';
export const CSV_DELIMITER = ';';
export const CSV_LINE_END = '\r\n';

export type CsvCell = string | number | null | undefined;

/** A text cell Excel would run as a formula (=, +, -, @ first): CSV injection. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Numbers such as -12,50 or +3 are data, not formulas: left as they are. */
const NUMERIC = /^[-+]?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?$/;

/** One field, quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // French Excel reads 1234,56 as a number and 1234.56 as text.
  let text = typeof cell === 'number' ? String(cell).replace('.', ',') : cell;
  if (
    typeof cell === 'string' &&
    text.length > 1 &&
    FORMULA_START.test(text) &&
    !NUMERIC.test(text)
  ) {
    text = `'${text}`;
  }
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(CSV_DELIMITER) + CSV_LINE_END;
}

/** The whole file's text, BOM first. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map(csvLine).join('');
}

/** Writes through a temporary file: a reader never sees half a CSV. */
export function writeCsvFile(file: string, rows: readonly (readonly CsvCell[])[]): void {
  writeFileAtomic(file, Buffer.from(toCsv(rows), 'utf8'));
}
