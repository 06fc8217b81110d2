// Messages for mail accounts, credentials, transports and connection tests, French: the reference.
export const mailFr = {
  // Account settings
  // The account's fields as the messages above name them.
  'mailAccount.label.username': 'identifiant',
  'mailAccount.label.fromName': 'nom de l’expéditeur',
  'mailAccount.label.fromAddress': 'adresse d’expédition',
  'mailAccount.label.replyTo': 'adresse de réponse',
  'mailAccount.label.archiveBcc': 'copie cachée d’archive',
  'mailAccount.label.maxMessageBytes': 'taille maximale d’un message',
  'mailAccount.label.delayMs': 'attente entre deux messages (ms)',
  'mailAccount.label.pauseEvery': 'une pause tous les N messages',
  'mailAccount.label.pauseMs': 'durée de la pause (ms)',
  'mailAccount.label.maxPerRun': 'messages au plus par envoi',
  'mailAccount.label.maxPerDay': 'messages au plus par jour',
  'mailAccount.label.maxAttempts': 'essais avant l’échec',
  'mailAccount.label.retryBaseMs': 'attente avant un nouvel essai (ms)',
  'error.mailAccount.kind': 'Type de compte inconnu « {value} » : choisissez {kinds}.',
  'error.mailAccount.preset':
    'Modèle de compte inconnu « {value} » : choisissez microsoft365, gmail ou relay.',
  'error.mailAccount.security':
    'Chiffrement inconnu « {value} » : choisissez none (aucun), starttls ou tls.',
  'error.mailAccount.hostRequired':
    'Indiquez le serveur d’envoi (SMTP) du compte, par exemple smtp.office365.com.',
  'error.mailAccount.hostInvalid':
    'Le nom de serveur « {value} » n’est pas valide : écrivez seulement le nom, par exemple smtp.office365.com (sans « https:// » ni espace).',
  'error.mailAccount.port':
    'Le port « {value} » n’est pas valide : c’est un nombre entre 1 et 65535, le plus souvent 587 (STARTTLS) ou 465 (TLS).',
  'error.mailAccount.fromRequired':
    'Indiquez l’adresse d’expédition du compte, par exemple facturation@exemple.fr.',
  'error.mailAccount.address':
    'L’adresse « {value} » du champ « {label} » n’est pas valide : vérifiez-la (exemple : nom@domaine.fr).',
  'error.mailAccount.text':
    'Le champ « {label} » ne peut contenir ni retour à la ligne ni caractère de contrôle, et pas plus de {max} caractères : corrigez-le.',
  'error.mailAccount.number':
    'Le réglage « {label} » vaut « {value} » : il faut un nombre entier entre {min} et {max}.',
  'error.mailAccount.passwordWithoutUser':
    'Un mot de passe a été donné sans identifiant : indiquez aussi l’identifiant du compte (--user).',
  'error.mailAccount.passwordEmpty':
    'Aucun mot de passe n’a été lu sur l’entrée standard : envoyez-le par exemple avec « echo motdepasse | postier account set --password-stdin … ».',
  'error.mailAccount.notFound': 'Aucun compte d’envoi n° {id} : il a été supprimé ou n’existe pas.',

  // Credential store
  'error.credentials.unreadable':
    'Les mots de passe enregistrés dans « {file} » ne peuvent pas être déchiffrés (clé « {keyFile} » différente ou fichier abîmé) : saisissez de nouveau le mot de passe du compte d’envoi.',
  'error.credentials.unwritable':
    'Impossible d’enregistrer le mot de passe dans « {file} » ({reason}) : vérifiez que vous pouvez écrire dans ce dossier.',
  'mail.credentials.fallback':
    'Coffre de mots de passe du système indisponible ({reason}) : les mots de passe de Postier sont enregistrés chiffrés dans {file}.',

  // Why a message could not be sent (SendFailure reasons)
  'mail.failure.host_not_found':
    'Le serveur {host} est introuvable : vérifiez son nom (par exemple smtp.office365.com) et la connexion Internet de ce poste.',
  'mail.failure.port_closed':
    'Le serveur {host} refuse les connexions sur le port {port} : vérifiez le numéro de port (587 pour STARTTLS, 465 pour TLS) ou demandez s’il est bloqué par un pare-feu.',
  'mail.failure.network_unreachable':
    'Le serveur {host} est injoignable depuis ce poste : vérifiez la connexion réseau.',
  'mail.failure.tls_expected':
    'Le port {port} attend une connexion chiffrée dès le départ (SSL/TLS) : choisissez « TLS » au lieu de « {current} ».',
  'mail.failure.tls_unexpected':
    'Le port {port} attend d’abord une connexion non chiffrée, puis STARTTLS : choisissez « STARTTLS » au lieu de « TLS ».',
  'mail.failure.starttls_unavailable':
    'Le serveur {host} ne propose pas le chiffrement STARTTLS sur le port {port} : essayez le port 587 (STARTTLS) ou 465 (TLS), ou demandez les bons réglages à votre fournisseur.',
  'mail.failure.encryption_required':
    'Le serveur {host} exige une connexion chiffrée : choisissez « STARTTLS » (port 587) ou « TLS » (port 465).',
  'mail.failure.certificate_untrusted':
    'Le certificat de sécurité du serveur {host} n’est pas reconnu ({detail}) : vérifiez le nom du serveur ; s’il est juste, signalez-le à votre fournisseur.',
  'mail.failure.tls_failed':
    'La connexion chiffrée avec le serveur {host} a échoué ({detail}) : vérifiez le chiffrement choisi (STARTTLS pour le port 587, TLS pour le port 465).',
  'mail.failure.auth_refused':
    'Identifiant ou mot de passe refusé par le serveur {host} : vérifiez-les (Microsoft 365 et Gmail demandent parfois un mot de passe d’application).',
  'mail.failure.auth_required':
    'Le serveur {host} demande un identifiant et un mot de passe : renseignez-les dans le compte d’envoi.',
  'mail.failure.password_missing':
    'Le mot de passe du compte d’envoi ({user}) n’est pas enregistré sur ce poste : saisissez-le de nouveau dans les réglages du compte.',
  'mail.failure.quota_exceeded':
    'Le fournisseur n’accepte plus de messages de ce compte pour le moment (limite d’envoi atteinte) : reprenez l’envoi plus tard, au besoin demain.',
  'mail.failure.timeout':
    'Le serveur {host} ne répond pas (délai dépassé) : le message sera réessayé plus tard.',
  'mail.failure.connection_lost':
    'La connexion avec le serveur {host} a été coupée pendant l’envoi : le message sera réessayé.',
  'mail.failure.rate_limited':
    'Le serveur {host} demande d’envoyer moins vite : le message sera réessayé plus tard.',
  'mail.failure.server_busy':
    'Le serveur {host} refuse ce message pour le moment : il sera réessayé plus tard.',
  'mail.failure.no_reply':
    'Le message a été transmis en entier au serveur {host}, mais sa réponse n’est jamais arrivée ({detail}) : il l’a peut-être accepté.',
  'mail.failure.recipient_refused':
    'Le serveur a refusé le destinataire : vérifiez l’adresse e-mail dans le dossier.',
  'mail.failure.sender_refused':
    'Le serveur refuse l’adresse d’expédition : ce compte n’a pas le droit d’envoyer avec cette adresse ; vérifiez l’expéditeur.',
  'mail.failure.message_too_large':
    'Le message est trop gros pour le serveur : réduisez ou retirez des pièces jointes.',
  'mail.failure.message_refused':
    'Le serveur a refusé ce message : lisez sa réponse pour en connaître la raison.',
  'mail.failure.invalid_address':
    'L’adresse « {address} » ({field}) n’est pas valide : corrigez-la avant d’envoyer.',
  'mail.failure.attachment_missing':
    'La pièce jointe « {file} » est introuvable (déplacée ou supprimée) : préparez le message de nouveau.',
  'mail.failure.other': 'L’envoi a échoué ({detail}) : le message sera réessayé.',

  // Connection test
  'mail.test.ok':
    'Connexion réussie à {host}, port {port} ({security}) : le serveur accepte l’identifiant {user}.',
  'mail.test.okNoAuth': 'Connexion réussie à {host}, port {port} ({security}), sans identifiant.',
  'mail.test.sandbox':
    'Compte « bac à sable » : rien n’est envoyé, chaque message est écrit dans le dossier {folder}. Choisissez un compte SMTP pour envoyer vraiment.',
  'mail.security.none': 'sans chiffrement',
  'mail.security.starttls': 'STARTTLS',
  'mail.security.tls': 'TLS',
} as const;
