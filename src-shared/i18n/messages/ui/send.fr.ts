// Messages for the single-send and bulk-send dialogs, French: the reference.
export const uiSendFr = {
  'ui.bulk.title': 'Envoi en masse',
  'ui.bulk.closeUnsent.title': 'Fermer sans envoyer ?',
  'ui.bulk.closeUnsent.text':
    'Le texte modifié et les pièces jointes ajoutées seront perdus. Rien n’a été envoyé.',
  'ui.bulk.closeUnsent.confirm': 'Fermer sans envoyer',
  'ui.bulk.period': 'Période',
  'ui.bulk.show': 'Afficher',
  'ui.bulk.counts':
    '{checked, plural, one {# document coché} other {# documents cochés}} sur {rows} ; {excluded, plural, one {# exclu} other {# exclus}}',
  'ui.bulk.tab.list': 'Documents à envoyer ({count})',
  'ui.bulk.tab.excluded': 'Dossiers exclus ({count})',
  'ui.bulk.allNone': 'Tout / rien',
  'ui.bulk.rowAttachment': 'Pièce jointe individuelle…',
  'ui.bulk.removeRowAttachment': 'Retirer la pièce jointe individuelle',
  'ui.bulk.include': 'Envoyer ce document',
  'ui.bulk.empty':
    'Aucun document à envoyer pour ce type et cette période : voyez l’onglet des dossiers exclus.',
  'ui.bulk.doubleClickHint':
    'Double-cliquez sur une ligne pour la cocher ou la décocher ; la ligne sélectionnée est montrée dans l’aperçu.',
  'ui.bulk.col.dossier': 'N°',
  'ui.bulk.col.name': 'Résident / client',
  'ui.bulk.col.lastSent': 'Dernier envoi',
  'ui.bulk.col.number': 'N° document',
  'ui.bulk.col.amount': 'Montant',
  'ui.bulk.col.addresses': 'Adresses',
  'ui.bulk.col.files': 'Pièces jointes individuelles',
  'ui.bulk.col.reason': 'Raison',
  'ui.bulk.generalAttachment': 'Pièce jointe générale (pour tous)',
  'ui.bulk.addGeneralAttachment': 'Ajouter…',
  'ui.bulk.largeFile': 'plus de 1 Mo',
  'ui.bulk.subject': 'Objet',
  'ui.bulk.body': 'Message',
  'ui.bulk.passwordTitle': 'Documents protégés par un mot de passe',
  'ui.bulk.passwordRule':
    'Le mot de passe des PDF est {rule}. Expliquez-le dans le message, sinon les destinataires ne pourront pas ouvrir le fichier.',
  'ui.bulk.preview': 'Aperçu du message de la ligne sélectionnée',
  'ui.bulk.previewHint': 'Sélectionnez une ligne pour voir son message.',
  'ui.bulk.previewNone': 'Aucun message ne partirait pour ce document.',
  'ui.bulk.pacing': 'Cadence du compte : {pacing}. Durée prévue : environ {duration}.',
  'ui.bulk.progress':
    '{done} sur {total, plural, one {# message traité} other {# messages traités}} ; {failed} en échec',
  'ui.bulk.remaining': 'Environ {duration} restantes',
  'ui.bulk.paused': 'En pause : les messages restants attendent « Reprendre ».',
  'ui.bulk.pausing': 'Pause après le message en cours…',
  'ui.bulk.queuedTitle':
    '{count, plural, one {# message mis en file} other {# messages mis en file}}',
  'ui.bulk.awaitingValidation':
    'La validation est manuelle : les messages attendent votre validation dans « Suivi des envois » (statut E).',
  'ui.bulk.finishedTitle': 'Envoi terminé',
  'ui.bulk.cancelledTitle': 'Envoi annulé',
  'ui.bulk.summary':
    '{sent, plural, one {# envoyé} other {# envoyés}}, {failed} en échec, {retrying} à réessayer, {excluded, plural, one {# exclu} other {# exclus}}.',
  'ui.bulk.limit.run':
    'La limite de messages par envoi du compte est atteinte : relancez l’envoi pour continuer.',
  'ui.bulk.limit.day': 'La limite quotidienne du compte est atteinte : le reste partira demain.',
  'ui.bulk.pause': 'Pause',
  'ui.bulk.resume': 'Reprendre',
  'ui.bulk.cancel': 'Annuler l’envoi',
  'ui.bulk.openOutbox': 'Ouvrir le suivi des envois',
  'ui.bulk.queueing': 'Préparation des messages…',
  'ui.bulk.send': 'Envoyer ({count})',
  'ui.exclusion.no_address':
    'Aucune adresse e-mail : ajoutez un correspondant qui reçoit les documents.',
  'ui.exclusion.invalid_address': 'Adresse non valide « {detail} » : corrigez-la dans le dossier.',
  'ui.exclusion.opted_out': 'Le dossier ne reçoit pas ses documents par e-mail.',
  'ui.exclusion.no_pdf': 'Le document n’a pas de PDF.',
  'ui.exclusion.precondition':
    'Le document n’est pas prêt ({detail}) : complétez-le avant de l’envoyer.',
  'ui.exclusion.already_sent':
    'Déjà envoyé à {detail} : réinitialisez l’état d’envoi pour l’envoyer de nouveau.',
  'ui.exclusion.already_queued': 'Déjà en file pour {detail} (voir Suivi des envois).',
  'ui.exclusion.too_large':
    'Message trop gros pour le compte ({detail}) : retirez une pièce jointe.',
  'ui.pacing.delay': '{seconds} s entre deux messages',
  'ui.pacing.noDelay': 'aucune attente entre les messages',
  'ui.pacing.pause': 'pause de {seconds} s tous les {every} messages',
  'ui.pacing.maxPerRun': '{count} par envoi au plus',
  'ui.pacing.maxPerDay': '{count} par jour au plus',
  'ui.pacing.preset.standard': 'Standard : 2 s entre les messages, 10 s tous les 10',
  'ui.pacing.preset.careful': 'Prudent (Gmail, Free…) : 5 s, 30 s tous les 20, 500 par jour',
  'ui.pacing.preset.microsoft365': 'Microsoft 365 : 2 s, 10 000 par jour',
  'ui.pacing.preset.none': 'Relais de l’établissement : sans attente',
  'ui.password.sin': 'le NAS du dossier (9 chiffres, sans espaces ni tirets)',
  'ui.password.field': 'le champ « {field} » du dossier',
  'ui.send.title': 'Envoyer par e-mail — {type} {number} ({name})',
  'ui.send.recipients': 'Destinataires',
  'ui.send.recipientsHint': 'Ctrl+clic pour en choisir plusieurs.',
  'ui.send.noCorrespondent': 'Ce dossier n’a aucun correspondant avec une adresse e-mail.',
  'ui.send.notReceiving': 'ne reçoit pas les documents d’habitude',
  'ui.send.otherAddress': 'Envoi à une autre adresse e-mail',
  'ui.send.method': 'Méthode d’envoi',
  'ui.send.method.sandbox':
    'Bac à sable (aucun e-mail ne part : fichiers .eml dans le dossier de données)',
  'ui.send.method.smtp': 'Compte de l’établissement ({from}, serveur {host})',
  'ui.send.chosen': '{count, plural, one {# adresse choisie} other {# adresses choisies}}',
  'ui.send.alreadySent':
    'Ce document a déjà été envoyé ({date}). Pour l’envoyer de nouveau, réinitialisez son état d’envoi.',
  'ui.send.reset': 'Réinitialiser l’état d’envoi',
  'ui.send.exactMessage': 'Le message qui partira',
  'ui.send.onePerRecipient': 'Un message par destinataire ({count} messages).',
  'ui.send.send': 'Envoyer',
  'ui.send.queuedSending':
    '{count, plural, one {# message en cours d’envoi} other {# messages en cours d’envoi}}.',
  'ui.send.queuedPending':
    '{count, plural, one {# message en attente} other {# messages en attente}} de validation dans « Suivi des envois ».',
  'ui.send.chooseRecipient': 'Choisissez au moins un correspondant, ou tapez une adresse e-mail.',
  'ui.bulk.cannotPaceTitle': 'Méthode d’envoi : {method}',
  'ui.bulk.cannotPace':
    'Cette méthode ouvre une fenêtre par message : elle convient à un petit envoi, pas plus de {limit} messages à la fois. Pour un envoi en masse, choisissez un serveur SMTP, Microsoft 365 ou Gmail dans Paramètres > Compte de messagerie.',
  'ui.bulk.tooManyForMethod':
    'Cet envoi ferait {count} messages, et cette méthode en ouvre un par fenêtre : au plus {limit} à la fois. Décochez des documents, ou choisissez un serveur SMTP, Microsoft 365 ou Gmail dans Paramètres > Compte de messagerie.',
} as const;
