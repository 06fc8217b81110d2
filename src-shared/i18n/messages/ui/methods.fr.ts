// Messages for Paramètres > the sending methods, French: the reference.
export const uiMethodsFr = {
  'ui.methods.provider': 'Fournisseur du compte',
  'ui.methods.provider.microsoft': 'Microsoft 365',
  'ui.methods.provider.google': 'Google (Gmail, Google Workspace)',
  'ui.methods.provider.implied': 'Selon le fournisseur du compte ({provider})',
  'ui.methods.provider.choose': 'Choisissez…',
  'ui.methods.describe.sandbox':
    'Rien ne part : chaque message est écrit en fichier .eml dans le dossier de données, pour essayer Postier sans risque.',
  'ui.methods.describe.smtp':
    'Postier envoie lui-même par le serveur SMTP de votre messagerie, à la cadence choisie plus bas.',
  'ui.methods.describe.graph':
    'Postier envoie par l’API Microsoft Graph avec le compte Microsoft 365 connecté sur ce poste ; les messages vont dans ses éléments envoyés.',
  'ui.methods.describe.gmail-api':
    'Postier envoie par l’API Gmail avec le compte Google connecté sur ce poste ; les messages vont dans ses messages envoyés.',
  'ui.methods.describe.smtp-oauth':
    'Postier envoie par SMTP en se connectant à Microsoft 365 ou à Google, sans mot de passe enregistré.',
  'ui.methods.describe.outlook':
    'Postier passe chaque message à Outlook (version de bureau) sur ce poste.',
  'ui.methods.describe.thunderbird':
    'Chaque message s’ouvre dans une fenêtre de rédaction de Thunderbird ; vous l’envoyez vous-même.',
  'ui.methods.describe.eml-draft':
    'Chaque message est écrit en brouillon .eml et ouvert dans votre messagerie par défaut ; vous l’envoyez vous-même.',
  'ui.methods.cannotPace':
    'Cette méthode ouvre une fenêtre par message : elle convient à un document ou à un petit envoi, pas à un envoi en masse.',
  'ui.methods.smtpDefaultHint': 'Vide : le serveur habituel du fournisseur.',
  'ui.methods.mailboxAddress': 'Adresse du compte',
  'ui.methods.oauthSection': 'Connexion au compte',
  'ui.methods.clientId': 'Identifiant d’application (client id)',
  'ui.methods.clientIdHint':
    'Fourni par la personne qui a inscrit Postier chez Microsoft ou Google pour le bureau.',
  'ui.methods.tenant': 'Locataire Microsoft 365',
  'ui.methods.tenantHint': 'Domaine ou identifiant ; vide : tout compte professionnel.',
  'ui.methods.authority': 'Adresse de connexion (avancé)',
  'ui.methods.authorityHint':
    'À laisser vide, sauf indication de votre informaticien (cloud national, serveur de test).',
  'ui.methods.authorityPlaceholder': 'adresse habituelle du fournisseur',
  'ui.methods.outlookMode': 'Outlook, pour chaque message',
  'ui.methods.outlookMode.send': 'Envoyer aussitôt (Outlook envoie sans ouvrir de fenêtre)',
  'ui.methods.outlookMode.review': 'Ouvrir pour relecture (vous cliquez sur Envoyer dans Outlook)',
  'ui.methods.thunderbirdPath': 'Programme Thunderbird',
  'ui.methods.thunderbirdHint': 'Vide : Postier le cherche là où il s’installe d’habitude.',
  'ui.methods.senderSection': 'Expéditeur et copies',
  'ui.methods.connectedNotice': 'Compte connecté sur ce poste ({account}).',
  'ui.methods.disconnectedNotice': 'Autorisation du compte oubliée sur ce poste.',
  'ui.methods.connection': 'Sur ce poste :',
  'ui.methods.connection.connected': 'Connecté',
  'ui.methods.connection.not_connected': 'Pas encore connecté',
  'ui.methods.connection.reconnect': 'À reconnecter',
  'ui.methods.connectionHint.connected':
    'Postier peut envoyer avec ce compte ; aucun mot de passe n’est enregistré.',
  'ui.methods.connectionHint.not_connected':
    'Cliquez sur « Connecter le compte » : la page de connexion {provider} s’ouvre dans votre navigateur ; connectez-vous et acceptez les autorisations demandées par Postier.',
  'ui.methods.connectionHint.reconnect':
    '{provider} a retiré l’autorisation donnée à Postier ou elle a expiré : reconnectez le compte pour reprendre les envois.',
  'ui.methods.clientSecret': 'Secret du client (Google, application de bureau)',
  'ui.methods.clientSecretHint':
    'Seulement si votre inscription Google en a un ; gardé sur ce poste, jamais affiché.',
  'ui.methods.waitingTitle': 'Connexion en cours dans le navigateur…',
  'ui.methods.waitingText':
    'Terminez la connexion à {provider} dans la page qui s’est ouverte ; Postier attend sa réponse. Si la page ne s’est pas ouverte :',
  'ui.methods.openConsent': 'ouvrir la page de connexion',
  'ui.methods.preparing': 'Préparation de la connexion…',
  'ui.methods.connect': 'Connecter le compte',
  'ui.methods.reconnect': 'Reconnecter le compte',
  'ui.methods.disconnect': 'Oublier sur ce poste',
  'ui.methods.mailboxSection': 'Boîte aux lettres du compte',
  'ui.methods.sentCopy': 'Copier chaque message envoyé dans les éléments envoyés (IMAP)',
  'ui.methods.sentFolder': 'Dossier des éléments envoyés',
  'ui.methods.sentFolderHint': 'Vide : celui que le serveur indique.',
  'ui.methods.bounces': 'Lire la boîte pour y trouver les messages revenus',
  'ui.methods.bounceFolder': 'Ranger nos messages revenus dans',
  'ui.methods.bounceFolderHint': 'Vide : ils restent dans la boîte de réception.',
  'ui.methods.imapHost': 'Serveur IMAP',
  'ui.methods.imapDefaultHint': 'Vide : le serveur IMAP du fournisseur.',
  'ui.methods.imapSecurity.none': 'Aucune (port 143, réseau local)',
  'ui.methods.imapSecurity.starttls': 'STARTTLS (port 143)',
  'ui.methods.imapSecurity.tls': 'TLS (port 993)',
  'ui.methods.imapUser': 'Identifiant IMAP',
  'ui.methods.imapUserHint': 'Vide : l’identifiant SMTP. Le mot de passe est celui du compte SMTP.',
  'ui.methods.imapUserOAuthHint': 'Vide : l’adresse du compte, connecté comme pour l’envoi.',
} as const;
