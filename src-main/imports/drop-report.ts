// The report left beside each drop of the exchange folder (`<name>.rapport.txt`): in French,
// for the office, opened in Notepad: what was imported, and every line left out with its
// line number and why.
import type { UserError } from '../../src-shared/errors.js';
import { translate, type MessageKey } from '../../src-shared/i18n/catalog.js';
import type { ErrorParams } from '../../src-shared/errors.js';
import type { Actor } from '../workstation/identity.js';
import type {
  DocumentImportResult,
  DossierImportResult,
  LoadedTable,
  RowProblem,
  SplitResult,
} from './import-types.js';
import type { DropStatus, QueueOutcome } from './drop-outcome.js';

export type DropSection =
  | { kind: 'dossiers'; file: string; table: LoadedTable; result: DossierImportResult }
  | { kind: 'documents'; file: string; table: LoadedTable; result: DocumentImportResult }
  | { kind: 'split'; file: string; result: SplitResult }
  | { kind: 'failed'; file: string | null; error: UserError }
  | { kind: 'duplicate'; name: string; at: string }
  | { kind: 'interrupted'; at: string; workstation: string; user: string }
  | { kind: 'queued'; outcome: QueueOutcome }
  | { kind: 'queueFailed'; error: UserError };

export interface DropReport {
  name: string;
  status: DropStatus;
  sections: DropSection[];
  actor: Actor;
  at: Date;
}

const fr = (key: MessageKey, params: ErrorParams = {}) => translate('fr', key, params);
const INDENT = '    ';

/** The report's text: UTF-8 with a BOM and CRLF line ends, as Notepad expects. */
export function renderDropReport(report: DropReport): string {
  const lines = [
    fr('import.report.title', { name: report.name }),
    fr('import.report.processed', {
      date: report.at.toLocaleDateString('fr-CA'),
      time: report.at.toLocaleTimeString('fr-CA', { hour: '2-digit', minute: '2-digit' }),
      user: report.actor.user,
      workstation: report.actor.workstation,
    }),
    fr(`import.report.status.${report.status}`),
    '',
    ...report.sections.flatMap(sectionLines),
  ];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

function sectionLines(section: DropSection): string[] {
  switch (section.kind) {
    case 'dossiers':
      return [
        fr('import.report.file.dossiers', { file: section.file, format: formatOf(section.table) }),
        INDENT +
          fr('import.report.dossiers', {
            imported: section.result.imported,
            updated: section.result.updated,
            rejected: section.result.rejected.length,
          }),
        ...namesLine('import.report.createdStaff', section.result.createdStaff),
        ...namesLine('import.report.createdGroups', section.result.createdGroups),
        ...problemLines(section.result.rejected),
        '',
      ];
    case 'documents':
      return [
        fr('import.report.file.documents', { file: section.file, format: formatOf(section.table) }),
        INDENT +
          fr('import.report.documents', {
            imported: section.result.imported,
            withPdf: section.result.withPdf,
            generated: section.result.generated,
            withoutPdf: section.result.withoutPdf,
            attached: section.result.attached,
            rejected: section.result.rejected.length,
          }),
        ...problemLines(section.result.rejected),
        ...namesLine(
          'import.report.rowsWithoutPdf',
          section.result.unmatchedRows.map((row) =>
            fr('import.report.rowRef', { line: row.line, number: row.number }),
          ),
        ),
        ...namesLine('import.report.unusedPdfs', section.result.unmatchedFiles),
        '',
      ];
    case 'split':
      return [
        fr('import.report.file.split', { file: section.file, pages: section.result.pageCount }),
        INDENT + fr('import.report.split', { documents: section.result.documents.length }),
        ...namesLine(
          'import.report.pagesBeforeFirstKey',
          section.result.pagesBeforeFirstKey.map(String),
        ),
        ...problemLines(
          section.result.unmatchedKeys.map((part) => part.problem!),
          'import.report.pageProblem',
        ),
        '',
      ];
    case 'failed':
      return [
        section.file === null
          ? fr('import.report.failed', { message: fr(section.error.code, section.error.params) })
          : fr('import.report.fileFailed', {
              file: section.file,
              message: fr(section.error.code, section.error.params),
            }),
        '',
      ];
    case 'duplicate':
      return [
        fr('import.report.duplicate', {
          name: section.name,
          at: new Date(section.at).toLocaleString('fr-CA'),
        }),
        '',
      ];
    case 'interrupted':
      return [
        fr('import.report.interrupted', {
          at: new Date(section.at).toLocaleString('fr-CA'),
          workstation: section.workstation,
          user: section.user,
        }),
        '',
      ];
    case 'queued':
      return [
        fr('import.report.queued', {
          queued: section.outcome.queued,
          excluded: section.outcome.excluded.length,
        }),
        ...section.outcome.excluded.map(
          (e) => INDENT + fr('import.report.excluded', { document: e.document, reason: e.reason }),
        ),
        '',
      ];
    case 'queueFailed':
      return [
        fr('import.report.queueFailed', { message: fr(section.error.code, section.error.params) }),
        '',
      ];
  }
}

function problemLines(
  problems: RowProblem[],
  key: MessageKey = 'import.report.lineProblem',
): string[] {
  return problems.map(
    (problem) => INDENT + fr(key, { line: problem.line, reason: fr(problem.code, problem.params) }),
  );
}

function namesLine(key: MessageKey, names: string[]): string[] {
  return names.length === 0 ? [] : [INDENT + fr(key, { names: names.join(', ') })];
}

/** "Windows-1252, séparateur « ; »" or "feuille « Clients »". */
export function formatOf(table: LoadedTable): string {
  if (table.format === 'xlsx') return fr('import.format.sheet', { sheet: table.sheet ?? '' });
  return fr('import.format.text', {
    encoding: fr(`import.encoding.${table.encoding ?? 'utf8'}`),
    delimiter: table.delimiter === '\t' ? fr('import.delimiter.tab') : `« ${table.delimiter} »`,
  });
}
