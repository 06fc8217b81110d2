// An .xlsx file checked before exceljs opens it. exceljs inflates every part of the zip in
// memory, then builds an object per cell: a 4 MB zip whose sheet inflates to gigabytes took
// 1.6 GB of memory. Here the zip's central directory is read (declared sizes), then every
// part is inflated as a stream and only counted (a zip may lie about its sizes), counting the
// sheets' rows and cells on the way; nothing is kept but the counts.
import { createInflateRaw } from 'node:zlib';
import { UserError } from '../../src-shared/errors.js';
import { megabytes } from '../pdf/pdf-limits.js';
import { damaged, readZipDirectory, type ZipEntry } from './zip-directory.js';

export interface WorkbookLimits {
  /** All the parts of the zip, inflated. */
  unpackedBytes: number;
  rows: number;
  cells: number;
}

/** About 20 times what a 100,000-row client list with a dozen columns needs. */
export const WORKBOOK_LIMITS: WorkbookLimits = {
  unpackedBytes: 100 * 1024 * 1024,
  rows: 200_000,
  cells: 2_000_000,
};

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
// A row or cell start tag, with or without a namespace prefix (<x:c r="A1">).
const ROW_TAG = /<(?:\w+:)?row[\s/>]/g;
const CELL_TAG = /<(?:\w+:)?c[\s/>]/g;
/** Enough of the previous chunk to catch a tag cut in two. */
const TAG_OVERLAP = 16;

export async function checkWorkbook(
  bytes: Buffer,
  label: string,
  limits: WorkbookLimits = WORKBOOK_LIMITS,
): Promise<void> {
  const entries = readZipDirectory(bytes, label);
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.unpackedBytes) throw tooLarge(label, declared, limits);
  const counts = { bytes: 0, rows: 0, cells: 0 };
  for (const entry of entries) {
    await inflateCounting(bytes, entry, label, (chunk, tail) => {
      counts.bytes += chunk.length;
      if (counts.bytes > limits.unpackedBytes) throw tooLarge(label, counts.bytes, limits);
      if (!SHEET_PART.test(entry.name)) return;
      // The tail is the previous chunk's end: a tag it holds whole was counted already.
      const text = tail + chunk.toString('latin1');
      counts.rows += countFrom(text, ROW_TAG, tail.length);
      counts.cells += countFrom(text, CELL_TAG, tail.length);
      if (counts.rows > limits.rows)
        throw tooMany('import.error.workbookTooManyRows', label, counts.rows, limits.rows);
      if (counts.cells > limits.cells)
        throw tooMany('import.error.workbookTooManyCells', label, counts.cells, limits.cells);
      return text.slice(-TAG_OVERLAP);
    });
  }
}

/** Tag matches ending after `from` (those ending before were in the previous chunk). */
function countFrom(text: string, tag: RegExp, from: number): number {
  let count = 0;
  for (const match of text.matchAll(tag)) {
    if (match.index + match[0].length > from) count++;
  }
  return count;
}

type ChunkReader = (chunk: Buffer, tail: string) => string | void;

/** Inflates one part chunk by chunk, handing each to `read`; a throw in `read` stops it. */
function inflateCounting(
  bytes: Buffer,
  entry: ZipEntry,
  label: string,
  read: ChunkReader,
): Promise<void> {
  const data = bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  let tail = '';
  if (entry.method === 0) {
    tail = read(data, tail) ?? '';
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      try {
        tail = read(chunk, tail) ?? '';
      } catch (error) {
        inflate.destroy();
        reject(error);
      }
    });
    inflate.on('error', () => reject(damaged(label)));
    inflate.on('end', resolve);
    inflate.end(data);
  });
}

function tooLarge(label: string, size: number, limits: WorkbookLimits): UserError {
  return new UserError(
    'import.error.workbookTooLarge',
    { file: label, size: megabytes(size), limit: megabytes(limits.unpackedBytes) },
    `${label}: unpacks to over ${megabytes(limits.unpackedBytes)} MB`,
  );
}

function tooMany(
  code: 'import.error.workbookTooManyRows' | 'import.error.workbookTooManyCells',
  label: string,
  count: number,
  limit: number,
): UserError {
  return new UserError(code, { file: label, count, limit }, `${label}: over ${limit}`);
}
