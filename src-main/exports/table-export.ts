// A list written as a file the office opens in Excel: CSV (French conventions, see
// csv-writer.ts) or .xlsx with typed cells (dates as dates, amounts as numbers with two
// decimals), chosen by the file's extension.
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { UserError } from '../../src-shared/errors.js';
import { writeFileAtomic } from '../data-folder/atomic-write.js';
import { writeCsvFile, type CsvCell } from './csv-writer.js';

/** date: YYYY-MM-DD; datetime: an ISO timestamp (UTC), shown in this workstation's time. */
export type ExportCellType = 'text' | 'integer' | 'amount' | 'date' | 'datetime';

export interface ExportColumn<T> {
  header: string;
  type: ExportCellType;
  /** Text for text; a number for integer and amount (in currency units); ISO text for dates. */
  value: (row: T) => string | number | null;
  /** Characters, for .xlsx. */
  width?: number;
}

export type ExportFormat = 'csv' | 'xlsx';

function exportFormatOf(file: string): ExportFormat {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.xlsx') return 'xlsx';
  throw new UserError('export.error.format', { file: path.basename(file) });
}

export async function writeTableFile<T>(
  file: string,
  sheetName: string,
  columns: ExportColumn<T>[],
  rows: T[],
): Promise<void> {
  if (exportFormatOf(file) === 'csv') writeCsvTable(file, columns, rows);
  else await writeXlsxTable(file, sheetName, columns, rows);
}

function writeCsvTable<T>(file: string, columns: ExportColumn<T>[], rows: T[]): void {
  const lines: CsvCell[][] = [columns.map((c) => c.header)];
  for (const row of rows) lines.push(columns.map((c) => csvCellFor(c.type, c.value(row))));
  writeCsvFile(file, lines);
}

/** As French Excel reads them: 1234,56 and 31/10/2026 14:05:09. */
function csvCellFor(type: ExportCellType, value: string | number | null): CsvCell {
  if (value === null || value === '') return null;
  switch (type) {
    case 'amount':
      return Number(value).toFixed(2).replace('.', ',');
    case 'date':
      return frenchDate(String(value));
    case 'datetime': {
      const local = localWallClock(String(value));
      return local
        ? `${frenchDate(local.toISOString().slice(0, 10))} ${local.toISOString().slice(11, 19)}`
        : String(value);
    }
    default:
      return value;
  }
}

async function writeXlsxTable<T>(
  file: string,
  sheetName: string,
  columns: ExportColumn<T>[],
  rows: T[],
): Promise<void> {
  // exceljs takes a third of a second to load: only an .xlsx export pays for it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Postier';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, c.header.length + 2),
    style: { numFmt: NUMBER_FORMATS[c.type] },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => xlsxValueFor(c.type, c.value(row))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  writeFileAtomic(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

const NUMBER_FORMATS: Record<ExportCellType, string> = {
  text: '@',
  integer: '0',
  amount: '#,##0.00',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm:ss',
};

function xlsxValueFor(type: ExportCellType, value: string | number | null): ExcelJS.CellValue {
  if (value === null || value === '') return null;
  switch (type) {
    case 'amount':
    case 'integer':
      return Number(value);
    case 'date': {
      const [y, m, d] = String(value).split('-').map(Number);
      return y && m && d ? new Date(Date.UTC(y, m - 1, d)) : String(value);
    }
    case 'datetime':
      return localWallClock(String(value)) ?? String(value);
    default:
      return value;
  }
}

/**
 * A spreadsheet date has no time zone: the instant is shifted so that its UTC reading is
 * this workstation's wall-clock time (what the user saw when the event happened).
 */
function localWallClock(iso: string): Date | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  return new Date(instant.getTime() - instant.getTimezoneOffset() * 60_000);
}

function frenchDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}
