// The document journal (what was issued, to whom, and whether it went by e-mail) as a CSV or
// .xlsx file, with the journal screen's filters.
import path from 'node:path';
import { describeSendState, NO_SEND } from '../../src-shared/domain/document-send-state.js';
import type { JournalFilter } from '../../src-shared/domain/documents.js';
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { Db } from '../db/connection.js';
import { queryJournalPage, type JournalRow } from '../db/journal-queries.js';
import { readDocumentSendStates } from '../db/document-send-state-queries.js';
import { dossierDisplayName } from '../records/records-service.js';
import { writeTableFile, type ExportColumn } from './table-export.js';

const PAGE_ROWS = 1000;

export interface ExportResult {
  file: string;
  rows: number;
}

export async function exportDocumentJournal(
  db: Db,
  outFile: string,
  filter: Omit<JournalFilter, 'limit' | 'offset'> = {},
  language: Language = 'fr',
): Promise<ExportResult> {
  const file = path.resolve(outFile);
  const rows: JournalRow[] = [];
  const sorted = { sort: 'issueDate' as const, descending: false, ...filter };
  // Page after page, each one after the last row of the one before (keyset): as quick at the
  // end of 100,000 documents as at the start.
  let after: string | undefined;
  for (;;) {
    const page = await queryJournalPage(db, sorted, {
      limit: PAGE_ROWS,
      offset: 0,
      ...(after && { after }),
    });
    rows.push(...page.rows);
    if (page.rows.length < PAGE_ROWS || !page.last) break;
    after = page.last;
  }
  const sends = await readDocumentSendStates(
    db,
    rows.map((r) => r.id),
  );
  await writeTableFile(
    file,
    translate(language, 'export.sheet.documents'),
    journalColumns(language, (r) => describeSendState(language, sends.get(r.id) ?? NO_SEND)),
    rows,
  );
  return { file, rows: rows.length };
}

function journalColumns(
  language: Language,
  sendState: (r: JournalRow) => string,
): ExportColumn<JournalRow>[] {
  const t = (key: MessageKey) => translate(language, key);
  return [
    { header: t('export.column.id'), type: 'integer', value: (r) => r.id, width: 8 },
    {
      header: t('export.column.type'),
      type: 'text',
      value: (r) => t(`documentType.${r.type_code}` as MessageKey),
      width: 22,
    },
    { header: t('export.column.number'), type: 'text', value: (r) => r.number, width: 14 },
    { header: t('export.column.dossier'), type: 'text', value: (r) => r.dossier_number, width: 12 },
    {
      header: t('export.column.name'),
      type: 'text',
      value: (r) =>
        dossierDisplayName({
          title: r.dossier_title,
          first_name: r.dossier_first_name,
          last_name: r.dossier_last_name,
        }),
      width: 30,
    },
    { header: t('export.column.period'), type: 'text', value: (r) => r.period, width: 10 },
    { header: t('export.column.issueDate'), type: 'date', value: (r) => r.issue_date, width: 12 },
    { header: t('export.column.dueDate'), type: 'date', value: (r) => r.due_date, width: 12 },
    {
      header: t('export.column.amount'),
      type: 'amount',
      value: (r) => r.amount_cents / 100,
      width: 12,
    },
    { header: t('export.column.tax'), type: 'amount', value: (r) => r.tax_cents / 100, width: 10 },
    { header: t('export.column.currency'), type: 'text', value: (r) => r.currency, width: 8 },
    {
      header: t('export.column.pdf'),
      type: 'text',
      value: (r) => (r.pdf_path === null ? '' : t(`export.pdf.${r.pdf_source}` as MessageKey)),
      width: 10,
    },
    {
      header: t('export.column.emailState'),
      type: 'text',
      value: sendState,
      width: 24,
    },
    {
      header: t('export.column.lastSentAt'),
      type: 'datetime',
      value: (r) => r.last_sent_at,
      width: 20,
    },
  ];
}
