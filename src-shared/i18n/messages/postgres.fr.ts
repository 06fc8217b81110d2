// A PostgreSQL server as the office's database (issue 16): its address and reaching it, French.
export const postgresFr = {
  'error.postgres.badUrl':
    'L’adresse de base de données « {url} » n’est pas valable : écrivez-la postgres://utilisateur@serveur:port/base.',
  'error.postgres.passwordInUrl':
    'N’écrivez pas le mot de passe dans l’adresse de la base de données : donnez-le avec « postier db connect ADRESSE --password-stdin », ou dans le fichier pgpass de PostgreSQL.',
  'error.postgres.unreachable':
    'Le serveur de base de données « {server} » ne répond pas ({reason}) : vérifiez l’adresse et le réseau (VPN), ou demandez à votre informaticien s’il est démarré.',
  'error.postgres.refused':
    'Le serveur de base de données « {server} » refuse la connexion : {reason}',
  'error.postgres.notYet':
    'Cette commande ne fonctionne pas encore sur une base PostgreSQL : elle agit sur le fichier de la base d’un dossier de données. Sur un serveur, les sauvegardes et les vérifications sont faites par ses propres outils (pg_dump, pg_amcheck).',
  'error.postgres.contentMissing': 'Le fichier « {reference} » n’est pas dans la base de données.',
  'error.postgres.noPassword':
    'Le serveur de base de données demande un mot de passe pour « {login} » et ce poste n’en a pas : donnez-le avec « postier db connect ADRESSE --password-stdin ».',
  'db.connect.done':
    'Connexion réussie : le mot de passe de « {login} » est gardé dans le coffre de ce poste ({store}).',
};
