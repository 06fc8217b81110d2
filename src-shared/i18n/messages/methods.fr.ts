// Messages for the sending methods beyond SMTP (Microsoft 365 / Gmail with OAuth2, Graph and
// Gmail APIs, Outlook, Thunderbird, .eml drafts), the Sent copy and bounces. French: the
// reference.
export const methodsFr = {
  // Why a message could not be sent
  'methods.failure.reconnect':
    'Le compte {account} doit être reconnecté : {provider} a retiré l’autorisation donnée à Postier ou elle a expiré ({detail}). Dans les réglages du compte d’envoi, cliquez sur « Reconnecter le compte » (ou tapez « postier account connect »), puis relancez l’envoi.',
  'methods.failure.notConnected':
    'Le compte {account} n’est pas encore connecté à {provider} sur ce poste : dans les réglages du compte d’envoi, cliquez sur « Connecter le compte » (ou tapez « postier account connect »).',
  'methods.failure.providerUnreachable':
    'Impossible de joindre {provider} pour renouveler l’autorisation du compte ({detail}) : vérifiez la connexion Internet de ce poste, puis relancez l’envoi.',
  'methods.failure.noAnswer':
    '{service} n’a pas répondu après avoir reçu le message ({detail}) : il est peut-être parti. Vérifiez les éléments envoyés du compte avant de le renvoyer.',
  'methods.failure.noAnswerRetry':
    '{service} n’a pas répondu ({detail}) : l’opération sera réessayée plus tard.',
  'methods.failure.tooLarge':
    'Le message fait {size} Mo, au-delà de la limite de {limit} Mo de {service} : réduisez ou retirez des pièces jointes.',
  'methods.failure.refusedTooLarge':
    '{service} refuse ce message, trop gros ({detail}) : réduisez ou retirez des pièces jointes.',
  'methods.failure.throttled':
    '{service} demande d’envoyer moins vite : le message sera réessayé dans {seconds} s au plus tôt.',
  'methods.failure.unavailable':
    '{service} est momentanément indisponible (erreur {status}) : le message sera réessayé plus tard.',
  'methods.failure.senderRefused':
    '{service} refuse d’envoyer avec cette adresse d’expédition ({detail}) : donnez au compte le droit « Envoyer en tant que » pour cette adresse, ou changez l’expéditeur.',
  'methods.failure.recipientRefused':
    '{service} a refusé un destinataire ({detail}) : vérifiez l’adresse e-mail dans le dossier.',
  'methods.failure.quota':
    '{service} n’accepte plus de messages de ce compte pour le moment (limite d’envoi atteinte) : reprenez l’envoi plus tard, au besoin demain.',
  'methods.failure.accessDenied':
    '{service} refuse l’accès au compte {account} ({detail}) : reconnectez le compte et acceptez toutes les autorisations demandées ; si l’organisation l’exige, un administrateur doit approuver l’application.',
  'methods.failure.mailboxMissing':
    '{service} ne trouve pas de boîte aux lettres pour le compte {account} ({detail}) : vérifiez que ce compte a bien une messagerie (licence Exchange Online ou Gmail activé).',
  'methods.failure.refused':
    '{service} a refusé ce message ({detail}) : lisez sa réponse pour en connaître la raison.',
  'methods.failure.unexpected':
    '{service} a répondu de façon inattendue (erreur {status} : {detail}) : le message sera réessayé.',

  'methods.failure.smtpAuthDisabled':
    'Microsoft 365 refuse la connexion SMTP de {user} : l’authentification SMTP (SMTP AUTH) est désactivée pour cette boîte ou pour l’organisation ({detail}). Demandez à l’administrateur de l’activer pour cette boîte, ou choisissez l’envoi par l’API Microsoft Graph.',
  'methods.failure.xoauth2Refused':
    'Le serveur {host} refuse la connexion OAuth de {user} ({detail}) : reconnectez le compte en acceptant les autorisations demandées ; pour Microsoft 365, l’authentification SMTP doit aussi être permise pour cette boîte.',
  // OAuth connection
  'methods.oauth.insecureAuthority':
    'L’adresse de connexion « {url} » n’est pas chiffrée (https) : corrigez l’adresse du fournisseur dans les réglages du compte.',
  'methods.oauth.unreachable':
    'Impossible de joindre {provider} à l’adresse {url} ({detail}) : vérifiez la connexion Internet de ce poste et l’adresse du fournisseur (locataire Microsoft 365).',
  'methods.oauth.timeout':
    'Aucune réponse du navigateur après {minutes, plural, one {# minute} other {# minutes}} : la connexion du compte est abandonnée ; recommencez et terminez la connexion dans la fenêtre du navigateur.',
  'methods.oauth.cancelled': 'Connexion du compte annulée.',
  'methods.oauth.refused':
    'La connexion a été refusée dans la page de {provider} : recommencez et acceptez les autorisations demandées par Postier.',
  'methods.oauth.failed':
    '{provider} n’a pas accordé l’accès ({detail}) : vérifiez l’identifiant d’application (client id) et le locataire dans les réglages du compte, puis recommencez.',
  'methods.oauth.pageDone':
    'Postier est connecté à votre compte de messagerie. Vous pouvez fermer cette fenêtre et revenir à Postier.',
  'methods.oauth.pageRefused':
    'La connexion n’a pas été accordée. Vous pouvez fermer cette fenêtre et revenir à Postier.',
  'methods.oauth.pageUnknown':
    'Cette page ne correspond à aucune connexion en cours dans Postier. Vous pouvez fermer cette fenêtre.',

  // Mailbox over IMAP: Sent copy and bounces
  'methods.imap.authRefused':
    'Le serveur IMAP {host} refuse l’identifiant {user} ({detail}) : vérifiez l’identifiant et le mot de passe du compte (ou reconnectez le compte Microsoft 365 / Google).',
  'methods.imap.tls':
    'Le certificat de sécurité du serveur IMAP {host} n’est pas reconnu ({detail}) : vérifiez le nom du serveur IMAP.',
  'methods.imap.unreachable':
    'Impossible de joindre le serveur IMAP {host} sur le port {port} ({detail}) : vérifiez son nom et son port (993 pour TLS, 143 pour STARTTLS) et la connexion Internet.',
  'methods.imap.sentMissing':
    'Le dossier « {folder} » n’existe pas sur le serveur IMAP : choisissez l’un de ces dossiers pour les copies envoyées : {folders}.',
  'methods.imap.sentUnknown':
    'Le serveur IMAP n’indique pas quel dossier reçoit les messages envoyés : choisissez-le dans les réglages du compte parmi {folders}.',
  'methods.sentCopy.failed': 'copie dans les éléments envoyés impossible : {reason}',

  // Bounces
  'bounces.reason.unknown_address': 'adresse inconnue',
  'bounces.reason.mailbox_full': 'boîte pleine',
  'bounces.reason.domain_not_found': 'domaine introuvable',
  'bounces.reason.refused_as_spam': 'refusé comme indésirable',
  'bounces.reason.mailbox_disabled': 'boîte désactivée',
  'bounces.reason.message_too_large': 'message trop gros',
  'bounces.reason.expired': 'remise impossible après plusieurs jours d’essais',
  'bounces.reason.refused': 'refusé par le serveur du destinataire',
  'bounces.lastError':
    'Message revenu pour {address} : {reason} ({status}). Corrigez l’adresse et renvoyez le document.',
  'bounces.journal':
    'Message revenu en erreur pour {address} : {reason} (code {status}). Corrigez l’adresse dans le dossier, puis « Corriger l’adresse et renvoyer ».',

  // Settings of the methods
  'methods.error.provider':
    'Fournisseur inconnu « {value} » : choisissez microsoft (Microsoft 365) ou google (Google Workspace, Gmail).',
  'methods.error.outlookMode':
    'Mode Outlook inconnu « {value} » : choisissez send (Outlook envoie aussitôt) ou review (chaque message s’ouvre pour relecture).',
  'methods.error.tenant':
    'Le locataire Microsoft 365 « {value} » n’est pas valide : indiquez son domaine (par exemple residence.onmicrosoft.com) ou son identifiant.',
  'methods.error.imapSecurity':
    'Chiffrement IMAP inconnu « {value} » : choisissez tls (port 993), starttls (port 143) ou none.',
  'methods.error.imapHost':
    'Le nom de serveur IMAP « {value} » n’est pas valide : écrivez seulement le nom, par exemple outlook.office365.com.',
  'methods.error.imapPort':
    'Le port IMAP « {value} » n’est pas valide : le plus souvent 993 (TLS) ou 143 (STARTTLS).',
  'methods.error.authority':
    'L’adresse de connexion « {value} » n’est pas valide : il faut une adresse https:// complète, par exemple https://login.microsoftonline.com/residence.onmicrosoft.com/v2.0.',
  'methods.error.text':
    'Le champ « {field} » ne peut contenir ni retour à la ligne ni caractère de contrôle, et pas plus de {max} caractères : corrigez-le.',
  'methods.error.unknownKind': 'Méthode d’envoi inconnue « {value} ».',
  'methods.error.notOAuth':
    'Le compte est de type « {kind} », qui ne se connecte pas à Microsoft 365 ou Google : choisissez graph, gmail-api ou smtp-oauth.',
  'methods.error.oauthIncomplete':
    'Le compte « {kind} » n’a pas encore d’identifiant d’application (client id) ou de fournisseur : renseignez-les dans les réglages du compte (postier account set --client-id … --provider …).',
  'methods.error.imapRequired':
    'Le compte {account} n’a pas de serveur IMAP : indiquez-le dans les réglages du compte (postier account set --imap-host …) pour la copie dans les éléments envoyés et la lecture des retours.',
  'methods.imap.passwordMissing':
    'Le mot de passe du compte ({user}) n’est pas enregistré sur ce poste : saisissez-le de nouveau dans les réglages du compte d’envoi ; la boîte IMAP utilise le même.',

  // Mail clients
  'methods.outlook.windowsOnly':
    'L’envoi par Outlook n’est possible que sous Windows, avec Outlook installé : choisissez une autre méthode d’envoi sur ce poste.',
  'methods.outlook.missing':
    'Outlook ne répond pas sur ce poste ({detail}) : vérifiez qu’Outlook (version de bureau) est installé et configuré, puis réessayez.',
  'methods.outlook.refused':
    'Outlook a refusé ce message ({detail}) : vérifiez les adresses et les pièces jointes, puis validez-le de nouveau.',
  'methods.thunderbird.missing':
    'Thunderbird est introuvable sur ce poste (cherché dans : {places}) : installez-le ou indiquez son programme dans les réglages du compte (--thunderbird-path).',
  'methods.thunderbird.failed':
    'Impossible de lancer Thunderbird ({program} : {detail}) : vérifiez le programme indiqué dans les réglages du compte.',
  'methods.emlDraft.noHandler':
    'Aucun logiciel de messagerie n’a pu ouvrir le brouillon {file} ({detail}) : associez les fichiers .eml à votre messagerie, ou ouvrez le fichier vous-même.',

  // Connection tests
  'methods.test.graph':
    'Connexion réussie à Microsoft 365 par l’API Graph : les messages partiront de {account}.',
  'methods.test.gmail':
    'Connexion réussie à Google : l’autorisation d’envoi par l’API Gmail est valide pour {account}.',
  'methods.test.smtpOAuth':
    'Connexion réussie à {host}, port {port} : le serveur accepte la connexion OAuth de {user}.',
  'methods.test.outlook': 'Outlook répond sur ce poste ; comptes configurés : {accounts}.',
  'methods.test.thunderbird':
    'Thunderbird trouvé : {program}. Chaque message s’ouvrira dans une fenêtre de rédaction.',
  'methods.test.emlDraft':
    'Chaque message sera écrit en brouillon .eml dans {folder} et ouvert dans votre messagerie par défaut.',
  'methods.test.imapSent': 'Boîte IMAP {host} : les copies iront dans le dossier « {folder} ».',
  'methods.test.withMailbox': '{sending} {mailbox}',
  'methods.test.imap': 'Boîte IMAP {host} : connexion réussie.',

  // Bounce checks
  'bounces.error.disabled':
    'La lecture des retours n’est pas activée pour le compte {account} : activez-la dans les réglages du compte (postier account set --bounces).',
  'bounces.error.mailbox': 'Impossible de lire la boîte du compte : {reason}',
  'bounces.error.noMailbox':
    'Un compte de type « {kind} » n’a pas de boîte que Postier puisse lire : les retours arrivent dans votre messagerie habituelle.',

  'methods.error.secretEmpty':
    'Aucun secret n’a été lu sur l’entrée standard : envoyez-le par exemple avec « echo secret | postier account connect --client-secret-stdin ».',
  'bounces.cli.summary':
    '{examined, plural, one {# nouveau message lu} other {# nouveaux messages lus}} dans la boîte : {bounces, plural, one {# retour} other {# retours}}, dont {ours} pour des messages de Postier et {unknown} pour d’autres messages (laissés en place).',
  'bounces.cli.failed':
    'Message n° {id} à {address} : {reason} ({status}). Pour corriger l’adresse et le renvoyer : postier send fix-address {id} <nouvelle adresse>',
  'bounces.cli.already': 'Message n° {id} à {address} : déjà en échec ({reason}).',
  'bounces.cli.moved':
    '{moved, plural, one {# retour rangé} other {# retours rangés}} dans le dossier « {folder} ».',
} as const;
