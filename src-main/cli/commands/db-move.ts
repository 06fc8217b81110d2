// `postier db move --to postgres://…`: parses, calls the move (src-main/db-move/), prints its
// progress and the comparison of the data folder with the database.
import type { Command } from 'commander';
import { translate, type Language } from '../../../src-shared/i18n/catalog.js';
import { UserError } from '../../../src-shared/errors.js';
import { megabytes } from '../../../src-shared/format/bulk-warnings-text.js';
import {
  DataFolder,
  isPostgresUrl,
  resolveDataFolderPath,
  resolveDataLocation,
} from '../../data-folder/data-folder.js';
import { busyTimeoutFromEnv } from '../../db/busy.js';
import type { MoveProgress, MoveReport, TableComparison } from '../../db-move/move-office.js';
import { dataOption } from '../command-context.js';
import { cliLanguage, describeError, printJson, printMessage, printTable } from '../output.js';

export function registerDatabaseMoveCommand(db: Command): void {
  db.command('move')
    .description(
      'déménage le dossier de données dans une base PostgreSQL vide (refusé pendant un envoi), puis compare',
    )
    .requiredOption('--to <url>', 'postgres://utilisateur@serveur:port/base (sans mot de passe)')
    .option('--json', 'sortie JSON (la comparaison)')
    .action(async (options: { to: string; json?: boolean }, command: Command) => {
      const data = dataOption(command) || process.env.POSTIER_DATA;
      if (data && isPostgresUrl(data)) throw new UserError('error.dbMove.fromServer');
      const language = cliLanguage();
      const { moveOffice, MoveFailedError } = await import('../../db-move/move-office.js');
      let report: MoveReport;
      try {
        report = await moveOffice({
          from: new DataFolder(resolveDataFolderPath(dataOption(command))),
          to: options.to,
          busyTimeoutMs: busyTimeoutFromEnv(),
          ...(!options.json && { onProgress: progressPrinter(language) }),
        });
      } catch (error) {
        if (!(error instanceof MoveFailedError)) throw error;
        process.stderr.write(`${describeError(error.reason, language)}\n`);
        throw new UserError('error.dbMove.retry', { server: error.server });
      }
      if (options.json) return printJson(report);
      printReport(report, language, resolveDataLocation(options.to).folder);
    });
}

/** One line per table and for the files, and every 2 s on a long one. */
function progressPrinter(language: Language): (progress: MoveProgress) => void {
  let last = 0;
  return (progress) => {
    const finished = progress.done === progress.total;
    if (!finished && Date.now() - last < 2000) return;
    if (progress.done === 0) return;
    last = Date.now();
    printMessage(
      language,
      progress.kind === 'files' ? 'dbMove.progress.files' : 'dbMove.progress.rows',
      { table: progress.name, done: progress.done, total: progress.total },
    );
  };
}

/** '=' when the target has the source's rows (and the files' contents it adds), else '≠'. */
function comparisonMark(t: TableComparison, language: Language): string {
  if (t.source + t.added !== t.target) return '≠';
  return t.added > 0 ? translate(language, 'dbMove.addedContents', { count: t.added }) : '=';
}

function printReport(report: MoveReport, language: Language, serverFolder: string): void {
  printTable(report.tables, [
    { header: translate(language, 'dbMove.header.table'), value: (t) => t.table },
    { header: translate(language, 'dbMove.header.source'), value: (t) => String(t.source) },
    { header: translate(language, 'dbMove.header.target'), value: (t) => String(t.target) },
    { header: '', value: (t) => comparisonMark(t, language) },
  ]);
  const { files } = report;
  const storage =
    files.storage === 'database'
      ? translate(language, 'dbMove.storage.database')
      : translate(language, 'dbMove.storage.folder', { folder: serverFolder });
  printMessage(language, 'dbMove.files', {
    copied: files.copied,
    identical: files.identical,
    size: megabytes(files.bytes, language),
    storage,
  });
  if (files.missing.length > 0) {
    printMessage(language, 'dbMove.missing', {
      count: files.missing.length,
      files: files.missing.slice(0, 10).join(', '),
    });
  }
  printMessage(language, 'dbMove.done', { server: report.server });
}
