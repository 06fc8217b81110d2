// Where this workstation's office data is (Paramètres > Ce poste): a folder or a PostgreSQL
// server, tried in plain words; kept for the next start.
export const dataPlaceFr = {
  'error.place.tooLong': 'C’est trop long : {max} caractères au plus.',
  'error.place.empty': 'Indiquez un dossier ou l’adresse d’un serveur PostgreSQL.',
  'error.place.relative':
    'Indiquez le chemin complet du dossier (par exemple C:\\Postier ou \\\\serveur\\partage\\Postier).',
  'error.place.badUrl':
    'Cette adresse de serveur n’est pas lisible. Forme attendue : postgres://utilisateur@serveur:5432/base',
  'error.place.option':
    'L’option « {name} » n’est pas prise en charge dans l’adresse : seule sslmode l’est.',
  'error.place.sslmode':
    'sslmode « {value} » inconnu : choisissez disable, require, verify-ca ou verify-full.',
  'error.place.passwordNotKept':
    'Le serveur n’a pas accepté le mot de passe écrit dans l’adresse : rien n’est enregistré. Retirez-le de l’adresse, testez la connexion et tapez le mot de passe quand Postier le demande.',
  'ui.settings.place': 'Emplacement des données',
  'ui.settings.placeHint':
    'Un dossier (par exemple sur un lecteur réseau) ou un serveur PostgreSQL : postgres://utilisateur@serveur:5432/base?sslmode=require. Sans mot de passe dans l’adresse.',
  'ui.settings.placeNow': 'Ouvert en ce moment : {place}',
  'ui.settings.place.test': 'Tester la connexion',
  'ui.settings.place.save': 'Enregistrer pour le prochain démarrage',
  'ui.settings.place.saved':
    'Enregistré. Postier ouvrira « {place} » au prochain démarrage de ce poste : fermez Postier et rouvrez-le.',
  'ui.settings.place.savedSame': 'Enregistré : c’est déjà l’emplacement ouvert.',
  'ui.settings.place.password': 'Mot de passe du serveur',
  'ui.settings.place.passwordHint':
    'Tapé une seule fois : gardé dans le coffre de mots de passe de ce poste, jamais dans un fichier de Postier.',
  'ui.settings.place.tryPassword': 'Essayer et garder',
  'ui.settings.place.passwordSaved': 'Mot de passe accepté et gardé dans le coffre de ce poste.',
  'ui.settings.place.outcome.folderReady':
    'Ce dossier contient déjà les données d’un bureau Postier.',
  'ui.settings.place.outcome.folderNew':
    'Ce dossier n’a pas encore de données Postier : elles y seront créées au prochain démarrage.',
  'ui.settings.place.outcome.folderUnusable':
    'Postier ne peut pas écrire dans ce dossier ({detail}). Choisissez-en un autre ou demandez l’accès.',
  'ui.settings.place.outcome.ready':
    'Le serveur répond et cette base est celle d’un bureau Postier.',
  'ui.settings.place.outcome.empty':
    'Le serveur répond et la base est vide : Postier la préparera au prochain démarrage.',
  'ui.settings.place.outcome.foreign':
    'Le serveur répond, mais cette base contient déjà d’autres tables ({detail}) : ce n’est pas une base Postier. Choisissez une base vide ou celle de votre bureau.',
  'ui.settings.place.outcome.passwordMissing':
    'Le serveur répond et demande un mot de passe pour « {detail} », que ce poste n’a pas. Tapez-le ci-dessous.',
  'ui.settings.place.outcome.passwordRefused':
    'Le serveur répond mais refuse ce mot de passe pour « {detail} ». Vérifiez-le et réessayez.',
  'ui.settings.place.outcome.noDatabase':
    'Le serveur répond, mais la base « {detail} » n’existe pas. Demandez à votre informaticien de la créer.',
  'ui.settings.place.outcome.unreachable':
    'Le serveur ne répond pas ({detail}). Vérifiez l’adresse et le port, et que ce poste est relié au réseau du bureau (VPN).',
  'ui.settings.place.outcome.refused': 'Le serveur répond mais refuse la connexion : {detail}',
} as const;
