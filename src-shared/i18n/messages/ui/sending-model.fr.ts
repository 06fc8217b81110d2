// Messages of the sending model, French: what the bulk send's button will do under the
// validation setting, the send that goes on after its dialog closes (status bar, summary with
// each failure named), and what "Débloquer" means.
export const uiSendingModelFr = {
  'ui.sendingModel.queueForApproval': 'Mettre en file pour validation ({count})',
  'ui.sendingModel.sendNow': 'Envoyer maintenant ({count})',
  'ui.sendingModel.validateAndSend': 'Valider et envoyer',
  'ui.sendingModel.validating': 'Validation…',
  'ui.sendingModel.openBatch': 'Voir ce lot dans Suivi des envois',
  'ui.sendingModel.awaiting':
    'Validation manuelle : rien n’est encore parti. Cliquez sur « Valider et envoyer », ou relisez et validez les messages dans Suivi des envois.',
  'ui.sendingModel.validateSkipped':
    'Validés : {changed}. Laissés tels quels, car modifiés ailleurs entre-temps : {skipped}.',
  'ui.sendingModel.closeHint':
    'Vous pouvez fermer cette fenêtre : l’envoi continue et sa progression reste affichée en bas de la fenêtre principale.',
  'ui.sendingModel.underway':
    'Un envoi en masse est en cours : le voici. Préparez le suivant quand il sera terminé ; les documents de cet envoi ne seront pas envoyés deux fois.',
  'ui.sendingModel.status.preparing': 'Préparation de l’envoi en masse…',
  'ui.sendingModel.status.running':
    'Envoi en cours : {done} sur {total} traités, en échec : {failed}',
  'ui.sendingModel.status.paused': 'Envoi en pause : {done} sur {total} traités',
  'ui.sendingModel.status.finished': 'Envoi terminé — envoyés : {sent}, en échec : {failed}',
  'ui.sendingModel.status.cancelled': 'Envoi annulé — envoyés : {sent}, en échec : {failed}',
  'ui.sendingModel.showSummary': 'Voir le résumé',
  'ui.sendingModel.dismiss': 'Masquer',
  'ui.sendingModel.summaryTitle': 'Résumé de l’envoi en masse',
  'ui.sendingModel.failuresTitle': 'Messages qui ne sont pas partis',
  'ui.sendingModel.col.dossier': 'Dossier',
  'ui.sendingModel.col.address': 'Adresse',
  'ui.sendingModel.col.reason': 'Ce qu’a répondu le serveur',
  'ui.sendingModel.noReason': 'Refusé par le serveur, sans explication.',
  'ui.sendingModel.failuresMore': 'Liste complète dans Suivi des envois ({count} en tout).',
  'ui.sendingModel.openFailures': 'Ouvrir les échecs dans Suivi des envois',
  'ui.sendingModel.unblocked':
    'Débloquer revient à valider de nouveau (comme dans Winpass) : ces messages partent maintenant. Débloqués : {changed} ; laissés tels quels : {skipped}.',
  'ui.sendingModel.batchFilter': 'Lot n° {batch}',
  'ui.sendingModel.clearBatch': 'Retirer le filtre du lot n° {batch}',
} as const;
