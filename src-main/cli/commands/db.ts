// `postier db backup | check | restore`: the database file itself. They open the file
// directly (no migration, no services), so that they still work when it is damaged.
// `db connect` and `db move` (db-move.ts): a PostgreSQL server.
import type { Command } from 'commander';
import { DataFolder, resolveDataFolderPath } from '../../data-folder/data-folder.js';
import { busyTimeoutFromEnv } from '../../db/busy.js';
import { backUpNow, checkDatabase } from '../../db/database-care.js';
import { restoreDatabase } from '../../db/restore.js';
import { openCredentialStore } from '../../credentials/credential-store.js';
import { isPostgresUrl } from '../../data-folder/data-folder.js';
import { UserError } from '../../../src-shared/errors.js';
import { dataOption } from '../command-context.js';
import { readPassword } from './account.js';
import { registerDatabaseMoveCommand } from './db-move.js';
import { cliLanguage, printJson, printMessage } from '../output.js';

/** The data folder's file: these commands do not work on a PostgreSQL server (its tools do). */
function folderOf(command: Command): DataFolder {
  const data = dataOption(command) || process.env.POSTIER_DATA;
  if (data && isPostgresUrl(data)) throw new UserError('error.postgres.notYet');
  return new DataFolder(resolveDataFolderPath(dataOption(command)));
}

export function registerDatabaseCommands(program: Command): void {
  const db = program
    .command('db')
    .description('la base de données : sauvegarder, vérifier, restaurer une sauvegarde');

  db.command('backup')
    .description('copie la base (vérifiée intacte) dans backups/, ou dans FICHIER avec --out')
    .option('--out <file>', 'fichier de la copie')
    .action(async (options: { out?: string }, command: Command) => {
      const file = await backUpNow(folderOf(command), options.out, {
        busyTimeoutMs: busyTimeoutFromEnv(),
      });
      printMessage(cliLanguage(), 'db.backup.done', { file });
    });

  db.command('check')
    .description('lit toute la base (quick_check) et nomme la dernière sauvegarde')
    .option('--json', 'sortie JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const report = await checkDatabase(folderOf(command), {
        busyTimeoutMs: busyTimeoutFromEnv(),
      });
      if (options.json) return printJson({ ok: true, ...report });
      const language = cliLanguage();
      printMessage(language, 'db.check.ok', { file: report.file });
      if (report.latestBackup)
        printMessage(language, 'db.check.latestBackup', { file: report.latestBackup });
      else printMessage(language, 'db.check.noBackup');
    });

  db.command('connect')
    .description(
      'essaie la connexion à un serveur PostgreSQL et garde son mot de passe dans le coffre de ce poste',
    )
    .argument('<url>', 'postgres://utilisateur@serveur:port/base (sans mot de passe)')
    .requiredOption('--password-stdin', 'lit le mot de passe sur l’entrée standard')
    .action(async (url: string) => {
      const password = await readPassword();
      // The pg driver only for this command, not for backup/check/restore.
      const { connectPostgres } = await import('../../db/postgres-password.js');
      const store = await openCredentialStore();
      const login = await connectPostgres(url, password, store);
      printMessage(cliLanguage(), 'db.connect.done', { login, store: store.description });
    });

  registerDatabaseMoveCommand(db);

  db.command('restore')
    .description(
      'remplace la base par une sauvegarde (refusé pendant un envoi) ; l’ancienne est gardée à côté',
    )
    .argument('<file>', 'la sauvegarde à restaurer')
    .action(async (file: string, _options: unknown, command: Command) => {
      const result = await restoreDatabase(folderOf(command), file, {
        busyTimeoutMs: busyTimeoutFromEnv(),
      });
      if (result.kept)
        printMessage(cliLanguage(), 'db.restore.done', {
          source: result.source,
          kept: result.kept,
        });
      else printMessage(cliLanguage(), 'db.restore.doneNothingKept', { source: result.source });
    });
}
