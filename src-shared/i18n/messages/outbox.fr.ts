// Messages for the sending engine, send status and the send journal, French: the reference.
export const outboxFr = {
  'outbox.error.leaseHeld':
    'Un envoi est déjà en cours sur le poste {holder} depuis {since} : attendez qu’il se termine, puis relancez l’envoi (si ce poste s’est arrêté net, la main sera rendue à {expires}).',
  'outbox.error.leaseLost':
    'Le poste {holder} a pris la main sur les envois : cet envoi s’arrête sans rien perdre, les messages restants partiront avec l’autre envoi.',
  'outbox.error.messageNotFound':
    'Aucun message n° {id} dans la file d’envoi : vérifiez le numéro (postier send status).',
  'outbox.error.notUncertain':
    'Le message n° {id} n’est pas incertain (statut : {status}) : cette décision ne s’applique qu’à un message incertain.',
  'outbox.error.attachmentMissing':
    'La pièce jointe « {file} » du message n° {id} est introuvable : préparez de nouveau l’envoi de ce document.',
  'outbox.error.exportFailed':
    'Impossible d’écrire le fichier « {file} » ({reason}) : vérifiez le dossier choisi et que le fichier n’est pas ouvert dans un autre logiciel.',
  'outbox.error.transportUnavailable':
    'Le compte d’envoi « {account} » ne peut pas être utilisé : {reason}',

  'outbox.stopped.account':
    'Envoi arrêté : {reason} Une fois le compte d’envoi « {account} » corrigé, relancez l’envoi : {remaining, plural, one {le message restant est toujours prêt à partir, il n’a pas été marqué en échec} other {les # messages restants sont toujours prêts à partir, aucun n’a été marqué en échec}}.',

  'outbox.journal.runStarted':
    'Envoi lancé : {due, plural, one {# message prêt à partir} other {# messages prêts à partir}}.',
  'outbox.journal.runFinished':
    'Envoi terminé : {sent, plural, one {# envoyé} other {# envoyés}}, {failed} en échec, {retrying} à réessayer plus tard, {uncertain, plural, one {# incertain} other {# incertains}}, {remaining, plural, one {# restant} other {# restants}}.',
  'outbox.journal.sending': 'Essai {attempt} sur {max} : « {subject} ».',
  'outbox.journal.sent': 'Accepté par le serveur.',
  'outbox.journal.retry': '{reason} Nouvel essai à {at} (essai {attempt} sur {max}).',
  'outbox.journal.failedPermanent': '{reason} Ce message ne partira pas.',
  'outbox.journal.failedAttemptsSpent':
    'Abandon après {attempts} essais sans succès : ce message ne partira plus, sauf si vous le validez de nouveau.',
  'outbox.journal.failedUnsendable': 'Message impossible à envoyer : {reason}',
  'outbox.journal.accountError':
    '{reason} Le message reste prêt à partir ; cet essai n’est pas compté.',
  'outbox.journal.uncertainOrphan':
    'L’envoi (poste {holder}) s’est interrompu pendant que ce message partait : le serveur l’a peut-être reçu. Il ne sera pas renvoyé automatiquement ; vérifiez puis décidez (envoyé, à renvoyer ou en échec).',
  'outbox.journal.uncertainUnexpected':
    'Erreur inattendue pendant l’envoi ({reason}) : on ne sait pas si le serveur a reçu le message. Il ne sera pas renvoyé automatiquement ; vérifiez puis décidez.',
  'outbox.journal.uncertainNoReply':
    '{reason} Il ne sera pas renvoyé automatiquement (il partirait deux fois) : vérifiez auprès du destinataire ou dans les éléments envoyés, puis décidez (envoyé, à renvoyer ou en échec).',
  'outbox.journal.resolvedSent': 'Confirmé comme envoyé par l’utilisateur.',
  'outbox.journal.resolvedResend': 'À renvoyer : remis dans la file par l’utilisateur.',
  'outbox.journal.resolvedFailed': 'Marqué en échec par l’utilisateur.',

  'outbox.event.queued': 'Mis en file',
  'outbox.event.validated': 'Validé',
  'outbox.event.blocked': 'Bloqué',
  'outbox.event.unblocked': 'Débloqué',
  'outbox.event.reset': 'Statut d’envoi réinitialisé',
  'outbox.event.address_fixed': 'Adresse corrigée',
  'outbox.event.sending': 'Envoi en cours',
  'outbox.event.sent': 'Envoyé',
  'outbox.event.retry_scheduled': 'Nouvel essai prévu',
  'outbox.event.failed': 'Échec',
  'outbox.event.uncertain': 'Incertain',
  'outbox.event.resolved': 'Décision sur un message incertain',
  'outbox.event.account_error': 'Problème du compte d’envoi',
  'outbox.event.run_started': 'Début d’envoi',
  'outbox.event.run_finished': 'Fin d’envoi',

  'outbox.progress.line': '{done}/{total} envoyés',
  'outbox.progress.failed': '{failed} en échec',
  'outbox.progress.next': 'prochain envoi à {time}',
  'outbox.progress.waitingLease':
    'Un envoi est en cours sur le poste {holder} : attente de la fin de cet envoi…',
  'outbox.summary.done':
    'Envoi terminé : {sent, plural, one {# envoyé} other {# envoyés}}, {failed} en échec, {retrying} à réessayer plus tard, {uncertain, plural, one {# incertain} other {# incertains}} à vérifier, {remaining, plural, one {# restant} other {# restants}}.',
  'outbox.summary.nextRetry':
    'Prochain essai possible à {time} : relancez l’envoi à ce moment-là (ou utilisez --wait).',
  'outbox.summary.limitRun':
    'Nombre maximal d’envois par lancement atteint : relancez l’envoi pour continuer.',
  'outbox.summary.limitDay': 'Nombre maximal d’envois par jour atteint : la suite partira demain.',
  'outbox.summary.cancelled':
    'Envoi interrompu à votre demande : les messages restants partiront au prochain envoi.',
  'outbox.summary.uncertainHint':
    'Des messages sont incertains : vérifiez-les (postier send status --status uncertain) puis décidez avec « postier send uncertain resolve ».',
  'outbox.resolved': 'Message n° {id} : {decision}.',
  'outbox.decision.sent': 'confirmé comme envoyé',
  'outbox.decision.resend': 'remis dans la file pour être renvoyé',
  'outbox.decision.failed': 'marqué en échec',
  'outbox.export.done':
    'Journal exporté : {rows, plural, one {# ligne} other {# lignes}} dans « {file} ».',

  'outbox.table.id': 'N°',
  'outbox.table.document': 'Document',
  'outbox.table.dossier': 'Dossier',
  'outbox.table.status': 'Statut',
  'outbox.table.attempts': 'Essais',
  'outbox.table.recipients': 'Destinataires',
  'outbox.table.sentAt': 'Envoyé le',
  'outbox.table.serverReply': 'Réponse du serveur',
  'outbox.table.lastError': 'Dernière erreur',

  'outbox.csv.date': 'Date',
  'outbox.csv.event': 'Événement',
  'outbox.csv.user': 'Utilisateur',
  'outbox.csv.workstation': 'Poste',
  'outbox.csv.document': 'Document',
  'outbox.csv.dossier': 'Dossier',
  'outbox.csv.recipients': 'Destinataires',
  'outbox.csv.detail': 'Détail',
  'outbox.csv.serverReply': 'Réponse du serveur',
} as const;
