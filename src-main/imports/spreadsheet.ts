// Excel workbooks (.xlsx): one sheet read into text cells, row numbers as Excel shows them.
import type ExcelJS from 'exceljs';
import { UserError } from '../../src-shared/errors.js';
import type { TableRow } from './import-types.js';

export interface SheetRows {
  sheet: string;
  sheets: string[];
  records: TableRow[];
}

/** `bytes` were checked by checkWorkbook (workbook-check.ts): their size is bounded. */
export async function readSpreadsheet(
  bytes: Buffer,
  fileLabel: string,
  sheetName?: string,
): Promise<SheetRows> {
  // exceljs takes a third of a second to load: only reading a workbook pays for it.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs's typings predate Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UserError('import.error.workbookUnreadable', {
      file: fileLabel,
      detail: (error as Error).message,
    });
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  // Unnamed: the first sheet holding data (a cover or notes sheet often comes first).
  const worksheet =
    sheetName === undefined
      ? (workbook.worksheets.find((w) => w.actualRowCount >= 2) ?? workbook.worksheets[0])
      : workbook.getWorksheet(sheetName);
  if (!worksheet) {
    throw new UserError('import.error.sheetNotFound', {
      file: fileLabel,
      sheet: sheetName ?? '',
      sheets: sheets.join(', ') || '—',
    });
  }
  const records: TableRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is 1-based: index 0 is always empty.
    const cells = values.slice(1).map(cellText);
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    if (cells.length > 0) records.push({ line: rowNumber, cells });
  });
  return { sheet: worksheet.name, sheets, records };
}

/**
 * A cell as text the import parsers read: dates as YYYY-MM-DD, numbers with a dot,
 * formulas by their result, rich text and links by their text.
 */
function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  if ('text' in value) return String(value.text);
  if ('error' in value) return '';
  return '';
}
