// Step 1 of every import: a CSV or Excel file read into a header and rows, with what was
// detected (encoding, delimiter, sheet) so that the user can see it and correct it.
import path from 'node:path';
import { UserError } from '../../src-shared/errors.js';
import { detectDelimiter, parseDelimited } from './delimited-text.js';
import type { LoadedTable, TableReadOptions, TableRow } from './import-types.js';
import { readSpreadsheet } from './spreadsheet.js';
import { readBoundedFile } from './table-limits.js';
import { decodeText } from './text-decoding.js';
import { checkWorkbook } from './workbook-check.js';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm']);

export async function loadTable(
  file: string,
  options: TableReadOptions = {},
): Promise<LoadedTable> {
  const absolute = path.resolve(file);
  const label = path.basename(absolute);
  const bytes = await readBoundedFile(absolute, label);
  // Longer blank files end up with no header below, which says the same.
  if (bytes.length < 4096 && (bytes.toString('utf8').trim() === '' || isBlankUtf16(bytes))) {
    throw new UserError('import.error.emptyFile', { file: label });
  }
  if (hasSignature(bytes, OLE_SIGNATURE)) {
    throw new UserError('import.error.oldExcelFormat', { file: label });
  }
  if (hasSignature(bytes, ZIP_SIGNATURE)) {
    await checkWorkbook(bytes, label);
    const sheet = await readSpreadsheet(bytes, label, options.sheet);
    return withHeader(label, sheet.records, {
      file: absolute,
      format: 'xlsx',
      encoding: null,
      encodingOverridden: false,
      delimiter: null,
      sheet: sheet.sheet,
      sheets: sheet.sheets,
    });
  }
  // A workbook that is not a zip would otherwise be read as text and end in "no data".
  if (WORKBOOK_EXTENSIONS.has(path.extname(label).toLowerCase())) {
    throw new UserError('import.error.notAWorkbook', { file: label });
  }
  const decoded = decodeText(bytes, options.encoding);
  const delimiter = options.delimiter ?? detectDelimiter(decoded.text);
  const { records } = parseDelimited(decoded.text, delimiter, label);
  return withHeader(label, records, {
    file: absolute,
    format: 'csv',
    encoding: decoded.encoding,
    encodingOverridden: decoded.overridden,
    delimiter,
    sheet: null,
    sheets: [],
  });
}

function withHeader(
  label: string,
  records: TableRow[],
  detected: Omit<LoadedTable, 'headers' | 'headerLine' | 'rows'>,
): LoadedTable {
  const [header, ...rest] = records;
  if (!header) throw new UserError('import.error.emptyFile', { file: label });
  const rows = rest.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (rows.length === 0) throw new UserError('import.error.noRows', { file: label });
  return { ...detected, headers: uniqueHeaders(header.cells), headerLine: header.line, rows };
}

/** Headers as the mapping names them: trimmed, never empty, never twice the same. */
function uniqueHeaders(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((cell, index) => {
    const base = cell.replace(/\s+/g, ' ').trim() || `Colonne ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

function hasSignature(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function isBlankUtf16(bytes: Buffer): boolean {
  return (
    bytes[0] === 0xff && bytes[1] === 0xfe && bytes.subarray(2).toString('utf16le').trim() === ''
  );
}
