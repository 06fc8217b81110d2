// Moving an office from its data folder into a PostgreSQL database (issue 16, point 5), English.
import type { dbMoveFr } from './db-move.fr.js';

export const dbMoveEn: Record<keyof typeof dbMoveFr, string> = {
  'error.dbMove.notPostgres':
    '“{to}” is not a PostgreSQL database: write --to postgres://user@server:port/database.',
  'error.dbMove.fromServer':
    'A move starts from a data folder (its postier.sqlite file): give that folder with --data or POSTIER_DATA, not a server address.',
  'error.dbMove.noSource':
    'The data folder “{folder}” has no database to move (postier.sqlite missing or empty).',
  'error.dbMove.sourceOutdated':
    'The database of the data folder “{folder}” is not up to date for this version of Postier: open it once with “postier init --data {folder}”, then run the move again.',
  'error.dbMove.leaseHeld':
    'A send is in progress from {holder}: the move waits until it is over. Run it again once the send has finished (or was stopped).',
  'error.dbMove.messagesSending':
    '{count, plural, one {# message is being sent} other {# messages are being sent}}: wait until the send is over or, if a workstation stopped during a send, settle these messages in Send tracking, then run the move again.',
  'error.dbMove.targetForeign':
    'The database “{server}” is not empty: it holds another application’s tables ({tables}). Ask your IT person for an empty database, for Postier alone.',
  'error.dbMove.targetNotEmpty':
    'The database “{server}” is not empty: it already holds an office’s data ({found}). A move only goes into an empty database: ask your IT person to empty it or to create a new one.',
  'error.dbMove.notIdentical':
    'The copy is not identical to the original (tables: {tables}; files: {files}): nothing was kept.',
  'error.dbMove.retry':
    'The data folder has not changed and nothing was kept in the database “{server}” (only Postier’s empty tables are there): fix the cause, then run the same command again.',
  'dbMove.progress.files': 'Files: {done} / {total}',
  'dbMove.progress.rows': 'Table {table}: {done} / {total}',
  'dbMove.header.table': 'Table',
  'dbMove.header.source': 'Folder (SQLite)',
  'dbMove.header.target': 'PostgreSQL',
  'dbMove.addedContents': '= (+{count, plural, one {# file content} other {# file contents}})',
  'dbMove.files':
    'Files: {copied} copied ({size}), {identical} read back identical (SHA-256) — {storage}.',
  'dbMove.storage.database': 'kept in the database',
  'dbMove.storage.folder': 'kept in this workstation’s folder ({folder})',
  'dbMove.missing':
    '{count, plural, one {# file was already missing} other {# files were already missing}} from the data folder: {files}',
  'dbMove.done':
    'Move finished into “{server}”. Now have each workstation open this address (--data or POSTIER_DATA); the data folder has not changed.',
};
