// The send journal as an .xlsx workbook with typed cells: the same columns and filters as
// the CSV export of outbox/journal-export.ts (which stays the CSV writer of this journal).
import path from 'node:path';
import { SEND_JOURNAL_EVENTS } from '../../src-shared/domain/outbox.js';
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { maskSin } from '../../src-shared/validation/identity.js';
import type { Db } from '../db/connection.js';
import * as q from '../db/outbox-engine-queries.js';
import { jsonList, localDayStart } from '../outbox/outbox-status.js';
import { dossierDisplayName } from '../records/records-service.js';
import type { ExportResult } from './document-journal-export.js';
import { writeTableFile, type ExportColumn } from './table-export.js';

const CHUNK_ROWS = 1000;

export interface SendJournalExportOptions {
  /** Calendar days of this workstation, YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
  language?: Language;
}

export async function exportSendJournalXlsx(
  db: Db,
  outFile: string,
  options: SendJournalExportOptions = {},
): Promise<ExportResult> {
  const file = path.resolve(outFile);
  const language = options.language ?? 'fr';
  const rows: q.JournalExportRow[] = [];
  // Read in short chunks up to the last row present now, as the CSV export does.
  const upToId = await q.lastJournalId(db);
  const bounds = {
    ...(options.from && { fromIso: localDayStart(options.from, 0) }),
    ...(options.to && { beforeIso: localDayStart(options.to, 1) }),
  };
  for (let afterId = 0; ;) {
    const chunk = await q.journalChunk(db, { afterId, upToId, limit: CHUNK_ROWS, ...bounds });
    rows.push(...chunk);
    if (chunk.length < CHUNK_ROWS) break;
    afterId = chunk[chunk.length - 1]!.id;
  }
  await writeTableFile(
    file,
    translate(language, 'export.sheet.sendJournal'),
    sendJournalColumns(language),
    rows,
  );
  return { file, rows: rows.length };
}

function sendJournalColumns(language: Language): ExportColumn<q.JournalExportRow>[] {
  const t = (key: MessageKey) => translate(language, key);
  const text = (header: MessageKey, value: (r: q.JournalExportRow) => string, width: number) => ({
    header: t(header),
    type: 'text' as const,
    // The journal never carries a SIN, even one a template put in a subject or a detail.
    value: (r: q.JournalExportRow) => withoutSin(value(r), r.dossier_sin),
    width,
  });
  return [
    { header: t('outbox.csv.date'), type: 'datetime', value: (r) => r.at, width: 20 },
    text(
      'outbox.csv.event',
      (r) =>
        (SEND_JOURNAL_EVENTS as readonly string[]).includes(r.event)
          ? t(`outbox.event.${r.event}` as MessageKey)
          : r.event,
      22,
    ),
    text('outbox.csv.user', (r) => r.actor, 14),
    text('outbox.csv.workstation', (r) => r.workstation, 14),
    text(
      'outbox.csv.document',
      (r) =>
        r.document_number === null
          ? ''
          : [language === 'en' ? r.type_name_en : r.type_name_fr, r.document_number]
              .filter(Boolean)
              .join(' '),
      22,
    ),
    text(
      'outbox.csv.dossier',
      (r) =>
        r.dossier_number === null
          ? ''
          : `${r.dossier_number} — ${dossierDisplayName({
              title: r.dossier_title,
              first_name: r.dossier_first_name ?? '',
              last_name: r.dossier_last_name ?? '',
            })}`,
      30,
    ),
    text(
      'outbox.csv.recipients',
      (r) =>
        [
          ...jsonList<string>(r.to_addresses ?? '[]'),
          ...jsonList<string>(r.cc_addresses ?? '[]'),
        ].join(', '),
      34,
    ),
    text('outbox.csv.detail', (r) => r.detail ?? '', 50),
    text('outbox.csv.serverReply', (r) => r.server_reply ?? '', 40),
  ];
}

/** The dossier's SIN, with or without spaces, dots or dashes, replaced by its masked form. */
function withoutSin(cell: string, sin: string | null): string {
  const digits = sin?.replace(/\D/g, '') ?? '';
  if (digits.length < 9) return cell;
  return cell.replace(new RegExp(digits.split('').join('[\\s.-]?'), 'g'), maskSin(digits));
}
