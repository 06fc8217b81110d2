// The send journal as a CSV file for the office's records, written by the shared CSV writer
// (exports/csv-writer.ts: opens straight in a French Excel). Rows are read in short chunks and
// streamed, so a journal of any size never sits in memory and a failed export never leaves
// half a file. The rows' cells (SIN masked) are also those of the .xlsx export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEND_JOURNAL_EVENTS } from '../../src-shared/domain/outbox.js';
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import { maskSin } from '../../src-shared/validation/identity.js';
import type { Db } from '../db/connection.js';
import * as q from '../db/outbox-engine-journal-export.js';
import { streamCsvFile } from '../exports/csv-writer.js';
import { dossierDisplayName } from '../records/records-service.js';
import { jsonList, localDayStart } from './outbox-status.js';
import { sayStored } from '../../src-shared/i18n/said.js';

const CHUNK_ROWS = 1000;

/** The columns of the journal export: the date, then the cells of `journalEventCells`. */
export const JOURNAL_COLUMNS: readonly MessageKey[] = [
  'outbox.csv.date',
  'outbox.csv.event',
  'outbox.csv.user',
  'outbox.csv.workstation',
  'outbox.csv.document',
  'outbox.csv.dossier',
  'outbox.csv.recipients',
  'outbox.csv.detail',
  'outbox.csv.serverReply',
];

export interface JournalExportOptions {
  /** Calendar days of this workstation, YYYY-MM-DD, both ends included. */
  from?: string;
  to?: string;
  language?: Language;
}

export interface JournalExportResult {
  file: string;
  rows: number;
}

export async function exportJournalCsv(
  db: Db,
  outFile: string,
  options: JournalExportOptions = {},
): Promise<JournalExportResult> {
  const file = path.resolve(outFile);
  const language = options.language ?? 'fr';
  try {
    const rows = await streamCsvFile(
      file,
      JOURNAL_COLUMNS.map((key) => translate(language, key)),
      csvChunks(db, options, language),
    );
    return { file, rows };
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('outbox.error.exportFailed', {
      file,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

/** The journal as a file handed to the window, which saves it where the user says. */
export interface JournalCsvFile {
  /** "journal-des-envois-2026-11-24.csv": the user's language, this workstation's day. */
  fileName: string;
  bytes: Buffer;
  rows: number;
}

/** The CSV export written in a temporary folder (removed after), read back as bytes. */
export async function journalCsvFile(
  db: Db,
  options: JournalExportOptions & { language: Language },
  today: Date = new Date(),
): Promise<JournalCsvFile> {
  const name = translate(options.language, 'ui.outbox.exportFileName');
  const fileName = `${name}-${localDay(today)}.csv`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'postier-export-'));
  try {
    const result = await exportJournalCsv(db, path.join(folder, fileName), options);
    return { fileName, bytes: fs.readFileSync(result.file), rows: result.rows };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function* csvChunks(
  db: Db,
  options: JournalExportOptions,
  language: Language,
): AsyncGenerator<string[][]> {
  for await (const chunk of journalExportChunks(db, options)) {
    yield chunk.map((row) => [localDateTime(row.at), ...journalEventCells(row, language)]);
  }
}

/**
 * The journal in id order, in short chunks (never one long read, so that other workstations
 * can keep writing during a big export), up to the last row present when it starts.
 */
export async function* journalExportChunks(
  db: Db,
  options: Pick<JournalExportOptions, 'from' | 'to'> = {},
): AsyncGenerator<q.JournalExportRow[]> {
  const upToId = await q.lastJournalId(db);
  const bounds = {
    ...(options.from && { fromIso: localDayStart(options.from, 0) }),
    ...(options.to && { beforeIso: localDayStart(options.to, 1) }),
  };
  for (let afterId = 0; ;) {
    const chunk = await q.journalChunk(db, { afterId, upToId, limit: CHUNK_ROWS, ...bounds });
    if (chunk.length > 0) yield chunk;
    if (chunk.length < CHUNK_ROWS) return;
    afterId = chunk[chunk.length - 1]!.id;
  }
}

/** A journal row's cells after its date (see JOURNAL_COLUMNS), as text, with no SIN. */
export function journalEventCells(row: q.JournalExportRow, language: Language): string[] {
  const eventKey = `outbox.event.${row.event}` as MessageKey;
  const known = (SEND_JOURNAL_EVENTS as readonly string[]).includes(row.event);
  const typeName = language === 'en' ? row.type_name_en : row.type_name_fr;
  const recipients = [
    ...jsonList<string>(row.to_addresses ?? '[]'),
    ...jsonList<string>(row.cc_addresses ?? '[]'),
  ];
  const dossier =
    row.dossier_number === null
      ? ''
      : `${row.dossier_number} — ${dossierDisplayName({
          title: row.dossier_title,
          first_name: row.dossier_first_name ?? '',
          last_name: row.dossier_last_name ?? '',
        })}`;
  const cells = [
    known ? translate(language, eventKey) : row.event,
    row.actor,
    row.workstation,
    row.document_number === null ? '' : [typeName, row.document_number].filter(Boolean).join(' '),
    dossier,
    recipients.join(', '),
    sayStored(language, row.detail) ?? '',
    row.server_reply ?? '',
  ];
  // The engine never journals a SIN; events written by other parts get the same safety net.
  return cells.map((cell) => withoutSin(cell, row.dossier_sin));
}

/**
 * Text bound for the journal must never carry a SIN, even one a template put in a subject:
 * the dossier's SIN, written with or without spaces, dots or dashes, becomes its masked form.
 * A plain scan rather than a regular expression built per SIN: it runs once per message.
 */
export function withoutSin(text: string, sin: string | null): string {
  const digits = sin?.replace(/\D/g, '') ?? '';
  if (digits.length < 9 || !text.includes(digits[0]!)) return text;
  let result = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const end = sinEndingAt(text, i, digits);
    if (end < 0) continue;
    result += text.slice(copiedUpTo, i) + maskSin(digits);
    copiedUpTo = end;
    i = end - 1;
  }
  return copiedUpTo === 0 ? text : result + text.slice(copiedUpTo);
}

const SIN_SEPARATORS = new Set([' ', '\u00a0', '.', '-']);

/** Where the SIN written at `start` ends (one separator allowed between digits), or -1. */
function sinEndingAt(text: string, start: number, digits: string): number {
  let at = start;
  for (let k = 0; k < digits.length; k++) {
    if (k > 0 && SIN_SEPARATORS.has(text[at] ?? '') && text[at + 1] === digits[k]) at++;
    if (text[at] !== digits[k]) return -1;
    at++;
  }
  return at;
}

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-11-24" in this workstation's time. */
function localDay(d: Date): string {
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** "2026-11-24 10:42:07" in this workstation's time, as Excel reads a date. */
function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${localDay(d)} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}
