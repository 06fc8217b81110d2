// The send journal as an .xlsx workbook with typed cells: the same columns, cells (SIN
// masked) and filters as the CSV export of outbox/journal-export.ts, the date as a date.
import path from 'node:path';
import { translate, type Language } from '../../src-shared/i18n/catalog.js';
import type { Db } from '../db/connection.js';
import { JOURNAL_COLUMNS, journalEventCells, journalExportChunks } from './journal-export.js';
import type { ExportResult } from '../exports/document-journal-export.js';
import { writeTableFile, type ExportColumn } from '../exports/table-export.js';

/** Widths (characters) of the columns after the date. */
const CELL_WIDTHS = [22, 14, 14, 22, 30, 34, 50, 40];

export interface SendJournalExportOptions {
  /** Calendar days of this workstation, YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
  language?: Language;
}

interface SheetRow {
  at: string;
  cells: string[];
}

export async function exportSendJournalXlsx(
  db: Db,
  outFile: string,
  options: SendJournalExportOptions = {},
): Promise<ExportResult> {
  const file = path.resolve(outFile);
  const language = options.language ?? 'fr';
  const rows: SheetRow[] = [];
  for await (const chunk of journalExportChunks(db, options)) {
    for (const row of chunk) rows.push({ at: row.at, cells: journalEventCells(row, language) });
  }
  await writeTableFile(
    file,
    translate(language, 'export.sheet.sendJournal'),
    sendJournalColumns(language),
    rows,
  );
  return { file, rows: rows.length };
}

function sendJournalColumns(language: Language): ExportColumn<SheetRow>[] {
  const [date, ...cells] = JOURNAL_COLUMNS;
  return [
    { header: translate(language, date!), type: 'datetime', value: (r) => r.at, width: 20 },
    ...cells.map((key, i) => ({
      header: translate(language, key),
      type: 'text' as const,
      value: (r: SheetRow) => r.cells[i]!,
      width: CELL_WIDTHS[i]!,
    })),
  ];
}
