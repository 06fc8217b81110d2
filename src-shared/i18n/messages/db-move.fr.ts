// Moving an office from its data folder into a PostgreSQL database (issue 16, point 5), French.
export const dbMoveFr = {
  'error.dbMove.notPostgres':
    '« {to} » n’est pas une base PostgreSQL : écrivez --to postgres://utilisateur@serveur:port/base.',
  'error.dbMove.fromServer':
    'Le déménagement part d’un dossier de données (son fichier postier.sqlite) : donnez ce dossier avec --data ou POSTIER_DATA, pas une adresse de serveur.',
  'error.dbMove.noSource':
    'Le dossier de données « {folder} » n’a pas de base de données à déménager (postier.sqlite absent ou vide).',
  'error.dbMove.sourceOutdated':
    'La base du dossier de données « {folder} » n’est pas à jour pour cette version de Postier : ouvrez-la une fois avec « postier init --data {folder} », puis relancez le déménagement.',
  'error.dbMove.leaseHeld':
    'Un envoi est en cours depuis {holder} : le déménagement attendra qu’il soit fini. Relancez-le une fois l’envoi terminé (ou arrêté).',
  'error.dbMove.messagesSending':
    '{count, plural, one {# message est en train de partir} other {# messages sont en train de partir}} : attendez la fin de l’envoi, ou, si un poste s’est arrêté pendant un envoi, réglez ces messages dans Suivi des envois, puis relancez le déménagement.',
  'error.dbMove.targetForeign':
    'La base « {server} » n’est pas vide : elle contient des tables d’une autre application ({tables}). Demandez à votre informaticien une base vide, rien que pour Postier.',
  'error.dbMove.targetNotEmpty':
    'La base « {server} » n’est pas vide : elle contient déjà les données d’un établissement ({found}). Le déménagement ne va que dans une base vide : demandez à votre informaticien de la vider ou d’en créer une nouvelle.',
  'error.dbMove.notIdentical':
    'La copie n’est pas identique à l’original (tables : {tables} ; fichiers : {files}) : rien n’a été gardé.',
  'error.dbMove.retry':
    'Le dossier de données n’a pas changé et rien n’a été gardé dans la base « {server} » (seules les tables vides de Postier y sont) : corrigez la cause, puis relancez la même commande.',
  'dbMove.progress.files': 'Fichiers : {done} / {total}',
  'dbMove.progress.rows': 'Table {table} : {done} / {total}',
  'dbMove.header.table': 'Table',
  'dbMove.header.source': 'Dossier (SQLite)',
  'dbMove.header.target': 'PostgreSQL',
  'dbMove.addedContents':
    '= (+{count, plural, one {# contenu de fichier} other {# contenus de fichiers}})',
  'dbMove.files':
    'Fichiers : {copied} copiés ({size}), {identical} relus identiques (SHA-256) — {storage}.',
  'dbMove.storage.database': 'gardés dans la base',
  'dbMove.storage.folder': 'gardés dans le dossier de ce poste ({folder})',
  'dbMove.missing':
    '{count, plural, one {# fichier manquait déjà} other {# fichiers manquaient déjà}} dans le dossier de données : {files}',
  'dbMove.done':
    'Déménagement terminé vers « {server} ». Faites maintenant ouvrir cette adresse à chaque poste (--data ou POSTIER_DATA) ; le dossier de données n’a pas changé.',
};
