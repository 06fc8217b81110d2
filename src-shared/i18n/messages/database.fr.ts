// The database file itself: another workstation's lock, damage, backups and restoring, French.
export const databaseFr = {
  'error.database.busyBy':
    'La base de données est occupée par un autre poste ({holder}, qui envoie des messages) : réessayez dans un instant.',
  'error.database.damaged':
    'La base de données « {file} » est endommagée : n’y travaillez plus ; restaurez la dernière sauvegarde avec « postier db restore FICHIER » (les sauvegardes sont dans « {backups} »).',
  'error.database.missing':
    'La base de données « {file} » est introuvable alors que le dossier « {documents} » contient des documents : elle a été déplacée ou supprimée. Postier n’en crée pas une vide (le journal serait perdu) : restaurez une sauvegarde avec « postier db restore FICHIER » (sauvegardes dans « {backups} »).',
  'error.database.empty':
    'La base de données « {file} » est vide (0 octet) alors que le dossier « {documents} » contient des documents : elle a été écrasée. Postier ne la recrée pas (le journal serait perdu) : restaurez une sauvegarde avec « postier db restore FICHIER » (sauvegardes dans « {backups} »).',
  'error.restore.notFound': 'Le fichier « {file} » est introuvable : vérifiez le chemin.',
  'error.restore.notPostier':
    'Le fichier « {file} » n’est pas une base de données Postier : choisissez un fichier du dossier « backups » du dossier de données.',
  'error.restore.damaged':
    'La sauvegarde « {file} » est elle-même endommagée : choisissez-en une plus ancienne.',
  'error.restore.sameFile':
    'Le fichier « {file} » est la base de données en service : choisissez une sauvegarde.',
  'error.restore.leaseHeld':
    'Restauration refusée : le poste {holder} envoie des messages en ce moment. Attendez la fin de l’envoi ou mettez-le en pause, puis recommencez.',
  'db.waiting':
    'En attente de la base de données, occupée par un autre poste… (Postier réessaie tout seul)',
  'db.waitingFor':
    'En attente de la base de données, occupée par le poste {holder}… (Postier réessaie tout seul)',
  'db.check.ok': 'La base de données « {file} » est intacte.',
  'db.backup.done': 'Sauvegarde écrite : {file}',
  'db.restore.done':
    'Base de données restaurée depuis « {source} ». L’ancienne est conservée sous « {kept} ».',
  'db.check.latestBackup': 'Dernière sauvegarde : {file}',
  'db.check.noBackup':
    'Aucune sauvegarde pour l’instant : faites-en une avec « postier db backup ».',
  'db.restore.doneNothingKept': 'Base de données restaurée depuis « {source} ».',
} as const;
