// CSV and other delimited text: the delimiter is guessed from the first records, and every
// record keeps the line a text editor shows for it, even after quoted multi-line fields.
import { parse } from 'csv-parse/sync';
import { UserError } from '../../src-shared/errors.js';
import { CSV_DELIMITERS, type TableRow } from './import-types.js';

const SAMPLE_RECORDS = 20;

/**
 * The delimiter whose count per record is the most consistent over the first records
 * (quotes respected), preferring the one that splits the header into the most columns.
 */
export function detectDelimiter(text: string): string {
  const records = sampleRecords(text, SAMPLE_RECORDS);
  let best: { delimiter: string; score: number } = { delimiter: ';', score: -1 };
  for (const delimiter of CSV_DELIMITERS) {
    const counts = records.map((record) => countOutsideQuotes(record, delimiter));
    const header = counts[0] ?? 0;
    if (header === 0) continue;
    const consistent = counts.filter((count) => count === header).length / counts.length;
    // Consistency first; among equally consistent delimiters, more columns wins.
    const score = consistent * 1000 + Math.min(header, 999);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

export interface DelimitedRecords {
  /** Records in order, each with its starting line (1-based, as an editor shows it). */
  records: TableRow[];
}

export function parseDelimited(
  text: string,
  delimiter: string,
  fileLabel: string,
): DelimitedRecords {
  // One line-end convention, so that line counting and the parser agree; a line break
  // inside a quoted field becomes \n, which is what the field means anyway.
  const normalized = text.replace(/\r\n?/g, '\n');
  let parsed: { record: string[]; raw: string; info: { lines: number } }[];
  try {
    parsed = parse(normalized, {
      delimiter,
      record_delimiter: '\n',
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new UserError('import.error.csvSyntax', {
      file: fileLabel,
      line: line ?? '?',
      detail: (error as Error).message.replace(/ at line \d+.*$/s, ''),
    });
  }
  return {
    records: parsed.map(({ record, raw, info }) => ({
      // info.lines is the record's last line: go back over the line breaks inside it.
      line: info.lines - countNewlines(raw.replace(/^\n+/, '').replace(/\n$/, '')),
      cells: record,
    })),
  };
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The first records of the text, split on line breaks outside quotes. */
function sampleRecords(text: string, limit: number): string[] {
  const records: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < text.length && records.length < limit; i++) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if ((char === '\n' || char === '\r') && !inQuotes) {
      const record = text.slice(start, i);
      if (record.trim() !== '') records.push(record);
      start = i + 1;
    }
  }
  if (records.length < limit && start < text.length && text.slice(start).trim() !== '') {
    records.push(text.slice(start));
  }
  return records;
}

function countOutsideQuotes(record: string, delimiter: string): number {
  let count = 0;
  let inQuotes = false;
  for (const char of record) {
    if (char === '"') inQuotes = !inQuotes;
    else if (char === delimiter && !inQuotes) count++;
  }
  return count;
}
