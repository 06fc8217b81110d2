// The database file itself: another workstation's lock, damage, backups and restoring, English.
import type { databaseFr } from './database.fr.js';

export const databaseEn: Record<keyof typeof databaseFr, string> = {
  'error.database.busyBy':
    'The database is busy with another workstation ({holder}, which is sending messages): try again in a moment.',
  'error.database.damaged':
    'The database “{file}” is damaged: stop working in it and restore the latest backup with “postier db restore FILE” (backups are in “{backups}”).',
  'error.database.missing':
    'The database “{file}” is missing while the folder “{documents}” holds documents: it was moved or deleted. Postier does not create an empty one (the journal would be lost): restore a backup with “postier db restore FILE” (backups in “{backups}”).',
  'error.database.empty':
    'The database “{file}” is empty (0 bytes) while the folder “{documents}” holds documents: it was overwritten. Postier does not re-create it (the journal would be lost): restore a backup with “postier db restore FILE” (backups in “{backups}”).',
  'error.restore.notFound': 'The file “{file}” cannot be found: check the path.',
  'error.restore.notPostier':
    'The file “{file}” is not a Postier database: choose a file from the data folder’s “backups” folder.',
  'error.restore.damaged': 'The backup “{file}” is damaged itself: choose an older one.',
  'error.restore.sameFile': 'The file “{file}” is the database in use: choose a backup.',
  'error.restore.leaseHeld':
    'Restore refused: workstation {holder} is sending messages right now. Wait for the send to end or pause it, then try again.',
  'db.waiting': 'Waiting for the database, busy with another workstation… (Postier keeps trying)',
  'db.waitingFor':
    'Waiting for the database, busy with workstation {holder}… (Postier keeps trying)',
  'db.check.ok': 'The database “{file}” is intact.',
  'db.backup.done': 'Backup written: {file}',
  'db.restore.done': 'Database restored from “{source}”. The previous one is kept as “{kept}”.',
  'db.check.latestBackup': 'Latest backup: {file}',
  'db.check.noBackup': 'No backup yet: make one with “postier db backup”.',
  'db.restore.doneNothingKept': 'Database restored from “{source}”.',
};
