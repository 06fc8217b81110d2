// How the CLI prints: a plain table for people, a JSON array for scripts, one sentence on
// stderr for errors.
import {
  translate,
  languageOf,
  type Language,
  type MessageKey,
} from '../../src-shared/i18n/catalog.js';
import { isUserError, type ErrorParams } from '../../src-shared/errors.js';
import { singleLine } from '../../src-shared/validation/single-line.js';

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  return languageOf(env.POSTIER_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

export interface Column<T> {
  header: string;
  value: (row: T) => string;
}

/** The widest a table cell prints: a listing stays readable, a huge value stays out. */
export const MAX_CELL_WIDTH = 60;

/** A cell on one line, cut with an ellipsis past `MAX_CELL_WIDTH` (`--json` keeps it whole). */
export function tableCell(value: string, width = MAX_CELL_WIDTH): string {
  // Cut before flattening: the work stays bounded however long the value is.
  const head = value.length > width * 4 ? value.slice(0, width * 4) : value;
  const flat = singleLine(head);
  return flat.length > width || head !== value ? `${flat.slice(0, width - 1)}…` : flat;
}

export function printTable<T>(rows: T[], columns: Column<T>[], out = process.stdout): void {
  const cells = rows.map((row) => columns.map((c) => tableCell(c.value(row))));
  const widths = columns.map((c, i) =>
    Math.max(c.header.length, ...cells.map((r) => (r[i] ?? '').length)),
  );
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  out.write(`${line(columns.map((c) => c.header))}\n`);
  for (const row of cells) out.write(`${line(row)}\n`);
}

/** One message of the catalog, in the CLI's language, as a line on stdout. */
export function printMessage(language: Language, key: MessageKey, params: ErrorParams = {}): void {
  process.stdout.write(`${translate(language, key, params)}\n`);
}

export function printJson(value: unknown, out = process.stdout): void {
  out.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** One clear sentence for a user error; the stack only for a bug, and only with POSTIER_DEBUG. */
export function describeError(error: unknown, language: Language = cliLanguage()): string {
  if (isUserError(error)) return translate(language, error.code, error.params);
  const detail = error instanceof Error ? error.message : String(error);
  return translate(language, 'error.internal', { detail });
}
