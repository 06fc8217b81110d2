// A command waiting for another workstation's lock says so on stderr (after 2 s). Its own
// module: main.ts sets it up before any command, without loading the db commands.
import { onDatabaseWait } from '../db/busy.js';
import { translate } from '../../src-shared/i18n/catalog.js';
import { cliLanguage } from './output.js';

/**
 * One line on stderr when a command waits for another workstation's lock longer than 2 s,
 * so that a command that seems stuck says why (stdout stays the command's own output).
 */
export function noticeDatabaseWaits(stderr: NodeJS.WritableStream = process.stderr): () => void {
  return onDatabaseWait((wait) => {
    if (!wait.waiting) return;
    const language = cliLanguage();
    const line = wait.holder
      ? translate(language, 'db.waitingFor', { holder: wait.holder })
      : translate(language, 'db.waiting');
    stderr.write(`${line}\n`);
  });
}
