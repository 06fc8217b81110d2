// CSV as Excel in French opens it with a double click: UTF-8 with a BOM (else accents break),
// `;` between fields (the French list separator), CRLF line ends. Shared by every CSV export.
import fs from 'node:fs';
import { once } from 'node:events';
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
  // Edge spaces by trim(), not /^\s|\s$/: that regular expression made a 300,000-row export
  // keep ~170 MB more in memory (V8, Node 20); trim() removes exactly what \s matches.
  const quoted = /[";\r\n]/.test(text) || text.trim() !== text;
  return quoted ? `"${text.replace(/"/g, '""')}"` : text;
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

/**
 * Writes the rows as they come, chunk by chunk (read from the database in short chunks, say),
 * through a temporary file renamed at the end: any number of rows without holding them all,
 * and a reader never sees half a CSV (a failure removes the temporary file and rethrows).
 * Returns how many rows were written, the header left out.
 */
export async function streamCsvFile(
  file: string,
  header: readonly CsvCell[],
  chunks: AsyncIterable<readonly (readonly CsvCell[])[]>,
): Promise<number> {
  const temporary = `${file}.${process.pid}.tmp`;
  let rows = 0;
  const out = fs.createWriteStream(temporary, { encoding: 'utf8' });
  const closed = once(out, 'close');
  // `once` rejects when the file cannot be opened (a missing folder). While the rows are read
  // from PostgreSQL (awaited I/O) that happens before anything awaits `closed`: an unhandled
  // rejection crashed the command. The error is kept below and thrown from the catch.
  closed.catch(() => undefined);
  try {
    // A failed write surfaces through the next `write`/`drain`; keep the error for the catch.
    let writeError: Error | null = null;
    out.on('error', (error) => (writeError = error));
    const write = async (text: string) => {
      if (writeError) throw writeError;
      if (!out.write(text)) await Promise.race([once(out, 'drain'), closed]);
      if (writeError) throw writeError;
    };
    await write(CSV_BOM + csvLine(header));
    for await (const chunk of chunks) {
      await write(chunk.map(csvLine).join(''));
      rows += chunk.length;
    }
    out.end();
    await closed;
    if (writeError) throw writeError;
    fs.renameSync(temporary, file);
    return rows;
  } catch (error) {
    // Rows that failed half-way (a bad date, a database error): the stream closed before the
    // file is removed, never left to fail later on its own.
    out.destroy();
    await closed.catch(() => undefined);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}
