// The send journal as a CSV file for the office's records, made to open straight in a
// French Excel: UTF-8 with a BOM, ";" between fields, CRLF line ends, RFC 4180 quoting.
// Rows are read in short chunks and streamed to a temporary file renamed at the end, so a
// journal of any size never sits in memory and a failed export never leaves half a file.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { SEND_JOURNAL_EVENTS } from '../../src-shared/domain/outbox.js';
import { translate, type Language, type MessageKey } from '../../src-shared/i18n/catalog.js';
import { UserError } from '../../src-shared/errors.js';
import { maskSin } from '../../src-shared/validation/identity.js';
import type { Db } from '../db/connection.js';
import * as q from '../db/outbox-engine-queries.js';
import { dossierDisplayName } from '../records/records-service.js';
import { jsonList, localDayStart } from './outbox-status.js';

const CHUNK_ROWS = 1000;
const BOM = '\uFEFF';

const COLUMNS: MessageKey[] = [
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
  const temporary = `${file}.${process.pid}.tmp`;
  const language = options.language ?? 'fr';
  let rows = 0;
  try {
    const out = fs.createWriteStream(temporary, { encoding: 'utf8' });
    const closed = once(out, 'close');
    // A failed write surfaces through the next `write`/`drain`; keep the error for the catch.
    let writeError: Error | null = null;
    out.on('error', (error) => (writeError = error));
    const write = async (text: string) => {
      if (writeError) throw writeError;
      if (!out.write(text)) await Promise.race([once(out, 'drain'), closed]);
      if (writeError) throw writeError;
    };
    await write(BOM + csvLine(COLUMNS.map((key) => translate(language, key))));
    const upToId = await q.lastJournalId(db);
    const bounds = {
      ...(options.from && { fromIso: localDayStart(options.from, 0) }),
      ...(options.to && { beforeIso: localDayStart(options.to, 1) }),
    };
    for (let afterId = 0; ;) {
      const chunk = await q.journalChunk(db, { afterId, upToId, limit: CHUNK_ROWS, ...bounds });
      if (chunk.length === 0) break;
      await write(chunk.map((row) => csvLine(journalCells(row, language))).join(''));
      rows += chunk.length;
      afterId = chunk[chunk.length - 1]!.id;
      if (chunk.length < CHUNK_ROWS) break;
    }
    out.end();
    await closed;
    if (writeError) throw writeError;
    fs.renameSync(temporary, file);
    return { file, rows };
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    if (error instanceof UserError) throw error;
    throw new UserError('outbox.error.exportFailed', {
      file,
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
}

function journalCells(row: q.JournalExportRow, language: Language): string[] {
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
    localDateTime(row.at),
    known ? translate(language, eventKey) : row.event,
    row.actor,
    row.workstation,
    row.document_number === null ? '' : [typeName, row.document_number].filter(Boolean).join(' '),
    dossier,
    recipients.join(', '),
    row.detail ?? '',
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

/** "2026-11-24 10:42:07" in this workstation's time, as Excel reads a date. */
function localDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

export function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(';')}\r\n`;
}

/**
 * RFC 4180: a field with the separator, a quote or a line break is quoted, quotes doubled.
 * A field starting like a formula (= + - @) gets a leading apostrophe, so that a subject or
 * an address can never run as a formula in a spreadsheet (OWASP "CSV injection").
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
